#pragma once
// Validation of what users write: pure functions returning every problem found (the API
// answers with the first). Whether actors belong to the pole is the service's check.
#include <vector>

#include "actors/model.hpp"
#include "core/vocabulary.hpp"
#include "network/model.hpp"
#include "network/rules.hpp"

namespace maillage::network {

using actors::FieldProblem;

inline constexpr int kFirstYear = 1990, kLastYear = 2100;

std::vector<FieldProblem> check_year(int year, const std::string& field = "year");
std::vector<FieldProblem> check_mission(const std::string& mission, const Vocabulary& vocabulary);

// Normalises (trimmed texts, empty → absent) and checks. `natures` are the shipped ones and the
// pole's.
std::vector<FieldProblem> check_relation(RelationInput& input, const NetworkRules& rules,
                                         const std::vector<Nature>& natures,
                                         const Vocabulary& vocabulary);

std::vector<FieldProblem> check_logic_entries(std::vector<LogicEntryInput>& entries,
                                              const NetworkRules& rules);

std::vector<FieldProblem> check_nature(NatureInput& input, const std::vector<Nature>& existing);

}  // namespace maillage::network
