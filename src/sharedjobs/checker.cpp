// The independent checker. It re-reads a result against its instance and verifies every rule
// from scratch, date by date, with its own code: nothing here is shared with the composer
// (no Problem, no blocks, no layouts, no schedule state), so that a mistake in the composer's
// rules cannot hide itself.
#include "sharedjobs/checker.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sharedjobs/dates.hpp"
#include "territory/territory.hpp"

namespace maillage::sharedjobs {
namespace {

struct Shift {
    const Assignment* assignment;
    const Need* need;
    int from_day, to_day;  // dates of its period
    int start, end;        // minutes of the week
};

class Verifier {
  public:
    Verifier(const Instance& inst, const Result& result, const Locate& locate)
        : inst_(inst), result_(result), locate_(locate) {
        for (const auto& n : inst.needs) needs_[n.id] = &n;
        for (const auto& w : inst.workers) workers_[w.id] = &w;
        for (const auto& h : inst.rules.public_holidays)
            if (auto d = dates::parse(h)) holidays_.insert(*d);
        h0_ = dates::parse(inst.horizon.start).value_or(0);
        h1_ = dates::parse(inst.horizon.end).value_or(0);
    }

    std::vector<std::string> run() {
        std::map<std::string, std::vector<Shift>> by_need;
        std::set<std::string> seen_workers;
        for (const auto& job : result_.jobs) {
            if (!seen_workers.insert(job.worker).second)
                fail("worker " + job.worker + " has two jobs");
            auto shifts = shifts_of(job);
            check_worker(job, shifts);
            for (const auto& s : shifts) by_need[s.need->id].push_back(s);
            for (const auto& s : shifts) owner_[s.need->id].insert(job.worker);
        }
        for (const auto& n : inst_.needs) check_need(n, by_need[n.id]);
        check_billing(by_need);
        return std::move(problems_);
    }

  private:
    void fail(std::string message) { problems_.push_back(std::move(message)); }

    int travel(const std::string& a, const std::string& b) const {
        if (a == b) return 0;
        auto pa = locate_(a), pb = locate_(b);
        if (!pa || !pb) return 1 << 20;
        double km = territory::Territory::distance_km(pa->lat, pa->lon, pb->lat, pb->lon) *
                    inst_.rules.road_factor;
        return int(std::ceil(km / inst_.rules.road_speed_kmh * 60.0 - 1e-9));
    }

    std::vector<Shift> shifts_of(const Job& job) {
        std::vector<Shift> out;
        for (const auto& a : job.assignments) {
            auto it = needs_.find(a.need);
            if (it == needs_.end()) {
                fail(job.worker + ": unknown need " + a.need);
                continue;
            }
            const Need& n = *it->second;
            int from = std::max(h0_, n.start ? dates::parse(*n.start).value_or(h0_) : h0_);
            int to = std::min(h1_, n.end ? dates::parse(*n.end).value_or(h1_) : h1_);
            if (a.period_start != dates::format(from) || a.period_end != dates::format(to))
                fail(job.worker + ": " + n.id + " is planned outside its period");
            if (a.member != n.member)
                fail(job.worker + ": " + n.id + " billed to the wrong member");
            bool inside = std::any_of(n.windows.begin(), n.windows.end(), [&](const TimeWindow& w) {
                return w.day == a.time.day && w.start <= a.time.start && a.time.end <= w.end;
            });
            if (!inside) fail(job.worker + ": " + n.id + " is placed outside the need's windows");
            if (a.time.end <= a.time.start) fail(job.worker + ": " + n.id + " has an empty shift");
            int shortest = std::min(inst_.rules.min_shift_minutes, n.weekly_minutes);
            if (a.time.end - a.time.start < shortest)
                fail(job.worker + ": " + n.id + " has a shift shorter than the minimum");
            out.push_back({&a, &n, from, to, a.time.day * kMinutesPerDay + a.time.start,
                           a.time.day * kMinutesPerDay + a.time.end});
        }
        return out;
    }

    void check_worker(const Job& job, const std::vector<Shift>& shifts) {
        auto it = workers_.find(job.worker);
        if (it == workers_.end()) return fail("unknown worker " + job.worker);
        const Worker& w = *it->second;
        std::set<std::string> employers, agreements;
        for (const auto& s : shifts) {
            employers.insert(s.need->member);
            agreements.insert(s.need->agreement);
            auto has = [&](const std::string& c) {
                return std::find(w.skills.begin(), w.skills.end(), c) != w.skills.end();
            };
            if (!has(s.need->occupation) ||
                !std::all_of(s.need->skills.begin(), s.need->skills.end(), has))
                fail(w.id + ": lacks a skill for " + s.need->id);
            bool available =
                std::any_of(w.availability.begin(), w.availability.end(), [&](const TimeWindow& a) {
                    return a.day == s.assignment->time.day && a.start <= s.assignment->time.start &&
                           s.assignment->time.end <= a.end;
                });
            if (!available) fail(w.id + ": not available for " + s.need->id);
            if (travel(w.home_commune, s.need->commune) > w.max_travel_minutes)
                fail(w.id + ": " + s.need->id + " is beyond the maximum travel time");
        }
        if (int(employers.size()) > w.max_employers) fail(w.id + ": too many employers");
        if (inst_.rules.same_agreement_per_worker && agreements.size() > 1)
            fail(w.id + ": needs under different collective agreements");
        // Every date of the horizon: the week the worker works then must keep every rule.
        std::set<std::vector<const Shift*>> weeks;
        for (int d = h0_; d <= h1_; ++d) {
            std::vector<const Shift*> active;
            for (const auto& s : shifts)
                if (s.from_day <= d && d <= s.to_day) active.push_back(&s);
            if (!active.empty()) weeks.insert(active);
        }
        for (const auto& week : weeks) check_week(w, week);
    }

