#include "network/scope.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace maillage::network {
namespace {

using ActorPair = std::pair<std::int64_t, std::int64_t>;

std::size_t kind_rank(const NetworkRules& rules, const std::string& kind) {
    for (std::size_t i = 0; i < rules.evidence_kinds.size(); ++i)
        if (rules.evidence_kinds[i].code == kind) return i;
    return rules.evidence_kinds.size();
}

int top_intensity(const NetworkRules& rules) {
    int top = 1;
    for (const auto& i : rules.intensities) top = std::max(top, i.level);
    return top;
}

ScopeRelation from_evidence(std::int64_t from, std::int64_t to,
                            std::vector<DerivedRelation> evidence, const NetworkRules& rules) {
    std::stable_sort(evidence.begin(), evidence.end(),
                     [&](const DerivedRelation& a, const DerivedRelation& b) {
                         return kind_rank(rules, a.kind) < kind_rank(rules, b.kind);
                     });
    ScopeRelation r;
    r.from = from;
    r.to = to;
    r.nature = evidence.front().nature;
    r.object = evidence.front().object;
    std::set<std::string> kinds;
    for (const auto& e : evidence) {
        kinds.insert(e.kind);
        if (e.object != r.object) r.object = "global";
    }
    r.intensity = std::min(int(kinds.size()), top_intensity(rules));
    r.evidence = std::move(evidence);
    return r;
}

}  // namespace

std::vector<ScopeRelation> effective_relations(const std::vector<Relation>& declared,
                                               const std::vector<DerivedRelation>& derived,
                                               const NetworkRules& rules) {
    std::vector<ScopeRelation> out;
    std::map<ActorPair, std::vector<std::size_t>> declared_at;  // direction → relations
    for (const auto& d : declared) {
        ScopeRelation r;
        r.from = d.from_actor;
        r.to = d.to_actor;
        r.nature = d.nature;
        r.object = d.object;
        r.intensity = d.intensity;
        r.mission = d.mission;
        r.declared = d;
        declared_at[{d.from_actor, d.to_actor}].push_back(out.size());
        out.push_back(std::move(r));
    }
    std::map<ActorPair, std::vector<DerivedRelation>> evidence_of;  // unordered pair → facts
    for (const auto& e : derived) {
        if (e.from_actor == e.to_actor) continue;
        evidence_of[{std::min(e.from_actor, e.to_actor), std::max(e.from_actor, e.to_actor)}]
            .push_back(e);
    }
    for (auto& [pair, evidence] : evidence_of)
        for (ActorPair direction : {pair, ActorPair{pair.second, pair.first}}) {
            auto covered = declared_at.find(direction);
            if (covered != declared_at.end()) {
                for (auto index : covered->second) out[index].evidence = evidence;
                continue;
            }
            out.push_back(from_evidence(direction.first, direction.second, evidence, rules));
        }
    std::stable_sort(out.begin(), out.end(), [](const ScopeRelation& a, const ScopeRelation& b) {
        return std::tie(a.from, a.to, a.mission) < std::tie(b.from, b.to, b.mission);
    });
    return out;
}

GraphInput graph_input(const ScopeGraph& scope) {
    GraphInput g;
    for (const auto& a : scope.actors) {
        NodeInput n{std::to_string(a.id), a.name, {{"kind", a.kind}}};
        if (a.is_public) n.attributes.emplace_back("public", *a.is_public ? "true" : "false");
        if (a.level) n.attributes.emplace_back("level", *a.level);
        if (a.nature) n.attributes.emplace_back("actor_nature", *a.nature);
        g.nodes.push_back(std::move(n));
    }
    for (const auto& r : scope.relations)
        g.edges.push_back({std::to_string(r.from), std::to_string(r.to), r.nature,
                           r.object.value_or(""), r.mission, double(r.intensity), r.derived()});
    for (const auto& n : scope.natures) g.natures.push_back({n.code, n.weight});
    return g;
}

}  // namespace maillage::network
