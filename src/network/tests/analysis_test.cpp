// The analysis on graphs whose answer is known: planted communities, hand-computed balance and
// suggestions, betweenness against igraph's exact implementation.
#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "network/analysis.hpp"
#include "network/igraph_wrapper.hpp"
#include "network/partition_similarity.hpp"
#include "test_graphs.hpp"

using namespace maillage;
using namespace maillage::network;
using namespace maillage::network::testing;

namespace {

AnalysisResult run(const GraphInput& input, AnalysisSettings settings = {},
                   std::vector<std::int32_t> focus = {}) {
    NoProgress quiet;
    return analyse(build_graph_or_throw(input), settings, focus, quiet);
}

std::vector<std::int32_t> membership(const AnalysisResult& r) {
    std::vector<std::int32_t> m;
    for (const auto& a : r.actors) m.push_back(a.community);
    return m;
}

// igraph's own exact betweenness, normalised as networkx does: an independent implementation.
std::vector<double> igraph_betweenness(const GraphInput& input) {
    igraph_vector_int_t ends;
    igraph_vector_int_init(&ends, 0);
    for (const auto& e : input.edges) {
        igraph_vector_int_push_back(&ends, std::stoi(e.from));
        igraph_vector_int_push_back(&ends, std::stoi(e.to));
    }
    igraph_t g;
    igraph_create(&g, &ends, igraph_integer_t(input.nodes.size()), IGRAPH_UNDIRECTED);
    igraph_vector_t result;
    igraph_vector_init(&result, 0);
    igraph_betweenness(&g, &result, igraph_vss_all(), IGRAPH_UNDIRECTED, nullptr);
    double n = double(input.nodes.size());
    std::vector<double> out;
    for (igraph_integer_t i = 0; i < igraph_vector_size(&result); ++i)
        out.push_back(VECTOR(result)[i] * 2 / ((n - 1) * (n - 2)));
    igraph_vector_destroy(&result);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&ends);
    return out;
}

std::vector<std::size_t> top(const std::vector<double>& values, std::size_t k) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    order.resize(k);
    std::sort(order.begin(), order.end());
    return order;
}

}  // namespace

TEST(Communities, LeidenOnSignedWeightsRecoversPlantedGroups) {
    // 8 groups of 40: dense alliances inside, sparse and mostly hostile relations across, with
    // 10 % of the relations inside a group hostile and 30 % of those across friendly.
    auto planted_graph = planted(8, 40, 0.25, 0.03, 0.9, 0.7, 2026);
    AnalysisResult r = run(planted_graph.input);
    auto found = membership(r);
    double nmi = normalised_mutual_information(found, planted_graph.block);
    EXPECT_GE(nmi, 0.95) << r.communities.size() << " communities";
    // Our NMI and igraph's (a second implementation) agree.
    EXPECT_NEAR(nmi, igraph::normalised_mutual_information(found, planted_graph.block), 1e-9);
}

TEST(Communities, NmiOfHandPartitions) {
    EXPECT_DOUBLE_EQ(normalised_mutual_information({0, 0, 1, 1}, {5, 5, 7, 7}), 1.0);
    // Independent partitions share no information.
    EXPECT_NEAR(normalised_mutual_information({0, 0, 1, 1}, {0, 1, 0, 1}), 0.0, 1e-12);
    // {0,0,1,1} vs {0,0,0,1}: I = 0.5·ln 2 + 0.25·ln(4/3)... computed by hand below.
    double h1 = std::log(2.0);
    double h2 = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
    double mutual = 0.5 * std::log(0.5 / (0.5 * 0.75)) + 0.25 * std::log(0.25 / (0.5 * 0.75)) +
                    0.25 * std::log(0.25 / (0.5 * 0.25));
    EXPECT_NEAR(normalised_mutual_information({0, 0, 1, 1}, {0, 0, 0, 1}), 2 * mutual / (h1 + h2),
                1e-12);
}

TEST(Betweenness, ExactEqualsIgraphOnARandomGraph) {
    auto input = nodes(300);
    std::mt19937_64 random(7);
    std::uniform_int_distribution<int> pick(0, 299);
    std::set<std::pair<int, int>> seen;
    while (seen.size() < 900) {
        int a = pick(random), b = pick(random);
        if (a == b || !seen.insert({std::min(a, b), std::max(a, b)}).second) continue;
        relate(input, std::min(a, b), std::max(a, b), "alliance");
    }
    auto expected = igraph_betweenness(input);
    AnalysisResult r = run(input);
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_NEAR(r.actors[i].betweenness, expected[i], 1e-12) << i;
}

