#pragma once
// The actor system for other tools: GraphML and GEXF 1.3, both of which Gephi opens. Nodes
// carry their attributes and, when an analysis is given, its metrics; edges are directed, with
// nature, object, mission, intensity, signed weight and the nature's colour.
#include <map>
#include <string>

#include "network/analysis.hpp"
#include "network/graph.hpp"

namespace maillage::network {

struct ExportStyle {
    std::map<std::string, std::string> nature_colour;  // code → #rrggbb
    std::map<std::string, std::string> nature_label;   // code → label in the reader's language
    std::string description;                           // "Pôle X, 2026, every mission"
};

// `metrics` may be null (no analysis columns).
std::string to_graphml(const Graph& graph, const AnalysisResult* metrics, const ExportStyle& style);
std::string to_gexf(const Graph& graph, const AnalysisResult* metrics, const ExportStyle& style);

}  // namespace maillage::network
