#include "sharedjobs/solution.hpp"

namespace maillage::sharedjobs {

std::int64_t Solution::value(const Problem& p) const {
    std::int64_t total = 0;
    for (const auto& t : totals) total += t.value(p);
    return total;
}

std::int64_t Solution::cost(const Problem& p) const {
    std::int64_t total = 0;
    for (const auto& t : totals) total += t.cost(p);
    return total;
}

Solution Solution::empty(const Problem& p) {
    Solution s;
    s.tasks.assign(p.instance->workers.size(), {});
    s.totals.assign(p.instance->workers.size(), {});
    return s;
}

TaskPool::TaskPool(const Problem& p)
    : p_(p),
      allowed_(p.tasks.size(), 1),
      held_(p.tasks.size(), 0),
      held_count_(p.needs.size(), 0) {}

void TaskPool::take(const std::vector<int>& tasks) {
    for (int t : tasks) {
        held_[std::size_t(t)] = 1;
        ++held_count_[std::size_t(p_.tasks[std::size_t(t)].need)];
    }
    for (int t : tasks) refresh(p_.tasks[std::size_t(t)].need);
}

void TaskPool::give_back(const std::vector<int>& tasks) {
    for (int t : tasks) {
        held_[std::size_t(t)] = 0;
        --held_count_[std::size_t(p_.tasks[std::size_t(t)].need)];
    }
    for (int t : tasks) refresh(p_.tasks[std::size_t(t)].need);
}

void TaskPool::refresh(int need) {
    const auto& info = p_.needs[std::size_t(need)];
    bool split = p_.instance->needs[std::size_t(need)].splittable;
    int chosen = -1;
    if (held_count_[std::size_t(need)] > 0)
        for (std::size_t l = 0; l < info.layout_tasks.size() && chosen < 0; ++l)
            for (int t : info.layout_tasks[l])
                if (held_[std::size_t(t)]) chosen = int(l);
    for (std::size_t l = 0; l < info.layout_tasks.size(); ++l)
        for (int t : info.layout_tasks[l])
            allowed_[std::size_t(t)] =
                chosen < 0 || (split && int(l) == chosen && !held_[std::size_t(t)]);
}

}  // namespace maillage::sharedjobs
