#pragma once
// The pathways module's rules held as data: the shipped templates
// (data/pathways/templates/*.json) and the routing weights and alert notices
// (data/pathways/rules.json). Loaded once at start; every problem names the file and field.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/vocabulary.hpp"
#include "pathways/alerts.hpp"
#include "pathways/pathway_template.hpp"
#include "pathways/routing.hpp"

namespace maillage::pathways {

struct RoutingRules {
    RankingRules mentor, expert, tutor;
};

struct PathwayRules {
    std::vector<PathwayTemplate> templates;
    RoutingRules routing;
    AlertRules alerts;
};

// Reads the "routing" and "alerts" sections of a rules document.
void parse_rules(const Json& document, const std::string& source, PathwayRules& rules);

PathwayRules load_rules(const std::string& data_dir, const Vocabulary& vocabulary);

}  // namespace maillage::pathways
