#pragma once
// A worker's weekly schedule as the engines see it: a set of tasks, and the rules that make it
// feasible (no overlap counting travel, daily and weekly caps, daily rest, employers, collective
// agreement, hours between the minimum and the target). The labeling search (pricing.hpp) and
// the fast engine both build schedules through ScheduleState, so they apply one set of rules.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "sharedjobs/problem.hpp"

namespace maillage::sharedjobs {

// Per segment: where the worker's week stands after the blocks taken so far.
struct SegmentState {
    int last_end = 0;
    std::int16_t last_day = -1;  // -1: no work yet in this segment
    std::int16_t last_site = 0;
    int day_minutes = 0;
    int day_first = 0;
    int week_first = 0;
    int minutes = 0;  // committed: every block of the tasks opened so far
    int travel = 0;   // legs so far (the way home from the last site excluded)
};

// The costs a schedule is judged by; the engines choose their weights (docs/sharedjobs.md).
struct CostWeights {
    double minute = 0;    // per weighted minute covered
    double target = 0;    // per weighted week at the target
    double travel = 0;    // per weighted travel minute
    double employer = 0;  // per distinct employer
};

struct ScheduleTotals {
    std::int64_t target_weeks = 0;  // Σ weight over segments where minutes ≥ target
    std::int64_t covered = 0;       // Σ weight × minutes
    std::int64_t travel = 0;        // Σ weight × travel minutes, homes included
    int employers = 0;
    std::int64_t value(const Problem& p) const {
        return target_weeks * p.coverage_weight + covered;
    }
    std::int64_t cost(const Problem& p) const { return travel * p.cost_weight + employers; }
    double priced(const CostWeights& w) const {
        return w.minute * double(covered) + w.target * double(target_weeks) +
               w.travel * double(travel) + w.employer * employers;
    }
};

// The rules that apply to one worker, derived once.
struct WorkerRules {
    int worker = 0;
    int home = 0;
    int cap = 0;  // weekly minutes at most: target + allowance, within the weekly maximum
    int target = 0;
    int minimum = 0;
    int max_employers = 0;
    int max_daily = 0;
    int rest = 0;
    bool same_agreement = true;
    WorkerRules(const Problem& p, int worker);
};

// Who the worker works for so far, and under which collective agreement.
struct WeekHead {
    std::array<std::int16_t, 8> employers{};  // member indices, sorted
    std::uint8_t employer_count = 0;
    std::int16_t agreement = -1;  // -1: none yet
    bool has_employer(int member) const;
};

// The rules in time order. Each function returns false when the step breaks a rule (the state
// is then unusable) and adds the step's cost under `w` to `cost`.
// Opening a task commits its minutes, its employer and its agreement.
bool open_task(const Problem& p, const WorkerRules& r, const Task& task, WeekHead& head,
               SegmentState* segments, double& cost, const CostWeights& w);
// Taking a block: no overlap with the previous one (travel included), daily cap and amplitude,
// daily rest since the previous working day.
bool take_block(const Problem& p, const WorkerRules& r, const Block& block, SegmentState* segments,
                double& cost, const CostWeights& w);
// The week's end: minimum hours, rest over the week's end, the way home; totals.
bool close_week(const Problem& p, const WorkerRules& r, const WeekHead& head,
                const SegmentState* segments, ScheduleTotals& totals, double& cost,
                const CostWeights& w);

// Checks and totals a set of tasks for a worker, or nothing when it breaks a rule.
std::optional<ScheduleTotals> evaluate_schedule(const Problem& p, int worker,
                                                const std::vector<int>& tasks);

}  // namespace maillage::sharedjobs
