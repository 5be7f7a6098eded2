#pragma once
// Checks an instance before composing: every problem names the element ("needs[12].windows[1]")
// and says what is wrong, so that a user can fix the whole file at once.
#include <set>
#include <string>
#include <vector>

#include "sharedjobs/problem.hpp"

namespace maillage::sharedjobs {

struct InstanceProblem {
    std::string field;
    std::string reason;
};

// `occupations`: the known occupation codes; when null, any non-empty code is accepted.
std::vector<InstanceProblem> check_instance(const Instance& instance, const Locate& locate,
                                            const std::set<std::string>* occupations = nullptr);

// Throws an invalid_input maillage::Error for the first problem (the message counts the others).
void reject_if_any(const std::vector<InstanceProblem>& problems);

// "mon 08:00-12:00", for messages and explanations.
std::string describe(const TimeWindow& window);

}  // namespace maillage::sharedjobs
