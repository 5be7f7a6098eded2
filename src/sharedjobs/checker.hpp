#pragma once
// An independent checker of composed plans (checker.cpp): every rule re-verified from the
// instance alone. Used by the tests on every plan they produce, and by `maillage sharedjobs
// check`.
#include <string>
#include <vector>

#include "sharedjobs/model.hpp"
#include "sharedjobs/problem.hpp"

namespace maillage::sharedjobs {

// Every rule the result breaks, in words; empty when the result keeps them all.
std::vector<std::string> check_result(const Instance& instance, const Result& result,
                                      const Locate& locate);

}  // namespace maillage::sharedjobs
