#include "network/graph_file.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "core/json.hpp"

namespace maillage::network {
namespace {

struct Problems {
    const ElementLines& lines;
    std::vector<LineProblem> list;
    std::vector<std::pair<bool, std::size_t>> entries;  // (in edges, index) of each problem

    void add(bool edge, std::size_t index, const std::string& field, std::string reason) {
        const auto& where = edge ? lines.edges : lines.nodes;
        std::int64_t line = index < where.size() ? where[index] : 0;
        std::string path = std::string(edge ? "edges[" : "nodes[") + std::to_string(index) + "]";
        list.push_back({line, field.empty() ? path : path + "." + field, std::move(reason)});
        entries.emplace_back(edge, index);
    }
    // A problem outside the nodes and edges (in "natures").
    void add_general(std::string field, std::string reason) {
        list.push_back({0, std::move(field), std::move(reason)});
        entries.emplace_back(false, std::size_t(-1));
    }
    std::pair<bool, std::size_t> entry_of(const LineProblem& p) const {
        return entries[std::size_t(&p - list.data())];
    }
};

// An actor id may be written as text or as a whole number.
std::optional<std::string> id_text(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return std::nullopt;
}

void read_nodes(const Json& list, GraphInput& graph, Problems& problems) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& node = list[i];
        if (!node.is_object()) {
            problems.add(false, i, "", "must be an object with an id");
            continue;
        }
        NodeInput n;
        for (const auto& [key, value] : node.items()) {
            if (key == "id") {
                auto id = id_text(value);
                if (!id) problems.add(false, i, "id", "must be a string or a whole number");
                n.key = id.value_or("");
            } else if (key == "label" && value.is_string()) {
                n.label = value.get<std::string>();
            } else if (key == "attributes" && value.is_object()) {
                for (const auto& [name, attribute] : value.items())
                    n.attributes.emplace_back(name, attribute.is_string()
                                                        ? attribute.get<std::string>()
                                                        : attribute.dump());
            } else {
                problems.add(
                    false, i, key,
                    key == "label" || key == "attributes" ? "has the wrong type" : "unknown field");
            }
        }
        if (!node.contains("id")) problems.add(false, i, "id", "is missing");
        if (n.label.empty()) n.label = n.key;
        graph.nodes.push_back(std::move(n));
    }
}

void read_edge_field(const std::string& key, const Json& value, EdgeInput& e, std::size_t i,
                     Problems& problems) {
    auto text = [&](std::string& into) {
        if (value.is_string())
            into = value.get<std::string>();
        else
            problems.add(true, i, key, "must be a string");
    };
    if (key == "from" || key == "to") {
        auto id = id_text(value);
        if (!id) problems.add(true, i, key, "must be a string or a whole number");
        (key == "from" ? e.from : e.to) = id.value_or("");
    } else if (key == "nature") {
        text(e.nature);
    } else if (key == "object") {
        text(e.object);
    } else if (key == "mission") {
        text(e.mission);
    } else if (key == "intensity") {
        if (value.is_number())
            e.intensity = value.get<double>();
        else
            problems.add(true, i, key, "must be a number");
    } else if (key == "derived") {
        if (value.is_boolean())
            e.derived = value.get<bool>();
        else
            problems.add(true, i, key, "must be true or false");
    } else {
        problems.add(true, i, key, "unknown field");
    }
}

void read_edges(const Json& list, GraphInput& graph, Problems& problems) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& edge = list[i];
        EdgeInput e;
        if (!edge.is_object()) {
            problems.add(true, i, "", "must be an object with from, to and nature");
        } else {
            for (const auto& [key, value] : edge.items())
                read_edge_field(key, value, e, i, problems);
            for (const char* required : {"from", "to", "nature"})
                if (!edge.contains(required)) problems.add(true, i, required, "is missing");
        }
        graph.edges.push_back(std::move(e));
    }
}

