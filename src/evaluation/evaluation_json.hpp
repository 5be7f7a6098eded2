#pragma once
// The HTTP API's JSON: records out, inputs in (strict: unknown fields are refused, and every
// error names its field).
#include "core/json.hpp"
#include "evaluation/evaluation_service.hpp"

namespace maillage::evaluation {

Json label_to_json(const Label& label);
Label label_from(const Json* value, const std::string& field);

Json to_json(const StoredGrid& grid, bool with_definition);
Json to_json(const AssessmentSummary& a);
Json to_json(const Assessment& a, const Assessment* previous);
Json to_json(const Replay& replay, std::int64_t total_arguments);
Json to_json(const Comparison& comparison);
Json to_json(const Evidence& e);
Json to_json(const Demarche& d);
Json to_json(const Round& r);
Json to_json(const DistributionReport& d);
Json to_json(const Campaign& k);

AssessmentInput assessment_input_from(const Json& body);
AssessmentChange assessment_change_from(const Json& body);
ParticipantInput participant_from(const Json& body, const std::string& prefix = {});
ArgumentInput argument_from(const Json& body);
std::vector<AnswerInput> answers_from(const Json& body);
EvidenceInput evidence_from(const Json& body);
Demarche demarche_from(const Json& body);
RoundInput round_from(const Json& body);
CampaignInput campaign_from(const Json& body);
IndicatorInput indicator_from(const Json& body);

}  // namespace maillage::evaluation
