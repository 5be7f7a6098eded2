// Labeling over a worker's eligible blocks in time order. A label is a partial week ending at
// its last block: every earlier block is decided. It extends to the earliest block still owed
// by an opened task, or opens a new task whose first block comes before that one. Labels at
// the same block with the same key (owed blocks, employers, agreement, layouts chosen, minutes
// and last day and site per segment) are compared on cost, last end, day minutes and first
// starts: the dominated one is dropped. A label whose cost plus the best conceivable completion
// cannot go below the threshold is dropped too (the completion bound, completion.hpp: per
// segment, a knapsack over the tasks still ahead, exact in minutes).
#include "sharedjobs/pricing.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "sharedjobs/completion.hpp"

namespace maillage::sharedjobs {
namespace {

constexpr std::size_t kMaxOpen = 8;
constexpr std::size_t kMaxChoices = 8;
constexpr std::size_t kMaxLabels = 3'000'000;
constexpr double kTolerance = 1e-9;

struct Label {
    double cost = 0;
    int parent = -1;
    int opened = -1;  // local task opened at this step
    int pos = -1;     // local block last taken
    WeekHead head;
    std::uint8_t open_count = 0;
    std::array<std::int16_t, kMaxOpen> open_task{};
    std::array<std::uint8_t, kMaxOpen> open_next{};
    std::uint8_t choice_count = 0;
    std::array<std::int32_t, kMaxChoices> choice_need{};
    std::array<std::uint8_t, kMaxChoices> choice_layout{};
    bool dead = false;
    int next_same = -1;  // the previous label inserted with the same key hash
};

// Key hash → the last label inserted with it (labels chain to the earlier ones): an open
// addressing table, as a node-based map's allocations cost more than the labels' work.
class ChainHeads {
  public:
    ChainHeads() : slots_(1024, {0, -1}) {}
    int& at(std::uint64_t key) {
        key = std::min(key, ~std::uint64_t{0} - 1);  // stored +1: 0 marks an empty slot
        if (2 * (used_ + 1) > slots_.size()) grow();
        auto& slot = find(key);
        if (slot.first == 0) {
            slot = {key + 1, -1};
            ++used_;
        }
        return slot.second;
    }

  private:
    std::pair<std::uint64_t, int>& find(std::uint64_t key) {
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = std::size_t(key * 0x9E3779B97F4A7C15ull >> 20) & mask;;
             i = (i + 1) & mask)
            if (slots_[i].first == key + 1 || slots_[i].first == 0) return slots_[i];
    }
    void grow() {
        std::vector<std::pair<std::uint64_t, int>> old(slots_.size() * 2, {0, -1});
        old.swap(slots_);
        for (const auto& slot : old)
            if (slot.first != 0) find(slot.first - 1) = slot;
    }
    std::vector<std::pair<std::uint64_t, int>> slots_;
    std::size_t used_ = 0;
};

struct LocalBlock {
    int global = 0;
    int task = 0;  // local task
};

class Labeling {
  public:
    Labeling(const Problem& p, const PricingRequest& request)
        : p_(p), req_(request), rules_(p, request.worker), segs_(p.segments.size()) {
        collect_tasks();
    }

