#include "network/balance.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace maillage::network {
namespace {

// The local moves that follow repair what an unconverged eigenvector gets wrong, so a few
// hundred iterations are enough, fewer on large graphs: the iterations stop after about
// kPowerWork arc visits (25 iterations on a million relations).
constexpr int kMaxPowerIterations = 300;
constexpr std::int64_t kPowerWork = 50'000'000;
constexpr double kPowerTolerance = 1e-7;
constexpr double kMinimumGain = 1e-9;

// Each pair oriented from its lower- to its higher-ranked end (rank: degree, then index), so
// that each triangle is found once, from its lowest-ranked corner, in O(m^1.5).
Adjacency forward_adjacency(const Adjacency& g) {
    auto n = std::size_t(g.node_count());
    auto before = [&](std::int32_t a, std::int32_t b) {
        auto da = g.degree(a), db = g.degree(b);
        return da != db ? da < db : a < b;
    };
    Adjacency f;
    f.offset.assign(n + 1, 0);
    for (std::size_t x = 0; x < n; ++x)
        for (auto a = g.offset[x]; a < g.offset[x + 1]; ++a)
            if (before(std::int32_t(x), g.target[std::size_t(a)])) ++f.offset[x + 1];
    for (std::size_t x = 0; x < n; ++x) f.offset[x + 1] += f.offset[x];
    f.target.resize(std::size_t(f.offset.back()));
    f.pair.resize(std::size_t(f.offset.back()));
    for (std::size_t x = 0; x < n; ++x) {
        auto out = std::size_t(f.offset[x]);
        for (auto a = g.offset[x]; a < g.offset[x + 1]; ++a)
            if (before(std::int32_t(x), g.target[std::size_t(a)])) {
                f.target[out] = g.target[std::size_t(a)];
                f.pair[out++] = g.pair[std::size_t(a)];
            }
    }
    return f;
}

bool frustrated(double weight, bool same_side) {
    return (weight < 0 && same_side) || (weight > 0 && !same_side);
}

// The weight of the frustrated pairs: a strong relation contradicting balance counts more
// than a weak one.
double frustration(const Projection& p, const std::vector<std::int8_t>& side) {
    double total = 0;
    for (const auto& pair : p.pairs)
        if (frustrated(pair.weight, side[std::size_t(pair.u)] == side[std::size_t(pair.v)]))
            total += std::abs(pair.weight);
    return total;
}

// The signs of the leading eigenvector of the sign matrix (+1/−1 per pair), by power iteration
// on S + cI (c = the largest degree, so that the largest eigenvalue of S dominates).
std::vector<std::int8_t> spectral_sides(const Projection& p, const Adjacency& g) {
    auto n = std::size_t(g.node_count());
    std::int64_t shift = 0;
    for (std::size_t x = 0; x < n; ++x) shift = std::max(shift, g.degree(std::int32_t(x)));
    std::vector<double> x(n), y(n);
    // A fixed start of mixed signs, so that no eigenvector is missed by symmetry.
    for (std::size_t i = 0; i < n; ++i) x[i] = double((i * 2654435761u) % 2001u) / 1000.0 - 1.0;
    const std::int64_t arcs = std::max<std::int64_t>(1, g.offset.back());
    const int iterations =
        int(std::clamp<std::int64_t>(kPowerWork / arcs, 10, kMaxPowerIterations));
    for (int iteration = 0; iteration < iterations; ++iteration) {
        double norm = 0;
        for (std::size_t v = 0; v < n; ++v) {
            double sum = double(shift) * x[v];
            for (auto a = g.offset[v]; a < g.offset[v + 1]; ++a)
                sum += (p.pairs[std::size_t(g.pair[std::size_t(a)])].weight > 0 ? 1.0 : -1.0) *
                       x[std::size_t(g.target[std::size_t(a)])];
            y[v] = sum;
            norm += sum * sum;
        }
        norm = std::sqrt(norm);
        if (norm == 0) break;
        double change = 0;
        for (std::size_t v = 0; v < n; ++v) {
            change = std::max(change, std::abs(y[v] / norm - x[v]));
            x[v] = y[v] / norm;
        }
        if (change < kPowerTolerance) break;
    }
    std::vector<std::int8_t> side(n);
    for (std::size_t v = 0; v < n; ++v) side[v] = x[v] < 0 ? -1 : 1;
    return side;
}

// Moves single nodes to the other side while that lowers the frustrated weight. Each move
// lowers it, so this ends; the bound on moves only guards against rounding.
void local_moves(const Projection& p, const Adjacency& g, std::vector<std::int8_t>& side) {
    auto n = std::size_t(g.node_count());
    auto gain = [&](std::size_t v) {
        double balance = 0;  // frustrated minus satisfied weight at v
        for (auto a = g.offset[v]; a < g.offset[v + 1]; ++a) {
            auto w = std::size_t(g.target[std::size_t(a)]);
            double weight = p.pairs[std::size_t(g.pair[std::size_t(a)])].weight;
            balance += (frustrated(weight, side[v] == side[w]) ? 1 : -1) * std::abs(weight);
        }
        return balance;
    };
    std::deque<std::size_t> queue;
    std::vector<bool> queued(n, true);
    for (std::size_t v = 0; v < n; ++v) queue.push_back(v);
    std::size_t moves = 0, max_moves = 100 * n + 1000;
    while (!queue.empty() && moves < max_moves) {
        auto v = queue.front();
        queue.pop_front();
        queued[v] = false;
        if (gain(v) <= kMinimumGain) continue;
        side[v] = std::int8_t(-side[v]);
        ++moves;
        for (auto a = g.offset[v]; a < g.offset[v + 1]; ++a) {
            auto w = std::size_t(g.target[std::size_t(a)]);
            if (!queued[w]) {
                queued[w] = true;
                queue.push_back(w);
            }
        }
    }
}

}  // namespace

