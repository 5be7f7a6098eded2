#pragma once
// Structural balance of the signed projection (Cartwright & Harary): a triangle is balanced when
// the product of its signs is positive (+++: friends of friends; +−−: the enemy of my friend is my
// enemy). Two measures, both on the pairs with a non-zero weight (docs/network.md):
//  - the signed triangle census: the share of balanced triangles, per graph and per actor;
//  - a 2-partition found by a spectral start and local moves minimising the weight of its
//    frustrated relations (negative inside a side, positive across): an upper bound of the
//    weighted frustration index, the least total weight of relations to change for the whole
//    graph to be balanced (NP-hard to compute exactly).
#include <array>
#include <cstdint>
#include <vector>

#include "network/projection.hpp"

namespace maillage::network {

struct TriangleCensus {
    std::uint64_t triangles = 0;
    // by_negatives[k]: triangles with k negative pairs; k = 0 and 2 are balanced.
    std::array<std::uint64_t, 4> by_negatives{};
    std::vector<std::uint32_t> balanced_of_node, unbalanced_of_node;
    std::vector<std::uint32_t> unbalanced_of_pair;  // per Projection::pairs index

    std::uint64_t balanced() const { return by_negatives[0] + by_negatives[2]; }
    // 1 for a graph without triangles (nothing contradicts balance).
    double balanced_share() const {
        return triangles ? double(balanced()) / double(triangles) : 1.0;
    }
};

// `signed_graph` is adjacency(projection, Sign::nonzero).
TriangleCensus signed_triangles(const Projection& projection, const Adjacency& signed_graph);

struct BalancePartition {
    std::vector<std::int8_t> side;         // +1 or -1 per node
    std::vector<std::int32_t> frustrated;  // indices of frustrated pairs
    double frustrated_weight = 0;          // Σ |weight| of those pairs
};

BalancePartition balance_partition(const Projection& projection, const Adjacency& signed_graph);

// How many of the pairs a partition (communities, or the two sides) contradicts: negative
// pairs inside a group plus positive pairs across groups.
std::size_t disagreements(const Projection& projection, const std::vector<std::int32_t>& group);

}  // namespace maillage::network
