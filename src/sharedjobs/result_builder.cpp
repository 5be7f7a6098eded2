// From the engines' plan to what users read: jobs with their timetables and explanations,
// unmet needs with their reasons, each member's planned hours per month and their billing.
#include "sharedjobs/result_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sharedjobs/calendar.hpp"
#include "sharedjobs/dates.hpp"
#include "sharedjobs/validation.hpp"

namespace maillage::sharedjobs {
namespace {

std::string period_start(const Problem& p, int need) {
    return dates::format(p.needs[std::size_t(need)].first_day);
}
std::string period_end(const Problem& p, int need) {
    return dates::format(p.needs[std::size_t(need)].last_day);
}

Explanation explain(const Problem& p, int worker, int need, bool target_reached) {
    const auto& n = p.instance->needs[std::size_t(need)];
    Explanation e;
    e.need = n.id;
    e.home_to_site_minutes =
        p.travel_minutes(p.worker_home[std::size_t(worker)], p.needs[std::size_t(need)].site);
    e.eligible_workers = p.needs[std::size_t(need)].eligible;
    e.matched_skills.push_back(n.occupation);
    e.matched_skills.insert(e.matched_skills.end(), n.skills.begin(), n.skills.end());
    e.target_reached = target_reached;
    return e;
}

// The worker's blocks in each segment in time order, with the travel before each.
void fill_timetable(const Problem& p, int w, const std::vector<int>& tasks, Job& job) {
    int home = p.worker_home[std::size_t(w)];
    std::set<std::string> employers;
    for (std::size_t s = 0; s < p.segments.size(); ++s) {
        std::vector<int> blocks;
        for (int t : tasks)
            for (int b : p.tasks[std::size_t(t)].blocks)
                if (p.blocks[std::size_t(b)].segments >> s & 1u) blocks.push_back(b);
        if (blocks.empty()) continue;
        std::sort(blocks.begin(), blocks.end(), [&](int a, int b) {
            return p.blocks[std::size_t(a)].start < p.blocks[std::size_t(b)].start;
        });
        WeekTotals week{dates::format(p.segments[s].first_day),
                        dates::format(p.segments[s].last_day), 0, 0};
        int last_day = -1, last_site = home;
        for (int b : blocks) {
            const auto& blk = p.blocks[std::size_t(b)];
            int need = p.tasks[std::size_t(blk.task)].need;
            const auto& n = p.instance->needs[std::size_t(need)];
            int travel = blk.day == last_day
                             ? p.travel_minutes(last_site, blk.site)
                             : (last_day >= 0 ? p.travel_minutes(last_site, home) : 0) +
                                   p.travel_minutes(home, blk.site);
            week.travel_minutes += travel;
            week.minutes += blk.end - blk.start;
            last_day = blk.day;
            last_site = blk.site;
            // Each assignment is listed once, in the first segment where it appears.
            bool listed = std::any_of(job.assignments.begin(), job.assignments.end(),
                                      [&](const Assignment& a) {
                                          return a.need == n.id && a.time.week_start() == blk.start;
                                      });
            employers.insert(n.member);
            if (listed) continue;
            TimeWindow time{blk.day, blk.start - blk.day * kMinutesPerDay,
                            blk.end - blk.day * kMinutesPerDay};
            job.assignments.push_back({n.id, n.member, n.occupation, n.commune, time,
                                       period_start(p, need), period_end(p, need), travel});
        }
        week.travel_minutes += p.travel_minutes(last_site, home);
        job.weeks.push_back(week);
    }
    job.employers.assign(employers.begin(), employers.end());
}

Unmet unmet_of(const Problem& p, int need, int covered) {
    const auto& n = p.instance->needs[std::size_t(need)];
    const auto& info = p.needs[std::size_t(need)];
    Unmet u{n.id, n.member, n.weekly_minutes - covered, UnmetReason::capacity, ""};
    std::string skills = n.occupation;
    for (const auto& s : n.skills) skills += ", " + s;
    if (info.layouts.empty()) {
        u.reason = UnmetReason::rules;
        u.detail = "its hours cannot be laid out in shifts of at least " +
                   std::to_string(p.instance->rules.min_shift_minutes) + " minutes";
    } else if (info.with_skills == 0) {
        u.reason = UnmetReason::no_skill;
        u.detail = "no worker has " + skills;
    } else if (info.with_time == 0) {
        u.reason = UnmetReason::no_time_window;
        std::string windows;
        for (const auto& w : n.windows) windows += (windows.empty() ? "" : ", ") + describe(w);
        u.detail = std::to_string(info.with_skills) + " worker(s) have " + skills +
                   "; none is available at " + windows;
    } else if (info.near_enough == 0) {
        u.reason = UnmetReason::too_far;
        u.detail = std::to_string(info.with_time) +
                   " worker(s) have the skills and the time; all live beyond their maximum "
                   "travel time from " +
                   n.commune;
    } else if (info.eligible == 0) {
        u.reason = UnmetReason::rules;
        u.detail = "its shifts exceed the daily cap or the workers' weekly hours";
    } else {
        u.detail = std::to_string(info.eligible) +
                   " worker(s) could do it; the plan gives their hours to other needs";
    }
    return u;
}

// Planned minutes per member and month: each block on every date of the horizon that falls on
// its weekday, within its need's period, and is not a public holiday.
void fill_billing(const Problem& p, const Solution& s, Result& result) {
    const auto& inst = *p.instance;
    std::vector<WeeklyShift> shifts;
    for (const auto& tasks : s.tasks)
        for (int t : tasks) {
            const auto& task = p.tasks[std::size_t(t)];
            const auto& info = p.needs[std::size_t(task.need)];
            for (int b : task.blocks) {
                const auto& blk = p.blocks[std::size_t(b)];
                shifts.push_back({inst.members[std::size_t(task.member)].id, blk.day,
                                  blk.end - blk.start, info.first_day, info.last_day});
            }
        }
    int h0 = *dates::parse(inst.horizon.start), h1 = *dates::parse(inst.horizon.end);
    auto minutes = minutes_by_month(shifts, holiday_days(inst.rules.public_holidays), h0, h1);
    // Every member has a row for every month of the horizon, even at zero.
    for (const auto& m : inst.members)
        for (int d = h0; d <= h1; d += 28) minutes[{m.id, dates::month_of(d)}] += 0;
    for (const auto& m : inst.members) minutes[{m.id, dates::month_of(h1)}] += 0;
    std::map<std::string, const Member*> members;
    for (const auto& m : inst.members) members[m.id] = &m;
    for (const auto& [key, planned] : minutes) {
        const auto* m = members.at(key.first);
        double rate = m->hourly_rate.value_or(inst.group.default_rate);
        double amount = double(planned) / 60.0 * rate * inst.group.coefficient;
        result.billing.push_back(
            {key.first, key.second, planned, rate, double(std::llround(amount * 100)) / 100.0});
    }
}

}  // namespace

Result build_result(const Problem& p, const Solution& s) {
    Result result;
    const auto& inst = *p.instance;
    std::vector<int> covered(p.needs.size(), 0);
    for (std::size_t w = 0; w < s.tasks.size(); ++w) {
        const auto& tasks = s.tasks[w];
        if (tasks.empty()) continue;
        const auto& worker = inst.workers[w];
        Job job;
        job.worker = worker.id;
        job.worker_name = worker.name;
        job.target_minutes = worker.target_minutes;
        fill_timetable(p, int(w), tasks, job);
        bool reached = s.totals[w].target_weeks > 0;
        std::set<int> needs;
        for (int t : tasks) {
            covered[std::size_t(p.tasks[std::size_t(t)].need)] += p.tasks[std::size_t(t)].minutes;
            needs.insert(p.tasks[std::size_t(t)].need);
        }
        for (int n : needs) job.why.push_back(explain(p, int(w), n, reached));
        result.objective.target_weeks += s.totals[w].target_weeks;
        result.objective.covered_minutes += s.totals[w].covered;
        result.objective.travel_minutes += s.totals[w].travel;
        result.objective.employers += s.totals[w].employers;
        result.jobs.push_back(std::move(job));
    }
    for (std::size_t n = 0; n < p.needs.size(); ++n)
        if (covered[n] < inst.needs[n].weekly_minutes)
            result.unmet.push_back(unmet_of(p, int(n), covered[n]));
    fill_billing(p, s, result);
    return result;
}

}  // namespace maillage::sharedjobs
