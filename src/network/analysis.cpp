#include "network/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <numeric>

#include "network/igraph_wrapper.hpp"

namespace maillage::network {
namespace {

// On graphs too large for exact betweenness, eigenvector centrality is computed to 1e-6.
constexpr double kLargeGraphTolerance = 1e-6;

struct IgraphMetrics {
    igraph::Communities communities;
    std::vector<double> pagerank, eigenvector;
};

// The mean positive weight per pair of actors: a group is then a community when its members
// are more strongly allied among themselves than actors are on average.
double positive_density(const Projection& p) {
    if (p.nodes < 2) return 0;
    double positive = 0;
    for (const auto& pair : p.pairs)
        if (pair.weight > 0) positive += pair.weight;
    return positive / (double(p.nodes) * double(p.nodes - 1) / 2);
}

std::size_t count_components(const Projection& p) {
    std::vector<std::int32_t> parent(std::size_t(p.nodes));
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](std::int32_t x) {
        while (parent[std::size_t(x)] != x)
            x = parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
        return x;
    };
    std::size_t components = std::size_t(p.nodes);
    for (const auto& pair : p.pairs) {
        auto a = root(pair.u), b = root(pair.v);
        if (a == b) continue;
        parent[std::size_t(std::max(a, b))] = std::min(a, b);
        --components;
    }
    return components;
}

void degrees(const Projection& p, const Adjacency& all, std::vector<ActorMetrics>& actors) {
    for (std::size_t x = 0; x < actors.size(); ++x) {
        auto& m = actors[x];
        m.degree = all.degree(std::int32_t(x));
        m.in_degree = p.in_degree[x];
        m.out_degree = p.out_degree[x];
        for (auto a = all.offset[x]; a < all.offset[x + 1]; ++a) {
            double w = p.pairs[std::size_t(all.pair[std::size_t(a)])].weight;
            m.strength += std::abs(w);
            (w > 0 ? m.positive_strength : m.negative_strength) += std::abs(w);
        }
    }
}

// Communities numbered by decreasing size (then by their smallest member), with their inside
// weights.
std::vector<Community> group_communities(const Projection& p, std::vector<std::int32_t>& member_of,
                                         std::int32_t count) {
    std::vector<Community> groups(std::size_t(std::max(count, 0)));
    for (std::size_t x = 0; x < member_of.size(); ++x)
        groups[std::size_t(member_of[x])].members.push_back(std::int32_t(x));
    std::stable_sort(groups.begin(), groups.end(), [](const Community& a, const Community& b) {
        return a.members.size() > b.members.size();
    });
    for (std::size_t c = 0; c < groups.size(); ++c) {
        groups[c].id = std::int32_t(c);
        for (auto x : groups[c].members) member_of[std::size_t(x)] = std::int32_t(c);
    }
    for (const auto& pair : p.pairs) {
        auto c = member_of[std::size_t(pair.u)];
        if (c != member_of[std::size_t(pair.v)]) continue;
        (pair.weight > 0 ? groups[std::size_t(c)].positive_weight
                         : groups[std::size_t(c)].negative_weight) += std::abs(pair.weight);
    }
    return groups;
}

std::vector<FrustratedRelation> rank_frustrated(const Projection& p, const TriangleCensus& census,
                                                const std::vector<std::int32_t>& frustrated,
                                                std::size_t limit) {
    std::vector<FrustratedRelation> ranked;
    ranked.reserve(frustrated.size());
    for (auto pair : frustrated)
        ranked.push_back({pair, census.unbalanced_of_pair[std::size_t(pair)]});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const FrustratedRelation& a, const FrustratedRelation& b) {
                         if (a.unbalanced_triangles != b.unbalanced_triangles)
                             return a.unbalanced_triangles > b.unbalanced_triangles;
                         return std::abs(p.pairs[std::size_t(a.pair)].weight) >
                                std::abs(p.pairs[std::size_t(b.pair)].weight);
                     });
    if (ranked.size() > limit) ranked.resize(limit);
    return ranked;
}

}  // namespace

AnalysisResult analyse(const Graph& graph, const AnalysisSettings& settings,
                       const std::vector<std::int32_t>& focus, Progress& progress) {
    AnalysisResult r;
    progress.update("projection", 0, 1);
    r.projection = project(graph);
    const Projection& p = r.projection;
    const auto n = std::size_t(p.nodes);
    r.relations = graph.edges.size();
    for (const auto& pair : p.pairs)
        ++(pair.weight > 0   ? r.positive_pairs
           : pair.weight < 0 ? r.negative_pairs
                             : r.neutral_pairs);
    Adjacency all = adjacency(p, Sign::any);
    Adjacency positive = adjacency(p, Sign::positive);
    Adjacency signed_graph = adjacency(p, Sign::nonzero);
    progress.update("projection", 1, 1);

    // igraph works on its own thread (and holds its lock) while the rest runs here.
    r.resolution = settings.resolution.value_or(positive_density(p));
    bool exact = n <= settings.exact_betweenness_max_actors;
    auto igraph_part = std::async(std::launch::async, [&] {
        IgraphMetrics m;
        if (n == 0) return m;
        m.communities = igraph::leiden_signed(p.nodes, p.pairs, r.resolution, settings.leiden_beta,
                                              settings.seed);
        m.pagerank = igraph::pagerank(p.nodes, p.pairs, settings.pagerank_damping);
        m.eigenvector = igraph::eigenvector(p.nodes, p.pairs, exact ? 0 : kLargeGraphTolerance);
        return m;
    });

    r.actors.resize(n);
    degrees(p, all, r.actors);
    auto paths = path_centrality(
        positive,
        exact ? std::vector<std::int32_t>{}
              : sample_sources(p.nodes, settings.betweenness_sample_sources, settings.seed),
        settings.threads, progress);
    r.betweenness_exact = paths.exact;
    r.betweenness_sources = paths.sources;

    progress.update("balance", 0, 1);
    r.triangles = signed_triangles(p, signed_graph);
    auto partition = balance_partition(p, signed_graph);
    r.frustration = partition.frustrated.size();
    r.frustration_weight = partition.frustrated_weight;
    r.sides = std::move(partition.side);
    r.frustrated =
        rank_frustrated(p, r.triangles, partition.frustrated, settings.frustrated_listed);
    r.components = count_components(p);
    progress.update("balance", 1, 1);

    for (auto x : focus) r.suggestions.push_back(suggest(p, all, x, settings.suggestions));

    progress.update("communities", 0, 1);
    auto metrics = igraph_part.get();
    progress.update("communities", 1, 1);
    r.communities = group_communities(p, metrics.communities.membership, metrics.communities.count);
    r.community_quality = metrics.communities.quality;
    r.community_disagreements = n ? disagreements(p, metrics.communities.membership) : 0;
    for (std::size_t x = 0; x < n; ++x) {
        auto& m = r.actors[x];
        m.betweenness = paths.betweenness[x];
        if (paths.closeness) m.closeness = (*paths.closeness)[x];
        m.pagerank = metrics.pagerank[x];
        m.eigenvector = metrics.eigenvector[x];
        m.community = metrics.communities.membership[x];
        m.balanced_triangles = r.triangles.balanced_of_node[x];
        m.unbalanced_triangles = r.triangles.unbalanced_of_node[x];
    }
    return r;
}

}  // namespace maillage::network
