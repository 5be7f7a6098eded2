// The completion bound of the labeling search against a brute force over every subset of the
// tasks ahead: with one segment the knapsack relaxes only what it ignores by design (overlaps,
// rest, travel), so on items alone it must equal the brute force's cheapest completion; with
// several segments it must never exceed it (the pricing's pruning and Lagrangian bounds rest
// on that).
#include <cmath>
#include <limits>
#include <random>

#include "sharedjobs/completion.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The cheapest completion of `minutes` (per segment) by a subset of items[first..], under the
// cap, the minimum of a worked segment and the target's cost.
double brute_force(const std::vector<CompletionItem>& items, std::size_t first,
                   const std::vector<int>& weights, const WorkerRules& rules, double target_cost,
                   const std::vector<int>& minutes) {
    std::size_t n = items.size() - first;
    double best = kInfinity;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        std::vector<int> total = minutes;
        double cost = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!(mask >> k & 1u)) continue;
            const auto& item = items[first + k];
            cost += item.cost;
            for (std::size_t s = 0; s < weights.size(); ++s)
                if (item.segments >> s & 1u) total[s] += item.minutes;
        }
        bool feasible = true;
        for (std::size_t s = 0; s < weights.size(); ++s) {
            if (total[s] > rules.cap || (total[s] > 0 && total[s] < rules.minimum))
                feasible = false;
            if (total[s] > 0 && total[s] >= rules.target) cost += target_cost * weights[s];
        }
        if (feasible) best = std::min(best, cost);
    }
    return best;
}

TEST(Completion, MatchesTheBruteForceOnOneSegmentAndBoundsItOnSeveral) {
    testing::SmallInstance small_one(2, 3, 1, 5);
    std::mt19937_64 rng(11);
    auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    int equal_cases = 0, bounded_cases = 0, finite = 0;
    for (int trial = 0; trial < 300; ++trial) {
        std::size_t segments = trial % 3 == 0 ? 1 : std::size_t(draw(2, 3));
        WorkerRules rules(small_one.problem, 0);
        rules.target = 60 * draw(6, 14);
        rules.cap = rules.target + 60 * draw(0, 2) * (trial % 2);
        rules.minimum = 60 * draw(0, 5);
        std::vector<int> weights;
        for (std::size_t s = 0; s < segments; ++s) weights.push_back(draw(1, 4));
        std::vector<CompletionItem> items(std::size_t(draw(3, 10)));
        for (auto& item : items) {
            item.minutes = 30 * draw(2, 12);
            item.segments = std::uint32_t(draw(1, (1 << segments) - 1));
            item.cost = double(draw(-900, 300));
        }
        double target_cost = -double(draw(0, 2000));
        CompletionBound bound(items, weights, rules, target_cost);
        for (std::size_t first = 0; first <= items.size(); first += 2) {
            std::vector<SegmentState> state(segments);
            std::vector<int> minutes(segments);
            // The week so far: some of the items before `first`, as in the search.
            for (std::size_t k = 0; k < first; ++k)
                if (draw(0, 1))
                    for (std::size_t s = 0; s < segments; ++s)
                        if (items[k].segments >> s & 1u) minutes[s] += items[k].minutes;
            bool over = false;
            for (std::size_t s = 0; s < segments; ++s) {
                over = over || minutes[s] > rules.cap;
                state[s].minutes = minutes[s];
            }
            if (over) continue;
            double truth = brute_force(items, first, weights, rules, target_cost, minutes);
            double got = bound.lowest(first, state.data());
            finite += truth < kInfinity;
            if (segments == 1) {
                if (truth == kInfinity)
                    EXPECT_EQ(got, kInfinity) << "trial " << trial;
                else
                    EXPECT_NEAR(got, truth, 1e-6) << "trial " << trial << " first " << first;
                ++equal_cases;
            } else {
                EXPECT_LE(got, truth + 1e-6) << "trial " << trial << " first " << first;
                ++bounded_cases;
            }
        }
    }
    EXPECT_GE(equal_cases, 250);
    EXPECT_GE(bounded_cases, 500);
    EXPECT_GE(finite, 500);
}

}  // namespace
}  // namespace maillage::sharedjobs
