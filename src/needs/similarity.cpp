#include "needs/similarity.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"

namespace maillage::needs {
namespace {

// Keeps ceil() of values that are whole numbers in exact arithmetic (0.8 * 10) from rounding
// up through floating-point error.
constexpr double kEpsilon = 1e-9;
constexpr std::size_t kChunk = 256;
constexpr std::int32_t kPruned = -1;
// Sets of fewer tokens than this get their needed overlaps tabled once per probe.
constexpr std::size_t kNeededSizes = 128;

std::size_t ceil_of(double x) {
    double c = std::ceil(x - kEpsilon);
    return c < 0 ? 0 : static_cast<std::size_t>(c);
}

std::uint64_t hash_of(std::span<const std::uint32_t> set) {
    std::uint64_t h = 1469598103934665603ull;
    for (auto t : set) h = (h ^ t) * 1099511628211ull;
    return h ^ set.size();
}

// The distinct non-empty sets and the sets identical to each.
std::vector<std::vector<std::uint32_t>> distinct_sets(const SetCollection& sets) {
    std::vector<std::vector<std::uint32_t>> distinct;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_hash;
    by_hash.reserve(sets.size());
    for (std::uint32_t i = 0; i < sets.size(); ++i) {
        auto s = sets.set(i);
        if (s.empty()) continue;
        auto& candidates = by_hash[hash_of(s)];
        bool found = false;
        for (auto d : candidates) {
            auto other = sets.set(distinct[d].front());
            if (std::equal(s.begin(), s.end(), other.begin(), other.end())) {
                distinct[d].push_back(i);
                found = true;
                break;
            }
        }
        if (!found) {
            candidates.push_back(static_cast<std::uint32_t>(distinct.size()));
            distinct.push_back({i});
        }
    }
    return distinct;
}

// The distinct sets rewritten with tokens ranked rarest first, sorted by size.
struct RankedSets {
    std::vector<std::vector<std::uint32_t>> sets;  // by position in size order
    std::vector<std::uint32_t> distinct_of;        // position -> index in `distinct`
};

RankedSets rank_tokens(const SetCollection& sets,
                       const std::vector<std::vector<std::uint32_t>>& distinct) {
    std::unordered_map<std::uint32_t, std::uint32_t> frequency;
    for (const auto& d : distinct)
        for (auto t : sets.set(d.front())) ++frequency[t];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_frequency(frequency.begin(),
                                                                      frequency.end());
    std::sort(by_frequency.begin(), by_frequency.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first < b.first;
    });
    std::unordered_map<std::uint32_t, std::uint32_t> rank;
    rank.reserve(by_frequency.size());
    for (std::uint32_t r = 0; r < by_frequency.size(); ++r) rank[by_frequency[r].first] = r;

    RankedSets ranked;
    ranked.distinct_of.resize(distinct.size());
    std::iota(ranked.distinct_of.begin(), ranked.distinct_of.end(), 0u);
    std::stable_sort(ranked.distinct_of.begin(), ranked.distinct_of.end(),
                     [&](std::uint32_t a, std::uint32_t b) {
                         return sets.set(distinct[a].front()).size() <
                                sets.set(distinct[b].front()).size();
                     });
    ranked.sets.reserve(distinct.size());
    for (auto d : ranked.distinct_of) {
        std::vector<std::uint32_t> r;
        for (auto t : sets.set(distinct[d].front())) r.push_back(rank[t]);
        std::sort(r.begin(), r.end());
        ranked.sets.push_back(std::move(r));
    }
    return ranked;
}

struct Posting {
    std::uint32_t set;       // position in size order
    std::uint32_t position;  // of the token in that set
    std::uint32_t size;      // of that set (read here, not from the set, for the cache's sake)
};

class Join {
  public:
    Join(const RankedSets& ranked, double threshold, std::size_t token_count,
         std::size_t candidates_per_token)
        : sets_(ranked.sets),
          threshold_(threshold),
          cap_(candidates_per_token),
          index_(token_count) {
        std::size_t largest = sets_.empty() ? 0 : sets_.back().size();
        // Sets are in size order: the first position holding a set of at least each size.
        first_of_size_.resize(largest + 2);
        std::uint32_t p = 0;
        for (std::size_t s = 0; s < first_of_size_.size(); ++s) {
            while (p < sets_.size() && sets_[p].size() < s) ++p;
            first_of_size_[s] = p;
        }
        // Indexing prefix of a self-join in size order: any partner y processed before x
        // has |y| <= |x|, so the overlap needed is at least 2t/(1+t)|y|.
        for (std::uint32_t p = 0; p < sets_.size(); ++p) {
            std::size_t n = sets_[p].size();
            std::size_t prefix = n - ceil_of(2 * threshold / (1 + threshold) * double(n)) + 1;
            for (std::uint32_t k = 0; k < std::min(prefix, n); ++k)
                index_[sets_[p][k]].push_back({p, k, std::uint32_t(n)});
        }
    }

