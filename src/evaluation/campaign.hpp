#pragma once
// Social-utility campaigns (seed 003, Fiche II-2) follow the fiche's six ordered steps:
//   1. demand      — who asks for the evaluation and why (internal, or induced by partners),
//                    which stakeholders take part and how;
//   2. perimeter   — the DTS démarche only or the whole structure, the core business in or
//                    out (« un choix décisif »), the territories;
//   3. criteria    — criteria and indicators identified collectively, from the eight criteria;
//   4. evidence    — supports already used: activity reports, general-assembly minutes,
//                    press, surveys… (records attached to the campaign's assessment);
//   5. collection  — the indicators filled in, with the collection procedure;
//   6. debate      — presentation and debate, internal and external, and the shared argument.
// A campaign owns a copy of the social-utility grid: its retained criteria and the indicators
// it adds. Its data are an assessment of that grid, so the reports and the pole-level
// aggregation of the core insertion indicators work as for any grid.
#include <set>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "evaluation/grid.hpp"
#include "evaluation/model.hpp"

namespace maillage::evaluation {

inline const std::vector<std::string> kCampaignSteps = {"demand",   "perimeter",  "criteria",
                                                        "evidence", "collection", "debate"};

// Codes a campaign's answers may use (the enumerations).
struct CampaignVocabulary {
    std::set<std::string> origins, participation, perimeters, methods;
};

// The steps of a new campaign: nothing filled in, every criterion retained.
Json initial_steps(const Grid& base);

// Checks one step's data and returns it in canonical form; an invalid field throws an
// invalid_input Error naming it ("demand.stakeholders[1].participation"). `criteria` must
// retain criteria of the base grid.
Json checked_step(const std::string& step, const Json& data, const Grid& base,
                  const CampaignVocabulary& vocabulary);

// Marks a step done or not done.
void mark_step(Json& steps, const std::string& step, bool done);

// The campaign's grid: the base grid's baseline sections, then the retained criteria in the
// base grid's order, each with the indicators the campaign added to it (kept from `current`).
Grid campaign_grid(const Grid& base, const Grid& current, const std::vector<std::string>& retained);

// Adds an indicator under its criterion; returns the new item's code.
std::string add_indicator(Grid& grid, const IndicatorInput& input);
// Removes an indicator the campaign added; false when `code` is not one.
bool remove_indicator(Grid& grid, const std::string& code);

}  // namespace maillage::evaluation
