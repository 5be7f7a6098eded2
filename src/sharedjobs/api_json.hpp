#pragma once
// The shared-jobs API's JSON shapes (docs/sharedjobs.md, "API"): read strictly, written whole.
#include "core/json.hpp"
#include "sharedjobs/records.hpp"

namespace maillage::sharedjobs {

GroupInput group_input_from(const Json& body);
MemberInput member_input_from(const Json& body);
NeedInput need_input_from(const Json& body);
WorkerInput worker_input_from(const Json& body);
LedgerInput ledger_input_from(const Json& body);
ComposeOptions compose_options_from(const Json& body);

Json to_json(const GroupRecord& g);
Json to_json(const MemberRecord& m);
Json to_json(const NeedRecord& n);
Json to_json(const WorkerRecord& w);
Json to_json(const PlanSummary& p);
Json to_json(const LedgerRow& r);
Json to_json(const MemberMonth& m);

}  // namespace maillage::sharedjobs
