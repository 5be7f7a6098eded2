#pragma once
// The pathways module's JSON shapes (docs/pathways.md): read strictly, written completely.
#include "api/router.hpp"
#include "core/json.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::pathways {

// An optional field: its value, or null.
template <class T>
Json json_or_null(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json to_json(const Label& label);
Json to_json(const Project& project);
Json to_json(const ProjectPage& page);
Json to_json(const ProjectDetail& detail);
Json to_json(const TemplateInfo& info, bool with_document);
Json to_json(const PathwayTemplate& pathway);
Json to_json(const Promoter& promoter);
Json to_json(const SupportAction& action);
Json to_json(const Visit& visit);
Json to_json(const TestContract& contract);
Json to_json(const Mentorship& mentorship);
Json to_json(const Mentor& mentor);
Json to_json(const MentorPage& page);
Json to_json(const Suggestions& suggestions);
Json to_json(const AlertView& alert);
Json to_json(const Dashboard& dashboard);
Json to_json(const std::vector<KanbanColumn>& columns);
Json to_json(const MentoringLink& link);

ProjectInput project_input_from(const Json& body);
PromoterInput promoter_input_from(const Json& body);
TransitionInput transition_input_from(const Json& body);
ActionInput action_input_from(const Json& body);
VisitInput visit_input_from(const Json& body);
TestContractInput contract_input_from(const Json& body);
JobsDeclaration jobs_from(const Json& body, int year);
MentorInput mentor_input_from(const Json& body);
MentorshipInput mentorship_input_from(const Json& body);
ProjectFilter project_filter_from(const api::Request& request);
MentorFilter mentor_filter_from(const api::Request& request);
// ?date=YYYY-MM-DD, else today (UTC).
Date date_from(const api::Request& request);

}  // namespace maillage::pathways
