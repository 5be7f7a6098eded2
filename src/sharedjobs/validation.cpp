#include "sharedjobs/validation.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "sharedjobs/dates.hpp"

namespace maillage::sharedjobs {
namespace {

const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string hours_text(int minutes) {
    char buf[32];
    if (minutes % 60 == 0)
        std::snprintf(buf, sizeof buf, "%d h", minutes / 60);
    else
        std::snprintf(buf, sizeof buf, "%d h %02d", minutes / 60, minutes % 60);
    return buf;
}

class Checker {
  public:
    Checker(const Instance& instance, const Locate& locate,
            const std::set<std::string>* occupations)
        : instance_(instance), locate_(locate), occupations_(occupations) {}

    std::vector<InstanceProblem> run() {
        check_group_and_rules();
        auto horizon = check_horizon();
        check_members();
        for (std::size_t i = 0; i < instance_.needs.size(); ++i) check_need(i, horizon);
        for (std::size_t i = 0; i < instance_.workers.size(); ++i) check_worker(i);
        return std::move(problems_);
    }

  private:
    void add(std::string field, std::string reason) {
        problems_.push_back({std::move(field), std::move(reason)});
    }

    void check_group_and_rules() {
        const auto& g = instance_.group;
        if (!(g.coefficient > 0)) add("group.coefficient", "must be above 0");
        if (g.default_rate < 0) add("group.default_rate", "must not be negative");
        const auto& r = instance_.rules;
        if (r.slot_minutes <= 0 || 60 % r.slot_minutes != 0)
            add("rules.slot_minutes", "must divide 60 (5, 10, 15, 20, 30 or 60)");
        for (auto [field, value] : {std::pair{"rules.max_daily_minutes", r.max_daily_minutes},
                                    {"rules.max_weekly_minutes", r.max_weekly_minutes},
                                    {"rules.min_shift_minutes", r.min_shift_minutes},
                                    {"rules.max_layouts", r.max_layouts}})
            if (value <= 0) add(field, "must be above 0");
        if (r.daily_rest_minutes < 0 || r.daily_rest_minutes >= kMinutesPerDay)
            add("rules.daily_rest_minutes", "must be from 0 to 1439");
        if (r.overtime_allowance_minutes < 0)
            add("rules.overtime_allowance_minutes", "must not be negative");
        if (!(r.road_speed_kmh > 0)) add("rules.road_speed_kmh", "must be above 0");
        if (!(r.road_factor >= 1)) add("rules.road_factor", "must be 1 or more");
        for (std::size_t i = 0; i < r.public_holidays.size(); ++i)
            if (!dates::parse(r.public_holidays[i]))
                add("rules.public_holidays[" + std::to_string(i) + "]", "is not a date YYYY-MM-DD");
    }

    std::pair<int, int> check_horizon() {
        auto start = dates::parse(instance_.horizon.start);
        auto end = dates::parse(instance_.horizon.end);
        if (!start) add("horizon.start", "is not a date YYYY-MM-DD");
        if (!end) add("horizon.end", "is not a date YYYY-MM-DD");
        if (start && end && *end < *start) add("horizon.end", "is before horizon.start");
        return {start.value_or(0), end.value_or(0)};
    }

    void check_members() {
        for (std::size_t i = 0; i < instance_.members.size(); ++i) {
            const auto& m = instance_.members[i];
            std::string at = "members[" + std::to_string(i) + "]";
            if (m.id.empty()) add(at + ".id", "is required");
            if (!member_ids_.emplace(m.id, i).second)
                add(at + ".id",
                    "'" + m.id + "' is also members[" + std::to_string(member_ids_[m.id]) + "]");
            if (m.hourly_rate && *m.hourly_rate < 0)
                add(at + ".hourly_rate", "must not be negative");
        }
    }

    void check_commune(const std::string& field, const std::string& code) {
        if (code.empty())
            add(field, "is required");
        else if (!locate_(code))
            add(field, "unknown commune '" + code + "'");
    }

    // Windows on the grid, within a day, not overlapping one another. Returns their length.
    int check_windows(const std::string& at, const std::vector<TimeWindow>& windows) {
        int slot = std::max(1, instance_.rules.slot_minutes), total = 0;
        for (std::size_t j = 0; j < windows.size(); ++j) {
            const auto& w = windows[j];
            std::string field = at + "[" + std::to_string(j) + "]";
            if (w.day < 0 || w.day > 6) {
                add(field + ".day", "must be mon, tue, wed, thu, fri, sat or sun");
                continue;
            }
            if (w.start < 0 || w.end > kMinutesPerDay || w.start >= w.end) {
                add(field, "must start before it ends, within one day (00:00 to 24:00)");
                continue;
            }
            if (w.start % slot || w.end % slot)
                add(field, "times must be multiples of " + std::to_string(slot) + " minutes");
            for (std::size_t k = 0; k < j; ++k) {
                const auto& o = windows[k];
                if (o.day == w.day && o.start < w.end && w.start < o.end) {
                    add(field, "overlaps " + at.substr(at.rfind('.') + 1) + "[" +
                                   std::to_string(k) + "] (" + describe(o) + ")");
                    break;
                }
            }
            total += w.length();
        }
        return total;
    }

