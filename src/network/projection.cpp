#include "network/projection.hpp"

#include <algorithm>

namespace maillage::network {
namespace {

struct Directed {
    std::int32_t from, to;
    double weight;
};

bool keep(double weight, Sign sign) {
    switch (sign) {
        case Sign::any:
            return true;
        case Sign::positive:
            return weight > 0;
        case Sign::negative:
            return weight < 0;
        case Sign::nonzero:
            return weight != 0;
    }
    return false;
}

// One weight per direction: the mean of the relations from → to (one per mission).
std::vector<Directed> directions(const Graph& graph) {
    std::vector<Directed> all;
    all.reserve(graph.edges.size());
    for (const auto& e : graph.edges) all.push_back({e.from, e.to, e.weight});
    std::sort(all.begin(), all.end(), [](const Directed& a, const Directed& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    std::vector<Directed> merged;
    merged.reserve(all.size());
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        double sum = 0;
        for (; j < all.size() && all[j].from == all[i].from && all[j].to == all[i].to; ++j)
            sum += all[j].weight;
        merged.push_back({all[i].from, all[i].to, sum / double(j - i)});
        i = j;
    }
    return merged;
}

}  // namespace

Projection project(const Graph& graph) {
    Projection p;
    p.nodes = graph.node_count();
    p.out_degree.assign(std::size_t(p.nodes), 0);
    p.in_degree.assign(std::size_t(p.nodes), 0);
    auto merged = directions(graph);
    std::vector<Directed> undirected;
    undirected.reserve(merged.size());
    for (const auto& d : merged) {
        ++p.out_degree[std::size_t(d.from)];
        ++p.in_degree[std::size_t(d.to)];
        undirected.push_back({std::min(d.from, d.to), std::max(d.from, d.to), d.weight});
    }
    std::sort(undirected.begin(), undirected.end(), [](const Directed& a, const Directed& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    p.pairs.reserve(undirected.size());
    for (std::size_t i = 0; i < undirected.size();) {
        std::size_t j = i;
        double sum = 0;
        for (; j < undirected.size() && undirected[j].from == undirected[i].from &&
               undirected[j].to == undirected[i].to;
             ++j)
            sum += undirected[j].weight;
        p.pairs.push_back({undirected[i].from, undirected[i].to, sum / double(j - i)});
        i = j;
    }
    return p;
}

Adjacency adjacency(const Projection& projection, Sign sign) {
    Adjacency a;
    a.offset.assign(std::size_t(projection.nodes) + 1, 0);
    for (const auto& pair : projection.pairs) {
        if (!keep(pair.weight, sign)) continue;
        ++a.offset[std::size_t(pair.u) + 1];
        ++a.offset[std::size_t(pair.v) + 1];
    }
    for (std::size_t x = 0; x < std::size_t(projection.nodes); ++x) a.offset[x + 1] += a.offset[x];
    a.target.resize(std::size_t(a.offset.back()));
    a.pair.resize(std::size_t(a.offset.back()));
    std::vector<std::int64_t> next(a.offset.begin(), a.offset.end() - 1);
    // Pairs are sorted by (u, v), so every node's neighbours come out sorted too.
    for (std::size_t k = 0; k < projection.pairs.size(); ++k) {
        const auto& pair = projection.pairs[k];
        if (!keep(pair.weight, sign)) continue;
        auto at_u = std::size_t(next[std::size_t(pair.u)]++);
        a.target[at_u] = pair.v;
        a.pair[at_u] = std::int32_t(k);
        auto at_v = std::size_t(next[std::size_t(pair.v)]++);
        a.target[at_v] = pair.u;
        a.pair[at_v] = std::int32_t(k);
    }
    return a;
}

}  // namespace maillage::network
