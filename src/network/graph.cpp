#include "network/graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/error.hpp"

namespace maillage::network {
namespace {

// Interns codes into a small table (index 0 is the empty code).
class CodeTable {
  public:
    explicit CodeTable(std::vector<std::string>& codes) : codes_(codes) {
        for (std::size_t i = 0; i < codes_.size(); ++i) index_[codes_[i]] = std::uint16_t(i);
    }
    std::optional<std::uint16_t> intern(const std::string& code) {
        auto it = index_.find(code);
        if (it != index_.end()) return it->second;
        if (codes_.size() > std::numeric_limits<std::uint16_t>::max()) return std::nullopt;
        codes_.push_back(code);
        return index_[code] = std::uint16_t(codes_.size() - 1);
    }

  private:
    std::vector<std::string>& codes_;
    std::unordered_map<std::string, std::uint16_t> index_;
};

void check_nodes(const std::vector<NodeInput>& nodes,
                 std::unordered_map<std::string, std::int32_t>& index,
                 std::vector<GraphProblem>& problems) {
    index.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& key = nodes[i].key;
        if (key.empty()) {
            problems.push_back({false, i, "id", "is empty"});
            continue;
        }
        auto [it, fresh] = index.emplace(key, std::int32_t(i));
        if (!fresh)
            problems.push_back(
                {false, i, "id",
                 "\"" + key + "\" is already the id of nodes[" + std::to_string(it->second) + "]"});
    }
}

// The same relation (from, to, mission, declared or derived) given twice: the later copies are
// reported and left out. Sorting beats a map on a million edges.
void drop_duplicates(std::vector<Edge>& edges, std::vector<std::size_t>& line,
                     const std::vector<EdgeInput>& input, std::vector<GraphProblem>& problems) {
    auto key = [&](std::size_t k) {
        const auto& e = edges[k];
        return std::tuple(e.from, e.to, e.mission, e.derived);
    };
    std::vector<std::size_t> order(edges.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(key(a), line[a]) < std::pair(key(b), line[b]);
    });
    std::vector<bool> drop(edges.size(), false);
    bool any = false;
    for (std::size_t k = 1; k < order.size(); ++k) {
        if (key(order[k]) != key(order[k - 1])) continue;
        std::size_t first = k - 1;
        while (drop[order[first]]) --first;
        const auto& e = input[line[order[k]]];
        problems.push_back({true, line[order[k]], "to",
                            "the relation \"" + e.from + "\" → \"" + e.to +
                                "\" is already given by edges[" +
                                std::to_string(line[order[first]]) + "]"});
        drop[order[k]] = any = true;
    }
    if (!any) return;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < edges.size(); ++k)
        if (!drop[k]) {
            edges[kept] = edges[k];
            line[kept++] = line[k];
        }
    edges.resize(kept);
    line.resize(kept);
}

}  // namespace

EdgeInput Graph::input_of(const Edge& edge) const {
    return {nodes[std::size_t(edge.from)].key,
            nodes[std::size_t(edge.to)].key,
            natures[edge.nature].code,
            objects[edge.object],
            missions[edge.mission],
            edge.intensity,
            edge.derived};
}

Graph build_graph(GraphInput input, std::vector<GraphProblem>& problems) {
    if (input.nodes.size() >= std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw invalid("nodes", "too many actors");
    Graph graph;
    std::unordered_map<std::string, std::int32_t> node_index;
    check_nodes(input.nodes, node_index, problems);
    std::unordered_map<std::string, std::uint16_t> nature_index;
    for (std::size_t i = 0; i < input.natures.size(); ++i) {
        if (!std::isfinite(input.natures[i].weight))
            throw invalid("natures", input.natures[i].code + ": weight is not a number");
        nature_index.emplace(input.natures[i].code, std::uint16_t(i));
    }
    CodeTable objects(graph.objects), missions(graph.missions);
    graph.edges.reserve(input.edges.size());
    std::vector<std::size_t> edge_line;  // each kept edge's position in the input
    edge_line.reserve(input.edges.size());
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        const auto& e = input.edges[i];
        auto problem = [&](const char* field, std::string reason) {
            problems.push_back({true, i, field, std::move(reason)});
        };
        auto from = node_index.find(e.from), to = node_index.find(e.to);
        auto nature = nature_index.find(e.nature);
        std::size_t before = problems.size();
        if (from == node_index.end()) problem("from", "unknown actor \"" + e.from + "\"");
        if (to == node_index.end()) problem("to", "unknown actor \"" + e.to + "\"");
        if (nature == nature_index.end()) problem("nature", "unknown nature \"" + e.nature + "\"");
        if (!std::isfinite(e.intensity) || e.intensity <= 0)
            problem("intensity", "must be a number above 0");
        if (from != node_index.end() && to != node_index.end() && from->second == to->second)
            problem("to", "a relation needs two different actors (\"" + e.from + "\" twice)");
        auto object = objects.intern(e.object);
        auto mission = missions.intern(e.mission);
        if (!object) problem("object", "too many different objects");
        if (!mission) problem("mission", "too many different missions");
        if (problems.size() != before) continue;
        Edge edge;
        edge.from = from->second;
        edge.to = to->second;
        edge.nature = nature->second;
        edge.object = *object;
        edge.mission = *mission;
        edge.derived = e.derived;
        edge.intensity = e.intensity;
        edge.weight = input.natures[nature->second].weight * e.intensity;
        graph.edges.push_back(edge);
        edge_line.push_back(i);
    }
    drop_duplicates(graph.edges, edge_line, input.edges, problems);
    graph.nodes = std::move(input.nodes);
    graph.natures = std::move(input.natures);
    return graph;
}

Graph build_graph_or_throw(GraphInput input) {
    std::vector<GraphProblem> problems;
    Graph graph = build_graph(std::move(input), problems);
    if (problems.empty()) return graph;
    const auto& p = problems.front();
    std::string where =
        std::string(p.in_edges ? "edges[" : "nodes[") + std::to_string(p.index) + "]." + p.field;
    throw invalid(where, p.reason);
}

}  // namespace maillage::network