    PricingResult run() {
        PricingResult result;
        if (tasks_.empty()) {
            result.exact = true;
            return result;
        }
        labels_.push_back(Label{});
        pool_.resize(segs_);
        bool complete = true, interrupted = false;
        if (req_.deadline && std::chrono::steady_clock::now() >= *req_.deadline) {
            // No time left, not even for the completion table: every task and every target
            // bonus at its best, each on its own, is all there is.
            timed_out_ = true;
            if (req_.want_lower_bound) dropped_bound_ = relaxed_week();
            return finish(result, false);
        }
        build_completion();
        expand(0);
        for (std::size_t pos = 0; pos < blocks_.size() && !interrupted; ++pos) {
            auto& here = at_pos_[pos];
            if (req_.label_limit && here.size() > req_.label_limit) {
                keep_most_promising(here);
                complete = false;
            }
            for (std::size_t k = 0; k < here.size(); ++k) {
                if (labels_[std::size_t(here[k])].dead) continue;
                expand(here[k]);
                if (labels_.size() > kMaxLabels || out_of_time()) {
                    // Interrupted: whatever was not expanded yet counts by its bound.
                    for (std::size_t rest = pos; rest < blocks_.size(); ++rest)
                        for (std::size_t j = rest == pos ? k : 0; j < at_pos_[rest].size(); ++j)
                            drop(at_pos_[rest][j]);
                    complete = false;
                    interrupted = true;
                    break;
                }
            }
        }
        return finish(result, complete);
    }

  private:
    PricingResult& finish(PricingResult& result, bool complete) {
        std::sort(found_.begin(), found_.end(),
                  [](const auto& a, const auto& b) { return a.priced < b.priced; });
        result.schedules = std::move(found_);
        result.best = result.schedules.empty() ? 0 : result.schedules.front().priced;
        result.exact = complete;
        result.labels = labels_.size();
        // Labels pruned by the threshold could not go below it; dropped ones by their bound.
        result.lower_bound = std::min(dropped_bound_, req_.threshold);
        if (!req_.want_lower_bound && !complete)
            result.lower_bound = -std::numeric_limits<double>::infinity();
        if (!result.schedules.empty())
            result.lower_bound = std::min(result.lower_bound, result.best);
        return result;
    }

    // The index in by_first_ of the first task whose first block comes after `pos`.
    std::size_t first_after(int pos) const {
        return std::size_t(
            std::upper_bound(by_first_.begin(), by_first_.end(),
                             std::pair<int, int>{pos, std::numeric_limits<int>::max()}) -
            by_first_.begin());
    }

    // A heuristic search keeps the cheapest labels of a block so far and drops the others.
    // (Ranking them by cost plus completion bound instead was measured worse: slower rounds
    // and a slower-rising LP at the GENESE scale.)
    void keep_most_promising(std::vector<int>& here) {
        auto keep = here.begin() + std::ptrdiff_t(req_.label_limit);
        std::nth_element(here.begin(), keep, here.end(), [&](int a, int b) {
            return labels_[std::size_t(a)].cost < labels_[std::size_t(b)].cost;
        });
        for (auto it = keep; it != here.end(); ++it) drop(*it);
        here.resize(req_.label_limit);
    }

    // A label left unexpanded: its completion bound joins the lower bound.
    void drop(int id) {
        const auto& label = labels_[std::size_t(id)];
        if (label.dead || !req_.want_lower_bound)
            return;  // a label of the same key that dominates it is counted
        dropped_bound_ = std::min(dropped_bound_, optimistic(id, first_after(label.pos)));
    }

