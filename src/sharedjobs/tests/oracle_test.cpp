// A second implementation of the optimisation: on tiny instances, every combination of every
// worker's feasible schedules, compared lexicographically level by level (targets, hours,
// travel, employers). The exact engine's weighted objectives must find the same optimum:
// the weights never let a lower level buy a higher one.
#include <tuple>

#include "sharedjobs/solution.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

using Levels = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>;

struct Choice {
    std::vector<int> tasks;
    ScheduleTotals totals;
};

class BruteForce {
  public:
    explicit BruteForce(const Problem& p) : p_(p), pool_(p) {
        for (std::size_t w = 0; w < p.instance->workers.size(); ++w) {
            std::vector<Choice> choices = {{}};
            testing::for_each_feasible_schedule(
                p, int(w), [&](const std::vector<int>& tasks, const ScheduleTotals& totals) {
                    choices.push_back({tasks, totals});
                });
            choices_.push_back(std::move(choices));
        }
    }

    Levels best() {
        search(0, {0, 0, 0, 0});
        return best_;
    }

  private:
    // (targets, hours, −travel, −employers): larger is better.
    void search(std::size_t w, Levels so_far) {
        if (w == choices_.size()) {
            if (so_far > best_) best_ = so_far;
            return;
        }
        for (const auto& c : choices_[w]) {
            bool free = true;
            for (int t : c.tasks) free = free && pool_.allowed()[std::size_t(t)];
            if (!free) continue;
            // Tasks of one schedule must be compatible with each other in the pool as well.
            pool_.take(c.tasks);
            auto [a, b, t, e] = so_far;
            search(w + 1, {a + c.totals.target_weeks, b + c.totals.covered, t - c.totals.travel,
                           e - c.totals.employers});
            pool_.give_back(c.tasks);
        }
    }

    const Problem& p_;
    TaskPool pool_;
    std::vector<std::vector<Choice>> choices_;
    Levels best_{-1, 0, 0, 0};
};

TEST(Oracle, ExactEngineFindsTheLexicographicOptimum) {
    int compared = 0;
    for (std::uint64_t seed = 101; seed <= 130; ++seed) {
        testing::SmallInstance small_one(3, 6, 3, seed);
        const auto& instance = small_one.instance;
        const Problem& p = small_one.problem;
        bool small = true;
        for (const auto& e : p.eligible_tasks) small = small && e.size() <= 16;
        if (!small) continue;
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

}  // namespace
}  // namespace maillage::sharedjobs
