#pragma once
// From a typical week to dates: a weekly shift happens on every date of its period that falls
// on its weekday and is not a public holiday. Billing, the ledger and the links to other
// modules all count planned hours this way.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace maillage::sharedjobs {

struct WeeklyShift {
    std::string key;  // what the minutes are summed by (a member, a worker × member…)
    int day = 0;      // 0 = Monday
    int minutes = 0;
    int first_day = 0, last_day = 0;  // day numbers (dates.hpp), inclusive
};

// Holidays as day numbers; invalid dates are skipped (the rules were validated before).
std::set<int> holiday_days(const std::vector<std::string>& holidays);

// Planned minutes per (key, "YYYY-MM"), over the dates in [from, to].
std::map<std::pair<std::string, std::string>, int> minutes_by_month(
    const std::vector<WeeklyShift>& shifts, const std::set<int>& holidays, int from, int to);

}  // namespace maillage::sharedjobs
