#include "needs/grouping.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace maillage::needs {
namespace {

constexpr std::size_t kMedoidSample = 200;
// Representatives published at once: the waiting writer is woken once per chunk.
constexpr std::size_t kRepresentativesChunk = 256;

void move_item(Partition& p, std::uint32_t item, std::uint32_t to) {
    auto& from = p.members[p.cluster_of[item]];
    from.erase(std::find(from.begin(), from.end(), item));
    p.members[to].push_back(item);
    p.cluster_of[item] = to;
}

void compact(Partition& p) {
    Partition out;
    out.cluster_of.resize(p.cluster_of.size());
    for (std::size_t c = 0; c < p.members.size(); ++c) {
        if (p.members[c].empty()) continue;
        auto id = std::uint32_t(out.members.size());
        std::sort(p.members[c].begin(), p.members[c].end());
        for (auto item : p.members[c]) out.cluster_of[item] = id;
        out.members.push_back(std::move(p.members[c]));
        out.manual.push_back(p.manual[c]);
    }
    p = std::move(out);
}

}  // namespace

Partition partition_from_labels(const std::vector<std::uint32_t>& labels) {
    Partition p;
    p.cluster_of = labels;
    std::uint32_t count = 0;
    for (auto l : labels) count = std::max(count, l + 1);
    p.members.resize(count);
    p.manual.assign(count, false);
    for (std::uint32_t i = 0; i < labels.size(); ++i) p.members[labels[i]].push_back(i);
    return p;
}

void replay(Partition& p, const std::vector<DecisionItems>& decisions) {
    for (const auto& d : decisions) {
        if (d.items.empty()) continue;
        if (d.kind == "merge") {
            std::uint32_t target = p.cluster_of[d.items.front()];
            for (auto item : d.items) {
                std::uint32_t from = p.cluster_of[item];
                if (from == target) continue;
                for (auto moved : std::vector<std::uint32_t>(p.members[from]))
                    move_item(p, moved, target);
                p.manual[target] = true;  // only when the decision changed something
            }
        } else if (d.kind == "split") {
            auto fresh = std::uint32_t(p.members.size());
            p.members.emplace_back();
            p.manual.push_back(true);
            for (auto item : d.items) {
                p.manual[p.cluster_of[item]] = true;
                move_item(p, item, fresh);
            }
        }
    }
    compact(p);
}

std::vector<std::optional<std::int64_t>> carry_over_ids(
    const Partition& p, const std::vector<std::optional<std::int64_t>>& previous) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::uint32_t>>
        candidates;  // -overlap, old, cluster
    for (std::uint32_t c = 0; c < p.members.size(); ++c) {
        std::map<std::int64_t, std::int64_t> overlap;
        for (auto item : p.members[c])
            if (item < previous.size() && previous[item]) ++overlap[*previous[item]];
        for (const auto& [old, n] : overlap) candidates.emplace_back(-n, old, c);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::optional<std::int64_t>> kept(p.members.size());
    std::map<std::int64_t, bool> used;
    for (const auto& [negative, old, c] : candidates) {
        if (kept[c] || used[old]) continue;
        kept[c] = old;
        used[old] = true;
    }
    return kept;
}

std::uint32_t representative(const SetCollection& sets, const std::vector<std::uint32_t>& members) {
    if (members.size() <= 2) return members.front();
    std::vector<std::uint32_t> sample;
    std::size_t step = std::max<std::size_t>(1, members.size() / kMedoidSample);
    for (std::size_t i = 0; i < members.size() && sample.size() < kMedoidSample; i += step)
        sample.push_back(members[i]);
    std::uint32_t best = members.front();
    double best_score = -1;
    for (auto m : sample) {
        auto a = sets.set(m);
        double score = 0;
        for (auto o : sample) {
            if (o == m) continue;
            auto b = sets.set(o);
            std::size_t common = overlap(a, b);
            std::size_t all = a.size() + b.size() - common;
            score += all ? double(common) / double(all) : 1.0;
        }
        if (score > best_score) {
            best_score = score;
            best = m;
        }
    }
    return best;
}

RepresentativesAhead::RepresentativesAhead(const SetCollection& sets, const Partition& partition)
    : found_(partition.clusters()) {
    thread_ = std::thread([this, &sets, &partition] {
        try {
            for (std::size_t c = 0; c < found_.size();) {
                std::size_t end = std::min(found_.size(), c + kRepresentativesChunk);
                for (; c < end; ++c) found_[c] = representative(sets, partition.members[c]);
                ready_.store(end, std::memory_order_release);
                ready_.notify_all();
            }
        } catch (...) {
            error_ = std::current_exception();
            ready_.store(found_.size() + 1, std::memory_order_release);  // wakes the caller
            ready_.notify_all();
        }
    });
}

RepresentativesAhead::~RepresentativesAhead() {
    if (thread_.joinable()) thread_.join();
}

std::uint32_t RepresentativesAhead::of(std::size_t cluster) {
    for (std::size_t ready; (ready = ready_.load(std::memory_order_acquire)) <= cluster;)
        ready_.wait(ready, std::memory_order_acquire);
    if (ready_.load(std::memory_order_acquire) > found_.size()) {
        thread_.join();
        std::rethrow_exception(error_);
    }
    return found_[cluster];
}

}  // namespace maillage::needs
