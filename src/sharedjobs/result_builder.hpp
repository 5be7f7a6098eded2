#pragma once
// Turns the engines' plan into the Result users read (model.hpp).
#include "sharedjobs/solution.hpp"

namespace maillage::sharedjobs {

Result build_result(const Problem& p, const Solution& s);

}  // namespace maillage::sharedjobs
