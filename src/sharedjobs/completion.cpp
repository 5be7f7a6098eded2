#include "sharedjobs/completion.hpp"

#include <algorithm>
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

// minima[a] = min(values[a .. a + width]) (clipped at the end), by a monotone deque: O(n).
namespace {
void window_minima(const std::vector<double>& values, std::size_t width,
                   std::vector<double>& minima, std::vector<std::size_t>& deque) {
    std::size_t n = values.size();
    minima.assign(n, kInfinity);
    deque.clear();
    std::size_t head = 0;
    // Walk a from the end: the window [a, a + width] gains a and loses a + width + 1.
    for (std::size_t a = n; a-- > 0;) {
        while (deque.size() > head && values[deque.back()] >= values[a]) deque.pop_back();
        deque.push_back(a);
        while (deque[head] > a + width) ++head;
        minima[a] = values[deque[head]];
    }
}
}  // namespace

// For every minutes-so-far u: the best over the completions m the knapsack allows, with the
// bonus where u + m reaches the target and nothing where the segment stays unworked. The
// totals u + m fall in two ranges, worked below the target [worked_from, target_from) and at
// or above it [target_from, units]; for each u the completions are a window of the knapsack
// that slides with u, clipped at 0: window minima of fixed width give all of them in O(units).
void CompletionBound::fill_row(std::size_t first, std::size_t segment,
                               const std::vector<double>& knapsack, double bonus) {
    auto units_at_least = [&](int minutes) {  // the first total of units with ≥ minutes
        return std::size_t(std::max(0, (minutes + unit_ - 1) / unit_));
    };
    std::size_t worked_from = std::max<std::size_t>(1, units_at_least(minimum_));
    std::size_t target_from = std::min(units_ + 1, std::max(worked_from, units_at_least(target_)));
    // Below the target: totals [worked_from, target_from - 1], so m in [lo - u, target_from - 1 -
    // u].
    std::size_t below_width = target_from > worked_from ? target_from - 1 - worked_from : 0;
    window_minima(knapsack, below_width, below_, deque_);
    // At the target: totals [target_from, units], so m in [target_from - u, units - u].
    std::size_t above_width = units_ >= target_from ? units_ - target_from : 0;
    window_minima(knapsack, above_width, above_, deque_);
    prefix_.resize(knapsack.size());
    for (std::size_t m = 0; m < knapsack.size(); ++m)
        prefix_[m] = m == 0 ? knapsack[0] : std::min(prefix_[m - 1], knapsack[m]);
    for (std::size_t u = 0; u <= units_; ++u) {
        double best = u == 0 ? 0.0 : kInfinity;  // unworked: nothing added
        if (target_from > worked_from && u < target_from) {
            // m from max(worked_from, u) - u to target_from - 1 - u.
            std::size_t lo = std::max(worked_from, u) - u, hi = target_from - 1 - u;
            best = std::min(best, u >= worked_from ? prefix_[hi] : below_[lo]);
        }
        if (target_from <= units_) {
            std::size_t lo = std::max(target_from, u) - u, hi = units_ - u;
            double reach = u >= target_from ? prefix_[hi] : above_[lo];
            best = std::min(best, reach + bonus);
        }
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
