#pragma once
// The network module's JSON shapes (docs/network.md), read strictly and written completely.
#include "api/router.hpp"
#include "core/json.hpp"
#include "network/network_service.hpp"

namespace maillage::network {

Json rules_json(const NetworkService& service, const std::vector<Nature>& natures);
Json to_json(const Nature& nature);
Json to_json(const LogicCard& card);
Json to_json(const Relation& relation);
Json to_json(const RelationVersion& version);
Json to_json(const ScopeGraph& scope);
Json to_json(const DeriveSummary& summary);
Json to_json(const YearComparison& comparison);
// The analysis of a pole: the analysis JSON (analysis_json.hpp) plus the year and mission.
Json to_json(const PoleAnalysis& analysis);

RelationInput relation_input_from(const Json& body, int default_intensity);
NatureInput nature_input_from(const Json& body);
struct CardInput {
    int year = 0;
    std::string mission;
    std::vector<LogicEntryInput> entries;
};
CardInput card_input_from(const Json& body);

// ?year=&mission= (the year is required; an empty mission means every mission).
Scope scope_from(const api::Request& request);
// ?focus=12,40 or a JSON list.
std::vector<std::int64_t> focus_from(const std::string& text);

}  // namespace maillage::network
