#pragma once
// The graph.json format of `maillage network analyse --input` (docs/network.md): actors and
// signed, typed relations. Reading reports every problem with its line and JSON path, all at
// once, and analyses nothing when there is one.
#include <string>
#include <string_view>
#include <vector>

#include "network/graph.hpp"

namespace maillage::network {

// Parses graph.json text. Natures missing from the file come from `default_natures` (the
// shipped ones); a file may add or re-weigh natures. Throws ImportRejected with one
// LineProblem per problem (field "edges[12].to"), or an invalid_input Error for bad JSON.
Graph read_graph_json(std::string_view text, const std::string& file_name,
                      const std::vector<NatureWeight>& default_natures);

// The line (1-based) where each element of the top-level arrays "nodes" and "edges" starts,
// in a text that is valid JSON.
struct ElementLines {
    std::vector<std::int64_t> nodes, edges;
};
ElementLines element_lines(std::string_view text);

}  // namespace maillage::network
