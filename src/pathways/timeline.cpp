#include "pathways/timeline.hpp"

namespace maillage::pathways {

std::vector<Stay> actual_stays(const std::vector<TransitionRecord>& log, Date today) {
    std::vector<Stay> stays;
    for (const auto& t : log) {
        bool closes = t.to_status == "abandoned" || t.to_status == "completed";
        if (t.from_step != t.to_step) {
            if (!stays.empty() && !stays.back().end) stays.back().end = t.on_date;
            stays.push_back({t.to_step, t.on_date, std::nullopt, 0});
        }
        if (closes && !stays.empty() && !stays.back().end) stays.back().end = t.on_date;
    }
    for (auto& s : stays) {
        Date start = *parse_date(s.start);
        Date end = s.end ? *parse_date(*s.end) : today;
        s.days = std::max<std::int64_t>(0, days_between(start, end));
    }
    return stays;
}

}  // namespace maillage::pathways
