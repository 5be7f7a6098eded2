// The rationalisation against an exact all-pairs oracle, on 20,000 synthetic intake records
// with planted near-duplicate proposals, and against the planted truth itself.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "needs/grouping.hpp"
#include "needs/shingles.hpp"
#include "needs/synthetic.hpp"
#include "test_data.hpp"

using namespace maillage;
using namespace maillage::needs;
using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

namespace {

constexpr std::size_t kSample = 20000;

struct Sample {
    std::vector<SyntheticRecord> records;
    std::vector<std::string> texts;  // what the service compares: the proposal, else the need
    std::vector<TextItem> items;
};

const Sample& sample() {
    static const Sample s = [] {
        Sample out;
        SyntheticIntake generator(test_support::data_dir(), test_support::small_territory(), {});
        const auto& languages = test_support::taxonomy().languages();
        for (std::size_t i = 0; i < kSample; ++i) {
            out.records.push_back(generator.next());
            const auto& r = out.records.back().record;
            out.texts.push_back(r.proposal_text ? *r.proposal_text : *r.need_text);
        }
        for (std::size_t i = 0; i < kSample; ++i)
            out.items.push_back(
                {languages.index_of(*out.records[i].record.language), out.texts[i]});
        return out;
    }();
    return s;
}

// The sample's texts shingled at the default settings, as the service shingles them.
const ShingledTexts& shingled_sample() {
    static const ShingledTexts shingled =
        shingle_texts(sample().items, test_support::taxonomy().languages(),
                      std::size_t(test_support::taxonomy().default_settings().shingle_size), 2);
    return shingled;
}

// The oracle, written without the join's filters: every pair of sets sharing a token is
// counted through a plain inverted index, and its Jaccard similarity computed as a double.
Pairs oracle_pairs(const SetCollection& sets, double threshold) {
    std::map<std::uint32_t, std::vector<std::uint32_t>> postings;
    std::vector<std::uint32_t> common(sets.size(), 0);
    Pairs out;
    for (std::uint32_t i = 0; i < sets.size(); ++i) {
        auto s = sets.set(i);
        std::vector<std::uint32_t> touched;
        for (auto t : s)
            for (auto j : postings[t]) {
                if (common[j]++ == 0) touched.push_back(j);
            }
        for (auto j : touched) {
            double o = common[j];
            double jaccard = o / (double(s.size() + sets.set(j).size()) - o);
            if (jaccard >= threshold - 1e-9) out.emplace_back(j, i);
            common[j] = 0;
        }
        for (auto t : s) postings[t].push_back(i);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Component of each item by depth-first search over the oracle's pairs.
std::vector<int> oracle_components(std::size_t n, const Pairs& pairs) {
    std::vector<std::vector<std::uint32_t>> adjacent(n);
    for (auto [a, b] : pairs) {
        adjacent[a].push_back(b);
        adjacent[b].push_back(a);
    }
    std::vector<int> component(n, -1);
    int next = 0;
    for (std::uint32_t s = 0; s < n; ++s) {
        if (component[s] >= 0) continue;
        std::vector<std::uint32_t> stack{s};
        component[s] = next;
        while (!stack.empty()) {
            auto v = stack.back();
            stack.pop_back();
            for (auto w : adjacent[v])
                if (component[w] < 0) component[w] = next, stack.push_back(w);
        }
        ++next;
    }
    return component;
}

struct Scores {
    double precision = 0, recall = 0;
};

// Pair-level precision and recall of a grouping's co-membership against reference groups
// (pairs of items in the same group; items labelled -1 belong to no reference group).
template <class A, class B>
Scores co_membership(const std::vector<A>& found, const std::vector<B>& truth) {
    std::map<A, std::map<B, double>> together;
    std::map<A, double> found_size;
    std::map<B, double> truth_size;
    for (std::size_t i = 0; i < found.size(); ++i) {
        ++found_size[found[i]];
        if (truth[i] >= 0) {
            ++truth_size[truth[i]];
            ++together[found[i]][truth[i]];
        }
    }
    auto pairs = [](double n) { return n * (n - 1) / 2; };
    double found_pairs = 0, truth_pairs = 0, both = 0;
    for (const auto& [g, n] : found_size) found_pairs += pairs(n);
    for (const auto& [g, n] : truth_size) truth_pairs += pairs(n);
    for (const auto& [g, by_truth] : together)
        for (const auto& [t, n] : by_truth) both += pairs(n);
    return {found_pairs ? both / found_pairs : 1.0, truth_pairs ? both / truth_pairs : 1.0};
}

}  // namespace

TEST(Rationalisation, TheJoinFindsExactlyTheOraclePairsOnTwentyThousandRecords) {
    const auto& defaults = test_support::taxonomy().default_settings();
    const auto& shingled = shingled_sample();
    for (double threshold : {defaults.similarity_threshold, 0.5}) {
        auto join = similarity_self_join(shingled.sets, threshold, 2);
        auto expected = oracle_pairs(shingled.sets, threshold);
        ASSERT_GT(expected.size(), 10000u);
        auto found = join.set_pairs();
        std::vector<std::pair<std::uint32_t, std::uint32_t>> common;
        std::set_intersection(found.begin(), found.end(), expected.begin(), expected.end(),
                              std::back_inserter(common));
        double recall = double(common.size()) / double(expected.size());
        double precision = double(common.size()) / double(found.size());
        std::printf("threshold %.2f: %zu pairs, oracle %zu, recall %.4f, precision %.4f\n",
                    threshold, found.size(), expected.size(), recall, precision);
        EXPECT_GE(recall, 0.95);
        EXPECT_GE(precision, 0.95);
        EXPECT_EQ(found, expected);  // the join is exact

        // The groups are the oracle graph's connected components.
        auto label = components(join, shingled.sets.size());
        auto reference = oracle_components(shingled.sets.size(), expected);
        auto scores = co_membership(label, reference);
        std::printf("  groups vs oracle components: precision %.4f, recall %.4f\n",
                    scores.precision, scores.recall);
        EXPECT_GE(scores.precision, 0.95);
        EXPECT_GE(scores.recall, 0.95);
    }
}

TEST(Rationalisation, TheCappedJoinGroupsAsTheOracleDoesOnTwentyThousandRecords) {
    // The rationalisation's join compares each proposal with a bounded number of candidates
    // per prefix token: it may miss similar pairs, never invent one, and its groups must be
    // the oracle graph's connected components to 0.95 in precision and recall.
    const auto& defaults = test_support::taxonomy().default_settings();
    const auto& shingled = shingled_sample();
    for (double threshold : {defaults.similarity_threshold, 0.5}) {
        auto expected = oracle_pairs(shingled.sets, threshold);
        auto reference = oracle_components(shingled.sets.size(), expected);
        for (std::size_t cap : {16, 32, 64, 256}) {  // how the choice was made (docs/needs.md)
            auto scores =
                co_membership(components(similarity_self_join(shingled.sets, threshold, 2, cap),
                                         shingled.sets.size()),
                              reference);
            std::printf("threshold %.2f, %zu candidates per token: recall %.4f\n", threshold, cap,
                        scores.recall);
        }
        auto join = similarity_self_join(shingled.sets, threshold, 2, kGroupingCandidatesPerToken);
        auto found = join.set_pairs();
        Pairs common;
        std::set_intersection(found.begin(), found.end(), expected.begin(), expected.end(),
                              std::back_inserter(common));
        EXPECT_EQ(common.size(), found.size());  // every pair found is similar
        auto label = components(join, shingled.sets.size());
        // The rationalisation's one-pass components are the capped join's.
        EXPECT_EQ(similar_components(shingled.sets, threshold, kGroupingCandidatesPerToken).labels,
                  label);
        auto scores = co_membership(label, reference);
        std::printf(
            "threshold %.2f, %zu candidates per token: %zu of the oracle's %zu pairs; groups vs "
            "oracle components: precision %.4f, recall %.4f\n",
            threshold, kGroupingCandidatesPerToken, found.size(), expected.size(), scores.precision,
            scores.recall);
        EXPECT_GE(scores.precision, 0.95);
        EXPECT_GE(scores.recall, 0.95);
    }
}

TEST(Rationalisation, RecoversThePlantedFamiliesAtTheDefaultSettings) {
    const auto& s = sample();
    const auto& defaults = test_support::taxonomy().default_settings();
    const auto& shingled = shingled_sample();
    auto label = components(similarity_self_join(shingled.sets, defaults.similarity_threshold, 2,
                                                 kGroupingCandidatesPerToken),
                            shingled.sets.size());
    // Only proposals belong to planted families; records compared on their need text are left
    // out of this measure.
    std::vector<std::uint32_t> found;
    std::vector<std::int64_t> truth;
    std::size_t families = 0;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < s.records.size(); ++i) {
        if (!s.records[i].record.proposal_text) continue;
        found.push_back(label[i]);
        truth.push_back(s.records[i].family);
        if (s.records[i].family >= 0 && seen.insert(s.records[i].family).second) ++families;
    }
    auto scores = co_membership(found, truth);
    std::printf("planted truth (%zu proposals, %zu families): precision %.4f, recall %.4f\n",
                found.size(), families, scores.precision, scores.recall);
    // Measured 0.90 and 0.91 (docs/needs.md); a drop below these floors means the
    // normalisation or the join lost what it found before.
    EXPECT_GE(scores.precision, 0.85);
    EXPECT_GE(scores.recall, 0.85);
}

TEST(Grouping, ReplaysMergesAndSplitsInOrderAndCarriesIdsOver) {
    // Six items: clusters {0,1,2} {3,4} {5}.
    Partition p = partition_from_labels({0, 0, 0, 1, 1, 2});
    replay(p, {{"merge", {2, 5}}, {"split", {0, 1}}, {"merge", {9999 % 6}}});
    // merge {0,1,2}+{5}; then 0 and 1 leave: {2,5} {3,4} {0,1}.
    ASSERT_EQ(p.clusters(), 3u);
    EXPECT_EQ(p.members[0], (std::vector<std::uint32_t>{2, 5}));
    EXPECT_EQ(p.members[1], (std::vector<std::uint32_t>{3, 4}));
    EXPECT_EQ(p.members[2], (std::vector<std::uint32_t>{0, 1}));
    EXPECT_TRUE(p.manual[0]);
    EXPECT_FALSE(p.manual[1]);
    EXPECT_TRUE(p.manual[2]);
    // Previous groups: items 0..2 were in group 10, 3..4 in 20, 5 in 30.
    auto kept = carry_over_ids(p, {10, 10, 10, 20, 20, 30});
    // {3,4} keeps 20 (2 shared); {0,1} keeps 10 (2 shared, and 10 < 30 on the tie with {2,5});
    // {2,5} shares one item with 10 (taken) and one with 30: it keeps 30.
    EXPECT_EQ(kept[1], 20);
    EXPECT_EQ(kept[2], 10);
    EXPECT_EQ(kept[0], 30);
}

TEST(Grouping, RepresentativeIsTheMedoid) {
    SetCollection sets;
    sets.add({1, 2, 3, 4});  // shares 3 with each of the others
    sets.add({1, 2, 3, 9});
    sets.add({2, 3, 4, 8});
    sets.add({1, 3, 4, 7});
    EXPECT_EQ(representative(sets, {0, 1, 2, 3}), 0u);
    EXPECT_EQ(representative(sets, {1, 2}), 1u);  // two members: the earliest
}
