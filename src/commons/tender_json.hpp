#pragma once
// Tenders, consortium members and realised hours as JSON (the API's shapes, docs/commons.md),
// and strict reading of request bodies.
#include "api/router.hpp"
#include "commons/model.hpp"
#include "core/json.hpp"

namespace maillage::commons {

Json to_json(const Tender& t);
Json to_json(const Member& m);
Json to_json(const RealisedHours& h);
Json to_json(const TenderDetail& d);

TenderInput tender_input_from(const Json& body);
MemberInput member_input_from(const Json& body);
HoursInput hours_input_from(const Json& body);
TenderFilter filter_from(const api::Request& request);

}  // namespace maillage::commons
