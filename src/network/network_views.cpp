// NetworkService's reads: the scope graph, derived relations, the analysis, the yearly
// comparison and the exports.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "actors/validation.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "network/graph_export.hpp"
#include "network/matrix_xlsx.hpp"
#include "network/network_service.hpp"
#include "network/network_store.hpp"
#include "network/partition_similarity.hpp"
#include "network/validation.hpp"

namespace maillage::network {

using store::Connection;

std::string NetworkService::label(const Label& l, const std::string& language) const {
    const std::string& text = language == "it" ? l.it : language == "en" ? l.en : l.fr;
    return text.empty() ? l.fr : text;
}

std::vector<ScopeActor> NetworkService::pole_actors(std::int64_t pole_id) {
    std::vector<ScopeActor> out;
    actors_.for_each_in_pole(pole_id, [&](const actors::Actor& a) {
        out.push_back({a.id, a.name, a.kind, a.is_public, a.level, a.nature});
    });
    return out;
}

DeriveSummary NetworkService::collect_evidence(std::int64_t pole_id, int year,
                                               std::vector<DerivedRelation>& out) {
    std::set<std::int64_t> in_pole;
    for (const auto& a : pole_actors(pole_id)) in_pole.insert(a.id);
    auto known_natures = natures(pole_id);
    auto nature_known = [&](const std::string& code) {
        return std::any_of(known_natures.begin(), known_natures.end(),
                           [&](const Nature& n) { return n.code == code; });
    };
    DeriveSummary summary;
    auto now = clock::now_iso();
    for (const auto& [name, source] : sources_) {
        std::vector<RelationEvidence> evidence;
        try {
            evidence = source(pole_id, year);
        } catch (const std::exception& e) {
            throw Error(ErrorCode::internal,
                        "the evidence source " + name + " failed: " + e.what());
        }
        std::int64_t kept = 0;
        for (const auto& e : evidence) {
            const auto* kind = rules_.evidence_kind(e.kind);
            std::string nature = !e.nature.empty() ? e.nature : kind ? kind->nature : "";
            std::string object = !e.object.empty() ? e.object : kind ? kind->object : "";
            if (e.from_actor == e.to_actor || !in_pole.count(e.from_actor) ||
                !in_pole.count(e.to_actor) || e.kind.empty() || !nature_known(nature)) {
                ++summary.ignored;
                continue;
            }
            out.push_back({0, year, e.from_actor, e.to_actor, e.kind, name, nature,
                           object.empty() ? std::nullopt : std::optional(object), e.detail,
                           e.date.empty() ? std::nullopt : std::optional(e.date), now});
            ++kept;
        }
        summary.by_source.emplace_back(name, kept);
        summary.derived += kept;
    }
    return summary;
}

DeriveSummary NetworkService::refresh_derived(std::int64_t pole_id,
                                              std::optional<std::int64_t> user_id, int year) {
    actors::reject_if_any(check_year(year));
    std::vector<DerivedRelation> derived;
    auto summary = collect_evidence(pole_id, year, derived);
    database_.write([&](Connection& c) {
        storage::delete_derived(c, pole_id, year);
        for (const auto& d : derived) storage::insert_derived(c, pole_id, d);
        accounts::record_activity(
            c, pole_id, user_id, "refresh", "network_derived", std::nullopt,
            std::to_string(summary.derived) + " derived relation(s), " + std::to_string(year));
    });
    return summary;
}

ScopeGraph NetworkService::scope_graph(std::int64_t pole_id, const Scope& scope) {
    check_scope(scope);
    ScopeGraph g;
    g.scope = scope;
    g.natures = natures(pole_id);
    std::vector<Relation> declared;
    std::vector<DerivedRelation> derived;
    std::vector<std::int64_t> with_logic;
    database_.read([&](Connection& c) {
        declared = storage::relations(c, pole_id, scope.year, scope.mission);
        derived = storage::derived(c, pole_id, scope.year);
        with_logic = storage::actors_with_logic(c, pole_id, scope.year, scope.mission);
    });
    auto members = pole_actors(pole_id);
    std::set<std::int64_t> in_pole;
    for (const auto& a : members) in_pole.insert(a.id);
    // Actors taken out of the pole since leave its analysis with their relations.
    auto gone = [&](std::int64_t from, std::int64_t to) {
        return !in_pole.count(from) || !in_pole.count(to);
    };
    std::erase_if(declared, [&](const Relation& r) { return gone(r.from_actor, r.to_actor); });
    std::erase_if(derived,
                  [&](const DerivedRelation& r) { return gone(r.from_actor, r.to_actor); });
    g.relations = effective_relations(declared, derived, rules_);
    std::set<std::int64_t> taking_part(with_logic.begin(), with_logic.end());
    for (const auto& r : g.relations) {
        taking_part.insert(r.from);
        taking_part.insert(r.to);
    }
    for (auto& a : members)
        if (taking_part.count(a.id)) g.actors.push_back(std::move(a));
    return g;
}

PoleAnalysis NetworkService::analyse(std::int64_t pole_id, const Scope& scope,
                                     const std::vector<std::int64_t>& focus, Progress& progress) {
    PoleAnalysis a;
    a.scope = scope_graph(pole_id, scope);
    a.graph = build_graph_or_throw(graph_input(a.scope));
    std::vector<std::int32_t> focus_nodes;
    for (auto id : focus) {
        auto at = std::find_if(a.scope.actors.begin(), a.scope.actors.end(),
                               [&](const ScopeActor& x) { return x.id == id; });
        if (at == a.scope.actors.end())
            throw invalid("focus",
                          "actor " + std::to_string(id) + " takes no part in this year's analysis");
        focus_nodes.push_back(std::int32_t(at - a.scope.actors.begin()));
    }
    a.result = network::analyse(a.graph, rules_.analysis, focus_nodes, progress);
    return a;
}

namespace {

YearSummary summary_of(int year, const AnalysisResult& r) {
    return {year,
            r.actors.size(),
            r.relations,
            r.communities.size(),
            r.triangles.balanced_share(),
            r.frustration};
}

std::map<std::string, std::size_t> index_of(const Graph& g) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) index[g.nodes[i].key] = i;
    return index;
}

