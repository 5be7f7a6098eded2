// The Lagrangian bound at duals other than the LP's (dual smoothing, exact.cpp): with every
// feasible schedule of every worker in the master, CLP's LP optimum is the true LP optimum,
// so by weak duality no valid dual point may bound above it. At the LP's own duals the bound
// must meet it (strong duality).
#include <cmath>
#include <random>

#include "sharedjobs/master.hpp"
#include "sharedjobs/pricing.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

// Master::dual_objective plus each worker's cheapest reduced cost (exact pricing) below 0.
double lagrangian_bound(const Master& master, const Problem& p, const Duals& duals) {
    double bound = master.dual_objective(duals);
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
        if (p.eligible_tasks[w].empty()) continue;
        PricingRequest request;
        request.worker = int(w);
        request.weights = master.weights(duals.value);
        request.task_price = duals.task;
        request.worker_price = duals.worker[w];
        auto priced = price_worker(p, request);
        EXPECT_TRUE(priced.exact);
        bound += std::min(0.0, priced.best);
    }
    return bound;
}

TEST(Master, LagrangianBoundHoldsAtSmoothedAndRandomDuals) {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> share(0.0, 1.0);
    int instances = 0, split = 0;
    for (std::uint64_t seed = 301; seed <= 340; ++seed) {
        testing::SmallInstance small_one(4, 8, 3, seed);
        const Problem& p = small_one.problem;
        if (!testing::small_enough_for_brute_force(p)) continue;
        Master master(p);
        for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w)
            testing::for_each_feasible_schedule(
                p, int(w), [&](const std::vector<int>& tasks, const ScheduleTotals& totals) {
                    master.add({int(w), tasks, totals});
                });
        for (const auto& need : small_one.instance.needs) split += need.splittable;
        double lp = 0;
        Duals duals;
        ASSERT_TRUE(master.solve_lp(lp, duals));
        double scale = std::max(1.0, std::abs(lp)) * 1e-7;
        EXPECT_NEAR(master.dual_objective(duals), lp, scale) << "seed " << seed;
        EXPECT_NEAR(lagrangian_bound(master, p, duals), lp, scale) << "seed " << seed;
        Duals random = duals;
        for (auto& y : random.worker) y = -share(rng) * double(p.coverage_weight);
        for (auto& y : random.task) y = -share(rng) * double(p.coverage_weight) / 2;
        for (double keep : {0.2, 0.5, 0.8}) {
            Duals mixed = duals.mixed(random, keep);
            EXPECT_LE(lagrangian_bound(master, p, mixed), lp + scale) << "seed " << seed;
        }
        EXPECT_LE(lagrangian_bound(master, p, random), lp + scale) << "seed " << seed;
        ++instances;
    }
    EXPECT_GE(instances, 6);
    EXPECT_GE(split, 3);  // splittable needs: their need rows' duals come from the layouts
}

}  // namespace
}  // namespace maillage::sharedjobs