    void check_week(const Worker& w, std::vector<const Shift*> week) {
        const auto& rules = inst_.rules;
        std::sort(week.begin(), week.end(),
                  [](const Shift* a, const Shift* b) { return a->start < b->start; });
        int total = 0;
        std::map<int, int> per_day;
        for (std::size_t i = 0; i < week.size(); ++i) {
            const Shift& s = *week[i];
            total += s.end - s.start;
            per_day[s.start / kMinutesPerDay] += s.end - s.start;
            if (i == 0) continue;
            const Shift& prev = *week[i - 1];
            int prev_day = prev.start / kMinutesPerDay, day = s.start / kMinutesPerDay;
            if (prev_day == day) {
                if (prev.end + travel(prev.need->commune, s.need->commune) > s.start)
                    fail(w.id + ": " + prev.need->id + " and " + s.need->id +
                         " overlap once travel is counted");
            } else if (s.start - prev.end < rules.daily_rest_minutes) {
                fail(w.id + ": less than the daily rest before " + s.need->id);
            }
        }
        for (auto [day, minutes] : per_day) {
            if (minutes > rules.max_daily_minutes) fail(w.id + ": daily cap exceeded");
            int first = kMinutesPerWeek, last = 0;
            for (const auto* s : week)
                if (s->start / kMinutesPerDay == day) {
                    first = std::min(first, s->start);
                    last = std::max(last, s->end);
                }
            if (last - first > kMinutesPerDay - rules.daily_rest_minutes)
                fail(w.id + ": a working day leaves less than the daily rest");
        }
        if (week.front()->start + kMinutesPerWeek - week.back()->end < rules.daily_rest_minutes)
            fail(w.id + ": less than the daily rest over the week's end");
        int cap =
            std::min(w.target_minutes + rules.overtime_allowance_minutes, rules.max_weekly_minutes);
        if (total > cap) fail(w.id + ": scheduled beyond the target hours");
        if (total < w.min_minutes) fail(w.id + ": below the minimum hours");
    }

    void check_need(const Need& n, const std::vector<Shift>& shifts) {
        int covered = 0;
        for (const auto& s : shifts) covered += s.end - s.start;
        for (std::size_t i = 0; i < shifts.size(); ++i)
            for (std::size_t j = i + 1; j < shifts.size(); ++j)
                if (shifts[i].start < shifts[j].end && shifts[j].start < shifts[i].end)
                    fail(n.id + ": the same hours are given twice");
        if (covered > n.weekly_minutes) fail(n.id + ": more hours planned than needed");
        if (!n.splittable && owner_[n.id].size() > 1) fail(n.id + ": split though not splittable");
        if (!n.splittable && covered > 0 && covered != n.weekly_minutes)
            fail(n.id + ": only partly covered though not splittable");
        int unmet = n.weekly_minutes - covered;
        auto u = std::find_if(result_.unmet.begin(), result_.unmet.end(),
                              [&](const Unmet& x) { return x.need == n.id; });
        if (unmet > 0 && (u == result_.unmet.end() || u->unmet_minutes != unmet))
            fail(n.id + ": unmet hours not reported");
        if (unmet == 0 && u != result_.unmet.end()) fail(n.id + ": reported unmet but covered");
    }

    void check_billing(const std::map<std::string, std::vector<Shift>>& by_need) {
        std::map<std::pair<std::string, std::string>, int> expected;
        for (const auto& [id, shifts] : by_need)
            for (const auto& s : shifts)
                for (int d = s.from_day; d <= s.to_day; ++d)
                    if (dates::weekday(d) == s.start / kMinutesPerDay && !holidays_.count(d))
                        expected[{s.need->member, dates::month_of(d)}] += s.end - s.start;
        for (const auto& b : result_.billing) {
            auto it = expected.find({b.member, b.month});
            int planned = it == expected.end() ? 0 : it->second;
            if (planned != b.planned_minutes)
                fail("billing " + b.member + " " + b.month + ": planned hours differ");
            double rate = b.rate;
            double amount = double(planned) / 60.0 * rate * inst_.group.coefficient;
            if (std::fabs(amount - b.amount) > 0.011)
                fail("billing " + b.member + " " + b.month + ": amount differs");
            if (it != expected.end()) expected.erase(it);
        }
        for (const auto& [key, minutes] : expected)
            if (minutes > 0) fail("billing " + key.first + " " + key.second + ": missing");
    }

    const Instance& inst_;
    const Result& result_;
    const Locate& locate_;
    std::map<std::string, const Need*> needs_;
    std::map<std::string, const Worker*> workers_;
    std::map<std::string, std::set<std::string>> owner_;
    std::set<int> holidays_;
    int h0_ = 0, h1_ = 0;
    std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> check_result(const Instance& instance, const Result& result,
                                      const Locate& locate) {
    return Verifier(instance, result, locate).run();
}

}  // namespace maillage::sharedjobs
