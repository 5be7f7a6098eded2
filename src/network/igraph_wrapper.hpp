#pragma once
// The thin wrapper around igraph: plain vectors in, plain vectors out, errors as
// maillage::Error. igraph 0.10 as packaged by Debian is not thread-safe (IGRAPH_THREAD_SAFE 0:
// its error stack, random generator and handlers are process-wide), so every call here holds
// one process-wide lock; the rest of the analysis runs beside it on the other cores.
#include <cstdint>
#include <vector>

#include "network/projection.hpp"

namespace maillage::network::igraph {

struct Communities {
    std::vector<std::int32_t> membership;  // community of each node, 0..count-1
    std::int32_t count = 0;
    double quality = 0;  // the CPM objective reached
};

// Leiden with the Constant Potts Model on signed weights: a group is a community when the net
// weight inside it exceeds `resolution` per pair of its members. igraph's C function accepts
// negative weights (its R and Python wrappers refuse them). Seeded: the same graph gives the
// same communities.
Communities leiden_signed(std::int32_t nodes, const std::vector<Pair>& pairs, double resolution,
                          double beta, std::uint64_t seed);

// PageRank (PRPACK) on the pairs with positive weight, weighted by it.
std::vector<double> pagerank(std::int32_t nodes, const std::vector<Pair>& pairs, double damping);

// Eigenvector centrality (ARPACK) on the pairs with positive weight, weighted by it, scaled so
// that the largest is 1. All zeros for a graph without edges. `tolerance` is ARPACK's: 0 for
// machine precision; a graph of many alike communities converges slowly, and 1e-6 is then
// plenty to rank actors at half the cost.
std::vector<double> eigenvector(std::int32_t nodes, const std::vector<Pair>& pairs,
                                double tolerance = 0);

// Normalised mutual information between two partitions (Danon et al.), igraph's implementation.
double normalised_mutual_information(const std::vector<std::int32_t>& a,
                                     const std::vector<std::int32_t>& b);

}  // namespace maillage::network::igraph