    // Probes sets [first, last) against the sets before each of them.
    struct Candidate {
        std::int32_t score = 0;                // common prefix tokens found, or kPruned
        std::uint32_t last_x = 0, last_y = 0;  // positions of the last one in each set
    };

    void probe(std::uint32_t first, std::uint32_t last, std::vector<Candidate>& candidates,
               std::vector<std::uint32_t>& touched,
               std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) const {
        for (std::uint32_t x = first; x < last; ++x)
            probe_one(x, candidates, touched, [&](std::uint32_t y, const Candidate& cand) {
                if (verify(sets_[x], sets_[y], cand)) out.emplace_back(y, x);
            });
    }

    // As probe() over every set, but a candidate already in the set's component is not
    // verified: the components are those of every pair probe() finds. Returns the pairs
    // that joined two components.
    std::size_t link(UnionFind& forest, std::vector<Candidate>& candidates,
                     std::vector<std::uint32_t>& touched) const {
        std::size_t links = 0;
        for (std::uint32_t x = 0; x < sets_.size(); ++x)
            probe_one(x, candidates, touched, [&](std::uint32_t y, const Candidate& cand) {
                if (forest.find(x) != forest.find(y) && verify(sets_[x], sets_[y], cand)) {
                    forest.unite(x, y);
                    ++links;
                }
            });
        return links;
    }

  private:
    // Gathers the candidates of x among the sets before it; `accept(y, candidate)` decides on
    // each one left after the filters, in the order they were found.
    template <class Accept>
    void probe_one(std::uint32_t x, std::vector<Candidate>& candidates,
                   std::vector<std::uint32_t>& touched, Accept accept) const {
        const auto& xs = sets_[x];
        std::size_t n = xs.size();
        std::size_t min_size = ceil_of(threshold_ * double(n));
        std::uint32_t start = first_of_size_[std::min(min_size, first_of_size_.size() - 1)];
        std::size_t prefix = n - min_size + 1;
        // The overlap needed with a partner of each size m (min_size <= m <= n).
        std::size_t needed_of[kNeededSizes];
        bool tabled = n < kNeededSizes;
        if (tabled)
            for (std::size_t m = min_size; m <= n; ++m)
                needed_of[m] = required_overlap(n, m, threshold_);
        for (std::size_t i = 0; i < std::min(prefix, n); ++i) {
            const auto& list = index_[xs[i]];
            auto before = [](const Posting& p, std::uint32_t s) { return p.set < s; };
            auto it = std::lower_bound(list.begin(), list.end(), start, before);
            auto end = list.end();
            if (cap_) {
                end = std::lower_bound(it, list.end(), x, before);
                if (std::size_t(end - it) > cap_) it = end - std::ptrdiff_t(cap_);
            }
            for (; it != end && it->set < x; ++it) {
                Candidate& cand = candidates[it->set];
                if (cand.score == kPruned) continue;
                std::size_t m = it->size;
                std::size_t needed = tabled ? needed_of[m] : required_overlap(n, m, threshold_);
                std::size_t bound =
                    std::size_t(cand.score) + 1 + std::min(n - i - 1, m - it->position - 1);
                if (cand.score == 0) touched.push_back(it->set);
                if (bound < needed) {
                    cand.score = kPruned;  // positional filter: too few tokens left
                    continue;
                }
                ++cand.score;
                cand.last_x = std::uint32_t(i);
                cand.last_y = it->position;
            }
        }
        for (auto y : touched) {
            Candidate& cand = candidates[y];
            if (cand.score > 0) accept(y, cand);
            cand = Candidate{};
        }
        touched.clear();
    }

