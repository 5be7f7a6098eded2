// The network module's scale run: a planted actor system (planted.hpp) analysed end to end,
// then metric by metric, with wall and CPU times, and how well the communities recover the
// planted groups. It can also write the graph for networkx (TSV) and for the CLI (graph.json).
//
//   network_scale [--actors 100000] [--seed 1] [--tsv FILE] [--json FILE] [--exact-check N]
//
// Prints one JSON object on stdout (bench/network/run.sh collects them).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "core/json.hpp"
#include "network/analysis.hpp"
#include "network/balance.hpp"
#include "network/igraph_wrapper.hpp"
#include "network/partition_similarity.hpp"
#include "network/paths.hpp"
#include "planted.hpp"

using namespace maillage;
using namespace maillage::network;

namespace {

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpu_seconds();

    static double cpu_seconds() {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
        return seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    Json elapsed() const {
        double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        return {{"wall_s", w}, {"cpu_s", cpu_seconds() - cpu}};
    }
};

template <class F>
Json timed(F&& work) {
    Clock clock;
    work();
    return clock.elapsed();
}

void write_tsv(const Graph& g, const std::string& path) {
    // One line per relation: from, to, signed weight (nature weight × intensity).
    std::ofstream out(path);
    for (const auto& e : g.edges) out << e.from << '\t' << e.to << '\t' << e.weight << '\n';
}

void write_json(const GraphInput& input, const std::string& path) {
    std::ofstream out(path);
    out << "{\"nodes\": [\n";
    for (std::size_t i = 0; i < input.nodes.size(); ++i)
        out << (i ? ",\n" : "") << "{\"id\": \"" << input.nodes[i].key << "\", \"label\": \""
            << input.nodes[i].label << "\"}";
    out << "\n], \"edges\": [\n";
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        const auto& e = input.edges[i];
        out << (i ? ",\n" : "") << "{\"from\": \"" << e.from << "\", \"to\": \"" << e.to
            << "\", \"nature\": \"" << e.nature << "\", \"object\": \"" << e.object
            << "\", \"intensity\": " << e.intensity << "}";
    }
    out << "\n]}\n";
}

}  // namespace

int main(int argc, char** argv) {
    int actors = 100000;
    std::uint64_t seed = 1;
    std::string tsv, json;
    std::size_t exact_check = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--actors")
            actors = std::stoi(argv[i + 1]);
        else if (flag == "--seed")
            seed = std::stoull(argv[i + 1]);
        else if (flag == "--tsv")
            tsv = argv[i + 1];
        else if (flag == "--json")
            json = argv[i + 1];
        else if (flag == "--exact-check")
            exact_check = std::stoul(argv[i + 1]);
        else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    const int size = 1000;
    // The anchors' densities, scaled so that each actor keeps ~20 relations at any size.
    const int blocks = std::max(1, actors / size);
    double p_out = 4e-5 * 100.0 / blocks;
    auto system = bench::planted_system(blocks, size, 0.016, p_out, seed);
    if (!json.empty()) write_json(system.input, json);
    Json out = {{"actors", system.input.nodes.size()}, {"relations", system.input.edges.size()}};
    Graph graph;
    out["build_graph"] = timed([&] { graph = build_graph_or_throw(system.input); });
    if (!tsv.empty()) write_tsv(graph, tsv);

    AnalysisSettings settings;  // data/network/analysis.json's defaults
    NoProgress quiet;
    AnalysisResult result;
    out["analyse_total"] = timed([&] { result = analyse(graph, settings, {}, quiet); });
    std::vector<std::int32_t> found;
    for (const auto& a : result.actors) found.push_back(a.community);
    out["communities"] = result.communities.size();
    out["nmi_vs_planted"] = normalised_mutual_information(found, system.block);
    out["balanced_share"] = result.triangles.balanced_share();
    out["triangles"] = result.triangles.triangles;
    out["frustration"] = result.frustration;
    out["betweenness_sources"] = result.betweenness_sources;

    // Metric by metric, one after the other, for the comparison with networkx.
    Json stages = Json::object();
    Projection p;
    stages["projection"] = timed([&] { p = project(graph); });
    Adjacency positive, signed_graph;
    stages["adjacency"] = timed([&] {
        positive = adjacency(p, Sign::positive);
        signed_graph = adjacency(p, Sign::nonzero);
    });
    double resolution = result.resolution;
    stages["leiden"] = timed([&] { igraph::leiden_signed(p.nodes, p.pairs, resolution, 0.01, 1); });
    stages["pagerank"] = timed([&] { igraph::pagerank(p.nodes, p.pairs, 0.85); });
    stages["eigenvector"] =
        timed([&] { igraph::eigenvector(p.nodes, p.pairs, result.betweenness_exact ? 0 : 1e-6); });
    auto sources = sample_sources(p.nodes, settings.betweenness_sample_sources, settings.seed);
    PathCentrality sampled;
    stages["betweenness_sampled_2_threads"] =
        timed([&] { sampled = path_centrality(positive, sources, 2, quiet); });
    stages["betweenness_sampled_1_thread"] =
        timed([&] { path_centrality(positive, sources, 1, quiet); });
    TriangleCensus census;
    stages["triangles"] = timed([&] { census = signed_triangles(p, signed_graph); });
    stages["balance_partition"] = timed([&] { balance_partition(p, signed_graph); });
    out["stages"] = stages;

    // The sample's error against exact betweenness, on a graph small enough for exact.
    if (exact_check && p.nodes <= std::int32_t(exact_check)) {
        PathCentrality exact;
        out["betweenness_exact"] = timed([&] { exact = path_centrality(positive, {}, 2, quiet); });
        double error = 0, total = 0;
        for (std::size_t i = 0; i < exact.betweenness.size(); ++i) {
            error += std::abs(exact.betweenness[i] - sampled.betweenness[i]);
            total += exact.betweenness[i];
        }
        out["sampled_relative_l1_error"] = total > 0 ? error / total : 0;
        // Overlap of the top 100 brokers.
        auto top = [](const std::vector<double>& v, std::size_t k) {
            std::vector<std::size_t> order(v.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::partial_sort(
                order.begin(), order.begin() + std::ptrdiff_t(std::min(k, order.size())),
                order.end(), [&](std::size_t a, std::size_t b) { return v[a] > v[b]; });
            order.resize(std::min(k, order.size()));
            std::sort(order.begin(), order.end());
            return order;
        };
        auto a = top(exact.betweenness, 100), b = top(sampled.betweenness, 100);
        std::vector<std::size_t> common;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
        out["top100_overlap"] = common.size();
    }
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}
