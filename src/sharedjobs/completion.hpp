#pragma once
// The completion bound of the labeling search (pricing.cpp): the lowest cost that the tasks
// still ahead of a partial week could add to it, computed backward over the tasks once per
// search. Per segment it is a 0/1 knapsack over the tasks ahead, exact in minutes: the week's
// minutes must stay within the cap, reach the minimum when the segment is worked, and the
// target's bonus counts only where the minutes reach it exactly as some subset of the tasks
// ahead allows. A task active in several segments splits its cost among them by their weights,
// so the segments' knapsacks are independent relaxations whose sum bounds every completion.
// Overlaps, rest, employers, layouts and travel are relaxed (travel and employers cost ≥ 0).
#include <cstdint>
#include <vector>

#include "sharedjobs/schedule.hpp"

namespace maillage::sharedjobs {

struct CompletionItem {
    int minutes = 0;             // per week, in each of its segments
    std::uint32_t segments = 0;  // bit s: active in segment s
    double cost = 0;             // what taking it adds (prices included); any sign
};

class CompletionBound {
  public:
    // `items` in the order the search meets them; `weights` per segment; `target_cost` what
    // reaching the target adds per segment weight (negative: a bonus).
    CompletionBound(const std::vector<CompletionItem>& items, const std::vector<int>& weights,
                    const WorkerRules& rules, double target_cost);

    // The lowest cost items[first..] can add to a week with these minutes per segment (sums of
    // items' minutes, at most the cap; +∞ when no completion meets the minimum).
    double lowest(std::size_t first, const SegmentState* segments) const;

  private:
    double& at(std::size_t first, std::size_t segment, std::size_t units) {
        return table_[(first * segs_ + segment) * (units_ + 1) + units];
    }
    void fill_row(std::size_t first, std::size_t segment, const std::vector<double>& knapsack,
                  double bonus);

    std::size_t segs_ = 0;
    int unit_ = 1;           // gcd of the minutes: the table's step
    std::size_t units_ = 0;  // cap / unit
    int target_ = 0, minimum_ = 0;
    // (first item, segment, minutes so far / unit): the lowest cost the items ahead add there.
    std::vector<double> table_;
    // Scratch for one knapsack row: window and prefix minima.
    std::vector<double> below_, above_, prefix_;
    std::vector<std::size_t> deque_;
};

}  // namespace maillage::sharedjobs
