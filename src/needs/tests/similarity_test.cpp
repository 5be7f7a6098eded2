#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <set>

#include "core/error.hpp"
#include "needs/similarity.hpp"

using namespace maillage::needs;

namespace {

using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

struct ScoredPair {
    std::uint32_t a, b;
    double jaccard;
};

// The oracle: every pair of sets, Jaccard computed on std::set intersections as a double.
std::vector<ScoredPair> all_pairs_scored(const std::vector<std::set<std::uint32_t>>& sets) {
    std::vector<ScoredPair> out;
    for (std::uint32_t i = 0; i < sets.size(); ++i)
        for (std::uint32_t j = i + 1; j < sets.size(); ++j) {
            if (sets[i].empty() || sets[j].empty()) continue;
            std::vector<std::uint32_t> common;
            std::set_intersection(sets[i].begin(), sets[i].end(), sets[j].begin(), sets[j].end(),
                                  std::back_inserter(common));
            double jaccard =
                double(common.size()) / double(sets[i].size() + sets[j].size() - common.size());
            if (jaccard > 0) out.push_back({i, j, jaccard});
        }
    return out;
}

Pairs at_threshold(const std::vector<ScoredPair>& scored, double threshold) {
    Pairs out;
    for (const auto& p : scored)
        if (p.jaccard >= threshold - 1e-9) out.emplace_back(p.a, p.b);
    return out;
}

// Sets drawn around a few "families" so that many pairs are close to the threshold, with a
// Zipf-like token distribution as in real texts.
std::vector<std::set<std::uint32_t>> random_sets(std::size_t count, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::set<std::uint32_t>> bases;
    for (int f = 0; f < 40; ++f) {
        std::set<std::uint32_t> base;
        std::size_t size = 3 + random() % 14;
        while (base.size() < size) base.insert(std::uint32_t(std::pow(random() % 3000 + 1, 0.8)));
        bases.push_back(base);
    }
    std::vector<std::set<std::uint32_t>> sets;
    for (std::size_t i = 0; i < count; ++i) {
        std::set<std::uint32_t> s = bases[random() % bases.size()];
        int edits = int(random() % 6);
        for (int e = 0; e < edits; ++e) {
            if (random() % 2 && s.size() > 1)
                s.erase(std::next(s.begin(), long(random() % s.size())));
            else
                s.insert(std::uint32_t(random() % 500));
        }
        if (random() % 50 == 0) s.clear();  // a text with nothing left after stop words
        sets.push_back(s);
    }
    return sets;
}

SetCollection collection_of(const std::vector<std::set<std::uint32_t>>& sets) {
    SetCollection c;
    for (const auto& s : sets) c.add(std::vector<std::uint32_t>(s.begin(), s.end()));
    return c;
}

}  // namespace

