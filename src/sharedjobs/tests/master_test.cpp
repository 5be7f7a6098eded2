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

// Every feasible schedule of every worker, as columns.
std::vector<Column> every_column(const Problem& p) {
    std::vector<Column> out;
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w)
        testing::for_each_feasible_schedule(
            p, int(w), [&](const std::vector<int>& tasks, const ScheduleTotals& totals) {
                out.push_back({int(w), tasks, totals});
            });
    return out;
}

// Master::dual_objective plus each worker's cheapest reduced cost (exact pricing) below 0.
double lagrangian_bound(const Master& master, const Problem& p, const Duals& duals) {
    double bound = master.dual_objective(duals);
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
        if (p.eligible_tasks[w].empty()) continue;
        auto request = master.pricing_request(duals, int(w));
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
        if (!testing::brute_forceable(p, testing::kMaxBruteTasks)) continue;
        Master master(p);
        for (const auto& column : every_column(p)) master.add(column);
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

// Under branching decisions (one pair required, one forbidden) the node's LP is the LP over
// the columns the decisions allow; the Lagrangian bound with the pricing the decisions shape
// (tasks closed, the required pair's row dual) must meet it at the LP's duals and stay below
// it at others.
TEST(Master, LagrangianBoundHoldsUnderBranchingDecisions) {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> share(0.0, 1.0);
    int nodes = 0;
    for (std::uint64_t seed = 301; seed <= 340; ++seed) {
        testing::SmallInstance small_one(4, 8, 3, seed);
        const Problem& p = small_one.problem;
        if (!testing::brute_forceable(p, testing::kMaxBruteTasks)) continue;
        Master master(p);
        std::vector<Column> every = every_column(p);
        for (const auto& column : every) master.add(column);
        if (every.size() < 4) continue;
        // Required: a pair of some column; forbidden: a pair of another worker's column.
        const Column& a = every[rng() % every.size()];
        std::vector<BranchDecision> decisions = {{a.worker, a.tasks.front(), true}};
        for (const auto& b : every)
            if (b.worker != a.worker && b.tasks.back() != a.tasks.front()) {
                decisions.push_back({b.worker, b.tasks.back(), false});
                break;
            }
        master.restrict_to(decisions);
        // The same LP built from only the allowed columns, with the requirement as a row.
        Master reference(p);
        for (const auto& c : every) {
            bool allowed = true;
            for (const auto& d : decisions)
                for (int t : c.tasks)
                    if (t == d.task && (d.required ? c.worker != d.worker : c.worker == d.worker))
                        allowed = false;
            if (allowed) reference.add(c);
        }
        reference.restrict_to({decisions.front()});
        double lp = 0, expected = 0;
        Duals duals, ignored;
        ASSERT_TRUE(master.solve_lp(lp, duals));
        ASSERT_TRUE(reference.solve_lp(expected, ignored));
        double scale = std::max(1.0, std::abs(lp)) * 1e-7;
        EXPECT_NEAR(lp, expected, scale) << "seed " << seed;
        EXPECT_NEAR(lagrangian_bound(master, p, duals), lp, scale) << "seed " << seed;
        // A higher dual on the required pair's row: its columns price that much lower.
        Duals raised = duals;
        for (auto& y : raised.branch) y += double(p.coverage_weight);
        EXPECT_LE(lagrangian_bound(master, p, raised), lp + scale) << "seed " << seed;
        Duals random = duals;
        for (auto& y : random.worker) y = -share(rng) * double(p.coverage_weight);
        for (auto& y : random.task) y = -share(rng) * double(p.coverage_weight) / 2;
        for (auto& y : random.branch) y = share(rng) * double(p.coverage_weight);
        for (double keep : {0.2, 0.5, 0.8})
            EXPECT_LE(lagrangian_bound(master, p, duals.mixed(random, keep)), lp + scale)
                << "seed " << seed;
        ++nodes;
    }
    EXPECT_GE(nodes, 6);
}

}  // namespace
}  // namespace maillage::sharedjobs
