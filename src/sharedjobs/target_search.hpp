#pragma once
// A depth-first search for a week at the worker's target: some of the given tasks whose
// minutes reach [target, cap] under the rules that hold for any part of a feasible week —
// blocks of a day apart by the travel between their sites, the daily cap and span, the daily
// rest between working days, the employers, one agreement, one layout per need (the minimum
// does not: a part of a week may fall below it). The tasks are visited longest first, each
// taken before it is left out, and the search is pruned by the minutes the tasks ahead can
// still add. The relaxed bound (relaxation.hpp) asks whether such a week
// exists; the fast engine asks for one that every rule accepts (`accept`).
#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "sharedjobs/schedule.hpp"

namespace maillage::sharedjobs {

// Sets of weekly minutes, in units of a common divisor, up to a cap.
class MinuteSet {
  public:
    explicit MinuteSet(std::size_t units) : words_((units + 64) / 64, 0), units_(units) {}
    void add(std::size_t unit) {
        if (unit <= units_) words_[unit / 64] |= std::uint64_t(1) << (unit % 64);
    }
    bool has(std::size_t unit) const {
        return unit <= units_ && (words_[unit / 64] >> (unit % 64) & 1u);
    }
    // Every sum of one element of this set and one of `other` (≤ the cap).
    MinuteSet plus(const MinuteSet& other) const;
    void merge(const MinuteSet& other);
    // this |= other shifted up by `shift` units.
    void merge_shifted(const MinuteSet& other, std::size_t shift);
    bool any_in(std::size_t lo, std::size_t hi) const;
    std::size_t highest() const;

  private:
    void trim();
    std::vector<std::uint64_t> words_;
    std::size_t units_;
};

class TargetSearch {
  public:
    // `tasks`: the worker's candidates.
    TargetSearch(const Problem& p, const WorkerRules& r, std::vector<int> tasks);
    // True when a choice reaches the target and `accept` (given the tasks chosen, by first
    // block) takes it; false when none does or `budget` nodes ran out (then `cut()`).
    bool find(std::size_t budget, const std::function<bool(const std::vector<int>&)>& accept);
    bool cut() const { return cut_; }

  private:
    const Task& task(std::size_t i) const { return p_.tasks[std::size_t(tasks_[i])]; }
    bool search(std::size_t i, int minutes, bool took);
    std::vector<int> by_first_block() const;
    int& layout(int need);
    bool take(const Task& t);
    void drop(const Task& t);
    bool block_fits(const Block& b) const;

    const Problem& p_;
    const WorkerRules& r_;
    std::vector<int> tasks_;
    int unit_ = 1;
    std::vector<MinuteSet> ahead_;  // sums the tasks from i on can add (layouts relaxed)
    std::vector<std::pair<int, int>> layout_of_;  // need → layout taken (−1: none)
    std::vector<char> fresh_layouts_;             // per task taken: it chose its need's layout
    std::array<std::vector<int>, 7> days_;        // blocks taken, per day
    std::vector<int> employers_;                  // per task taken (repeats)
    std::vector<int> chosen_;                     // tasks taken
    int agreement_ = -1, agreement_users_ = 0, distinct_employers_ = 0;
    std::size_t budget_ = 0;
    bool cut_ = false;
    const std::function<bool(const std::vector<int>&)>* accept_ = nullptr;
};

}  // namespace maillage::sharedjobs