TriangleCensus signed_triangles(const Projection& p, const Adjacency& g) {
    auto n = std::size_t(g.node_count());
    TriangleCensus census;
    census.balanced_of_node.assign(n, 0);
    census.unbalanced_of_node.assign(n, 0);
    census.unbalanced_of_pair.assign(p.pairs.size(), 0);
    Adjacency f = forward_adjacency(g);
    std::vector<std::int32_t> mark(n, -1);  // pair (u, w) + 0 for the out-neighbours w of u
    auto negative = [&](std::int32_t pair) { return p.pairs[std::size_t(pair)].weight < 0; };
    for (std::size_t u = 0; u < n; ++u) {
        for (auto a = f.offset[u]; a < f.offset[u + 1]; ++a)
            mark[std::size_t(f.target[std::size_t(a)])] = f.pair[std::size_t(a)];
        for (auto a = f.offset[u]; a < f.offset[u + 1]; ++a) {
            auto v = std::size_t(f.target[std::size_t(a)]);
            auto uv = f.pair[std::size_t(a)];
            for (auto b = f.offset[v]; b < f.offset[v + 1]; ++b) {
                auto w = std::size_t(f.target[std::size_t(b)]);
                if (mark[w] < 0) continue;
                auto vw = f.pair[std::size_t(b)], uw = mark[w];
                int negatives = int(negative(uv)) + int(negative(vw)) + int(negative(uw));
                ++census.triangles;
                ++census.by_negatives[std::size_t(negatives)];
                bool balanced = negatives % 2 == 0;
                for (auto x : {u, v, w})
                    ++(balanced ? census.balanced_of_node : census.unbalanced_of_node)[x];
                if (!balanced)
                    for (auto pair : {uv, vw, uw}) ++census.unbalanced_of_pair[std::size_t(pair)];
            }
        }
        for (auto a = f.offset[u]; a < f.offset[u + 1]; ++a)
            mark[std::size_t(f.target[std::size_t(a)])] = -1;
    }
    return census;
}

BalancePartition balance_partition(const Projection& p, const Adjacency& g) {
    auto n = std::size_t(g.node_count());
    // Two starts, each improved by local moves; the better one is kept.
    auto spectral = spectral_sides(p, g);
    local_moves(p, g, spectral);
    std::vector<std::int8_t> together(n, 1);
    local_moves(p, g, together);
    BalancePartition result;
    result.frustrated_weight = std::min(frustration(p, spectral), frustration(p, together));
    result.side = frustration(p, spectral) <= frustration(p, together) ? std::move(spectral)
                                                                       : std::move(together);
    for (std::size_t k = 0; k < p.pairs.size(); ++k) {
        const auto& pair = p.pairs[k];
        if (frustrated(pair.weight,
                       result.side[std::size_t(pair.u)] == result.side[std::size_t(pair.v)]))
            result.frustrated.push_back(std::int32_t(k));
    }
    return result;
}

std::size_t disagreements(const Projection& p, const std::vector<std::int32_t>& group) {
    std::size_t count = 0;
    for (const auto& pair : p.pairs)
        if (frustrated(pair.weight, group[std::size_t(pair.u)] == group[std::size_t(pair.v)]))
            ++count;
    return count;
}

}  // namespace maillage::network
