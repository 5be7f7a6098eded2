#pragma once
// The needs observatory's JSON: what the API answers and reads, and how a call's document is
// stored. Nothing else: no logic.
#include "core/json.hpp"
#include "needs/call.hpp"
#include "needs/diagnostic.hpp"
#include "needs/model.hpp"
#include "needs/needs_service.hpp"

namespace maillage::needs {

Json to_json(const Record& record);
Json to_json(const RecordPage& page);
Json to_json(const Group& group);
Json to_json(const GroupPage& page);
Json to_json(const GroupMember& member);
Json to_json(const Decision& decision);
Json to_json(const Settings& settings);
Json to_json(const CatalogueView& view);
Json to_json(const Diagnostic& diagnostic);
Json to_json(const Figure& figure);
Json to_json(const CallDocument& document);
Json to_json(const Call& call);
Json to_json(const CallSummary& summary);
Json to_json(const NeedsSummary& summary);
Json to_json(const ImportSummary& summary);
Json to_json(const CatalogueSummary& summary);
Json to_json(const RationaliseSummary& summary);
Json taxonomy_json(const Taxonomy& taxonomy);

// Strict reading: unknown fields and wrong types are refused, naming the field.
RecordInput record_input_from(const Json& body);
Settings settings_from(const Json& body, const Settings& current);
std::vector<Figure> figures_from(const Json& body);
CallRequest call_request_from(const Json& body);
CallEdit call_edit_from(const Json& body);
// The stored form of a document (written by to_json).
CallDocument call_document_from(const Json& stored);

}  // namespace maillage::needs
