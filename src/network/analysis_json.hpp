#pragma once
// The analysis result as JSON (the API and `--format json`) and as a CSV of per-actor metrics
// (`--format csv`): one writer for every interface.
#include <ostream>

#include "core/json.hpp"
#include "network/analysis.hpp"

namespace maillage::network {

Json analysis_to_json(const Graph& graph, const AnalysisResult& result);

// One row per actor: id, label and every metric; "" for an unknown closeness.
void write_metrics_csv(const Graph& graph, const AnalysisResult& result, std::ostream& out);

// The shortest text that reads back to the same double ("0.1", "1e-07").
std::string number_text(double value);

}  // namespace maillage::network