TEST(Betweenness, SampledRanksTheClearBrokersLikeExact) {
    // 30 groups of 40 densely allied actors, and 10 brokers allied with one another, broker b
    // allied with two members of each of the groups 3b, 3b+1 and 3b+2: every path from group
    // to group goes through one or two brokers.
    const int groups = 30, size = 40, brokers = 10;
    auto input = nodes(groups * size + brokers);
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> uniform(0, 1);
    for (int g = 0; g < groups; ++g)
        for (int i = 0; i < size; ++i)
            for (int j = i + 1; j < size; ++j)
                if (uniform(random) < 0.2) relate(input, g * size + i, g * size + j, "alliance");
    for (int b = 0; b < brokers; ++b) {
        for (int c = b + 1; c < brokers; ++c)
            relate(input, groups * size + b, groups * size + c, "alliance");
        for (int g = 3 * b; g < 3 * b + 3; ++g)
            for (int m : {0, 1}) relate(input, groups * size + b, g * size + m, "alliance");
    }
    AnalysisResult exact = run(input);
    AnalysisSettings sampled_settings;
    sampled_settings.exact_betweenness_max_actors = 100;
    sampled_settings.betweenness_sample_sources = 64;
    AnalysisResult sampled = run(input, sampled_settings);
    ASSERT_TRUE(exact.betweenness_exact);
    ASSERT_FALSE(sampled.betweenness_exact);
    EXPECT_EQ(sampled.betweenness_sources, 64u);
    std::vector<double> e, s;
    for (std::size_t i = 0; i < exact.actors.size(); ++i) {
        e.push_back(exact.actors[i].betweenness);
        s.push_back(sampled.actors[i].betweenness);
    }
    std::vector<std::size_t> expected_brokers;
    for (int b = 0; b < brokers; ++b) expected_brokers.push_back(std::size_t(groups * size + b));
    EXPECT_EQ(top(e, brokers), expected_brokers);
    EXPECT_EQ(top(s, brokers), expected_brokers);
    // Sampling estimates without bias: the brokers' total stays within 15 %.
    double exact_total = 0, sampled_total = 0;
    for (auto b : expected_brokers) {
        exact_total += e[b];
        sampled_total += s[b];
    }
    EXPECT_NEAR(sampled_total / exact_total, 1.0, 0.15);
    EXPECT_FALSE(sampled.actors[0].closeness.has_value());
}

TEST(Balance, HandComputedCensusAndFrustratedRelation) {
    // Two factions {0,1,2} and {3,4,5}: allied inside, opposed across, except 2–3 allied.
    auto input = nodes(6);
    for (auto [a, b] : {std::pair{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}})
        relate(input, a, b, "alliance");
    for (auto [a, b] : {std::pair{0, 3}, {1, 3}, {2, 4}, {2, 5}}) relate(input, a, b, "opposition");
    AnalysisResult r = run(input);
    // Triangles: 012 and 345 (+++); 013 (+ − −) and 245 (− − +), balanced; 023 and 123
    // (0–2 or 1–2 +, 2–3 +, 0–3 or 1–3 −), 234 and 235 (2–3 +, 3–4 or 3–5 +, 2–4 or 2–5 −),
    // unbalanced: 8 triangles, 4 balanced.
    EXPECT_EQ(r.triangles.triangles, 8u);
    EXPECT_EQ(r.triangles.balanced(), 4u);
    EXPECT_EQ(r.triangles.by_negatives[0], 2u);
    EXPECT_EQ(r.triangles.by_negatives[1], 4u);
    EXPECT_EQ(r.triangles.by_negatives[2], 2u);
    EXPECT_DOUBLE_EQ(r.triangles.balanced_share(), 0.5);
    // Flipping 2–3 balances everything: frustration 1, and 2–3 is the relation listed.
    EXPECT_EQ(r.frustration, 1u);
    ASSERT_EQ(r.frustrated.size(), 1u);
    const auto& pair = r.projection.pairs[std::size_t(r.frustrated[0].pair)];
    EXPECT_EQ(std::pair(pair.u, pair.v), std::pair(2, 3));
    EXPECT_EQ(r.frustrated[0].unbalanced_triangles, 4u);
    EXPECT_EQ(r.actors[2].unbalanced_triangles, 4u);
    EXPECT_EQ(r.actors[0].balanced_triangles, 2u);  // 012, 013
    EXPECT_EQ(r.sides[0], r.sides[1]);
    EXPECT_NE(r.sides[0], r.sides[4]);
}

