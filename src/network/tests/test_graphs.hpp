#pragma once
// Small graph builders shared by the network tests.
#include <random>
#include <string>
#include <vector>

#include "network/graph.hpp"

namespace maillage::network::testing {

inline std::vector<NatureWeight> signed_natures() {
    return {{"alliance", 1}, {"opposition", -1}, {"neutrality", 0}, {"negotiation", 0.5}};
}

inline GraphInput nodes(int n) {
    GraphInput g;
    for (int i = 0; i < n; ++i)
        g.nodes.push_back({std::to_string(i), "actor " + std::to_string(i), {}});
    g.natures = signed_natures();
    return g;
}

inline void relate(GraphInput& g, int a, int b, const std::string& nature, double intensity = 1) {
    g.edges.push_back({std::to_string(a), std::to_string(b), nature, "", "", intensity, false});
}

// A signed stochastic block model: `blocks` groups of `size` actors; a pair is related with
// probability p_in inside a group and p_out across; inside, a relation is an alliance with
// probability positive_in, across an opposition with probability negative_out.
struct PlantedGraph {
    GraphInput input;
    std::vector<std::int32_t> block;
};

inline PlantedGraph planted(int blocks, int size, double p_in, double p_out, double positive_in,
                            double negative_out, std::uint64_t seed) {
    PlantedGraph out;
    out.input = nodes(blocks * size);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    int n = blocks * size;
    for (int i = 0; i < n; ++i) out.block.push_back(i / size);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            bool inside = i / size == j / size;
            if (uniform(random) >= (inside ? p_in : p_out)) continue;
            bool ally = inside ? uniform(random) < positive_in : uniform(random) >= negative_out;
            relate(out.input, i, j, ally ? "alliance" : "opposition");
        }
    return out;
}

}  // namespace maillage::network::testing
