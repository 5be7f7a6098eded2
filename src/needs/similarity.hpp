#pragma once
// Exact set-similarity self-join (Jaccard), AllPairs/PPJoin style: tokens ordered rarest
// first, an inverted index over each set's indexing prefix, prefix, length and positional
// filters to pick candidates, then exact verification. No false negatives, deterministic
// output (docs/needs.md, "Rationalisation"). Identical sets are joined once.
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace maillage::needs {

// Sets of token ids, stored one after the other.
class SetCollection {
  public:
    // Adds a set (duplicates removed, sorted); returns its index.
    std::uint32_t add(std::vector<std::uint32_t> tokens);
    std::size_t size() const { return offsets_.size() - 1; }
    std::span<const std::uint32_t> set(std::size_t i) const {
        return {tokens_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
    }
    void reserve(std::size_t sets, std::size_t tokens) {
        offsets_.reserve(sets + 1);
        tokens_.reserve(tokens);
    }

  private:
    std::vector<std::uint32_t> tokens_;
    std::vector<std::size_t> offsets_{0};
};

// The smallest overlap two sets of sizes n and m must share for a Jaccard similarity of at
// least `threshold`: J = o / (n + m - o) >= t  <=>  o >= t (n + m) / (1 + t).
std::size_t required_overlap(std::size_t n, std::size_t m, double threshold);
std::size_t overlap(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

struct JoinResult {
    // Sets with the same tokens, by index in the collection; one entry per distinct non-empty
    // set (a single index when no other set is identical).
    std::vector<std::vector<std::uint32_t>> distinct;
    // Pairs of entries of `distinct` (first < second) whose similarity is at least the
    // threshold.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;

    // The number of similar pairs of sets of the collection (identical ones included).
    std::size_t set_pair_count() const;
    // Those pairs as indexes of the collection (a < b), sorted.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> set_pairs() const;
};

// Every pair of sets with Jaccard similarity >= threshold (0 < threshold <= 1). Empty sets
// are similar to nothing. Work is split over `threads` threads.
//
// With `candidates_per_token` > 0 the join is no longer exact: each set is compared only with
// the last `candidates_per_token` sets (in size order: the largest smaller or equal ones)
// of each of its prefix tokens' lists. Every pair it returns is similar (verified), but some
// similar pairs are missed; made for grouping, where a set needs one similar partner in its
// group, not all of them, it keeps the cost linear when a phrase recurs in thousands of texts
// (the exact join's candidate lists grow with the square of the collection).
JoinResult similarity_self_join(const SetCollection& sets, double threshold, unsigned threads = 1,
                                std::size_t candidates_per_token = 0);

// The candidates per prefix token the rationalisation uses (docs/needs.md gives its measured
// recall against the exact join).
extern const std::size_t kGroupingCandidatesPerToken;

// The connected components of the graph of similar sets, as components() of
// similarity_self_join(sets, threshold, 1, candidates_per_token) labels them, found faster:
// one pass that verifies a candidate pair only when its sets are not connected yet (the
// rationalisation needs the groups, not every similar pair).
struct SimilarComponents {
    std::vector<std::uint32_t> labels;  // per set of the collection
    std::size_t links = 0;              // verified similar pairs that joined two components
    std::size_t identical = 0;          // sets identical to an earlier one
};
SimilarComponents similar_components(const SetCollection& sets, double threshold,
                                     std::size_t candidates_per_token = 0);

// Disjoint-set forest with path halving and union by size.
class UnionFind {
  public:
    explicit UnionFind(std::size_t n);
    std::uint32_t find(std::uint32_t x);
    void unite(std::uint32_t a, std::uint32_t b);

  private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::uint32_t> size_;
};

// A component label per set of the collection (connected components of the similarity
// graph): labels are 0..k-1, numbered in order of their smallest member.
std::vector<std::uint32_t> components(const JoinResult& join, std::size_t set_count);

}  // namespace maillage::needs