std::vector<NatureWeight> read_natures(const Json* list, const std::vector<NatureWeight>& defaults,
                                       Problems& problems) {
    std::vector<NatureWeight> natures = defaults;
    if (!list) return natures;
    if (!list->is_array()) {
        problems.add_general("natures", "must be a list of {code, weight}");
        return natures;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& n = (*list)[i];
        std::string where = "natures[" + std::to_string(i) + "]";
        if (!n.is_object() || !n.contains("code") || !n["code"].is_string() ||
            !n.contains("weight") || !n["weight"].is_number() || n.size() != 2) {
            problems.add_general(where, "must be {\"code\": text, \"weight\": number}");
            continue;
        }
        auto code = n["code"].get<std::string>();
        auto same = std::find_if(natures.begin(), natures.end(),
                                 [&](const NatureWeight& w) { return w.code == code; });
        if (same != natures.end())
            same->weight = n["weight"].get<double>();
        else
            natures.push_back({code, n["weight"].get<double>()});
    }
    return natures;
}

}  // namespace

ElementLines element_lines(std::string_view text) {
    ElementLines lines;
    std::int64_t line = 1;
    int depth = 0;
    std::string last_key;  // the last string read at depth 1 (a key of the top object)
    std::vector<std::int64_t>* collecting = nullptr;  // the array whose elements we note
    bool expecting_element = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            ++line;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (collecting && depth == 2 && expecting_element && c != ']') {
            collecting->push_back(line);
            expecting_element = false;
        }
        if (c == '"') {
            std::size_t start = ++i;
            while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            if (depth == 1) last_key = std::string(text.substr(start, i - start));
        } else if (c == '{' || c == '[') {
            ++depth;
            if (c == '[' && depth == 2 && (last_key == "nodes" || last_key == "edges")) {
                collecting = last_key == "nodes" ? &lines.nodes : &lines.edges;
                expecting_element = true;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 2) collecting = nullptr;
            --depth;
        } else if (c == ',' && depth == 2 && collecting) {
            expecting_element = true;
        }
    }
    return lines;
}

Graph read_graph_json(std::string_view text, const std::string& file_name,
                      const std::vector<NatureWeight>& default_natures) {
    Json document;
    try {
        document = parse_json(text);
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, file_name + ": " + e.what());
    }
    if (!document.is_object() || !document.contains("nodes") || !document["nodes"].is_array() ||
        !document.contains("edges") || !document["edges"].is_array())
        throw Error(ErrorCode::invalid_input,
                    file_name +
                        ": must be an object with the lists \"nodes\" and \"edges\" "
                        "(docs/network.md)");
    for (const auto& [key, value] : document.items())
        if (key != "nodes" && key != "edges" && key != "natures")
            throw Error(ErrorCode::invalid_input, file_name + ": unknown field \"" + key + "\"");
    ElementLines lines = element_lines(text);
    Problems problems{lines, {}, {}};
    GraphInput graph;
    graph.natures = read_natures(document.contains("natures") ? &document["natures"] : nullptr,
                                 default_natures, problems);
    read_nodes(document["nodes"], graph, problems);
    read_edges(document["edges"], graph, problems);
    // The graph's own checks (unknown actors and natures, self-relations, duplicates) on the
    // entries whose shape was right, so that one report lists every problem.
    std::set<std::pair<bool, std::size_t>> misshapen;
    for (const auto& p : problems.list) misshapen.insert(problems.entry_of(p));
    std::vector<GraphProblem> found;
    Graph built = build_graph(std::move(graph), found);
    for (const auto& p : found)
        if (!misshapen.count({p.in_edges, p.index}))
            problems.add(p.in_edges, p.index, p.field, p.reason);
    if (!problems.list.empty()) {
        std::stable_sort(
            problems.list.begin(), problems.list.end(),
            [](const LineProblem& a, const LineProblem& b) { return a.line < b.line; });
        throw ImportRejected(file_name, std::move(problems.list));
    }
    return built;
}

}  // namespace maillage::network
