#pragma once
// The analysis' input: actors and signed, typed, directed relations, whatever they come from (a
// pole's database or a graph.json file). Both paths build a Graph with build_graph() and run the
// very same analysis on it (analysis.hpp).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace maillage::network {

struct NodeInput {
    std::string key;  // unique: an actor id in a pole, any text in graph.json
    std::string label;
    // Extra columns carried to the exports (kind, level, public...), not analysed.
    std::vector<std::pair<std::string, std::string>> attributes;
};

// One relation as the seed's Grille II records it: A → B may differ from B → A.
struct EdgeInput {
    std::string from, to;
    std::string nature;
    std::string object;   // values, practices, means, global; may be empty
    std::string mission;  // the key mission it was assessed for; empty = every mission
    double intensity = 1;
    bool derived = false;  // proved by operational data rather than declared
};

// The sign and weight of a relation nature: data, never code (data/network/natures.csv).
struct NatureWeight {
    std::string code;
    double weight = 0;
};

struct GraphInput {
    std::vector<NodeInput> nodes;
    std::vector<EdgeInput> edges;
    std::vector<NatureWeight> natures;
};

// A problem found in the input, named by list and position so that a file reader can turn it
// into a line number.
struct GraphProblem {
    bool in_edges = false;  // edges[index], else nodes[index]
    std::size_t index = 0;
    std::string field;
    std::string reason;
};

struct Edge {
    std::int32_t from = 0, to = 0;
    // Indices into Graph::natures, Graph::objects and Graph::missions.
    std::uint16_t nature = 0, object = 0, mission = 0;
    bool derived = false;
    double intensity = 1;
    double weight = 0;  // the nature's weight × intensity
};

struct Graph {
    std::vector<NodeInput> nodes;
    std::vector<Edge> edges;
    std::vector<NatureWeight> natures;
    std::vector<std::string> objects{""}, missions{""};  // code tables; index 0 is "none"

    std::int32_t node_count() const { return static_cast<std::int32_t>(nodes.size()); }
    // The edge back as input (codes and keys instead of indices).
    EdgeInput input_of(const Edge& edge) const;
};

// Checks and indexes the input. Every problem is appended to `problems` (an unknown actor, an
// unknown nature, a self-relation, a duplicate...); the edges with problems are left out.
Graph build_graph(GraphInput input, std::vector<GraphProblem>& problems);

// Throws an invalid_input Error listing the problems, for callers without a file to cite.
Graph build_graph_or_throw(GraphInput input);

}  // namespace maillage::network
