#pragma once
// The instance and result JSON documents (docs/sharedjobs.md, "Instance" and "Result"): read
// strictly (unknown fields refused, every error naming the element) and written completely.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "sharedjobs/model.hpp"

namespace maillage::sharedjobs {

// `defaults`: the territory's rules (data/sharedjobs/rules.json) that the instance may override.
Instance instance_from_json(const Json& document, const Rules& defaults);
Json to_json(const Instance& instance);

// Rules in their JSON shape (hours where users think in hours), over the given defaults.
Rules rules_from_json(const Json& object, Rules defaults, const std::string& prefix = "rules");
Json to_json(const Rules& rules);

TimeWindow window_from_json(const Json& object, const std::string& field);
Json to_json(const TimeWindow& window);
std::string clock_text(int minute_of_day);  // "08:30"
// Hours to whole minutes, or an error naming the field.
int minutes_from_hours(double hours, const std::string& field);
// A list of windows ("availability[2]" in errors); null gives none.
std::vector<TimeWindow> windows_from_json(const Json* list, const std::string& field);
Json windows_to_json(const std::vector<TimeWindow>& windows);

Json to_json(const Result& result);

}  // namespace maillage::sharedjobs
