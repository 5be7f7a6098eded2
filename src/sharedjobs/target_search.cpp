#include "sharedjobs/target_search.hpp"

#include <algorithm>
#include <numeric>

namespace maillage::sharedjobs {

MinuteSet MinuteSet::plus(const MinuteSet& other) const {
    MinuteSet out(units_);
    for (std::size_t i = 0; i < other.words_.size(); ++i)
        for (std::uint64_t bits = other.words_[i]; bits; bits &= bits - 1)
            out.merge_shifted(*this, i * 64 + std::size_t(__builtin_ctzll(bits)));
    return out;
}

void MinuteSet::merge(const MinuteSet& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
}

void MinuteSet::merge_shifted(const MinuteSet& other, std::size_t shift) {
    std::size_t words = shift / 64, bits = shift % 64;
    for (std::size_t i = words_.size(); i-- > words;) {
        std::uint64_t v = other.words_[i - words] << bits;
        if (bits && i - words > 0) v |= other.words_[i - words - 1] >> (64 - bits);
        words_[i] |= v;
    }
    trim();
}

bool MinuteSet::any_in(std::size_t lo, std::size_t hi) const {
    for (std::size_t u = lo; u <= hi && u <= units_; ++u)
        if (has(u)) return true;
    return false;
}

std::size_t MinuteSet::highest() const {
    for (std::size_t u = units_ + 1; u-- > 0;)
        if (has(u)) return u;
    return 0;
}

void MinuteSet::trim() {
    std::size_t spare = words_.size() * 64 - (units_ + 1);
    if (spare) words_.back() &= ~std::uint64_t(0) >> spare;
}

TargetSearch::TargetSearch(const Problem& p, const WorkerRules& r, std::vector<int> tasks)
    : p_(p), r_(r), tasks_(std::move(tasks)) {
    // Longest first: the fewer the tasks that reach the target, the shallower the search.
    std::stable_sort(tasks_.begin(), tasks_.end(), [&](int a, int b) {
        return p.tasks[std::size_t(a)].minutes > p.tasks[std::size_t(b)].minutes;
    });
    int unit = std::gcd(r.target, r.cap);
    for (int t : tasks_) unit = std::gcd(unit, p.tasks[std::size_t(t)].minutes);
    unit_ = std::max(1, unit);
    auto units = std::size_t(r.cap / unit_);
    ahead_.assign(tasks_.size() + 1, MinuteSet(units));
    ahead_.back().add(0);
    for (std::size_t i = tasks_.size(); i-- > 0;) {
        ahead_[i] = ahead_[i + 1];
        ahead_[i].merge_shifted(ahead_[i + 1], std::size_t(task(i).minutes / unit_));
    }
    for (const int t : tasks_) layout_of_.emplace_back(p_.tasks[std::size_t(t)].need, -1);
    std::sort(layout_of_.begin(), layout_of_.end());
    layout_of_.erase(std::unique(layout_of_.begin(), layout_of_.end()), layout_of_.end());
}

bool TargetSearch::find(std::size_t budget,
                        const std::function<bool(const std::vector<int>&)>& accept) {
    budget_ = budget;
    cut_ = false;
    accept_ = &accept;
    return search(0, 0, true);
}

bool TargetSearch::search(std::size_t i, int minutes, bool took) {
    // `took`: this choice is new (the branch that leaves a task out repeats its parent's).
    if (took && minutes >= r_.target && (*accept_)(by_first_block())) return true;
    if (cut_) return false;
    auto low = std::size_t(std::max(0, r_.target - minutes + unit_ - 1) / unit_);
    if (minutes >= r_.target) low = 1;  // rejected: only more tasks can change the answer
    auto high = std::size_t((r_.cap - minutes) / unit_);
    if (i == tasks_.size() || !ahead_[i].any_in(low, high)) return false;
    if (budget_ == 0) {
        cut_ = true;
        return false;
    }
    --budget_;
    const Task& t = task(i);
    if (minutes + t.minutes <= r_.cap && take(t)) {
        bool found = search(i + 1, minutes + t.minutes, true);
        drop(t);
        if (found) return true;
    }
    return search(i + 1, minutes, false);
}

std::vector<int> TargetSearch::by_first_block() const {
    std::vector<int> out = chosen_;
    std::sort(out.begin(), out.end(), [&](int a, int b) {
        int sa = p_.blocks[std::size_t(p_.tasks[std::size_t(a)].blocks.front())].start;
        int sb = p_.blocks[std::size_t(p_.tasks[std::size_t(b)].blocks.front())].start;
        return sa != sb ? sa < sb : a < b;
    });
    return out;
}

int& TargetSearch::layout(int need) {
    return std::lower_bound(layout_of_.begin(), layout_of_.end(), std::pair{need, -1})->second;
}

bool TargetSearch::take(const Task& t) {
    int& chosen = layout(t.need);
    if (chosen >= 0 && chosen != t.layout) return false;
    int agreement = p_.needs[std::size_t(t.need)].agreement;
    if (r_.same_agreement && agreement_ >= 0 && agreement_ != agreement) return false;
    bool new_employer =
        std::find(employers_.begin(), employers_.end(), t.member) == employers_.end();
    if (new_employer && distinct_employers_ >= r_.max_employers) return false;
    // Each block against those taken, the task's earlier blocks included.
    std::size_t placed = 0;
    for (int b : t.blocks) {
        const Block& blk = p_.blocks[std::size_t(b)];
        if (!block_fits(blk)) break;
        days_[std::size_t(blk.day)].push_back(b);
        ++placed;
    }
    if (placed < t.blocks.size()) {
        for (std::size_t k = placed; k-- > 0;)
            days_[std::size_t(p_.blocks[std::size_t(t.blocks[k])].day)].pop_back();
        return false;
    }
    fresh_layouts_.push_back(chosen < 0);
    if (chosen < 0) chosen = t.layout;
    if (agreement_users_++ == 0) agreement_ = agreement;
    distinct_employers_ += new_employer;
    employers_.push_back(t.member);
    chosen_.push_back(int(&t - p_.tasks.data()));
    return true;
}

void TargetSearch::drop(const Task& t) {
    for (auto b = t.blocks.rbegin(); b != t.blocks.rend(); ++b)
        days_[std::size_t(p_.blocks[std::size_t(*b)].day)].pop_back();
    if (fresh_layouts_.back()) layout(t.need) = -1;
    fresh_layouts_.pop_back();
    if (--agreement_users_ == 0) agreement_ = -1;
    employers_.pop_back();
    distinct_employers_ -=
        std::find(employers_.begin(), employers_.end(), t.member) == employers_.end();
    chosen_.pop_back();
}

// The block against the blocks of its day, and the daily rest with the days around.
bool TargetSearch::block_fits(const Block& b) const {
    const auto& day = days_[std::size_t(b.day)];
    int first = b.start, last = b.end, minutes = b.end - b.start;
    for (int other : day) {
        const Block& a = p_.blocks[std::size_t(other)];
        if (a.start <= b.start ? a.end + p_.travel_minutes(a.site, b.site) > b.start
                               : b.end + p_.travel_minutes(b.site, a.site) > a.start)
            return false;
        first = std::min(first, a.start);
        last = std::max(last, a.end);
        minutes += a.end - a.start;
    }
    if (minutes > r_.max_daily || last - first > kMinutesPerDay - r_.rest) return false;
    auto before = std::size_t((b.day + 6) % 7), after = std::size_t((b.day + 1) % 7);
    int wrap_before = b.day == 0 ? kMinutesPerWeek : 0;
    int wrap_after = b.day == 6 ? kMinutesPerWeek : 0;
    for (int other : days_[before])
        if (first + wrap_before - p_.blocks[std::size_t(other)].end < r_.rest) return false;
    for (int other : days_[after])
        if (p_.blocks[std::size_t(other)].start + wrap_after - last < r_.rest) return false;
    return true;
}

}  // namespace maillage::sharedjobs