std::vector<ActorChange> actor_changes(const PoleAnalysis& before, const PoleAnalysis& after) {
    std::map<std::int64_t, ActorChange> changes;
    for (const auto* side : {&before, &after})
        for (std::size_t i = 0; i < side->scope.actors.size(); ++i) {
            auto& c = changes[side->scope.actors[i].id];
            c.actor_id = side->scope.actors[i].id;
            c.name = side->scope.actors[i].name;
            const auto& m = side->result.actors[i];
            (side == &before ? c.degree_before : c.degree_after) = m.degree;
            (side == &before ? c.community_before : c.community_after) = m.community;
        }
    std::vector<ActorChange> out;
    for (auto& [id, c] : changes) out.push_back(std::move(c));
    std::stable_sort(out.begin(), out.end(), [](const ActorChange& a, const ActorChange& b) {
        return std::abs(a.degree_after - a.degree_before) >
               std::abs(b.degree_after - b.degree_before);
    });
    return out;
}

}  // namespace

YearComparison NetworkService::compare(std::int64_t pole_id, int before, int after,
                                       const std::optional<std::string>& mission) {
    actors::reject_if_any(check_year(before, "from"));
    actors::reject_if_any(check_year(after, "to"));
    NoProgress quiet;
    auto a = analyse(pole_id, {before, mission}, {}, quiet);
    auto b = analyse(pole_id, {after, mission}, {}, quiet);
    YearComparison out;
    out.before = summary_of(before, a.result);
    out.after = summary_of(after, b.result);
    out.relations = compare_snapshots(graph_input(a.scope).edges, graph_input(b.scope).edges);
    // How much the communities moved, among the actors present both years.
    auto in_after = index_of(b.graph);
    std::vector<std::int32_t> first, second;
    for (std::size_t i = 0; i < a.graph.nodes.size(); ++i) {
        auto j = in_after.find(a.graph.nodes[i].key);
        if (j == in_after.end()) continue;
        first.push_back(a.result.actors[i].community);
        second.push_back(b.result.actors[j->second].community);
    }
    if (!first.empty()) out.communities_nmi = normalised_mutual_information(first, second);
    out.actors = actor_changes(a, b);
    std::map<std::int64_t, ScopeActor> names;
    for (const auto* side : {&a, &b})
        for (const auto& x : side->scope.actors) names[x.id] = x;
    for (auto& [id, x] : names) out.names.push_back(std::move(x));
    return out;
}

std::string NetworkService::export_scope(std::int64_t pole_id, const Scope& scope,
                                         const std::string& format, const std::string& language) {
    if (language != "fr" && language != "it" && language != "en")
        throw invalid("lang", "must be fr, it or en");
    if (format != "graphml" && format != "gexf" && format != "xlsx")
        throw invalid("format", "must be graphml, gexf or xlsx");
    NoProgress quiet;
    auto a = analyse(pole_id, scope, {}, quiet);
    if (format == "xlsx") {
        MatrixLabels labels;
        labels.language = language;
        for (const auto& n : a.scope.natures)
            labels.natures[n.code] = {label(n.label, language), label(n.abbreviation, language),
                                      n.colour, n.weight};
        for (const auto& o : vocabulary_.values(kObjectEnumeration))
            labels.objects[o.code] = label(o.label, language);
        for (const auto& m : vocabulary_.values(kMissionEnumeration))
            labels.missions[m.code] = label(m.label, language);
        for (const auto& i : rules_.intensities)
            labels.intensities[std::to_string(i.level)] = label(i.label, language);
        return matrix_xlsx(a.graph, labels);
    }
    ExportStyle style;
    for (const auto& n : a.scope.natures) {
        style.nature_colour[n.code] = n.colour;
        style.nature_label[n.code] = label(n.label, language);
    }
    style.description =
        std::to_string(scope.year) +
        (scope.mission
             ? ", " + label(vocabulary_.find(kMissionEnumeration, *scope.mission)->label, language)
             : "");
    return format == "graphml" ? to_graphml(a.graph, &a.result, style)
                               : to_gexf(a.graph, &a.result, style);
}

}  // namespace maillage::network
