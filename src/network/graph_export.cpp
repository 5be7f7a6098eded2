#include "network/graph_export.hpp"

#include <cstdio>
#include <set>

#include "network/analysis_json.hpp"
#include "network/xml_writer.hpp"

namespace maillage::network {
namespace {

struct Column {
    std::string name, type;  // GraphML types: string, int, double, boolean
};

// The node columns: every attribute name found, then the metrics.
std::vector<Column> node_columns(const Graph& g, const AnalysisResult* metrics) {
    std::vector<Column> columns = {{"actor_id", "string"}, {"label", "string"}};
    std::set<std::string> seen = {"actor_id", "label"};
    for (const auto& node : g.nodes)
        for (const auto& [name, value] : node.attributes)
            if (seen.insert(name).second) columns.push_back({name, "string"});
    if (metrics)
        for (Column c : {Column{"community", "int"}, Column{"degree", "int"},
                         Column{"betweenness", "double"}, Column{"eigenvector", "double"},
                         Column{"pagerank", "double"}, Column{"unbalanced_triangles", "int"}})
            columns.push_back(c);
    return columns;
}

std::string node_value(const Graph& g, const AnalysisResult* metrics, std::size_t x,
                       const std::string& column) {
    const auto& node = g.nodes[x];
    if (column == "actor_id") return node.key;
    if (column == "label") return node.label;
    for (const auto& [name, value] : node.attributes)
        if (name == column) return value;
    if (!metrics) return "";
    const auto& m = metrics->actors[x];
    if (column == "community") return std::to_string(m.community);
    if (column == "degree") return std::to_string(m.degree);
    if (column == "betweenness") return number_text(m.betweenness);
    if (column == "eigenvector") return number_text(m.eigenvector);
    if (column == "pagerank") return number_text(m.pagerank);
    if (column == "unbalanced_triangles") return std::to_string(m.unbalanced_triangles);
    return "";
}

const std::vector<Column> kEdgeColumns = {{"nature", "string"},    {"nature_label", "string"},
                                          {"object", "string"},    {"mission", "string"},
                                          {"intensity", "double"}, {"weight", "double"},
                                          {"derived", "boolean"},  {"colour", "string"}};

std::string lookup(const std::map<std::string, std::string>& map, const std::string& key,
                   const std::string& fallback) {
    auto it = map.find(key);
    return it == map.end() ? fallback : it->second;
}

std::string edge_value(const Graph& g, const Edge& e, const ExportStyle& style,
                       const std::string& column) {
    const auto& nature = g.natures[e.nature].code;
    if (column == "nature") return nature;
    if (column == "nature_label") return lookup(style.nature_label, nature, nature);
    if (column == "object") return g.objects[e.object];
    if (column == "mission") return g.missions[e.mission];
    if (column == "intensity") return number_text(e.intensity);
    if (column == "weight") return number_text(e.weight);
    if (column == "derived") return e.derived ? "true" : "false";
    return lookup(style.nature_colour, nature, "#666666");
}

std::string node_id(std::size_t x) {
    return "n" + std::to_string(x);
}

}  // namespace

std::string to_graphml(const Graph& g, const AnalysisResult* metrics, const ExportStyle& style) {
    XmlWriter xml;
    xml.open("graphml", {{"xmlns", "http://graphml.graphdrawing.org/xmlns"},
                         {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
                         {"xsi:schemaLocation",
                          "http://graphml.graphdrawing.org/xmlns "
                          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"}});
    auto nodes = node_columns(g, metrics);
    for (std::size_t c = 0; c < nodes.size(); ++c)
        xml.element("key", {{"id", "v" + std::to_string(c)},
                            {"for", "node"},
                            {"attr.name", nodes[c].name},
                            {"attr.type", nodes[c].type}});
    for (std::size_t c = 0; c < kEdgeColumns.size(); ++c)
        xml.element("key", {{"id", "e" + std::to_string(c)},
                            {"for", "edge"},
                            {"attr.name", kEdgeColumns[c].name},
                            {"attr.type", kEdgeColumns[c].type}});
    xml.open("graph", {{"id", "actors"}, {"edgedefault", "directed"}});
    if (!style.description.empty()) xml.element("desc", {}, style.description);
    for (std::size_t x = 0; x < g.nodes.size(); ++x) {
        xml.open("node", {{"id", node_id(x)}});
        for (std::size_t c = 0; c < nodes.size(); ++c) {
            auto value = node_value(g, metrics, x, nodes[c].name);
            if (!value.empty()) xml.element("data", {{"key", "v" + std::to_string(c)}}, value);
        }
        xml.close();
    }
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        const auto& e = g.edges[k];
        xml.open("edge", {{"id", "r" + std::to_string(k)},
                          {"source", node_id(std::size_t(e.from))},
                          {"target", node_id(std::size_t(e.to))}});
        for (std::size_t c = 0; c < kEdgeColumns.size(); ++c) {
            auto value = edge_value(g, e, style, kEdgeColumns[c].name);
            if (!value.empty()) xml.element("data", {{"key", "e" + std::to_string(c)}}, value);
        }
        xml.close();
    }
    return xml.finish();
}

std::string to_gexf(const Graph& g, const AnalysisResult* metrics, const ExportStyle& style) {
    XmlWriter xml;
    xml.open("gexf", {{"xmlns", "http://gexf.net/1.3"},
                      {"xmlns:viz", "http://gexf.net/1.3/viz"},
                      {"version", "1.3"}});
    xml.open("meta");
    xml.element("creator", {}, "Maillage");
    if (!style.description.empty()) xml.element("description", {}, style.description);
    xml.close();
    xml.open("graph", {{"defaultedgetype", "directed"}, {"mode", "static"}});
    auto nodes = node_columns(g, metrics);
    auto gexf_type = [](const std::string& t) { return t == "int" ? "integer" : t; };
    xml.open("attributes", {{"class", "node"}});
    for (std::size_t c = 2; c < nodes.size(); ++c)  // actor_id and label are the node's own
        xml.element("attribute", {{"id", "v" + std::to_string(c)},
                                  {"title", nodes[c].name},
                                  {"type", gexf_type(nodes[c].type)}});
    xml.close();
    xml.open("attributes", {{"class", "edge"}});
    for (std::size_t c = 0; c < kEdgeColumns.size(); ++c)
        xml.element("attribute", {{"id", "e" + std::to_string(c)},
                                  {"title", kEdgeColumns[c].name},
                                  {"type", kEdgeColumns[c].type}});
    xml.close();
    xml.open("nodes");
    for (std::size_t x = 0; x < g.nodes.size(); ++x) {
        xml.open("node", {{"id", g.nodes[x].key}, {"label", g.nodes[x].label}});
        xml.open("attvalues");
        for (std::size_t c = 2; c < nodes.size(); ++c) {
            auto value = node_value(g, metrics, x, nodes[c].name);
            if (!value.empty())
                xml.element("attvalue", {{"for", "v" + std::to_string(c)}, {"value", value}});
        }
        xml.close();
        xml.close();
    }
    xml.close();
    xml.open("edges");
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        const auto& e = g.edges[k];
        // Gephi sizes edges by weight, which must be positive: the intensity. The signed
        // weight is an attribute.
        xml.open("edge", {{"id", "r" + std::to_string(k)},
                          {"source", g.nodes[std::size_t(e.from)].key},
                          {"target", g.nodes[std::size_t(e.to)].key},
                          {"weight", number_text(e.intensity)},
                          {"label", edge_value(g, e, style, "nature_label")}});
        xml.open("attvalues");
        for (std::size_t c = 0; c < kEdgeColumns.size(); ++c)
            xml.element("attvalue", {{"for", "e" + std::to_string(c)},
                                     {"value", edge_value(g, e, style, kEdgeColumns[c].name)}});
        xml.close();
        unsigned r = 102, gr = 102, b = 102;
        std::sscanf(edge_value(g, e, style, "colour").c_str(), "#%02x%02x%02x", &r, &gr, &b);
        xml.element(
            "viz:color",
            {{"r", std::to_string(r)}, {"g", std::to_string(gr)}, {"b", std::to_string(b)}});
        xml.close();
    }
    return xml.finish();
}

}  // namespace maillage::network
