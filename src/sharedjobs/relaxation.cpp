#include "sharedjobs/relaxation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>
#include <vector>

#include "sharedjobs/schedule.hpp"
#include "sharedjobs/target_search.hpp"

namespace maillage::sharedjobs {
namespace {

// The divisor of every task's minutes and every worker's target and cap.
int minute_unit(const Problem& p) {
    int unit = 0;
    for (const auto& t : p.tasks) unit = std::gcd(unit, t.minutes);
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
        WorkerRules r(p, int(w));
        unit = std::gcd(unit, std::gcd(r.target, r.cap));
    }
    return std::max(1, unit);
}

// The minutes one need can bring a worker in a week: its layout whole (a need that may not be
// split), or any subset of the worker's eligible shifts of one layout (a need that may).
MinuteSet need_options(const Problem& p, const std::vector<int>& tasks, int unit,
                       std::size_t units) {
    MinuteSet options(units);
    options.add(0);
    bool split =
        p.instance->needs[std::size_t(p.tasks[std::size_t(tasks.front())].need)].splittable;
    if (!split) {
        for (int t : tasks) options.add(std::size_t(p.tasks[std::size_t(t)].minutes / unit));
        return options;
    }
    // Tasks of a need come grouped by layout (one run per layout).
    for (std::size_t i = 0; i < tasks.size();) {
        int layout = p.tasks[std::size_t(tasks[i])].layout;
        MinuteSet sums(units);
        sums.add(0);
        for (; i < tasks.size() && p.tasks[std::size_t(tasks[i])].layout == layout; ++i) {
            MinuteSet with = sums;
            with.merge_shifted(sums, std::size_t(p.tasks[std::size_t(tasks[i])].minutes / unit));
            sums = with;
        }
        options.merge(sums);
    }
    return options;
}

// Nodes each segment's search may visit before it answers yes.
constexpr std::size_t kSearchBudget = 1000000;
constexpr unsigned kThreads = 2;

RelaxedBound worker_reach(const Problem& p, int w, int unit) {
    WorkerRules rules(p, w);
    auto units = std::size_t(rules.cap / unit);
    // The worker's eligible tasks by need, each need's tasks by layout.
    std::vector<int> tasks = p.eligible_tasks[std::size_t(w)];
    std::sort(tasks.begin(), tasks.end(), [&](int a, int b) {
        const auto &ta = p.tasks[std::size_t(a)], &tb = p.tasks[std::size_t(b)];
        return ta.need != tb.need ? ta.need < tb.need : ta.layout < tb.layout;
    });
    std::vector<std::uint32_t> need_segments;
    std::vector<MinuteSet> options;
    for (std::size_t i = 0; i < tasks.size();) {
        int need = p.tasks[std::size_t(tasks[i])].need;
        std::size_t end = i;
        while (end < tasks.size() && p.tasks[std::size_t(tasks[end])].need == need) ++end;
        std::vector<int> own(tasks.begin() + std::ptrdiff_t(i),
                             tasks.begin() + std::ptrdiff_t(end));
        options.push_back(need_options(p, own, unit, units));
        need_segments.push_back(p.needs[std::size_t(need)].segments);
        i = end;
    }
    RelaxedBound out;
    auto target_units = std::size_t((rules.target + unit - 1) / unit);
    for (std::size_t s = 0; s < p.segments.size(); ++s) {
        MinuteSet reach(units);
        reach.add(0);
        for (std::size_t n = 0; n < options.size(); ++n)
            if (need_segments[n] >> s & 1u) reach = reach.plus(options[n]);
        auto weight = std::int64_t(p.segments[s].weight);
        out.covered += weight * std::int64_t(reach.highest()) * unit;
        if (!reach.any_in(target_units, units)) continue;
        std::vector<int> active;
        for (int t : p.eligible_tasks[std::size_t(w)])
            if (p.tasks[std::size_t(t)].segments >> s & 1u) active.push_back(t);
        TargetSearch search(p, rules, std::move(active));
        auto any = [](const std::vector<int>&) { return true; };
        // Undecided (the budget ran out) counts as reachable: the bound stays valid.
        if (search.find(kSearchBudget, any) || search.cut()) out.target_weeks += weight;
    }
    return out;
}

}  // namespace

std::vector<RelaxedBound> relaxed_worker_bounds(const Problem& p) {
    int unit = minute_unit(p);
    std::vector<RelaxedBound> out(p.eligible_tasks.size());
    // Workers are independent: on the threads, each result in its own slot.
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t w = next++; w < out.size(); w = next++)
            if (!p.eligible_tasks[w].empty()) out[w] = worker_reach(p, int(w), unit);
    };
    unsigned threads = std::max(1u, std::min(kThreads, std::thread::hardware_concurrency()));
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (auto& h : helpers) h.join();
    return out;
}

RelaxedBound relaxed_bound(const Problem& p, const std::vector<RelaxedBound>& workers) {
    RelaxedBound out;
    std::int64_t covered = 0;
    for (const auto& worker : workers) {
        out.target_weeks += worker.target_weeks;
        covered += worker.covered;
    }
    std::int64_t needs = 0;
    for (std::size_t n = 0; n < p.needs.size(); ++n)
        needs +=
            std::int64_t(p.instance->needs[n].weekly_minutes) * p.weight_of(p.needs[n].segments);
    out.covered = std::min(covered, needs);
    return out;
}

Bounds unbounded(const Problem& p, const Solution& answer) {
    Bounds bounds;
    bounds.coverage_weight = p.coverage_weight;
    bounds.cost_weight = p.cost_weight;
    bounds.value = answer.value(p);
    bounds.bound = std::numeric_limits<double>::infinity();
    bounds.cost = answer.cost(p);
    return bounds;
}

void tighten_value_bound(Bounds& bounds, double upper) {
    if (!(upper < bounds.bound)) return;
    double value = double(bounds.value);
    if (upper < bounds.bound - 0.5) bounds.bound_is_lp_optimum = false;
    bounds.bound = std::max(upper, value);
    bounds.gap = bounds.bound > 0 ? (bounds.bound - value) / bounds.bound : 0;
    bounds.proven_optimal = bounds.proven_optimal || value >= std::floor(bounds.bound + 1e-6);
    if (bounds.proven_optimal) bounds.gap = 0;
}

}  // namespace maillage::sharedjobs
