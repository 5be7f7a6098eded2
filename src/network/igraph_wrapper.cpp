#include "network/igraph_wrapper.hpp"

#include <igraph.h>

#include <algorithm>
#include <mutex>
#include <numeric>
#include <string>

#include "core/error.hpp"

namespace maillage::network::igraph {
namespace {

std::mutex& igraph_lock() {
    static std::mutex lock;
    return lock;
}

// Holds the process-wide lock and makes igraph return errors instead of aborting the process
// (its default handler calls abort()); the previous handlers come back afterwards.
class Session {
  public:
    Session() : lock_(igraph_lock()) {
        previous_error_ = igraph_set_error_handler(igraph_error_handler_ignore);
        previous_warning_ = igraph_set_warning_handler(igraph_warning_handler_ignore);
    }
    ~Session() {
        igraph_set_error_handler(previous_error_);
        igraph_set_warning_handler(previous_warning_);
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

  private:
    std::lock_guard<std::mutex> lock_;
    igraph_error_handler_t* previous_error_;
    igraph_warning_handler_t* previous_warning_;
};

void check(igraph_error_t code, const char* what) {
    if (code != IGRAPH_SUCCESS)
        throw Error(ErrorCode::internal,
                    std::string("igraph ") + what + " failed: " + igraph_strerror(code));
}

class RealVector {
  public:
    explicit RealVector(igraph_integer_t size = 0) {
        check(igraph_vector_init(&v_, size), "vector");
    }
    ~RealVector() { igraph_vector_destroy(&v_); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
    igraph_vector_t* get() { return &v_; }
    std::vector<double> values() const {
        std::vector<double> out(std::size_t(igraph_vector_size(&v_)));
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v_)[i];
        return out;
    }

  private:
    igraph_vector_t v_;
};

class IntVector {
  public:
    explicit IntVector(igraph_integer_t size = 0) {
        check(igraph_vector_int_init(&v_, size), "vector");
    }
    explicit IntVector(const std::vector<std::int32_t>& values)
        : IntVector(igraph_integer_t(values.size())) {
        for (std::size_t i = 0; i < values.size(); ++i) VECTOR(v_)[i] = values[i];
    }
    ~IntVector() { igraph_vector_int_destroy(&v_); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;
    igraph_vector_int_t* get() { return &v_; }
    igraph_integer_t& operator[](std::size_t i) { return VECTOR(v_)[i]; }

  private:
    igraph_vector_int_t v_;
};

// An undirected igraph graph of the selected pairs, and their weights in edge order.
class WeightedGraph {
  public:
    template <class Keep>
    WeightedGraph(std::int32_t nodes, const std::vector<Pair>& pairs, Keep keep) {
        auto kept = std::count_if(pairs.begin(), pairs.end(), keep);
        IntVector ends(2 * kept);
        check(igraph_vector_resize(weights_.get(), kept), "vector");
        std::size_t e = 0;
        for (const auto& p : pairs) {
            if (!keep(p)) continue;
            ends[2 * e] = p.u;
            ends[2 * e + 1] = p.v;
            VECTOR(*weights_.get())[e++] = p.weight;
        }
        check(igraph_create(&graph_, ends.get(), nodes, IGRAPH_UNDIRECTED), "graph");
    }
    ~WeightedGraph() { igraph_destroy(&graph_); }
    WeightedGraph(const WeightedGraph&) = delete;
    WeightedGraph& operator=(const WeightedGraph&) = delete;
    const igraph_t* graph() const { return &graph_; }
    igraph_vector_t* weights() { return weights_.get(); }
    bool empty() const { return igraph_ecount(&graph_) == 0; }

  private:
    igraph_t graph_;
    RealVector weights_;
};

bool positive(const Pair& p) {
    return p.weight > 0;
}

constexpr int kMaxLeidenRounds = 50;

}  // namespace

Communities leiden_signed(std::int32_t nodes, const std::vector<Pair>& pairs, double resolution,
                          double beta, std::uint64_t seed) {
    Communities result;
    result.membership.resize(std::size_t(nodes));
    bool any_edge =
        std::any_of(pairs.begin(), pairs.end(), [](const Pair& p) { return p.weight != 0; });
    // igraph 0.10.2's Leiden never returns on a graph without edges when asked to iterate until
    // stable; such a graph has one community per actor anyway.
    if (!any_edge) {
        std::iota(result.membership.begin(), result.membership.end(), 0);
        result.count = nodes;
        return result;
    }
    Session session;
    igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed));
    WeightedGraph g(nodes, pairs, [](const Pair& p) { return p.weight != 0; });
    IntVector membership;
    igraph_integer_t count = 0;
    igraph_real_t quality = 0;
    // Node weights null: every node weighs 1 (CPM). Rather than igraph's "until stable" (a
    // negative count, which never ended on a small signed graph of the service tests), the
    // iterations are run here one at a time, from the previous partition, until it stops
    // changing, with a bound.
    check(igraph_community_leiden(g.graph(), g.weights(), nullptr, resolution, beta, false, 2,
                                  membership.get(), &count, &quality),
          "Leiden");
    for (int round = 0; round < kMaxLeidenRounds; ++round) {
        std::vector<igraph_integer_t> before(VECTOR(*membership.get()),
                                             VECTOR(*membership.get()) + nodes);
        check(igraph_community_leiden(g.graph(), g.weights(), nullptr, resolution, beta, true, 1,
                                      membership.get(), &count, &quality),
              "Leiden");
        if (std::equal(before.begin(), before.end(), VECTOR(*membership.get()))) break;
    }
    for (std::size_t i = 0; i < result.membership.size(); ++i)
        result.membership[i] = std::int32_t(membership[i]);
    result.count = std::int32_t(count);
    result.quality = quality;
    return result;
}

std::vector<double> pagerank(std::int32_t nodes, const std::vector<Pair>& pairs, double damping) {
    Session session;
    WeightedGraph g(nodes, pairs, positive);
    RealVector scores;
    igraph_real_t value = 0;
    check(igraph_pagerank(g.graph(), IGRAPH_PAGERANK_ALGO_PRPACK, scores.get(), &value,
                          igraph_vss_all(), IGRAPH_UNDIRECTED, damping,
                          g.empty() ? nullptr : g.weights(), nullptr),
          "PageRank");
    return scores.values();
}

std::vector<double> eigenvector(std::int32_t nodes, const std::vector<Pair>& pairs,
                                double tolerance) {
    Session session;
    WeightedGraph g(nodes, pairs, positive);
    if (g.empty()) return std::vector<double>(std::size_t(nodes), 0.0);
    RealVector scores;
    igraph_real_t value = 0;
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    options.tol = tolerance;
    check(igraph_eigenvector_centrality(g.graph(), scores.get(), &value, IGRAPH_UNDIRECTED, true,
                                        g.weights(), &options),
          "eigenvector centrality");
    return scores.values();
}

double normalised_mutual_information(const std::vector<std::int32_t>& a,
                                     const std::vector<std::int32_t>& b) {
    if (a.size() != b.size()) throw Error(ErrorCode::internal, "partitions of different sizes");
    Session session;
    IntVector first(a), second(b);
    igraph_real_t nmi = 0;
    check(igraph_compare_communities(first.get(), second.get(), &nmi, IGRAPH_COMMCMP_NMI), "NMI");
    return nmi;
}

}  // namespace maillage::network::igraph