    // The tokens after the last common prefix token are merged, stopping as soon as the
    // overlap needed can no longer be reached (PPJoin's verification).
    bool verify(const std::vector<std::uint32_t>& xs, const std::vector<std::uint32_t>& ys,
                const Candidate& cand) const {
        std::size_t needed = required_overlap(xs.size(), ys.size(), threshold_);
        std::size_t found = std::size_t(cand.score);
        std::size_t i = cand.last_x + 1, j = cand.last_y + 1;
        while (i < xs.size() && j < ys.size()) {
            if (found + std::min(xs.size() - i, ys.size() - j) < needed) return false;
            if (xs[i] < ys[j])
                ++i;
            else if (ys[j] < xs[i])
                ++j;
            else
                ++found, ++i, ++j;
        }
        return found >= needed;
    }

    const std::vector<std::vector<std::uint32_t>>& sets_;
    double threshold_;
    std::size_t cap_;                          // candidates per prefix token, 0: all
    std::vector<std::vector<Posting>> index_;  // by token rank
    std::vector<std::uint32_t> first_of_size_;
};

std::size_t token_count(const RankedSets& ranked) {
    std::size_t tokens = 0;
    for (const auto& s : ranked.sets)
        if (!s.empty()) tokens = std::max<std::size_t>(tokens, s.back() + 1);
    return tokens;
}

void check_threshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1))
        throw invalid("similarity_threshold", "must be more than 0 and at most 1");
}

// What both the join and the components start from: the distinct sets (in a JoinResult
// without pairs yet), their tokens ranked, and the index over their prefixes.
struct Prepared {
    Prepared(const SetCollection& sets, double threshold, std::size_t candidates_per_token)
        : distinct{(check_threshold(threshold), distinct_sets(sets)), {}},
          ranked(rank_tokens(sets, distinct.distinct)),
          join(ranked, threshold, token_count(ranked), candidates_per_token) {}
    JoinResult distinct;
    RankedSets ranked;
    Join join;
};

}  // namespace

// Measured on the 20,000-record sample (rationalisation_test, docs/needs.md): from 128 the
// groups match the exact join's at thresholds 0.7 and 0.5.
const std::size_t kGroupingCandidatesPerToken = 128;

std::uint32_t SetCollection::add(std::vector<std::uint32_t> tokens) {
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    tokens_.insert(tokens_.end(), tokens.begin(), tokens.end());
    offsets_.push_back(tokens_.size());
    return static_cast<std::uint32_t>(offsets_.size() - 2);
}

std::size_t required_overlap(std::size_t n, std::size_t m, double threshold) {
    return std::max<std::size_t>(1, ceil_of(threshold / (1 + threshold) * double(n + m)));
}

std::size_t overlap(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    std::size_t i = 0, j = 0, count = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else
            ++count, ++i, ++j;
    }
    return count;
}

