#pragma once
// The relaxed bound: an upper bound on the value (levels 1–2) that takes well under a second at
// a federation's scale, where column generation cannot finish one pricing round in the time
// limit (docs/sharedjobs.md, "The relaxed bound"). Each worker is judged alone, each segment
// apart: a worker can reach their target in a segment only if some choice of their eligible
// tasks active there (at most one layout per need) adds up to minutes between the target and
// the cap. Overlaps, travel, rest, daily caps, employers, agreements and the competition
// between workers for the same needs are relaxed, so every plan (and the master's LP) stays
// below it.
#include <cstdint>
#include <vector>

#include "sharedjobs/model.hpp"
#include "sharedjobs/problem.hpp"
#include "sharedjobs/solution.hpp"

namespace maillage::sharedjobs {

struct RelaxedBound {
    std::int64_t target_weeks = 0;  // no plan has more (Σ workers' reachable segment weeks)
    std::int64_t covered = 0;       // no plan covers more weighted minutes
    double value(const Problem& p) const {
        return double(target_weeks) * double(p.coverage_weight) + double(covered);
    }
};

// Each worker's part: no schedule of theirs has more target-weeks, nor covers more.
std::vector<RelaxedBound> relaxed_worker_bounds(const Problem& p);
// The whole, from the workers' parts: covered minutes also within the needs' minutes.
RelaxedBound relaxed_bound(const Problem& p, const std::vector<RelaxedBound>& workers);

// The answer's bounds before any bound is known (no bound on the value, none on the cost).
Bounds unbounded(const Problem& p, const Solution& answer);

// Lowers `bounds.bound` to `upper` when that is tighter (never below the answer's value), and
// recomputes the gap and the proof by bound.
void tighten_value_bound(Bounds& bounds, double upper);

}  // namespace maillage::sharedjobs
