// Building the analysis graph: bad input is refused with a message naming the place and the
// reason; snapshots compare relation by relation.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "network/compare.hpp"
#include "network/graph.hpp"
#include "test_graphs.hpp"

using namespace maillage;
using namespace maillage::network;
using namespace maillage::network::testing;

TEST(BuildGraph, RefusesUnknownActorsNaturesSelfRelationsAndDuplicates) {
    auto input = nodes(3);
    relate(input, 0, 1, "alliance");
    input.edges.push_back({"0", "ghost", "alliance", "", "", 1, false});
    relate(input, 1, 2, "friendship");
    relate(input, 2, 2, "alliance");
    relate(input, 1, 0, "alliance", -1);
    relate(input, 0, 1, "opposition");
    std::vector<GraphProblem> problems;
    Graph g = build_graph(input, problems);
    ASSERT_EQ(problems.size(), 5u);
    auto has = [&](std::size_t edge, const std::string& field, const std::string& reason) {
        for (const auto& p : problems)
            if (p.in_edges && p.index == edge && p.field == field && p.reason == reason)
                return true;
        return false;
    };
    EXPECT_TRUE(has(1, "to", "unknown actor \"ghost\""));
    EXPECT_TRUE(has(2, "nature", "unknown nature \"friendship\""));
    EXPECT_TRUE(has(3, "to", "a relation needs two different actors (\"2\" twice)"));
    EXPECT_TRUE(has(4, "intensity", "must be a number above 0"));
    EXPECT_TRUE(has(5, "to", "the relation \"0\" → \"1\" is already given by edges[0]"));
    EXPECT_EQ(g.edges.size(), 1u);  // only the good one is kept

    try {
        build_graph_or_throw(input);
        FAIL() << "bad input accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
        EXPECT_EQ(e.field(), "edges[1].to");
        EXPECT_STREQ(e.what(), "edges[1].to: unknown actor \"ghost\"");
    }
}

TEST(BuildGraph, RefusesDuplicateActorIds) {
    auto input = nodes(2);
    input.nodes.push_back({"1", "again", {}});
    std::vector<GraphProblem> problems;
    build_graph(input, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_FALSE(problems[0].in_edges);
    EXPECT_EQ(problems[0].index, 2u);
    EXPECT_EQ(problems[0].reason, "\"1\" is already the id of nodes[1]");
}

TEST(BuildGraph, WeightIsTheNaturesWeightTimesIntensityAndCodesRoundTrip) {
    auto input = nodes(2);
    input.edges.push_back({"0", "1", "opposition", "values", "pathways", 3, false});
    Graph g = build_graph_or_throw(input);
    ASSERT_EQ(g.edges.size(), 1u);
    EXPECT_DOUBLE_EQ(g.edges[0].weight, -3);
    auto back = g.input_of(g.edges[0]);
    EXPECT_EQ(back.object, "values");
    EXPECT_EQ(back.mission, "pathways");
    EXPECT_EQ(back.nature, "opposition");
}

TEST(CompareSnapshots, NewLostAndChangedRelations) {
    std::vector<EdgeInput> y2025 = {
        {"a", "b", "alliance", "values", "m1", 2, false},
        {"b", "a", "alliance", "values", "m1", 2, false},
        {"a", "c", "opposition", "means", "m1", 1, false},
        {"c", "d", "neutrality", "", "m1", 1, false},
    };
    std::vector<EdgeInput> y2026 = {
        {"c", "d", "neutrality", "", "m1", 1, false},
        {"a", "b", "alliance", "practices", "m1", 3, false},
        {"b", "a", "alliance", "values", "m1", 2, false},
        {"a", "c", "opposition", "means", "m2", 1, false},
        {"d", "a", "interdependence", "means", "", 1, true},
    };
    auto diff = compare_snapshots(y2025, y2026);
    EXPECT_EQ(diff.unchanged, 2u);
    ASSERT_EQ(diff.changed.size(), 1u);
    EXPECT_EQ(diff.changed[0].after.to, "b");
    EXPECT_EQ(diff.changed[0].fields, (std::vector<std::string>{"object", "intensity"}));
    ASSERT_EQ(diff.lost.size(), 1u);
    EXPECT_EQ(diff.lost[0].mission, "m1");  // a → c moved to another mission
    ASSERT_EQ(diff.added.size(), 2u);
    EXPECT_EQ(diff.added[0].mission, "m2");
    EXPECT_TRUE(diff.added[1].derived);
}
