#pragma once
// The composer's entry point: an instance in, jobs, unmet needs, billing and bounds out.
#include <set>
#include <string>

#include "core/progress.hpp"
#include "sharedjobs/problem.hpp"

namespace maillage::sharedjobs {

// Validates, compiles and solves. Throws maillage::Error (invalid_input, naming the element)
// on a bad instance.
Result compose(const Instance& instance, const Locate& locate, const ComposeOptions& options,
               Progress& progress, const std::set<std::string>* occupations = nullptr);

const char* to_string(UnmetReason reason);
const char* to_string(Engine engine);
Engine engine_from(const std::string& name);  // "exact", "fast" or "auto"

}  // namespace maillage::sharedjobs
