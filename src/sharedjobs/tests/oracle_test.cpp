// A second implementation of the optimisation: on tiny instances, every combination of every
// worker's feasible schedules, compared lexicographically level by level (targets, hours,
// travel, employers). The exact engine's weighted objectives must find the same optimum:
// the weights never let a lower level buy a higher one.
#include <tuple>

#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

using testing::BruteForce;
using testing::Levels;

TEST(Oracle, ExactEngineFindsTheLexicographicOptimum) {
    int compared = 0;
    for (std::uint64_t seed = 101; seed <= 130; ++seed) {
        testing::SmallInstance small_one(3, 6, 3, seed);
        const auto& instance = small_one.instance;
        const Problem& p = small_one.problem;
        if (!testing::brute_forceable(p, 16)) continue;
        auto oracle = BruteForce(p).best();
        auto r = testing::compose_checked(instance, Engine::exact, 20, seed);
        Levels got{r.objective.target_weeks, r.objective.covered_minutes,
                   -r.objective.travel_minutes, -r.objective.employers};
        EXPECT_EQ(got, oracle) << "seed " << seed;
        EXPECT_TRUE(r.bounds.proven_optimal && r.bounds.cost_proven_optimal) << "seed " << seed;
        // The fast engine's bound (column generation cut by a short limit, then a Lagrangian
        // bound) may never fall below the optimum, nor claim a proof for a worse plan.
        auto fast = testing::compose_checked(instance, Engine::fast, 0.05, seed);
        double optimum = double(std::get<0>(oracle) * p.coverage_weight + std::get<1>(oracle));
        EXPECT_GE(fast.bounds.bound, optimum - 1e-3) << "seed " << seed;
        if (fast.bounds.proven_optimal) {
            EXPECT_EQ(fast.bounds.value, std::int64_t(optimum)) << "seed " << seed;
        }
        ++compared;
    }
    EXPECT_GE(compared, 10);
}

// The instances of Branching.* (six of them need the tree): the engine's own column
// generation, whose nodes above the cutoff go straight to a thresholded exact round, must
// still prove the brute-force optimum.
TEST(Oracle, ExactEngineProvesTheOptimumWhereTheTreeBranches) {
    int compared = 0;
    for (std::uint64_t seed = 401; seed <= 600; ++seed) {
        testing::SmallInstance small_one(3, 7, 6, seed);
        const Problem& p = small_one.problem;
        if (!testing::brute_forceable(p, 12)) continue;
        auto [targets, covered, travel, employers] = BruteForce(p).best();
        auto r = testing::compose_checked(small_one.instance, Engine::exact, 20, seed);
        EXPECT_EQ(r.objective.target_weeks, targets) << "seed " << seed;
        EXPECT_EQ(r.objective.covered_minutes, covered) << "seed " << seed;
        EXPECT_TRUE(r.bounds.proven_optimal) << "seed " << seed;
        ++compared;
    }
    EXPECT_GE(compared, 30);
}

}  // namespace
}  // namespace maillage::sharedjobs
