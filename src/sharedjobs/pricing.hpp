#pragma once
// The best weekly schedules of one worker under given prices: a labeling search over the
// worker's eligible blocks in time order (a resource-constrained shortest path). Resources are
// the per-segment minutes, the day's minutes and span, rest, employers and agreement; a task
// opened at its first block forces its later blocks. Used as the column-generation pricing
// (prices = the master's duals) and by the fast engine (prices = 0, taken tasks forbidden).
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "sharedjobs/schedule.hpp"

namespace maillage::sharedjobs {

struct PricingRequest {
    int worker = 0;
    CostWeights weights;
    std::vector<double> task_price;              // per task, subtracted when taken (empty: all 0)
    double worker_price = 0;                     // subtracted from every schedule
    const std::vector<char>* allowed = nullptr;  // per task; null: every eligible task
    std::size_t label_limit = 0;                 // 0: exact; else labels kept per block (heuristic)
    std::size_t max_schedules = 1;               // the best ones returned
    double threshold = -1e-6;                    // only schedules whose priced cost is below this
    bool want_lower_bound = true;                // false: skip the bound (PricingResult)
    // The search stops here (the result is then not exact).
    std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct PricedSchedule {
    std::vector<int> tasks;  // task indices, by first block
    ScheduleTotals totals;
    double priced = 0;  // cost under the weights, minus the prices
};

struct PricingResult {
    std::vector<PricedSchedule> schedules;  // best first
    double best = 0;     // lowest priced cost found (0 when none below the threshold)
    bool exact = false;  // the search was complete: no schedule is better than `best`
    // No schedule of the worker prices below this, complete search or not: the labels a
    // heuristic or interrupted search dropped count with their completion bound. Valid for the
    // Lagrangian bound at every round (exact.cpp).
    double lower_bound = 0;
    std::size_t labels = 0;
};

PricingResult price_worker(const Problem& p, const PricingRequest& request);

}  // namespace maillage::sharedjobs
