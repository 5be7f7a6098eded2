#include "network/paths.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

namespace maillage::network {
namespace {

// One thread's scratch space and running sums.
struct Worker {
    explicit Worker(std::size_t n)
        : distance(n, -1), paths(n, 0), dependency(n, 0), betweenness(n, 0) {
        order.reserve(n);
    }
    std::vector<std::int32_t> distance;
    std::vector<double> paths;       // σ: number of shortest paths from the source
    std::vector<double> dependency;  // δ: the source's dependency on each node
    std::vector<std::int32_t> order;
    std::vector<double> betweenness;

    // Brandes' single-source step; returns the sum of distances to the nodes reached and counts
    // them in `reached` (the source included).
    double from_source(const Adjacency& g, std::int32_t source, std::size_t& reached) {
        order.clear();
        distance[std::size_t(source)] = 0;
        paths[std::size_t(source)] = 1;
        order.push_back(source);
        double total_distance = 0;
        for (std::size_t head = 0; head < order.size(); ++head) {
            auto v = order[head];
            auto next = distance[std::size_t(v)] + 1;
            for (auto a = g.offset[std::size_t(v)]; a < g.offset[std::size_t(v) + 1]; ++a) {
                auto w = std::size_t(g.target[std::size_t(a)]);
                if (distance[w] < 0) {
                    distance[w] = next;
                    total_distance += next;
                    order.push_back(std::int32_t(w));
                }
                if (distance[w] == next) paths[w] += paths[std::size_t(v)];
            }
        }
        for (std::size_t k = order.size(); k-- > 1;) {
            auto w = std::size_t(order[k]);
            double share = (1 + dependency[w]) / paths[w];
            for (auto a = g.offset[w]; a < g.offset[w + 1]; ++a) {
                auto v = std::size_t(g.target[std::size_t(a)]);
                if (distance[v] == distance[w] - 1) dependency[v] += paths[v] * share;
            }
            betweenness[w] += dependency[w];
        }
        reached = order.size();
        for (auto v : order) {
            distance[std::size_t(v)] = -1;
            paths[std::size_t(v)] = 0;
            dependency[std::size_t(v)] = 0;
        }
        return total_distance;
    }
};

}  // namespace

std::vector<std::int32_t> sample_sources(std::int32_t n, std::size_t k, std::uint64_t seed) {
    std::vector<std::int32_t> all(std::size_t(std::max(n, 0)));
    std::iota(all.begin(), all.end(), 0);
    k = std::min(k, all.size());
    std::mt19937_64 random(seed);
    // Partial Fisher–Yates: the first k places hold a uniform sample without replacement.
    for (std::size_t i = 0; i < k; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, all.size() - 1);
        std::swap(all[i], all[pick(random)]);
    }
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

PathCentrality path_centrality(const Adjacency& graph, const std::vector<std::int32_t>& sources,
                               unsigned threads, Progress& progress) {
    const auto n = std::size_t(graph.node_count());
    PathCentrality result;
    result.exact = sources.empty();
    std::vector<std::int32_t> all_nodes;
    if (result.exact) {
        all_nodes.resize(n);
        std::iota(all_nodes.begin(), all_nodes.end(), 0);
    }
    const auto& from = result.exact ? all_nodes : sources;
    result.sources = from.size();
    // Small graphs are not worth a thread.
    threads = std::clamp<unsigned>(unsigned(std::min<std::size_t>(from.size() / 8, threads)), 1u,
                                   std::max(1u, threads));
    std::vector<Worker> workers;
    workers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back(n);
    std::vector<double> closeness(result.exact ? n : 0, 0.0);
    std::atomic<std::size_t> done{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto run = [&](unsigned t) {
        for (std::size_t k = t; k < from.size(); k += threads) {
            std::size_t reached = 0;
            double total = workers[t].from_source(graph, from[k], reached);
            // networkx's closeness (Wasserman–Faust): (r - 1) / total × (r - 1) / (n - 1).
            if (result.exact && total > 0 && n > 1)
                closeness[std::size_t(from[k])] =
                    double(reached - 1) / total * double(reached - 1) / double(n - 1);
            auto finished = ++done;
            if (t == 0) progress.update("betweenness", finished, from.size());
        }
    };
    auto guarded = [&](unsigned t) {
        try {
            run(t);
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    guarded(0);
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
    progress.update("betweenness", from.size(), from.size());

    // Sum in thread order (deterministic), then networkx's normalisation for undirected graphs:
    // every ordered (source, target) was counted, so the unordered count is half of it, and
    // normalised = raw / ((n - 1)(n - 2)); a sample is scaled by n / k.
    result.betweenness.assign(n, 0.0);
    for (const auto& w : workers)
        for (std::size_t x = 0; x < n; ++x) result.betweenness[x] += w.betweenness[x];
    double scale = n > 2 ? 1.0 / (double(n - 1) * double(n - 2)) : 0.5;
    if (!result.exact && !from.empty()) scale *= double(n) / double(from.size());
    for (auto& b : result.betweenness) b *= scale;
    if (result.exact) result.closeness = std::move(closeness);
    return result;
}

}  // namespace maillage::network