JoinResult similarity_self_join(const SetCollection& sets, double threshold, unsigned threads,
                                std::size_t candidates_per_token) {
    Prepared prepared(sets, threshold, candidates_per_token);
    JoinResult result = std::move(prepared.distinct);
    const RankedSets& ranked = prepared.ranked;
    const Join& join = prepared.join;

    auto count = static_cast<std::uint32_t>(ranked.sets.size());
    threads = std::max(1u, std::min(threads, count / std::uint32_t(kChunk) + 1));
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> found(threads);
    std::atomic<std::uint32_t> next{0};
    auto work = [&](unsigned t) {
        std::vector<Join::Candidate> candidates(count);
        std::vector<std::uint32_t> touched;
        for (std::uint32_t first; (first = next.fetch_add(kChunk)) < count;)
            join.probe(first, std::min<std::uint32_t>(count, first + kChunk), candidates, touched,
                       found[t]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();

    for (const auto& part : found)
        for (auto [y, x] : part) {
            auto a = ranked.distinct_of[y], b = ranked.distinct_of[x];
            result.pairs.emplace_back(std::min(a, b), std::max(a, b));
        }
    std::sort(result.pairs.begin(), result.pairs.end());
    return result;
}

SimilarComponents similar_components(const SetCollection& sets, double threshold,
                                     std::size_t candidates_per_token) {
    Prepared prepared(sets, threshold, candidates_per_token);
    JoinResult linked = std::move(prepared.distinct);
    const RankedSets& ranked = prepared.ranked;
    const Join& join = prepared.join;
    UnionFind forest(ranked.sets.size());
    std::vector<Join::Candidate> candidates(ranked.sets.size());
    std::vector<std::uint32_t> touched;
    SimilarComponents out;
    out.links = join.link(forest, candidates, touched);
    // One pair per distinct set to its component's root: the same components, numbered as
    // components() numbers those of the full join.
    for (std::uint32_t p = 0; p < ranked.sets.size(); ++p)
        if (auto root = forest.find(p); root != p) {
            auto a = ranked.distinct_of[p], b = ranked.distinct_of[root];
            linked.pairs.emplace_back(std::min(a, b), std::max(a, b));
        }
    out.labels = components(linked, sets.size());
    for (const auto& d : linked.distinct) out.identical += d.size() - 1;
    return out;
}

std::size_t JoinResult::set_pair_count() const {
    std::size_t total = 0;
    for (const auto& d : distinct) total += d.size() * (d.size() - 1) / 2;
    for (auto [a, b] : pairs) total += distinct[a].size() * distinct[b].size();
    return total;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> JoinResult::set_pairs() const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(set_pair_count());
    for (const auto& d : distinct)
        for (std::size_t i = 0; i < d.size(); ++i)
            for (std::size_t j = i + 1; j < d.size(); ++j)
                out.emplace_back(std::min(d[i], d[j]), std::max(d[i], d[j]));
    for (auto [a, b] : pairs)
        for (auto x : distinct[a])
            for (auto y : distinct[b]) out.emplace_back(std::min(x, y), std::max(x, y));
    std::sort(out.begin(), out.end());
    return out;
}

UnionFind::UnionFind(std::size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
}

std::uint32_t UnionFind::find(std::uint32_t x) {
    while (parent_[x] != x) {
        parent_[x] = parent_[parent_[x]];
        x = parent_[x];
    }
    return x;
}

void UnionFind::unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
}

std::vector<std::uint32_t> components(const JoinResult& join, std::size_t set_count) {
    UnionFind forest(set_count);
    for (const auto& d : join.distinct)
        for (std::size_t i = 1; i < d.size(); ++i) forest.unite(d[0], d[i]);
    for (auto [a, b] : join.pairs) forest.unite(join.distinct[a][0], join.distinct[b][0]);
    std::vector<std::uint32_t> label(set_count);
    std::unordered_map<std::uint32_t, std::uint32_t> label_of_root;
    for (std::uint32_t i = 0; i < set_count; ++i) {
        auto [it, fresh] = label_of_root.emplace(forest.find(i), label_of_root.size());
        label[i] = it->second;
    }
    return label;
}

}  // namespace maillage::needs