TEST(RequiredOverlap, MatchesTheJaccardDefinition) {
    // Hand-computed: two sets of 10 at t = 0.5 need 7 common tokens (7/13 >= 0.5, 6/14 < 0.5).
    EXPECT_EQ(required_overlap(10, 10, 0.5), 7u);
    // At t = 0.8, 5 and 5 need 5 (5/5 = 1; 4/6 < 0.8): only identical sets qualify.
    EXPECT_EQ(required_overlap(5, 5, 0.8), 5u);
    for (std::size_t n = 1; n < 30; ++n)
        for (std::size_t m = 1; m < 30; ++m)
            for (double t : {0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
                std::size_t o = required_overlap(n, m, t);
                if (o <= std::min(n, m)) {
                    EXPECT_GE(double(o) / double(n + m - o), t - 1e-9) << n << " " << m << " " << t;
                }
                if (o >= 2) {
                    EXPECT_LT(double(o - 1) / double(n + m - o + 1), t - 1e-9) << n << " " << m;
                }
            }
}

TEST(SimilarityJoin, FindsExactlyThePairsOfTheBruteForceOracle) {
    for (unsigned seed : {1u, 2u, 3u}) {
        auto sets = random_sets(1200, seed);
        auto collection = collection_of(sets);
        auto scored = all_pairs_scored(sets);
        for (double t : {0.4, 0.5, 0.7, 0.9}) {
            auto expected = at_threshold(scored, t);
            ASSERT_GT(expected.size(), 100u);  // the data must hold pairs to find
            for (unsigned threads : {1u, 2u}) {
                auto join = similarity_self_join(collection, t, threads);
                EXPECT_EQ(join.set_pairs(), expected) << "seed " << seed << " t " << t;
                EXPECT_EQ(join.set_pair_count(), expected.size());
            }
        }
    }
}

TEST(SimilarityJoin, ACappedJoinKeepsOnlyOraclePairsAndIsExactWithARoomyCap) {
    auto sets = random_sets(1200, 4);
    auto collection = collection_of(sets);
    auto scored = all_pairs_scored(sets);
    for (double t : {0.5, 0.7}) {
        auto expected = at_threshold(scored, t);
        for (unsigned threads : {1u, 2u}) {
            // Each of the 1,200 sets is in at most 1,200 lists: such a cap never bites.
            EXPECT_EQ(similarity_self_join(collection, t, threads, 1200).set_pairs(), expected);
            auto capped = similarity_self_join(collection, t, threads, 4).set_pairs();
            Pairs common;
            std::set_intersection(capped.begin(), capped.end(), expected.begin(), expected.end(),
                                  std::back_inserter(common));
            EXPECT_EQ(common, capped) << "t " << t;                  // only similar pairs
            EXPECT_LT(capped.size(), expected.size()) << "t " << t;  // and the cap did bite
            EXPECT_EQ(similarity_self_join(collection, t, 2, 4).set_pairs(), capped);
        }
    }
}

TEST(SimilarComponents, AreTheComponentsOfTheOraclePairsAndOfTheCappedJoin) {
    for (unsigned seed : {5u, 6u}) {
        auto sets = random_sets(1200, seed);
        auto collection = collection_of(sets);
        auto scored = all_pairs_scored(sets);
        for (double t : {0.5, 0.7}) {
            // Uncapped: the components of the brute-force oracle's pairs.
            JoinResult oracle;
            for (std::uint32_t i = 0; i < sets.size(); ++i) oracle.distinct.push_back({i});
            oracle.pairs = at_threshold(scored, t);
            auto exact = similar_components(collection, t);
            EXPECT_EQ(exact.labels, components(oracle, sets.size())) << "seed " << seed;
            // Capped: those of the capped join, which verifies every candidate pair.
            auto capped = similar_components(collection, t, 4);
            EXPECT_EQ(capped.labels,
                      components(similarity_self_join(collection, t, 1, 4), sets.size()))
                << "seed " << seed << " t " << t;
            // A spanning forest: one link fewer than members per component.
            std::set<std::uint32_t> labels(exact.labels.begin(), exact.labels.end());
            EXPECT_EQ(exact.links + exact.identical, sets.size() - labels.size());
        }
    }
}

TEST(SimilarityJoin, JoinsIdenticalSetsOnceAndIgnoresEmptyOnes) {
    SetCollection c;
    c.add({1, 2, 3});
    c.add({3, 2, 1, 1});  // the same set once sorted
    c.add({});
    c.add({1, 2, 3, 4});
    auto join = similarity_self_join(c, 0.7);
    EXPECT_EQ(join.distinct.size(), 2u);
    EXPECT_EQ(join.set_pairs(), (Pairs{{0, 1}, {0, 3}, {1, 3}}));
    auto label = components(join, c.size());
    EXPECT_EQ(label[0], label[1]);
    EXPECT_EQ(label[0], label[3]);
    EXPECT_NE(label[2], label[0]);
    EXPECT_THROW(similarity_self_join(c, 0.0), maillage::Error);
    EXPECT_THROW(similarity_self_join(c, 1.5), maillage::Error);
}

TEST(Components, AreTheConnectedComponentsOfThePairs) {
    // A chain 0-1-2 and a pair 3-4; 5 alone. Checked against a BFS over the pair list.
    auto sets = random_sets(800, 9);
    auto collection = collection_of(sets);
    auto join = similarity_self_join(collection, 0.6, 2);
    auto label = components(join, collection.size());
    std::vector<std::vector<std::uint32_t>> adjacent(sets.size());
    for (auto [a, b] : join.set_pairs()) {
        adjacent[a].push_back(b);
        adjacent[b].push_back(a);
    }
    std::vector<int> seen(sets.size(), -1);
    int next = 0;
    for (std::uint32_t s = 0; s < sets.size(); ++s) {
        if (seen[s] >= 0) continue;
        std::vector<std::uint32_t> stack{s};
        seen[s] = next;
        while (!stack.empty()) {
            auto v = stack.back();
            stack.pop_back();
            for (auto w : adjacent[v])
                if (seen[w] < 0) seen[w] = next, stack.push_back(w);
        }
        ++next;
    }
    for (std::uint32_t a = 0; a < sets.size(); ++a)
        for (std::uint32_t b = a + 1; b < sets.size(); b += 7)
            EXPECT_EQ(label[a] == label[b], seen[a] == seen[b]) << a << " " << b;
    // Labels are numbered in order of their smallest member.
    EXPECT_EQ(label[0], 0u);
}
