#include "sharedjobs/schedule.hpp"

#include <algorithm>

namespace maillage::sharedjobs {

WorkerRules::WorkerRules(const Problem& p, int w) : worker(w) {
    const auto& rules = p.instance->rules;
    const auto& worker_def = p.instance->workers[std::size_t(w)];
    home = p.worker_home[std::size_t(w)];
    cap = std::min(worker_def.target_minutes + rules.overtime_allowance_minutes,
                   rules.max_weekly_minutes);
    target = worker_def.target_minutes;
    minimum = worker_def.min_minutes;
    max_employers = std::min(8, worker_def.max_employers);
    max_daily = rules.max_daily_minutes;
    rest = rules.daily_rest_minutes;
    same_agreement = rules.same_agreement_per_worker;
}

bool WeekHead::has_employer(int member) const {
    for (int i = 0; i < employer_count; ++i)
        if (employers[std::size_t(i)] == member) return true;
    return false;
}

bool open_task(const Problem& p, const WorkerRules& r, const Task& task, WeekHead& head,
               SegmentState* seg, double& cost, const CostWeights& w) {
    for (std::size_t s = 0; s < p.segments.size(); ++s)
        if ((task.segments >> s & 1u) && seg[s].minutes + task.minutes > r.cap) return false;
    int agreement = p.needs[std::size_t(task.need)].agreement;
    if (r.same_agreement && head.agreement >= 0 && head.agreement != agreement) return false;
    if (!head.has_employer(task.member)) {
        if (head.employer_count >= r.max_employers) return false;
        auto* end = head.employers.begin() + head.employer_count;
        auto* at = std::lower_bound(head.employers.begin(), end, std::int16_t(task.member));
        std::copy_backward(at, end, end + 1);
        *at = std::int16_t(task.member);
        ++head.employer_count;
        cost += w.employer;
    }
    head.agreement = std::int16_t(agreement);
    for (std::size_t s = 0; s < p.segments.size(); ++s)
        if (task.segments >> s & 1u) seg[s].minutes += task.minutes;
    cost += w.minute * double(task.value);
    return true;
}

bool take_block(const Problem& p, const WorkerRules& r, const Block& b, SegmentState* seg,
                double& cost, const CostWeights& w) {
    int length = b.end - b.start;
    for (std::size_t s = 0; s < p.segments.size(); ++s) {
        if (!(b.segments >> s & 1u)) continue;
        auto& st = seg[s];
        int legs = 0;
        if (st.last_day < 0) {
            legs = p.travel_minutes(r.home, b.site);
            st.week_first = b.start;
            st.day_minutes = length;
            st.day_first = b.start;
        } else if (st.last_day == b.day) {
            legs = p.travel_minutes(st.last_site, b.site);
            if (st.last_end + legs > b.start) return false;
            st.day_minutes += length;
            if (b.end - st.day_first > kMinutesPerDay - r.rest) return false;
        } else {
            if (b.start - st.last_end < r.rest) return false;
            legs = p.travel_minutes(st.last_site, r.home) + p.travel_minutes(r.home, b.site);
            st.day_minutes = length;
            st.day_first = b.start;
        }
        if (st.day_minutes > r.max_daily) return false;
        st.travel += legs;
        st.last_end = b.end;
        st.last_day = std::int16_t(b.day);
        st.last_site = std::int16_t(b.site);
        cost += w.travel * double(legs) * p.segments[s].weight;
    }
    return true;
}

bool close_week(const Problem& p, const WorkerRules& r, const WeekHead& head,
                const SegmentState* seg, ScheduleTotals& totals, double& cost,
                const CostWeights& w) {
    totals = {};
    totals.employers = head.employer_count;
    for (std::size_t s = 0; s < p.segments.size(); ++s) {
        const auto& st = seg[s];
        if (st.last_day < 0) continue;
        if (st.minutes < r.minimum) return false;
        if (st.week_first + kMinutesPerWeek - st.last_end < r.rest) return false;
        int weight = p.segments[s].weight;
        int home = p.travel_minutes(st.last_site, r.home);
        totals.travel += std::int64_t(st.travel + home) * weight;
        totals.covered += std::int64_t(st.minutes) * weight;
        if (st.minutes >= r.target) totals.target_weeks += weight;
        cost += w.travel * double(home) * weight;
        if (st.minutes >= r.target) cost += w.target * weight;
    }
    return true;
}

std::optional<ScheduleTotals> evaluate_schedule(const Problem& p, int worker,
                                                const std::vector<int>& tasks) {
    WorkerRules rules(p, worker);
    std::vector<SegmentState> seg(p.segments.size());
    WeekHead head;
    CostWeights none;
    double cost = 0;
    std::vector<int> blocks;
    std::vector<int> needs;
    for (int t : tasks) {
        const auto& task = p.tasks[std::size_t(t)];
        // One layout per need: a worker never takes the same need twice.
        for (int other : tasks)
            if (other != t && p.tasks[std::size_t(other)].need == task.need &&
                p.tasks[std::size_t(other)].layout != task.layout)
                return std::nullopt;
        if (!open_task(p, rules, task, head, seg.data(), cost, none)) return std::nullopt;
        blocks.insert(blocks.end(), task.blocks.begin(), task.blocks.end());
    }
    std::sort(blocks.begin(), blocks.end(), [&](int a, int b) {
        const auto &x = p.blocks[std::size_t(a)], &y = p.blocks[std::size_t(b)];
        return x.start != y.start ? x.start < y.start : x.end < y.end;
    });
    for (int b : blocks)
        if (!take_block(p, rules, p.blocks[std::size_t(b)], seg.data(), cost, none))
            return std::nullopt;
    ScheduleTotals totals;
    if (!close_week(p, rules, head, seg.data(), totals, cost, none)) return std::nullopt;
    return totals;
}

}  // namespace maillage::sharedjobs
