#pragma once
// The analysis: a Graph in, metrics out, without I/O. The CLI's `--input graph.json`, the
// pole's database, the API and the benchmarks all call analyse().
#include <cstdint>
#include <optional>
#include <vector>

#include "core/progress.hpp"
#include "network/balance.hpp"
#include "network/graph.hpp"
#include "network/paths.hpp"
#include "network/projection.hpp"
#include "network/suggestions.hpp"

namespace maillage::network {

// Tunables, read from data/network/analysis.json (rules.hpp) so that a territory changes them
// without a rebuild.
struct AnalysisSettings {
    std::optional<double> resolution;  // CPM γ; empty: the density of positive weight
    double leiden_beta = 0.01;
    std::size_t exact_betweenness_max_actors = 5000;  // above: sampled sources
    std::size_t betweenness_sample_sources = 128;
    std::uint64_t seed = 1;
    unsigned threads = 2;
    double pagerank_damping = 0.85;
    SuggestionRules suggestions;
    std::size_t frustrated_listed = 100;
};

struct ActorMetrics {
    std::int64_t degree = 0;  // distinct actors related either way
    std::int64_t in_degree = 0, out_degree = 0;
    double strength = 0;  // Σ |pair weight|
    double positive_strength = 0, negative_strength = 0;
    double betweenness = 0;                // on the positive graph, normalised as networkx
    std::optional<double> closeness;       // on the positive graph; exact runs only
    double eigenvector = 0, pagerank = 0;  // on the positive graph, weighted
    std::int32_t community = 0;
    std::uint32_t balanced_triangles = 0, unbalanced_triangles = 0;
};

struct Community {
    std::int32_t id = 0;
    std::vector<std::int32_t> members;
    double positive_weight = 0, negative_weight = 0;  // inside
};

struct FrustratedRelation {
    std::int32_t pair = 0;  // index into the projection's pairs
    std::uint32_t unbalanced_triangles = 0;
};

struct AnalysisResult {
    Projection projection;
    std::vector<ActorMetrics> actors;
    std::size_t relations = 0;
    std::size_t positive_pairs = 0, negative_pairs = 0, neutral_pairs = 0;
    std::size_t components = 0;  // of the graph of all pairs, isolated actors included
    bool betweenness_exact = true;
    std::size_t betweenness_sources = 0;

    double resolution = 0;
    double community_quality = 0;
    std::size_t community_disagreements = 0;
    std::vector<Community> communities;  // largest first

    TriangleCensus triangles;
    std::size_t frustration = 0;  // frustrated relations of the best 2-partition found
    double frustration_weight = 0;
    std::vector<std::int8_t> sides;
    std::vector<FrustratedRelation> frustrated;  // most unbalanced triangles first, capped

    std::vector<Suggestions> suggestions;  // one per focus actor
};

AnalysisResult analyse(const Graph& graph, const AnalysisSettings& settings,
                       const std::vector<std::int32_t>& focus, Progress& progress);

}  // namespace maillage::network
