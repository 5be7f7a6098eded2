#pragma once
// The two engines (docs/sharedjobs.md, "Engines").
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/progress.hpp"
#include "sharedjobs/pricing.hpp"
#include "sharedjobs/relaxation.hpp"
#include "sharedjobs/solution.hpp"

namespace maillage::sharedjobs {

using SteadyClock = std::chrono::steady_clock;

struct Deadline {
    SteadyClock::time_point at;
    static Deadline in(double seconds);
    double left() const;
    bool passed() const { return left() <= 0; }
};

struct EngineReport {
    int columns = 0;
    int rounds = 0;
    int moves = 0;
    std::string stop_reason;
};

// Fast engine: each worker in turn takes their best schedule among the free tasks (a week at
// the target found by target_search.hpp, else the labeling search with a label cap), then
// ruin and recreate: free the schedules of a few workers who compete for the same needs and
// let them choose again in a random order, keeping the plan when it is no worse.
// Deterministic for a seed. `potential`: each worker's relaxed bound (relaxation.hpp), which
// steers the local search to the workers short of it.
Solution fast_solve(const Problem& p, Deadline deadline, std::uint64_t seed, Progress& progress,
                    EngineReport& report, const std::vector<RelaxedBound>& potential);

// The best schedules of one worker among the pool's free tasks, judged lexicographically.
std::vector<PricedSchedule> best_free_schedules(const Problem& p, int worker, const TaskPool& pool,
                                                std::size_t label_limit, std::size_t count,
                                                Deadline deadline);
std::optional<PricedSchedule> best_free_schedule(const Problem& p, int worker, const TaskPool& pool,
                                                 std::size_t label_limit, Deadline deadline);

// Exact engine: column generation then the integer master (price and branch), level 1–2 then
// level 3–4. Starts from `start` (the fast engine's plan). Fills the bounds.
Solution exact_solve(const Problem& p, const Solution& start, Deadline deadline, std::uint64_t seed,
                     Progress& progress, EngineReport& report, Bounds& bounds);

// The LP bound on the value (levels 1–2) for an answer found otherwise: column generation on
// the coverage phase until it converges or the deadline passes (then a Lagrangian bound).
void bound_value(const Problem& p, const Solution& answer, Deadline deadline, Progress& progress,
                 EngineReport& report, Bounds& bounds);

}  // namespace maillage::sharedjobs