    void collect_tasks() {
        for (int t : p_.eligible_tasks[std::size_t(req_.worker)]) {
            if (req_.allowed && !(*req_.allowed)[std::size_t(t)]) continue;
            tasks_.push_back(t);
        }
        std::vector<std::pair<int, int>> order;  // (global block, local task)
        for (std::size_t lt = 0; lt < tasks_.size(); ++lt)
            for (int b : p_.tasks[std::size_t(tasks_[lt])].blocks) order.push_back({b, int(lt)});
        std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
            const auto &a = p_.blocks[std::size_t(x.first)], &b = p_.blocks[std::size_t(y.first)];
            if (a.start != b.start) return a.start < b.start;
            if (a.end != b.end) return a.end < b.end;
            return x.first < y.first;
        });
        task_blocks_.assign(tasks_.size(), {});
        for (const auto& [global, lt] : order) {
            task_blocks_[std::size_t(lt)].push_back(int(blocks_.size()));
            blocks_.push_back({global, lt});
        }
        at_pos_.assign(blocks_.size(), {});
        for (std::size_t lt = 0; lt < tasks_.size(); ++lt)
            by_first_.push_back({task_blocks_[lt].front(), int(lt)});
        std::sort(by_first_.begin(), by_first_.end());
    }

    // The completion bound over the tasks in the order of their first blocks.
    void build_completion() {
        std::vector<CompletionItem> items;
        for (const auto& [first_block, lt] : by_first_) {
            int t = tasks_[std::size_t(lt)];
            items.push_back({p_.tasks[std::size_t(t)].minutes, p_.tasks[std::size_t(t)].segments,
                             contribution(t)});
        }
        std::vector<int> weights;
        for (const auto& segment : p_.segments) weights.push_back(segment.weight);
        completion_.emplace(items, weights, rules_, req_.weights.target);
    }

    double contribution(int t) const {
        return req_.weights.minute * double(p_.tasks[std::size_t(t)].value) - price(t);
    }

    // A bound on every schedule that needs no table: each task and target bonus at its best.
    double relaxed_week() const {
        double total = -req_.worker_price;
        for (int t : tasks_) total += std::min(0.0, contribution(t));
        for (const auto& segment : p_.segments)
            total += std::min(0.0, req_.weights.target * segment.weight);
        return total;
    }

    // Checked every 4,096 expansions: reading the clock costs more than a label.
    bool out_of_time() {
        if (!req_.deadline || (++expansions_ & 4095u) != 0) return timed_out_;
        timed_out_ = timed_out_ || std::chrono::steady_clock::now() >= *req_.deadline;
        return timed_out_;
    }

    double price(int global_task) const {
        return req_.task_price.empty() ? 0.0 : req_.task_price[std::size_t(global_task)];
    }

    SegmentState* segments_of(int label) { return pool_.data() + std::size_t(label) * segs_; }

    double threshold() const {
        if (found_.size() < req_.max_schedules) return req_.threshold;
        return std::min(req_.threshold, found_.back().priced);
    }

    // The lowest cost any completion of the label could reach (completion.hpp).
    double optimistic(int label, std::size_t first_index) {
        return labels_[std::size_t(label)].cost +
               completion_->lowest(first_index, segments_of(label)) - req_.worker_price;
    }

    void expand(int id) {
        const Label label = labels_[std::size_t(id)];
        int owed = std::numeric_limits<int>::max();
        for (std::size_t k = 0; k < label.open_count; ++k)
            owed =
                std::min(owed, task_blocks_[std::size_t(label.open_task[k])][label.open_next[k]]);
        std::size_t first_index = first_after(label.pos);
        auto first = by_first_.begin() + std::ptrdiff_t(first_index);
        // Finishing the opened tasks adds travel only (≥ 0): the bound covers it too.
        if (optimistic(id, first_index) >= threshold()) return;
        if (label.open_count) extend(id, -1, owed);
        if (first_index >= by_first_.size()) return;
        for (auto it = first; it != by_first_.end() && it->first < owed; ++it)
            extend(id, it->second, it->first);
    }

    bool choose_layout(Label& l, const Task& task) {
        if (p_.needs[std::size_t(task.need)].layouts.size() < 2) return true;
        for (std::size_t k = 0; k < l.choice_count; ++k)
            if (l.choice_need[k] == task.need) return l.choice_layout[k] == task.layout;
        if (l.choice_count >= kMaxChoices) return false;
        l.choice_need[l.choice_count] = task.need;
        l.choice_layout[l.choice_count] = std::uint8_t(task.layout);
        ++l.choice_count;
        return true;
    }

    // Extends label `from` by taking the block at `pos`, opening local task `open` first (-1:
    // the block is owed by an opened task).
    void extend(int from, int open, int pos) {
        Label next = labels_[std::size_t(from)];
        next.parent = from;
        next.opened = open;
        next.pos = pos;
        next.dead = false;
        std::array<SegmentState, kMaxSegments> seg;
        std::copy(segments_of(from), segments_of(from) + segs_, seg.begin());
        const auto& block = p_.blocks[std::size_t(blocks_[std::size_t(pos)].global)];
        int lt = blocks_[std::size_t(pos)].task;
        if (open >= 0) {
            int t = tasks_[std::size_t(open)];
            const auto& task = p_.tasks[std::size_t(t)];
            if (!choose_layout(next, task)) return;
            if (!open_task(p_, rules_, task, next.head, seg.data(), next.cost, req_.weights))
                return;
            next.cost -= price(t);
            if (task.blocks.size() > 1) {
                if (next.open_count >= kMaxOpen) return;
                next.open_task[next.open_count] = std::int16_t(open);
                next.open_next[next.open_count] = 0;
                ++next.open_count;
            }
        }
        if (!take_block(p_, rules_, block, seg.data(), next.cost, req_.weights)) return;
        for (std::size_t k = 0; k < next.open_count; ++k) {
            if (next.open_task[k] != lt) continue;
            if (++next.open_next[k] >= task_blocks_[std::size_t(lt)].size()) {
                next.open_task[k] = next.open_task[next.open_count - 1u];
                next.open_next[k] = next.open_next[next.open_count - 1u];
                --next.open_count;
            }
            break;
        }
        sort_open(next);
        if (next.open_count == 0) record_if_better(next, seg);
        insert(next, seg);
    }

    static void sort_open(Label& l) {
        for (std::size_t i = 1; i < l.open_count; ++i)
            for (std::size_t j = i; j > 0 && l.open_task[j] < l.open_task[j - 1]; --j) {
                std::swap(l.open_task[j], l.open_task[j - 1]);
                std::swap(l.open_next[j], l.open_next[j - 1]);
            }
    }

    void record_if_better(const Label& l, const std::array<SegmentState, kMaxSegments>& seg) {
        ScheduleTotals totals;
        double cost = l.cost;
        if (!close_week(p_, rules_, l.head, seg.data(), totals, cost, req_.weights)) return;
        cost -= req_.worker_price;
        if (cost >= threshold()) return;
        PricedSchedule schedule{tasks_of(l), totals, cost};
        found_.push_back(std::move(schedule));
        std::sort(found_.begin(), found_.end(),
                  [](const auto& a, const auto& b) { return a.priced < b.priced; });
        if (found_.size() > req_.max_schedules) found_.pop_back();
    }

    std::vector<int> tasks_of(const Label& last) const {
        std::vector<int> out;
        if (last.opened >= 0) out.push_back(tasks_[std::size_t(last.opened)]);
        for (int at = last.parent; at > 0; at = labels_[std::size_t(at)].parent)
            if (labels_[std::size_t(at)].opened >= 0)
                out.push_back(tasks_[std::size_t(labels_[std::size_t(at)].opened)]);
        std::reverse(out.begin(), out.end());
        return out;
    }

    std::uint64_t key_of(const Label& l, const SegmentState* seg) const {
        std::uint64_t h = 1469598103934665603ull;
        auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
        mix(std::uint64_t(l.pos));
        mix(l.open_count);
        for (std::size_t k = 0; k < l.open_count; ++k)
            mix(std::uint64_t(l.open_task[k]) << 8 | l.open_next[k]);
        mix(l.head.employer_count);
        for (std::size_t k = 0; k < l.head.employer_count; ++k)
            mix(std::uint64_t(l.head.employers[k]));
        mix(std::uint64_t(l.head.agreement + 1));
        mix(l.choice_count);
        for (std::size_t k = 0; k < l.choice_count; ++k)
            mix(std::uint64_t(l.choice_need[k]) << 8 | l.choice_layout[k]);
        for (std::size_t s = 0; s < segs_; ++s)
            mix(std::uint64_t(seg[s].minutes) << 32 | std::uint64_t(seg[s].last_day + 1) << 16 |
                std::uint64_t(seg[s].last_site));
        return h;
    }

    bool same_key(const Label& a, const SegmentState* sa, const Label& b,
                  const SegmentState* sb) const {
        if (a.pos != b.pos || a.open_count != b.open_count || a.choice_count != b.choice_count ||
            a.head.employer_count != b.head.employer_count || a.head.agreement != b.head.agreement)
            return false;
        for (std::size_t k = 0; k < a.open_count; ++k)
            if (a.open_task[k] != b.open_task[k] || a.open_next[k] != b.open_next[k]) return false;
        for (std::size_t k = 0; k < a.head.employer_count; ++k)
            if (a.head.employers[k] != b.head.employers[k]) return false;
        for (std::size_t k = 0; k < a.choice_count; ++k)
            if (a.choice_need[k] != b.choice_need[k] || a.choice_layout[k] != b.choice_layout[k])
                return false;
        for (std::size_t s = 0; s < segs_; ++s)
            if (sa[s].minutes != sb[s].minutes || sa[s].last_day != sb[s].last_day ||
                sa[s].last_site != sb[s].last_site)
                return false;
        return true;
    }

    // a is at least as good as b in every resource, for labels of the same key.
    bool dominates(const Label& a, const SegmentState* sa, const Label& b,
                   const SegmentState* sb) const {
        if (a.cost > b.cost + kTolerance) return false;
        for (std::size_t s = 0; s < segs_; ++s) {
            if (sa[s].last_day < 0) continue;
            if (sa[s].last_end > sb[s].last_end || sa[s].day_minutes > sb[s].day_minutes ||
                sa[s].day_first < sb[s].day_first || sa[s].week_first < sb[s].week_first)
                return false;
        }
        return true;
    }

    void insert(Label& label, const std::array<SegmentState, kMaxSegments>& seg) {
        int& head = heads_.at(key_of(label, seg.data()));
        for (int other = head; other >= 0; other = labels_[std::size_t(other)].next_same) {
            auto& o = labels_[std::size_t(other)];
            if (o.dead || !same_key(o, segments_of(other), label, seg.data())) continue;
            if (dominates(o, segments_of(other), label, seg.data())) return;
        }
        int id = int(labels_.size());
        for (int other = head; other >= 0; other = labels_[std::size_t(other)].next_same) {
            auto& o = labels_[std::size_t(other)];
            if (!o.dead && same_key(o, segments_of(other), label, seg.data()) &&
                dominates(label, seg.data(), o, segments_of(other)))
                o.dead = true;
        }
        label.next_same = head;
        head = id;
        store(label, seg);
    }

    void store(const Label& label, const std::array<SegmentState, kMaxSegments>& seg) {
        at_pos_[std::size_t(label.pos)].push_back(int(labels_.size()));
        labels_.push_back(label);
        pool_.insert(pool_.end(), seg.begin(), seg.begin() + std::ptrdiff_t(segs_));
    }

    const Problem& p_;
    const PricingRequest& req_;
    WorkerRules rules_;
    std::size_t segs_;
    std::vector<int> tasks_;                     // local → global task
    std::vector<std::vector<int>> task_blocks_;  // local task → local block positions
    std::vector<LocalBlock> blocks_;
    std::vector<std::pair<int, int>> by_first_;  // (first block position, local task)
    std::optional<CompletionBound> completion_;
    std::vector<Label> labels_;
    std::vector<SegmentState> pool_;
    std::vector<std::vector<int>> at_pos_;
    ChainHeads heads_;
    std::vector<PricedSchedule> found_;
    double dropped_bound_ = std::numeric_limits<double>::infinity();
    std::uint32_t expansions_ = 0;
    bool timed_out_ = false;
};

}  // namespace

PricingResult price_worker(const Problem& p, const PricingRequest& request) {
    return Labeling(p, request).run();
}

}  // namespace maillage::sharedjobs