TEST(Balance, TheWeakestRelationIsTheFrustratedOne) {
    // A strong alliance 0–1 and 1–2, a weak opposition 0–2: any one of the three relations
    // could be changed to balance the triangle; the cheapest is the weak opposition.
    auto input = nodes(3);
    relate(input, 0, 1, "alliance", 3);
    relate(input, 1, 2, "alliance", 3);
    relate(input, 0, 2, "opposition", 1);
    AnalysisResult r = run(input);
    ASSERT_EQ(r.frustrated.size(), 1u);
    const auto& pair = r.projection.pairs[std::size_t(r.frustrated[0].pair)];
    EXPECT_EQ(std::pair(pair.u, pair.v), std::pair(0, 2));
    EXPECT_DOUBLE_EQ(r.frustration_weight, 1.0);
}

TEST(Balance, NeutralRelationsTakeNoPartAndABalancedGraphHasNoFrustration) {
    auto input = nodes(4);
    relate(input, 0, 1, "alliance");
    relate(input, 1, 2, "opposition");
    relate(input, 0, 2, "opposition");
    relate(input, 2, 3, "neutrality");
    relate(input, 1, 3, "neutrality");
    AnalysisResult r = run(input);
    EXPECT_EQ(r.triangles.triangles, 1u);  // 1–2–3 has a neutral side
    EXPECT_EQ(r.triangles.by_negatives[2], 1u);
    EXPECT_EQ(r.frustration, 0u);
    EXPECT_EQ(r.neutral_pairs, 2u);
    EXPECT_EQ(r.components, 1u);
}

TEST(Suggestions, AlliesOfAlliesAndOpponentsOfAllies) {
    // Focus 0 allied with 1, 2, 3. 4 is allied with 1 and 2 (strongly with 2); 5 with 3;
    // 6 opposes 1, 2 and 3; 7 opposes only 1; 8 is already related to 0 (neutral).
    auto input = nodes(9);
    relate(input, 0, 1, "alliance");
    relate(input, 0, 2, "alliance", 3);
    relate(input, 3, 0, "alliance", 2);
    relate(input, 1, 4, "alliance");
    relate(input, 4, 2, "alliance", 2);
    relate(input, 3, 5, "alliance");
    for (int ally : {1, 2, 3}) relate(input, 6, ally, "opposition");
    relate(input, 7, 1, "opposition");
    relate(input, 0, 8, "neutrality");
    relate(input, 8, 1, "alliance");
    AnalysisResult r = run(input, {}, {0});
    ASSERT_EQ(r.suggestions.size(), 1u);
    const auto& s = r.suggestions[0];
    ASSERT_EQ(s.allies_of_allies.size(), 2u);
    EXPECT_EQ(s.allies_of_allies[0].actor, 4);
    EXPECT_DOUBLE_EQ(s.allies_of_allies[0].score, 1 + 2);  // min(1,1) + min(3,2)
    EXPECT_EQ(s.allies_of_allies[0].through, (std::vector<std::int32_t>{2, 1}));
    EXPECT_EQ(s.allies_of_allies[1].actor, 5);
    ASSERT_EQ(s.opponents_of_allies.size(), 1u);  // 7 opposes a third of the allies only
    EXPECT_EQ(s.opponents_of_allies[0].actor, 6);
    EXPECT_DOUBLE_EQ(s.opponents_of_allies[0].share, 1.0);
}

TEST(Projection, DirectionsAreAveragedIntoOnePairWeight) {
    auto input = nodes(3);
    relate(input, 0, 1, "alliance", 2);
    relate(input, 1, 0, "opposition");
    relate(input, 1, 2, "negotiation", 2);
    AnalysisResult r = run(input);
    ASSERT_EQ(r.projection.pairs.size(), 2u);
    EXPECT_DOUBLE_EQ(r.projection.pairs[0].weight, (2.0 - 1.0) / 2);
    EXPECT_DOUBLE_EQ(r.projection.pairs[1].weight, 1.0);
    EXPECT_EQ(r.actors[1].out_degree, 2);
    EXPECT_EQ(r.actors[1].in_degree, 1);
    EXPECT_EQ(r.actors[1].degree, 2);
    EXPECT_DOUBLE_EQ(r.actors[1].strength, 1.5);
}

TEST(Analysis, EmptyAndEdgelessGraphs) {
    AnalysisResult empty = run(nodes(0));
    EXPECT_TRUE(empty.actors.empty());
    EXPECT_TRUE(empty.communities.empty());
    AnalysisResult lonely = run(nodes(3));
    EXPECT_EQ(lonely.components, 3u);
    EXPECT_EQ(lonely.communities.size(), 3u);
    EXPECT_DOUBLE_EQ(lonely.triangles.balanced_share(), 1.0);
}
