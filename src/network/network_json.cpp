#include "network/network_json.hpp"

#include <charconv>

#include "network/analysis_json.hpp"

namespace maillage::network {
namespace {

template <class T>
Json optional_json(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json label_json(const Label& l) {
    return {{"fr", l.fr}, {"it", l.it}, {"en", l.en}};
}

Json entry_json(const LogicEntry& e) {
    return {{"id", e.id},
            {"year", e.year},
            {"text", e.text},
            {"author", e.author_name},
            {"created_at", e.created_at}};
}

Json evidence_json(const DerivedRelation& d) {
    return {{"kind", d.kind},     {"source", d.source},
            {"nature", d.nature}, {"object", optional_json(d.object)},
            {"detail", d.detail}, {"date", optional_json(d.evidence_date)}};
}

Json vocabulary_values(const Vocabulary& vocabulary, const char* enumeration) {
    Json list = Json::array();
    for (const auto& v : vocabulary.values(enumeration))
        list.push_back({{"code", v.code}, {"label", label_json(v.label)}});
    return list;
}

int year_from(JsonFields& f, const char* key) {
    auto year = f.optional_int(key);
    if (!year) throw invalid(key, "is required");
    if (*year < 0 || *year > 100000) throw invalid(key, "must be a year");
    return int(*year);
}

}  // namespace

Json to_json(const Nature& n) {
    return {{"code", n.code},
            {"weight", n.weight},
            {"colour", n.colour},
            {"line", n.line},
            {"abbreviation", label_json(n.abbreviation)},
            {"label", label_json(n.label)},
            {"pole_specific", n.pole_id.has_value()}};
}

Json rules_json(const NetworkService& service, const std::vector<Nature>& natures) {
    const auto& rules = service.rules();
    Json natures_json = Json::array(), grid = Json::array(), intensities = Json::array(),
         kinds = Json::array();
    for (const auto& n : natures) natures_json.push_back(to_json(n));
    for (const auto& f : rules.grid)
        grid.push_back({{"code", f.code},
                        {"group", f.group.empty() ? Json(nullptr) : Json(f.group)},
                        {"label", label_json(f.label)},
                        {"hint", label_json(f.hint)}});
    for (const auto& i : rules.intensities)
        intensities.push_back({{"level", i.level}, {"label", label_json(i.label)}});
    for (const auto& k : rules.evidence_kinds)
        kinds.push_back({{"code", k.code}, {"label", label_json(k.label)}});
    return {{"natures", natures_json},
            {"grid", grid},
            {"intensities", intensities},
            {"evidence_kinds", kinds},
            {"missions", vocabulary_values(service.vocabulary(), kMissionEnumeration)},
            {"objects", vocabulary_values(service.vocabulary(), kObjectEnumeration)}};
}

Json to_json(const LogicCard& card) {
    Json fields = Json::array();
    for (const auto& f : card.fields) {
        Json history = Json::array();
        for (const auto& e : f.history) history.push_back(entry_json(e));
        fields.push_back({{"field", f.field},
                          {"current", f.history.empty() ? Json(nullptr) : entry_json(f.history[0])},
                          {"history", history},
                          {"earlier", f.earlier ? entry_json(*f.earlier) : Json(nullptr)}});
    }
    return {{"actor_id", card.actor_id},
            {"actor_name", card.actor_name},
            {"year", card.year},
            {"mission", card.mission},
            {"fields", fields}};
}

Json to_json(const Relation& r) {
    return {{"id", r.id},
            {"year", r.year},
            {"mission", r.mission},
            {"from_actor", r.from_actor},
            {"to_actor", r.to_actor},
            {"nature", r.nature},
            {"object", optional_json(r.object)},
            {"intensity", r.intensity},
            {"note", optional_json(r.note)},
            {"derived", false},
            {"author", r.author_name},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

Json to_json(const RelationVersion& v) {
    return {{"id", v.id},
            {"action", v.action},
            {"nature", v.nature},
            {"object", optional_json(v.object)},
            {"intensity", v.intensity},
            {"note", optional_json(v.note)},
            {"author", v.author_name},
            {"at", v.at}};
}

Json to_json(const ScopeGraph& g) {
    Json actors = Json::array(), relations = Json::array();
    for (const auto& a : g.actors)
        actors.push_back({{"id", a.id},
                          {"name", a.name},
                          {"kind", a.kind},
                          {"public", optional_json(a.is_public)},
                          {"level", optional_json(a.level)},
                          {"nature", optional_json(a.nature)}});
    for (const auto& r : g.relations) {
        Json evidence = Json::array();
        for (const auto& e : r.evidence) evidence.push_back(evidence_json(e));
        Json j = r.declared ? to_json(*r.declared)
                            : Json{{"id", nullptr},
                                   {"year", g.scope.year},
                                   {"mission", nullptr},
                                   {"from_actor", r.from},
                                   {"to_actor", r.to},
                                   {"nature", r.nature},
                                   {"object", optional_json(r.object)},
                                   {"intensity", r.intensity},
                                   {"note", nullptr},
                                   {"derived", true}};
        j["evidence"] = evidence;
        relations.push_back(std::move(j));
    }
    return {{"year", g.scope.year},
            {"mission", optional_json(g.scope.mission)},
            {"actors", actors},
            {"relations", relations}};
}

Json to_json(const DeriveSummary& s) {
    Json sources = Json::object();
    for (const auto& [name, count] : s.by_source) sources[name] = count;
    return {{"derived", s.derived}, {"ignored", s.ignored}, {"by_source", sources}};
}

Json to_json(const YearComparison& c) {
    auto summary = [](const YearSummary& s) {
        return Json{{"year", s.year},
                    {"actors", s.actors},
                    {"relations", s.relations},
                    {"communities", s.communities},
                    {"balanced_share", s.balanced_share},
                    {"frustration", s.frustration}};
    };
    auto edge = [](const EdgeInput& e) {
        return Json{{"from_actor", std::stoll(e.from)},
                    {"to_actor", std::stoll(e.to)},
                    {"nature", e.nature},
                    {"object", e.object.empty() ? Json(nullptr) : Json(e.object)},
                    {"mission", e.mission.empty() ? Json(nullptr) : Json(e.mission)},
                    {"intensity", e.intensity},
                    {"derived", e.derived}};
    };
    Json added = Json::array(), lost = Json::array(), changed = Json::array(),
         actors = Json::array(), names = Json::object();
    for (const auto& e : c.relations.added) added.push_back(edge(e));
    for (const auto& e : c.relations.lost) lost.push_back(edge(e));
    for (const auto& ch : c.relations.changed)
        changed.push_back(
            {{"before", edge(ch.before)}, {"after", edge(ch.after)}, {"fields", ch.fields}});
    for (const auto& a : c.actors)
        actors.push_back({{"actor_id", a.actor_id},
                          {"name", a.name},
                          {"degree_before", a.degree_before},
                          {"degree_after", a.degree_after},
                          {"community_before", optional_json(a.community_before)},
                          {"community_after", optional_json(a.community_after)}});
    for (const auto& n : c.names) names[std::to_string(n.id)] = n.name;
    return {{"before", summary(c.before)},
            {"after", summary(c.after)},
            {"added", added},
            {"lost", lost},
            {"changed", changed},
            {"unchanged", c.relations.unchanged},
            {"communities_nmi", optional_json(c.communities_nmi)},
            {"actors", actors},
            {"names", names}};
}

Json to_json(const PoleAnalysis& a) {
    Json j = analysis_to_json(a.graph, a.result);
    j["year"] = a.scope.scope.year;
    j["mission"] = optional_json(a.scope.scope.mission);
    return j;
}

RelationInput relation_input_from(const Json& body, int default_intensity) {
    JsonFields f(body);
    RelationInput x;
    x.year = year_from(f, "year");
    x.mission = f.optional_string("mission").value_or("");
    auto from = f.optional_int("from_actor"), to = f.optional_int("to_actor");
    if (!from) throw invalid("from_actor", "is required");
    if (!to) throw invalid("to_actor", "is required");
    x.from_actor = *from;
    x.to_actor = *to;
    x.nature = f.optional_string("nature").value_or("");
    x.object = f.optional_string("object");
    auto intensity = f.optional_int("intensity");
    if (intensity && (*intensity < 0 || *intensity > 1000))
        throw invalid("intensity", "out of range");
    x.intensity = intensity ? int(*intensity) : default_intensity;
    x.note = f.optional_string("note");
    // Read-only fields sent back from a GET are accepted and ignored.
    for (const char* ignored : {"id", "derived", "author", "created_at", "updated_at", "evidence"})
        f.optional_value(ignored);
    f.reject_unknown();
    return x;
}

NatureInput nature_input_from(const Json& body) {
    JsonFields f(body);
    NatureInput n;
    n.code = f.optional_string("code").value_or("");
    auto weight = f.optional_number("weight");
    if (!weight) throw invalid("weight", "is required");
    n.weight = *weight;
    n.colour = f.optional_string("colour").value_or("");
    n.line = f.optional_string("line").value_or("solid");
    for (auto [key, label] : {std::pair{"label", &n.label}, {"abbreviation", &n.abbreviation}}) {
        const Json* value = f.optional_value(key);
        if (!value) continue;
        JsonFields l(*value, key);
        label->fr = l.optional_string("fr").value_or("");
        label->it = l.optional_string("it").value_or("");
        label->en = l.optional_string("en").value_or("");
        l.reject_unknown();
    }
    f.optional_value("pole_specific");
    f.reject_unknown();
    return n;
}

CardInput card_input_from(const Json& body) {
    JsonFields f(body);
    CardInput in;
    in.year = year_from(f, "year");
    in.mission = f.optional_string("mission").value_or("");
    const Json* entries = f.optional_value("entries");
    if (!entries || !entries->is_array())
        throw invalid("entries", "must be a list of {field, text}");
    for (std::size_t i = 0; i < entries->size(); ++i) {
        JsonFields e((*entries)[i], "entries[" + std::to_string(i) + "]");
        in.entries.push_back({e.required_string("field"), e.optional_string("text").value_or("")});
        e.reject_unknown();
    }
    f.reject_unknown();
    return in;
}

Scope scope_from(const api::Request& request) {
    Scope scope;
    if (!request.query_value("year")) throw invalid("year", "is required");
    scope.year = int(api::query_int(request, "year", 0, 0, 100000));
    auto mission = request.query_value("mission");
    if (mission && !mission->empty()) scope.mission = *mission;
    return scope;
}

std::vector<std::int64_t> focus_from(const std::string& text) {
    std::vector<std::int64_t> ids;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::int64_t id = 0;
        auto [stop, error] = std::from_chars(text.data() + start, text.data() + end, id);
        if (error != std::errc() || stop != text.data() + end)
            throw invalid("focus", "must be actor ids separated by commas");
        ids.push_back(id);
        start = end + 1;
    }
    return ids;
}

}  // namespace maillage::network
