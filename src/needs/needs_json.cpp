#include "needs/needs_json.hpp"

namespace maillage::needs {
namespace {

Json optional_json(const std::optional<std::string>& v) {
    return v ? Json(*v) : Json(nullptr);
}
Json optional_json(const std::optional<std::int64_t>& v) {
    return v ? Json(*v) : Json(nullptr);
}
Json optional_json(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json cell_json(const Cell& c) {
    return {{"count", optional_json(c.count)},
            {"rate_per_1000", optional_json(c.rate_per_1000)},
            {"share", optional_json(c.share)},
            {"ratio", optional_json(c.ratio)}};
}

Json unit_json(const Unit& u) {
    return {{"level", to_string(u.level)},
            {"code", u.code},
            {"name", u.name},
            {"country", u.country},
            {"region", u.region_code},
            {"population", optional_json(u.population)},
            {"lat", u.lat},
            {"lon", u.lon}};
}

Json label_json(const Label& l) {
    return {{"fr", l.fr}, {"it", l.it}, {"en", l.en}};
}

template <class T>
std::optional<T> get_optional(const Json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    return j[key].get<T>();
}

}  // namespace

Json to_json(const Record& r) {
    Json codes = Json::array();
    for (const auto& c : r.codes)
        codes.push_back({{"kind", to_string(c.kind)},
                         {"code", c.code},
                         {"matched", c.matched},
                         {"declared", c.declared},
                         {"correction", optional_json(c.correction)},
                         {"effective", c.effective()}});
    return {{"id", r.id},
            {"record_id", r.record_id},
            {"date", optional_json(r.date)},
            {"centre", optional_json(r.centre)},
            {"counsellor", optional_json(r.counsellor)},
            {"commune_code", optional_json(r.commune)},
            {"commune_name", optional_json(r.commune_name)},
            {"person_key", optional_json(r.person_key)},
            {"age_band", optional_json(r.age_band)},
            {"situation", r.situations},
            {"need_text", optional_json(r.need_text)},
            {"need_codes", r.need_codes},
            {"proposal_text", optional_json(r.proposal_text)},
            {"coop_interest", optional_json(r.coop_interest)},
            {"sectors", r.sectors},
            {"skills", r.skills},
            {"language", r.resolved_language},
            {"codes", codes},
            {"group_id", optional_json(r.group_id)},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

Json to_json(const RecordPage& page) {
    Json items = Json::array();
    for (const auto& r : page.items) items.push_back(to_json(r));
    return {
        {"items", items}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

Json to_json(const Group& g) {
    Json communes = Json::array(), categories = Json::array();
    for (const auto& c : g.communes)
        communes.push_back({{"code", c.code}, {"name", c.name}, {"count", c.count}});
    for (const auto& c : g.categories) categories.push_back({{"code", c.code}, {"count", c.count}});
    return {{"id", g.id},
            {"title", g.title},
            {"custom_title", optional_json(g.custom_title)},
            {"representative_text", g.representative_text},
            {"representative_record", g.representative_record},
            {"size", g.size},
            {"communes", communes},
            {"categories", categories},
            {"manual", g.manual}};
}

Json to_json(const GroupPage& page) {
    Json items = Json::array();
    for (const auto& g : page.items) items.push_back(to_json(g));
    return {{"items", items},
            {"total", page.total},
            {"page", page.page},
            {"per_page", page.per_page},
            {"hidden", page.hidden}};
}

Json to_json(const GroupMember& m) {
    return {{"id", m.id},
            {"record_id", m.record_id},
            {"commune_code", optional_json(m.commune)},
            {"text", m.text}};
}

Json to_json(const Decision& d) {
    return {{"id", d.id},
            {"kind", d.kind},
            {"records", d.records},
            {"user_id", optional_json(d.user_id)},
            {"at", d.at}};
}

Json to_json(const Settings& s) {
    return {{"min_cell_size", s.min_cell_size},
            {"similarity_threshold", s.similarity_threshold},
            {"shingle_size", s.shingle_size},
            {"hotspot_min_count", s.hotspot_min_count},
            {"hotspot_min_ratio", s.hotspot_min_ratio}};
}

Json to_json(const CatalogueView& v) {
    Json entries = Json::array();
    for (const auto& e : v.entries) {
        Json words = Json::array();
        for (const auto& [w, n] : e.words) words.push_back({{"word", w}, {"count", n}});
        entries.push_back({{"kind", to_string(e.kind)},
                           {"code", e.code},
                           {"count", optional_json(e.count)},
                           {"by_rules", e.by_rules},
                           {"corrected", e.corrected},
                           {"words", words}});
    }
    return {{"records", v.records},
            {"coded", v.coded},
            {"uncoded", v.uncoded},
            {"entries", entries},
            {"min_cell_size", v.min_cell_size},
            {"last_run", optional_json(v.last_run)}};
}

Json to_json(const Diagnostic& d) {
    Json rows = Json::array(), hotspots = Json::array();
    for (const auto& r : d.rows) {
        Json needs = Json::object(), indicators = Json::object();
        for (const auto& [code, cell] : r.needs) needs[code] = cell_json(cell);
        for (const auto& [code, value] : r.indicators) indicators[code] = optional_json(value);
        rows.push_back({{"unit", unit_json(r.unit)},
                        {"records", cell_json(r.records)},
                        {"needs", needs},
                        {"indicators", indicators}});
    }
    for (const auto& h : d.hotspots)
        hotspots.push_back({{"category", h.category},
                            {"unit", unit_json(h.unit)},
                            {"count", h.count},
                            {"rate_per_1000", h.rate_per_1000},
                            {"reference_rate", h.reference_rate},
                            {"ratio", h.ratio}});
    return {{"level", to_string(d.level)},
            {"min_cell_size", d.min_cell_size},
            {"records", d.records},
            {"without_commune", d.without_commune},
            {"outside_level", d.outside_level},
            {"suppressed_cells", d.suppressed_cells},
            {"categories", d.categories},
            {"rows", rows},
            {"hotspots", hotspots}};
}

Json to_json(const Figure& f) {
    return {{"indicator", f.indicator},          {"level", f.level},
            {"territory", f.territory},          {"value", f.value},
            {"source", optional_json(f.source)}, {"updated_at", f.updated_at}};
}

Json to_json(const CallDocument& d) {
    Json groups = Json::array(), territories = Json::array(), budget = Json::array();
    for (const auto& g : d.groups)
        groups.push_back({{"id", g.id},
                          {"title", g.title},
                          {"size", g.size},
                          {"record_ids", g.record_ids},
                          {"categories", g.categories}});
    for (const auto& t : d.territories)
        territories.push_back(
            {{"code", t.code}, {"name", t.name}, {"records", optional_json(t.records)}});
    auto shares = [](const std::vector<CallShare>& list) {
        Json out = Json::array();
        for (const auto& s : list)
            out.push_back({{"kind", s.kind},
                           {"code", s.code},
                           {"label", s.label},
                           {"count", optional_json(s.count)},
                           {"share", optional_json(s.share)},
                           {"reference", optional_json(s.reference)}});
        return out;
    };
    for (const auto& b : d.budget_lines)
        budget.push_back({{"code", b.code},
                          {"label", b.label},
                          {"share", b.share},
                          {"amount", optional_json(b.amount)}});
    return {{"title", d.title},
            {"subtitle", d.subtitle},
            {"language", d.language},
            {"level", to_string(d.level)},
            {"context", d.context},
            {"objective", d.objective},
            {"eligibility", d.eligibility},
            {"budget", optional_json(d.budget)},
            {"deadline", optional_json(d.deadline)},
            {"groups", groups},
            {"territories", territories},
            {"sectors", shares(d.sectors)},
            {"publics", shares(d.publics)},
            {"budget_lines", budget},
            {"records", d.records},
            {"pole_records", d.pole_records},
            {"min_cell_size", d.min_cell_size}};
}

CallDocument call_document_from(const Json& j) {
    CallDocument d;
    d.title = j.value("title", "");
    d.subtitle = j.value("subtitle", "");
    d.language = j.value("language", "fr");
    d.level = parse_level(j.value("level", "commune")).value_or(Level::commune);
    d.context = j.value("context", "");
    d.objective = j.value("objective", "");
    d.eligibility = j.value("eligibility", "");
    d.budget = get_optional<double>(j, "budget");
    d.deadline = get_optional<std::string>(j, "deadline");
    for (const auto& g : j.value("groups", Json::array()))
        d.groups.push_back({g.value("id", std::int64_t(0)), g.value("title", ""),
                            g.value("size", std::int64_t(0)),
                            g.value("record_ids", std::vector<std::string>{}),
                            g.value("categories", std::vector<std::string>{})});
    for (const auto& t : j.value("territories", Json::array()))
        d.territories.push_back(
            {t.value("code", ""), t.value("name", ""), get_optional<std::int64_t>(t, "records")});
    auto shares = [](const Json& list) {
        std::vector<CallShare> out;
        for (const auto& s : list)
            out.push_back({s.value("kind", ""), s.value("code", ""), s.value("label", ""),
                           get_optional<std::int64_t>(s, "count"), get_optional<double>(s, "share"),
                           get_optional<double>(s, "reference")});
        return out;
    };
    d.sectors = shares(j.value("sectors", Json::array()));
    d.publics = shares(j.value("publics", Json::array()));
    for (const auto& b : j.value("budget_lines", Json::array()))
        d.budget_lines.push_back({b.value("code", ""), b.value("label", ""), b.value("share", 0.0),
                                  get_optional<double>(b, "amount")});
    d.records = j.value("records", std::int64_t(0));
    d.pole_records = j.value("pole_records", std::int64_t(0));
    d.min_cell_size = j.value("min_cell_size", std::int64_t(5));
    return d;
}

Json to_json(const Call& c) {
    return {{"id", c.id},
            {"status", c.status},
            {"created_at", c.created_at},
            {"updated_at", c.updated_at},
            {"document", to_json(c.document)}};
}

Json to_json(const CallSummary& s) {
    return {{"id", s.id},
            {"title", s.title},
            {"status", s.status},
            {"language", s.language},
            {"groups", s.groups},
            {"budget", optional_json(s.budget)},
            {"created_at", s.created_at},
            {"updated_at", s.updated_at}};
}

Json to_json(const NeedsSummary& s) {
    return {{"records", s.records},
            {"groups", s.groups},
            {"calls", s.calls},
            {"decisions", s.decisions},
            {"last_catalogue", optional_json(s.last_catalogue)},
            {"last_rationalisation", optional_json(s.last_rationalisation)},
            {"settings", to_json(s.settings)}};
}

Json to_json(const ImportSummary& s) {
    return {{"rows", s.rows}, {"coded", s.coded}, {"uncoded", s.uncoded}};
}

Json to_json(const CatalogueSummary& s) {
    return {{"records", s.records},
            {"coded", s.coded},
            {"uncoded", s.uncoded},
            {"codes", s.codes},
            {"rewritten", s.rewritten}};
}

Json to_json(const RationaliseSummary& s) {
    return {{"records", s.records},    {"groups", s.groups}, {"grouped", s.grouped},
            {"singles", s.singles},    {"pairs", s.pairs},   {"kept_ids", s.kept_ids},
            {"decisions", s.decisions}};
}

Json taxonomy_json(const Taxonomy& t) {
    Json categories = Json::array(), dimensions = Json::array(), indicators = Json::array();
    for (const auto& c : t.categories())
        categories.push_back(
            {{"code", c.code}, {"label", label_json(c.label)}, {"sections", c.sections}});
    for (const auto& d : t.dimensions())
        dimensions.push_back({{"code", d.code}, {"label", label_json(d.label)}});
    for (const auto& i : t.indicators())
        indicators.push_back({{"code", i.code},
                              {"dimension", i.dimension},
                              {"source", i.source},
                              {"measure", i.measure},
                              {"label", label_json(i.label)},
                              {"unit", i.unit}});
    Json languages = Json::array();
    for (const auto& l : t.languages().all()) languages.push_back(l.code);
    return {{"categories", categories},
            {"dimensions", dimensions},
            {"indicators", indicators},
            {"languages", languages},
            {"rules", t.rules().rules().size()}};
}

RecordInput record_input_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    RecordInput r;
    r.record_id = f.required_string("record_id");
    r.date = f.optional_string("date");
    r.centre = f.optional_string("centre");
    r.counsellor = f.optional_string("counsellor");
    r.commune = f.optional_string("commune_code");
    r.person_key = f.optional_string("person_key");
    r.age_band = f.optional_string("age_band");
    r.situations = f.optional_string_list("situation").value_or(std::vector<std::string>{});
    r.need_text = f.optional_string("need_text");
    r.need_codes = f.optional_string_list("need_codes").value_or(std::vector<std::string>{});
    r.proposal_text = f.optional_string("proposal_text");
    r.coop_interest = f.optional_string("coop_interest");
    r.sectors = f.optional_string_list("sectors").value_or(std::vector<std::string>{});
    r.skills = f.optional_string_list("skills").value_or(std::vector<std::string>{});
    r.language = f.optional_string("language");
    f.reject_unknown();
    return r;
}

Settings settings_from(const Json& body, const Settings& current) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    Settings s = current;
    if (auto v = f.optional_int("min_cell_size")) s.min_cell_size = *v;
    if (auto v = f.optional_number("similarity_threshold")) s.similarity_threshold = *v;
    if (auto v = f.optional_int("shingle_size")) s.shingle_size = *v;
    if (auto v = f.optional_int("hotspot_min_count")) s.hotspot_min_count = *v;
    if (auto v = f.optional_number("hotspot_min_ratio")) s.hotspot_min_ratio = *v;
    f.reject_unknown();
    return s;
}

std::vector<Figure> figures_from(const Json& body) {
    if (!body.is_object() || !body.contains("figures") || !body["figures"].is_array())
        throw invalid("figures", "send {\"figures\": [{indicator, level, territory, value}]}");
    std::vector<Figure> out;
    for (std::size_t i = 0; i < body["figures"].size(); ++i) {
        JsonFields f(body["figures"][i], "figures[" + std::to_string(i) + "]");
        Figure figure;
        figure.indicator = f.required_string("indicator");
        figure.level = f.required_string("level");
        figure.territory = f.required_string("territory");
        auto value = f.optional_number("value");
        if (!value) throw invalid("figures[" + std::to_string(i) + "].value", "is required");
        figure.value = *value;
        figure.source = f.optional_string("source");
        f.reject_unknown();
        out.push_back(std::move(figure));
    }
    return out;
}

CallRequest call_request_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    CallRequest r;
    r.title = f.optional_string("title");
    r.language = f.optional_string("language").value_or("fr");
    r.group_ids = f.optional_int_list("group_ids").value_or(std::vector<std::int64_t>{});
    if (auto level = f.optional_string("level")) {
        auto parsed = parse_level(*level);
        if (!parsed) throw invalid("level", "must be commune, epci, department or region");
        r.level = *parsed;
    }
    r.territories = f.optional_string_list("territories").value_or(std::vector<std::string>{});
    r.budget = f.optional_number("budget");
    r.deadline = f.optional_string("deadline");
    f.reject_unknown();
    return r;
}

CallEdit call_edit_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    CallEdit e;
    e.title = f.optional_string("title");
    e.subtitle = f.optional_string("subtitle");
    e.context = f.optional_string("context");
    e.objective = f.optional_string("objective");
    e.eligibility = f.optional_string("eligibility");
    e.status = f.optional_string("status");
    e.deadline = f.optional_string("deadline");
    e.budget = f.optional_number("budget");
    f.reject_unknown();
    return e;
}

}  // namespace maillage::needs
