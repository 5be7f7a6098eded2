// Branch-and-price against the brute force (support.hpp): started from no column and no plan,
// column generation with exact pricing under each node's decisions, then the tree, must prove
// the optimum every combination of the workers' feasible schedules reaches, with a plan that
// keeps every rule.
#include "sharedjobs/branching.hpp"
#include "sharedjobs/master.hpp"
#include "sharedjobs/pricing.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

constexpr std::size_t kMaxBruteTasksOfTrees = 12;
constexpr int kMaxRounds = 500;

// Column generation under the decisions in force: every worker priced exactly each round.
NodeBound generate(Master& master, const Problem& p) {
    for (int round = 0; round < kMaxRounds; ++round) {
        double lp = 0;
        Duals duals;
        if (!master.solve_lp(lp, duals)) return {};
        int added = 0;
        bool exact = true;
        for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
            if (p.eligible_tasks[w].empty()) continue;
            auto request = master.pricing_request(duals, int(w));
            request.max_schedules = 2;
            auto priced = price_worker(p, request);
            exact = exact && priced.exact;
            for (auto& s : priced.schedules) {
                std::size_t before = master.size();
                master.add({int(w), s.tasks, s.totals});
                added += master.size() > before;
            }
        }
        if (added == 0) return {true, lp, exact};
    }
    return {};
}

// The plan keeps every rule: one schedule per worker, each feasible, no task taken twice
// (TaskPool closes what a taken task excludes).
void expect_feasible(const Problem& p, const Master& master, const std::vector<int>& columns,
                     std::uint64_t seed) {
    TaskPool pool(p);
    std::vector<char> busy(p.instance->workers.size(), 0);
    for (int j : columns) {
        const auto& c = master.column(j);
        EXPECT_FALSE(busy[std::size_t(c.worker)]) << "seed " << seed;
        busy[std::size_t(c.worker)] = 1;
        EXPECT_TRUE(evaluate_schedule(p, c.worker, c.tasks)) << "seed " << seed;
        for (int t : c.tasks) EXPECT_TRUE(pool.allowed()[std::size_t(t)]) << "seed " << seed;
        pool.take(c.tasks);
    }
}

TEST(Branching, BranchAndPriceProvesTheBruteForceOptimum) {
    int compared = 0, branched = 0;
    for (std::uint64_t seed = 401; seed <= 600; ++seed) {
        testing::SmallInstance small_one(3, 7, 6, seed);
        const Problem& p = small_one.problem;
        if (!testing::brute_forceable(p, kMaxBruteTasksOfTrees)) continue;
        auto [targets, covered, travel, employers] = testing::BruteForce(p).best();
        double optimum = double(targets * p.coverage_weight + covered);
        Master master(p);
        NodeBound root = generate(master, p);
        ASSERT_TRUE(root.converged) << "seed " << seed;
        EXPECT_LE(root.bound, -optimum + 1e-6) << "seed " << seed;  // a bound on the optimum
        auto tree = branch_and_price(master, {}, root, Deadline::in(600),
                                     [&](double) { return generate(master, p); });
        EXPECT_TRUE(tree.proven) << "seed " << seed;
        EXPECT_NEAR(-tree.objective, optimum, 1e-6) << "seed " << seed;
        EXPECT_NEAR(tree.bound, tree.objective, 1e-6) << "seed " << seed;
        expect_feasible(p, master, tree.columns, seed);
        EXPECT_TRUE(master.decisions().empty());
        branched += tree.nodes > 1;
        ++compared;
    }
    EXPECT_GE(compared, 30);
    EXPECT_GE(branched, 4);  // instances whose root LP is fractional: the tree did the work
}

}  // namespace
}  // namespace maillage::sharedjobs
