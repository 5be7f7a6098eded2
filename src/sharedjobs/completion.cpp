#include "sharedjobs/completion.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>

namespace maillage::sharedjobs {
namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}

CompletionBound::CompletionBound(const std::vector<CompletionItem>& items,
                                 const std::vector<int>& weights, const WorkerRules& rules,
                                 double target_cost)
    : segs_(weights.size()), target_(rules.target), minimum_(rules.minimum) {
    int cap = std::max(0, rules.cap);
    unit_ = cap > 0 ? cap : 1;
    for (const auto& item : items)
        if (item.minutes > 0) unit_ = std::gcd(unit_, item.minutes);
    units_ = std::size_t(cap / unit_);
    table_.assign((items.size() + 1) * segs_ * (units_ + 1), 0.0);
    // knapsack[s][m]: the cheapest subset of the items seen so far (from the back) that adds
    // exactly m units to segment s.
    std::vector<std::vector<double>> knapsack(segs_, std::vector<double>(units_ + 1, kInfinity));
    for (auto& k : knapsack) k[0] = 0;
    for (std::size_t s = 0; s < segs_; ++s)
        fill_row(items.size(), s, knapsack[s], target_cost * weights[s]);
    for (std::size_t i = items.size(); i-- > 0;) {
        const auto& item = items[i];
        double total_weight = 0;
        for (std::size_t s = 0; s < segs_; ++s)
            if (item.segments >> s & 1u) total_weight += weights[s];
        std::size_t size = std::size_t(item.minutes / unit_);
        for (std::size_t s = 0; s < segs_; ++s) {
            auto& k = knapsack[s];
            if ((item.segments >> s & 1u) && size <= units_ && total_weight > 0) {
                double share = item.cost * weights[s] / total_weight;
                for (std::size_t m = units_; m >= size && m > 0; --m)
                    if (k[m - size] < kInfinity) k[m] = std::min(k[m], k[m - size] + share);
            }
            fill_row(i, s, k, target_cost * weights[s]);
        }
    }
}

// For every minutes-so-far u: the best over the completions m the knapsack allows, with the
// bonus where u + m reaches the target and nothing where the segment stays unworked. The
// totals u + m fall in two ranges (worked below the target, at or above it), so each u takes
// two range minima of the knapsack (a sparse table: O(1) each).
void CompletionBound::fill_row(std::size_t first, std::size_t segment,
                               const std::vector<double>& knapsack, double bonus) {
    std::size_t n = units_ + 1;
    sparse_.resize(n);
    std::copy(knapsack.begin(), knapsack.end(), sparse_.begin());
    std::size_t levels = 1;
    for (std::size_t width = 1; 2 * width <= n; width *= 2, ++levels) {
        sparse_.resize((levels + 1) * n);
        const double* below = &sparse_[(levels - 1) * n];
        double* here = &sparse_[levels * n];
        for (std::size_t m = 0; m + 2 * width <= n; ++m)
            here[m] = std::min(below[m], below[m + width]);
    }
    auto range_min = [&](std::size_t lo, std::size_t hi) {  // inclusive, lo ≤ hi
        std::size_t level = std::size_t(std::bit_width(hi - lo + 1)) - 1, width = 1u << level;
        return std::min(sparse_[level * n + lo], sparse_[level * n + hi + 1 - width]);
    };
    auto units_at_least = [&](int minutes) {  // the first total of units with ≥ minutes
        return std::size_t(std::max(0, (minutes + unit_ - 1) / unit_));
    };
    std::size_t worked_from = std::max<std::size_t>(1, units_at_least(minimum_));
    std::size_t target_from = std::max(worked_from, units_at_least(target_));
    for (std::size_t u = 0; u <= units_; ++u) {
        double best = u == 0 ? 0.0 : kInfinity;  // unworked: nothing added
        // Totals in [worked_from, target_from): no bonus; totals in [target_from, units]: bonus.
        std::size_t lo = std::max(u, worked_from), hi = std::min(units_ + 1, target_from);
        if (lo < hi) best = std::min(best, range_min(lo - u, hi - 1 - u));
        lo = std::max(u, target_from);
        if (lo <= units_) best = std::min(best, range_min(lo - u, units_ - u) + bonus);
        at(first, segment, u) = best;
    }
}

double CompletionBound::lowest(std::size_t first, const SegmentState* segments) const {
    double total = 0;
    for (std::size_t s = 0; s < segs_; ++s) {
        int minutes = segments[s].minutes;
        std::size_t u = std::size_t(std::clamp(minutes / unit_, 0, int(units_)));
        total += table_[(first * segs_ + s) * (units_ + 1) + u];
    }
    return total;
}

}  // namespace maillage::sharedjobs