    void check_need(std::size_t i, std::pair<int, int> horizon) {
        const auto& n = instance_.needs[i];
        std::string at = "needs[" + std::to_string(i) + "]";
        if (n.id.empty()) add(at + ".id", "is required");
        if (!need_ids_.emplace(n.id, i).second)
            add(at + ".id",
                "'" + n.id + "' is also needs[" + std::to_string(need_ids_[n.id]) + "]");
        if (!member_ids_.count(n.member)) add(at + ".member", "unknown member '" + n.member + "'");
        if (n.occupation.empty())
            add(at + ".occupation", "is required");
        else if (occupations_ && !occupations_->count(n.occupation))
            add(at + ".occupation", "unknown occupation code '" + n.occupation + "'");
        int slot = std::max(1, instance_.rules.slot_minutes);
        if (n.weekly_minutes <= 0)
            add(at + ".weekly_hours", "must be above 0");
        else if (n.weekly_minutes % slot)
            add(at + ".weekly_hours", "must be a multiple of " + std::to_string(slot) + " minutes");
        if (n.windows.empty()) add(at + ".windows", "at least one window is required");
        int total = check_windows(at + ".windows", n.windows);
        if (n.weekly_minutes > 0 && !n.windows.empty() && n.weekly_minutes > total)
            add(at + ".weekly_hours", hours_text(n.weekly_minutes) +
                                          " a week do not fit in its windows (" +
                                          hours_text(total) + ")");
        check_commune(at + ".commune", n.commune);
        check_period(at, n, horizon);
        for (std::size_t j = 0; j < n.skills.size(); ++j)
            if (n.skills[j].empty())
                add(at + ".skills[" + std::to_string(j) + "]", "must not be empty");
    }

    void check_period(const std::string& at, const Need& n, std::pair<int, int> horizon) {
        std::optional<int> start, end;
        if (n.start && !(start = dates::parse(*n.start)))
            add(at + ".start", "is not a date YYYY-MM-DD");
        if (n.end && !(end = dates::parse(*n.end))) add(at + ".end", "is not a date YYYY-MM-DD");
        if (start && end && *end < *start) add(at + ".end", "is before " + at + ".start");
        if ((start && *start > horizon.second) || (end && *end < horizon.first))
            add(at + (start && *start > horizon.second ? ".start" : ".end"),
                "the need's period lies outside the horizon");
    }

    void check_worker(std::size_t i) {
        const auto& w = instance_.workers[i];
        std::string at = "workers[" + std::to_string(i) + "]";
        if (w.id.empty()) add(at + ".id", "is required");
        if (!worker_ids_.emplace(w.id, i).second)
            add(at + ".id",
                "'" + w.id + "' is also workers[" + std::to_string(worker_ids_[w.id]) + "]");
        if (w.target_minutes <= 0) add(at + ".target_hours", "must be above 0");
        if (w.target_minutes > instance_.rules.max_weekly_minutes)
            add(at + ".target_hours",
                "is above the weekly maximum of " + hours_text(instance_.rules.max_weekly_minutes));
        if (w.min_minutes < 0) add(at + ".min_hours", "must not be negative");
        if (w.min_minutes > w.target_minutes) add(at + ".min_hours", "is above target_hours");
        if (w.max_travel_minutes < 0) add(at + ".max_travel_minutes", "must not be negative");
        if (w.max_employers < 1 || w.max_employers > 8)
            add(at + ".max_employers", "must be from 1 to 8");
        check_windows(at + ".availability", w.availability);
        check_commune(at + ".home_commune", w.home_commune);
    }

    const Instance& instance_;
    const Locate& locate_;
    const std::set<std::string>* occupations_;
    std::vector<InstanceProblem> problems_;
    std::map<std::string, std::size_t> member_ids_, need_ids_, worker_ids_;
};

}  // namespace

std::string describe(const TimeWindow& w) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d-%02d:%02d", kDays[std::clamp(w.day, 0, 6)],
                  w.start / 60, w.start % 60, w.end / 60, w.end % 60);
    return buf;
}

std::vector<InstanceProblem> check_instance(const Instance& instance, const Locate& locate,
                                            const std::set<std::string>* occupations) {
    return Checker(instance, locate, occupations).run();
}

void reject_if_any(const std::vector<InstanceProblem>& problems) {
    if (problems.empty()) return;
    const auto& first = problems.front();
    std::string message = first.field + ": " + first.reason;
    if (problems.size() > 1)
        message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    throw Error(ErrorCode::invalid_input, message, first.field);
}

}  // namespace maillage::sharedjobs
