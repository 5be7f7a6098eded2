#pragma once
// A composed plan as the engines hold it: each worker's tasks, and which tasks are still free.
#include <cstdint>
#include <vector>

#include "sharedjobs/schedule.hpp"

namespace maillage::sharedjobs {

struct Solution {
    std::vector<std::vector<int>> tasks;  // per worker, empty when idle
    std::vector<ScheduleTotals> totals;   // per worker
    std::int64_t value(const Problem& p) const;
    std::int64_t cost(const Problem& p) const;
    static Solution empty(const Problem& p);
};

// Which tasks may still be taken: a need done whole is closed to everyone else; a splittable
// need whose layout is chosen stays open only for that layout's shifts not taken yet.
class TaskPool {
  public:
    explicit TaskPool(const Problem& p);
    const std::vector<char>& allowed() const { return allowed_; }
    void take(const std::vector<int>& tasks);
    void give_back(const std::vector<int>& tasks);

  private:
    void refresh(int need);
    const Problem& p_;
    std::vector<char> allowed_;
    std::vector<char> held_;       // per task
    std::vector<int> held_count_;  // per need
};

}  // namespace maillage::sharedjobs
