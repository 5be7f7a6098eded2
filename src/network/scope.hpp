#pragma once
// A pole's actor system for one year (and one mission, or all): the actors taking part and the
// effective relations, declared ones first. A derived relation never overwrites a declared one:
// where the pole declared how A relates to B, the evidence stays attached but the declaration
// is what counts. Pure functions, so that the rule is tested without a database.
#include <optional>
#include <string>
#include <vector>

#include "network/graph.hpp"
#include "network/model.hpp"
#include "network/rules.hpp"

namespace maillage::network {

struct Scope {
    int year = 0;
    std::optional<std::string> mission;  // empty: every mission
};

struct ScopeActor {
    std::int64_t id = 0;
    std::string name, kind;
    std::optional<bool> is_public;
    std::optional<std::string> level, nature;
};

struct ScopeRelation {
    std::int64_t from = 0, to = 0;
    std::string nature;
    std::optional<std::string> object;
    int intensity = 1;
    std::string mission;  // empty for a derived relation: it holds for every mission
    std::optional<Relation> declared;
    std::vector<DerivedRelation> evidence;  // the facts behind a derived relation, or beside a
                                            // declared one
    bool derived() const { return !declared; }
};

struct ScopeGraph {
    Scope scope;
    std::vector<ScopeActor> actors;  // by name
    std::vector<ScopeRelation> relations;
    std::vector<Nature> natures;  // shipped, then the pole's
};

// Derived relations are facts about a pair, so they hold both ways. For each direction not
// declared, the pair's evidence becomes one derived relation: its nature and object those of
// the first evidence in the order of data/network/evidence_kinds.csv (the object "global" when
// the evidence disagrees), its intensity the number of distinct kinds of evidence, up to the
// scale's top.
std::vector<ScopeRelation> effective_relations(const std::vector<Relation>& declared,
                                               const std::vector<DerivedRelation>& derived,
                                               const NetworkRules& rules);

// The analysis input: node keys are actor ids, natures weigh as the rules and the pole say.
GraphInput graph_input(const ScopeGraph& scope);

}  // namespace maillage::network
