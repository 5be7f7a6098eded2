#include "sharedjobs/calendar.hpp"

#include <algorithm>

#include "sharedjobs/dates.hpp"

namespace maillage::sharedjobs {

std::set<int> holiday_days(const std::vector<std::string>& holidays) {
    std::set<int> out;
    for (const auto& h : holidays)
        if (auto d = dates::parse(h)) out.insert(*d);
    return out;
}

std::map<std::pair<std::string, std::string>, int> minutes_by_month(
    const std::vector<WeeklyShift>& shifts, const std::set<int>& holidays, int from, int to) {
    std::map<std::pair<std::string, std::string>, int> out;
    for (const auto& s : shifts) {
        int first = std::max(from, s.first_day), last = std::min(to, s.last_day);
        // The first date on the shift's weekday, then every seventh day.
        int d = first + ((s.day - dates::weekday(first)) % 7 + 7) % 7;
        for (; d <= last; d += 7)
            if (!holidays.count(d)) out[{s.key, dates::month_of(d)}] += s.minutes;
    }
    return out;
}

}  // namespace maillage::sharedjobs
