// Zachary's karate club: our centralities against networkx's, run live as the independent
// oracle (Debian's python3-networkx under /usr/bin/python3, installed by
// scripts/install-deps.sh --test). Without it the test fails: it must never pass silently.
#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/json.hpp"
#include "core/tests/command_output.hpp"
#include "network/analysis.hpp"

using namespace maillage;
using namespace maillage::network;

namespace {

const char* kOracle = R"PY(
import json, sys
import networkx as nx
G = nx.karate_club_graph()
out = {"version": nx.__version__,
       "edges": [[u, v, d.get("weight", 1)] for u, v, d in G.edges(data=True)]}
out["degree"] = dict(G.degree())
out["strength"] = dict(G.degree(weight="weight"))
out["betweenness"] = nx.betweenness_centrality(G)
out["closeness"] = nx.closeness_centrality(G)
out["eigenvector"] = nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15, weight="weight")
try:
    out["pagerank"] = nx.pagerank(G, tol=1e-15, max_iter=100000, weight="weight")
except ImportError:  # nx.pagerank needs numpy/scipy; the pure-Python power method does not
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    out["pagerank"] = _pagerank_python(G, tol=1e-15, max_iter=100000, weight="weight")
json.dump(out, sys.stdout)
)PY";

Json run_networkx() {
    auto script = std::filesystem::temp_directory_path() / "maillage_karate_oracle.py";
    std::ofstream(script) << kOracle;
    std::string command = "/usr/bin/python3 " + script.string() + " 2>&1";
    int status = 0;
    std::string output = maillage::testing::command_output(command, &status);
    std::filesystem::remove(script);
    if (status != 0) {
        ADD_FAILURE() << "networkx oracle failed (is python3-networkx installed for "
                         "/usr/bin/python3? scripts/install-deps.sh --test):\n"
                      << output;
        return nullptr;
    }
    return Json::parse(output);
}

std::set<std::pair<int, int>> igraph_zachary_edges() {
    igraph_t g;
    igraph_famous(&g, "Zachary");
    std::set<std::pair<int, int>> edges;
    for (igraph_integer_t e = 0; e < igraph_ecount(&g); ++e) {
        int a = int(IGRAPH_FROM(&g, e)), b = int(IGRAPH_TO(&g, e));
        edges.insert({std::min(a, b), std::max(a, b)});
    }
    igraph_destroy(&g);
    return edges;
}

double max_value(const Json& values) {
    double m = 0;
    for (const auto& [key, value] : values.items()) m = std::max(m, value.get<double>());
    return m;
}

}  // namespace

TEST(Karate, CentralitiesEqualNetworkx) {
    Json oracle = run_networkx();
    ASSERT_FALSE(oracle.is_null()) << "the networkx oracle is required";
    SCOPED_TRACE("networkx " + oracle["version"].get<std::string>());

    GraphInput input;
    input.natures = {{"alliance", 1}};
    for (int i = 0; i < 34; ++i)
        input.nodes.push_back({std::to_string(i), "member " + std::to_string(i), {}});
    std::set<std::pair<int, int>> oracle_edges;
    for (const auto& e : oracle["edges"]) {
        int a = e[0], b = e[1];
        oracle_edges.insert({std::min(a, b), std::max(a, b)});
        input.edges.push_back(
            {std::to_string(a), std::to_string(b), "alliance", "", "", e[2].get<double>(), false});
    }
    // Both sides analyse the same club: networkx's edge list is igraph's famous graph.
    ASSERT_EQ(oracle_edges, igraph_zachary_edges());

    Graph graph = build_graph_or_throw(input);
    NoProgress quiet;
    AnalysisResult r = analyse(graph, AnalysisSettings{}, {}, quiet);
    ASSERT_TRUE(r.betweenness_exact);
    double eigen_max = max_value(oracle["eigenvector"]);
    for (int i = 0; i < 34; ++i) {
        SCOPED_TRACE("node " + std::to_string(i));
        const auto key = std::to_string(i);
        const auto& m = r.actors[std::size_t(i)];
        EXPECT_EQ(m.degree, oracle["degree"][key].get<std::int64_t>());
        EXPECT_NEAR(m.strength, oracle["strength"][key].get<double>(), 1e-9);
        EXPECT_NEAR(m.betweenness, oracle["betweenness"][key].get<double>(), 1e-9);
        ASSERT_TRUE(m.closeness.has_value());
        EXPECT_NEAR(*m.closeness, oracle["closeness"][key].get<double>(), 1e-9);
        // networkx scales the eigenvector to unit length, we scale its largest entry to 1.
        EXPECT_NEAR(m.eigenvector, oracle["eigenvector"][key].get<double>() / eigen_max, 1e-9);
        EXPECT_NEAR(m.pagerank, oracle["pagerank"][key].get<double>(), 1e-9);
    }
}
