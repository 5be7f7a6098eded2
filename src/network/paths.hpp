#pragma once
// Shortest-path centralities on an unweighted, undirected graph (hops): betweenness (Brandes'
// algorithm) and closeness, normalised as networkx does, from all sources (exact) or from a
// uniform random sample of sources (Brandes & Pich), the sum then scaled by n / k.
//
// This is our own code rather than igraph_betweenness_subset: igraph 0.10 as packaged by Debian
// is built without thread safety (IGRAPH_THREAD_SAFE 0), so igraph calls must never overlap and
// can use one core only. Betweenness is the costly metric, and this loop runs outside igraph,
// on every core, while igraph computes the communities (bench/network/README.md).
#include <cstdint>
#include <optional>
#include <vector>

#include "core/progress.hpp"
#include "network/projection.hpp"

namespace maillage::network {

struct PathCentrality {
    std::vector<double> betweenness;
    // Only when every node was a source (exact): the closeness of a node is known from a search
    // started at that node.
    std::optional<std::vector<double>> closeness;
    bool exact = true;
    std::size_t sources = 0;
};

// `sources` empty means every node. Sources are split among `threads` threads in a fixed way,
// so that results do not depend on scheduling.
PathCentrality path_centrality(const Adjacency& graph, const std::vector<std::int32_t>& sources,
                               unsigned threads, Progress& progress);

// `k` distinct nodes of 0..n-1 drawn uniformly with a seeded generator.
std::vector<std::int32_t> sample_sources(std::int32_t n, std::size_t k, std::uint64_t seed);

}  // namespace maillage::network
