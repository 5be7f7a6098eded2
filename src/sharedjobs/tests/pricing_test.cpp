// The labeling search against a brute force over every subset of a worker's eligible tasks,
// under random prices shaped like the master's duals: the exact search finds the cheapest
// schedule, and every search (exact, heuristic with few labels, interrupted at once) reports a
// lower bound that no schedule goes below. The Lagrangian bounds of the exact engine rest on it.
#include <algorithm>
#include <limits>
#include <random>

#include "sharedjobs/pricing.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

// The priced cost of every feasible schedule of the worker, cheapest first.
std::vector<double> brute_force_costs(const Problem& p, const PricingRequest& request) {
    const auto& eligible = p.eligible_tasks[std::size_t(request.worker)];
    std::vector<double> costs;
    for (std::uint32_t mask = 1; mask < (1u << eligible.size()); ++mask) {
        std::vector<int> tasks;
        double prices = 0;
        for (std::size_t k = 0; k < eligible.size(); ++k)
            if (mask >> k & 1u) {
                tasks.push_back(eligible[k]);
                prices += request.task_price[std::size_t(eligible[k])];
            }
        auto totals = evaluate_schedule(p, request.worker, tasks);
        if (!totals) continue;
        costs.push_back(totals->priced(request.weights) - prices - request.worker_price);
    }
    std::sort(costs.begin(), costs.end());
    return costs;
}

// The cheapest priced cost over every feasible schedule of the worker (+∞ when none).
double brute_force_min(const Problem& p, const PricingRequest& request) {
    auto costs = brute_force_costs(p, request);
    return costs.empty() ? std::numeric_limits<double>::infinity() : costs.front();
}

PricingRequest random_request(const Problem& p, int worker, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> share(0.0, 1.0);
    PricingRequest r;
    r.worker = worker;
    r.weights = {-1.0, -double(p.coverage_weight), 0.0, 0.0};
    r.task_price.resize(p.tasks.size());
    // Duals of ≤ rows are ≤ 0 and make tasks cheaper or dearer than their minutes.
    for (std::size_t t = 0; t < p.tasks.size(); ++t)
        r.task_price[t] = -share(rng) * 1.5 * double(p.tasks[t].value + p.coverage_weight / 4);
    r.worker_price = -share(rng) * double(p.coverage_weight) * 2;
    r.max_schedules = 4;
    r.threshold = -1e-4;
    return r;
}

TEST(Pricing, ExactSearchAndLowerBoundsAgreeWithBruteForce) {
    std::mt19937_64 rng(7);
    int workers_compared = 0, below_threshold = 0;
    for (std::uint64_t seed = 201; seed <= 216; ++seed) {
        testing::SmallInstance small_one(4, 12, 4, seed);
        const Problem& p = small_one.problem;
        for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
            if (p.eligible_tasks[w].empty() || p.eligible_tasks[w].size() > testing::kMaxBruteTasks)
                continue;
            for (int draw = 0; draw < 3; ++draw) {
                auto request = random_request(p, int(w), rng);
                double truth = brute_force_min(p, request);
                auto exact = price_worker(p, request);
                ASSERT_TRUE(exact.exact);
                double scale = std::max(1.0, std::abs(truth)) * 1e-9;
                if (truth < request.threshold) {
                    ++below_threshold;
                    ASSERT_FALSE(exact.schedules.empty()) << "seed " << seed << " worker " << w;
                    EXPECT_NEAR(exact.best, truth, scale) << "seed " << seed << " worker " << w;
                } else {
                    EXPECT_TRUE(exact.schedules.empty()) << "seed " << seed << " worker " << w;
                }
                EXPECT_LE(exact.lower_bound, std::min(truth, request.threshold) + scale);
                // The k best, as a pricing round takes them: the pruning by the k-th best
                // found so far must not lose any.
                auto all = brute_force_costs(p, request);
                std::vector<double> expected;
                for (double c : all)
                    if (c < request.threshold && expected.size() < request.max_schedules)
                        expected.push_back(c);
                ASSERT_EQ(exact.schedules.size(), expected.size()) << "seed " << seed;
                for (std::size_t k = 0; k < expected.size(); ++k)
                    EXPECT_NEAR(exact.schedules[k].priced, expected[k], scale) << "seed " << seed;
                for (std::size_t labels : {1, 2, 5}) {
                    request.label_limit = labels;
                    auto heuristic = price_worker(p, request);
                    EXPECT_LE(heuristic.lower_bound, truth + scale)
                        << "seed " << seed << " worker " << w << " labels " << labels;
                    if (!heuristic.schedules.empty()) {
                        EXPECT_GE(heuristic.best, truth - scale);
                    }
                }
                request.label_limit = 0;
                request.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
                auto interrupted = price_worker(p, request);
                EXPECT_FALSE(interrupted.exact);
                EXPECT_LE(interrupted.lower_bound, truth + scale) << "seed " << seed;
            }
            ++workers_compared;
        }
    }
    EXPECT_GE(workers_compared, 20);
    EXPECT_GE(below_threshold, 10);
}

}  // namespace
}  // namespace maillage::sharedjobs
