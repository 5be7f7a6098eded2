#pragma once
// The undirected, signed projection every metric is computed on. Grille II records A → B and
// B → A separately; centralities, communities and balance need one weight per pair of actors:
// the mean of the two directions' weights, each direction's weight being the mean of its
// relations (one per mission when several missions are analysed together). A pair assessed as
// alliance one way and opposition the other thus weighs 0.
#include <cstdint>
#include <vector>

#include "network/graph.hpp"

namespace maillage::network {

struct Pair {
    std::int32_t u = 0, v = 0;  // u < v
    double weight = 0;          // signed; 0 for a neutral pair
};

// Compressed adjacency: the neighbours of node x are target[offset[x] .. offset[x+1]), each with
// the index of its pair in Projection::pairs.
struct Adjacency {
    std::vector<std::int64_t> offset;
    std::vector<std::int32_t> target;
    std::vector<std::int32_t> pair;

    std::int32_t node_count() const { return static_cast<std::int32_t>(offset.size()) - 1; }
    std::int64_t degree(std::int32_t x) const { return offset[x + 1] - offset[x]; }
};

struct Projection {
    std::int32_t nodes = 0;
    std::vector<Pair> pairs;  // sorted by (u, v)
    // Distinct actors each one points to / is pointed at by (declared or derived).
    std::vector<std::int32_t> out_degree, in_degree;
};

Projection project(const Graph& graph);

enum class Sign { any, positive, negative, nonzero };
// The adjacency over the pairs whose weight has `sign`.
Adjacency adjacency(const Projection& projection, Sign sign);

}  // namespace maillage::network
