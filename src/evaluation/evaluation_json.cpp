#include "evaluation/evaluation_json.hpp"

#include "core/error.hpp"
#include "evaluation/answers.hpp"

namespace maillage::evaluation {
namespace {

template <class T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

std::int64_t required_int(JsonFields& f, const std::string& key, const std::string& prefix = {}) {
    auto v = f.optional_int(key);
    if (!v) throw invalid(prefix + key, "is required");
    return *v;
}

Json subject_json(const Subject& s) {
    return {{"kind", s.kind}, {"id", s.id}, {"title", s.title}};
}

Subject subject_from(const Json* value) {
    if (!value) throw invalid("subject", "is required: {\"kind\", \"id\"}");
    JsonFields f(*value, "subject");
    Subject s;
    s.kind = f.required_string("kind");
    s.id = required_int(f, "id", "subject.");
    f.optional_value("title");
    f.reject_unknown();
    return s;
}

bool any_placeholder(const Grid& g) {
    for (const auto* i : g.items())
        if (i->placeholder) return true;
    return false;
}

Json answer_json(const Item& item, const Answer& a) {
    Json j = {{"value", answer_value_json(item, a)},
              {"priority", a.priority},
              {"significant", a.significant},
              {"comment", a.comment}};
    if (item.scale.kind == ItemKind::cursor) j["arguments"] = a.arguments;
    return j;
}

Json section_result_json(const SectionResult& r) {
    return {{"code", r.code},         {"aggregation", to_string(r.aggregation)},
            {"value", opt(r.value)},  {"lower", opt(r.lower)},
            {"upper", opt(r.upper)},  {"normalised", opt(r.normalised)},
            {"answered", r.answered}, {"items", r.items}};
}

}  // namespace

Json label_to_json(const Label& l) {
    return {{"fr", l.fr}, {"it", l.it}, {"en", l.en}};
}

Label label_from(const Json* value, const std::string& field) {
    Label l;
    if (!value) return l;
    JsonFields f(*value, field);
    l.fr = f.optional_string("fr").value_or("");
    l.it = f.optional_string("it").value_or("");
    l.en = f.optional_string("en").value_or("");
    f.reject_unknown();
    return l;
}

Json to_json(const StoredGrid& g, bool with_definition) {
    const Grid& grid = *g.grid;
    Json j = {{"id", g.id},
              {"code", grid.code},
              {"version", grid.version},
              {"tool", grid.tool},
              {"title", label_to_json(grid.title)},
              {"shipped", !g.pole_id.has_value()},
              {"derived_from", opt(g.derived_from)},
              {"hidden", g.hidden},
              {"assessments", g.assessments},
              {"latest", g.latest},
              {"items", grid.items().size()},
              {"placeholders", any_placeholder(grid)},
              {"min_participants", grid.min_participants},
              {"modes", grid.modes},
              {"updated_at", g.updated_at}};
    if (with_definition) {
        j["definition"] = grid_to_json(grid);
        // Axis names for boards and tables: each item's key words in the three languages.
        j["short"] = Json::object();
        for (const auto* item : grid.items())
            j["short"][item->code] = {{"fr", short_label(item->label.fr)},
                                      {"it", short_label(in_language(item->label, "it"))},
                                      {"en", short_label(in_language(item->label, "en"))}};
    }
    return j;
}

Json to_json(const AssessmentSummary& a) {
    return {{"id", a.id},
            {"grid",
             {{"id", a.grid_id},
              {"code", a.grid_code},
              {"version", a.grid_version},
              {"title", a.grid_title},
              {"tool", a.tool}}},
            {"subject", subject_json(a.subject)},
            {"title", a.title},
            {"held_on", a.held_on},
            {"stage", a.stage},
            {"mode", a.mode},
            {"status", a.status},
            {"previous_id", opt(a.previous_id)},
            {"round_id", opt(a.round_id)},
            {"campaign_id", opt(a.campaign_id)},
            {"participants", a.participants},
            {"arguments", a.arguments},
            {"answers", a.answers},
            {"revision", a.revision},
            {"created_at", a.created_at},
            {"updated_at", a.updated_at}};
}

Json to_json(const Assessment& a, const Assessment* previous) {
    Json j = to_json(static_cast<const AssessmentSummary&>(a));
    j["notes"] = opt(a.notes);
    j["participant_list"] = Json::array();
    for (const auto& p : a.participant_list)
        j["participant_list"].push_back({{"id", p.id},
                                         {"name", p.name},
                                         {"actor_id", opt(p.actor_id)},
                                         {"role", opt(p.role)},
                                         {"arguments", p.arguments}});
    j["answer_map"] = Json::object();
    for (const auto& [code, answer] : a.answers)
        if (const Item* item = a.grid->find_item(code))
            j["answer_map"][code] = answer_json(*item, answer);
    j["positions"] = a.board.positions;
    j["log"] = Json::array();
    for (std::size_t i = 0; i < a.log.size(); ++i) {
        const auto& x = a.log[i];
        const auto& step = a.board.steps[i];
        j["log"].push_back({{"id", x.id},
                            {"seq", x.seq},
                            {"item", x.item},
                            {"participant_id", x.participant_id},
                            {"direction", x.direction > 0 ? "+" : "-"},
                            {"displacement", x.displacement},
                            {"text", x.text},
                            {"withdrawn", x.withdrawn},
                            {"before", step.before},
                            {"after", step.after},
                            {"clamped", step.clamped},
                            {"created_at", x.created_at}});
    }
    j["evidence"] = Json::array();
    for (const auto& e : a.evidence) j["evidence"].push_back(to_json(e));
    j["aggregates"] = Json::array();
    for (const auto& r : aggregate(*a.grid, a.answers))
        j["aggregates"].push_back(section_result_json(r));
    j["radar"] = Json::array();
    for (const auto& axis : radar(*a.grid, a.answers, previous ? &previous->answers : nullptr))
        j["radar"].push_back({{"code", axis.code},
                              {"label", label_to_json(axis.label)},
                              {"value", opt(axis.value)},
                              {"previous", opt(axis.previous)}});
    return j;
}

Json to_json(const Replay& r, std::int64_t total) {
    return {{"positions", r.positions},
            {"arguments", r.arguments},
            {"applied", r.steps.size()},
            {"total", total}};
}

Json to_json(const Comparison& c) {
    Json items = Json::array();
    const Grid& grid = *c.current.grid;
    for (const auto& i : c.items) {
        const Item* item = grid.find_item(i.code);
        items.push_back({{"code", i.code},
                         {"kind", to_string(i.kind)},
                         {"current", i.current ? answer_json(*item, *i.current) : Json(nullptr)},
                         {"previous", i.previous ? answer_json(*item, *i.previous) : Json(nullptr)},
                         {"delta", opt(i.delta)},
                         {"flag_changed", i.flag_changed},
                         {"changed", i.changed}});
    }
    return {{"current", to_json(static_cast<const AssessmentSummary&>(c.current))},
            {"previous", to_json(static_cast<const AssessmentSummary&>(c.previous))},
            {"items", items}};
}

Json to_json(const Evidence& e) {
    return {{"id", e.id},
            {"item", opt(e.item)},
            {"kind", e.kind},
            {"title", e.title},
            {"happened_on", opt(e.happened_on)},
            {"url", opt(e.url)},
            {"note", opt(e.note)},
            {"file_name", opt(e.file_name)},
            {"content_type", opt(e.content_type)},
            {"file_bytes", e.file_bytes},
            {"created_at", e.created_at}};
}

Json to_json(const Demarche& d) {
    return {{"id", d.id},
            {"name", d.name},
            {"description", opt(d.description)},
            {"actor_id", opt(d.actor_id)},
            {"created_at", d.created_at},
            {"updated_at", d.updated_at}};
}

Json to_json(const Round& r) {
    Json members = Json::array();
    for (const auto& m : r.members)
        members.push_back({{"actor_id", m.actor_id},
                           {"name", m.name},
                           {"assessment_id", opt(m.assessment_id)},
                           {"status", m.status},
                           {"answers", m.answers}});
    return {{"id", r.id},
            {"grid_id", r.grid_id},
            {"grid_title", r.grid_title},
            {"title", r.title},
            {"year", r.year},
            {"notes", opt(r.notes)},
            {"members", members},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

Json to_json(const DistributionReport& d) {
    Json items = Json::array();
    for (const auto& x : d.items) {
        const auto& s = x.distribution;
        items.push_back({{"section", x.section},
                         {"code", x.item->code},
                         {"label", label_to_json(x.item->label)},
                         {"kind", to_string(x.item->scale.kind)},
                         {"unit", label_to_json(x.item->scale.unit)},
                         {"answered", s.answered},
                         {"assessments", s.assessments},
                         {"min", opt(s.min)},
                         {"q1", opt(s.q1)},
                         {"median", opt(s.median)},
                         {"q3", opt(s.q3)},
                         {"max", opt(s.max)},
                         {"mean", opt(s.mean)},
                         {"counts", s.counts}});
    }
    return {
        {"assessments", d.assessments}, {"title", label_to_json(d.grid->title)}, {"items", items}};
}

Json to_json(const Campaign& k) {
    return {{"id", k.id},
            {"subject", subject_json(k.subject)},
            {"title", k.title},
            {"year", k.year},
            {"base_grid_id", k.base_grid_id},
            {"grid_id", k.grid_id},
            {"assessment_id", k.assessment_id},
            {"previous_id", opt(k.previous_id)},
            {"steps", k.steps},
            {"created_at", k.created_at},
            {"updated_at", k.updated_at}};
}

ParticipantInput participant_from(const Json& body, const std::string& prefix) {
    JsonFields f(body, prefix);
    ParticipantInput p;
    p.name = f.optional_string("name").value_or("");
    p.actor_id = f.optional_int("actor_id");
    p.role = f.optional_string("role");
    for (const char* ignored : {"id", "arguments"}) f.optional_value(ignored);
    f.reject_unknown();
    return p;
}

AssessmentInput assessment_input_from(const Json& body) {
    JsonFields f(body);
    AssessmentInput in;
    in.grid_id = required_int(f, "grid_id");
    in.subject = subject_from(f.optional_value("subject"));
    in.title = f.optional_string("title").value_or("");
    in.held_on = f.required_string("held_on");
    in.stage = f.required_string("stage");
    in.mode = f.required_string("mode");
    in.previous_id = f.optional_int("previous_id");
    in.round_id = f.optional_int("round_id");
    in.notes = f.optional_string("notes");
    if (const Json* list = f.optional_value("participants")) {
        if (!list->is_array()) throw invalid("participants", "must be a list");
        for (std::size_t i = 0; i < list->size(); ++i)
            in.participants.push_back(
                participant_from((*list)[i], "participants[" + std::to_string(i) + "]"));
    }
    f.reject_unknown();
    return in;
}

AssessmentChange assessment_change_from(const Json& body) {
    JsonFields f(body);
    AssessmentChange ch;
    ch.title = f.optional_string("title");
    ch.held_on = f.optional_string("held_on");
    ch.stage = f.optional_string("stage");
    ch.mode = f.optional_string("mode");
    ch.status = f.optional_string("status");
    ch.notes = f.optional_string("notes");
    if (body.contains("previous_id")) {
        const Json& v = body["previous_id"];
        if (!v.is_null() && !v.is_number_integer())
            throw invalid("previous_id", "must be an assessment id or null");
        ch.previous_id = v.is_null() ? std::optional<std::int64_t>() : v.get<std::int64_t>();
        f.optional_value("previous_id");
    }
    f.reject_unknown();
    return ch;
}

ArgumentInput argument_from(const Json& body) {
    JsonFields f(body);
    ArgumentInput a;
    a.item = f.required_string("item");
    a.participant_id = required_int(f, "participant_id");
    auto direction = f.required_string("direction");
    if (direction != "+" && direction != "-") throw invalid("direction", "must be \"+\" or \"-\"");
    a.direction = direction == "+" ? 1 : -1;
    auto displacement = f.optional_number("displacement");
    if (!displacement) throw invalid("displacement", "is required");
    a.displacement = *displacement;
    a.text = f.optional_string("text").value_or("");
    f.reject_unknown();
    return a;
}

std::vector<AnswerInput> answers_from(const Json& body) {
    JsonFields top(body);
    const Json* list = top.optional_value("answers");
    top.reject_unknown();
    if (!list || !list->is_array()) throw invalid("answers", "must be a list");
    std::vector<AnswerInput> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string p = "answers[" + std::to_string(i) + "]";
        JsonFields f((*list)[i], p);
        AnswerInput in;
        in.item = f.required_string("item");
        if ((*list)[i].contains("value")) in.value = (*list)[i]["value"];
        f.optional_value("value");
        in.priority = f.optional_bool("priority");
        in.significant = f.optional_bool("significant");
        in.comment = f.optional_string("comment");
        f.reject_unknown();
        out.push_back(std::move(in));
    }
    return out;
}

EvidenceInput evidence_from(const Json& body) {
    JsonFields f(body);
    EvidenceInput e;
    e.item = f.optional_string("item");
    e.kind = f.optional_string("kind").value_or("");
    e.title = f.optional_string("title").value_or("");
    e.happened_on = f.optional_string("happened_on");
    e.url = f.optional_string("url");
    e.note = f.optional_string("note");
    if (const Json* file = f.optional_value("file")) {
        JsonFields ff(*file, "file");
        EvidenceFile upload;
        upload.name = ff.required_string("name");
        upload.content_type =
            ff.optional_string("content_type").value_or("application/octet-stream");
        upload.bytes = from_base64(ff.required_string("base64"));
        ff.reject_unknown();
        e.file = std::move(upload);
    }
    f.reject_unknown();
    return e;
}

Demarche demarche_from(const Json& body) {
    JsonFields f(body);
    Demarche d;
    d.name = f.optional_string("name").value_or("");
    d.description = f.optional_string("description");
    d.actor_id = f.optional_int("actor_id");
    for (const char* ignored : {"id", "created_at", "updated_at"}) f.optional_value(ignored);
    f.reject_unknown();
    return d;
}

RoundInput round_from(const Json& body) {
    JsonFields f(body);
    RoundInput r;
    r.grid_id = f.optional_int("grid_id").value_or(0);
    r.title = f.optional_string("title").value_or("");
    r.year = f.optional_int("year").value_or(0);
    r.notes = f.optional_string("notes");
    r.members = f.optional_int_list("members").value_or(std::vector<std::int64_t>{});
    f.reject_unknown();
    return r;
}

CampaignInput campaign_from(const Json& body) {
    JsonFields f(body);
    CampaignInput k;
    k.subject = subject_from(f.optional_value("subject"));
    k.title = f.optional_string("title").value_or("");
    k.year = required_int(f, "year");
    k.base_grid_id = f.optional_int("base_grid_id");
    k.mode = f.optional_string("mode").value_or("self");
    f.reject_unknown();
    return k;
}

IndicatorInput indicator_from(const Json& body) {
    JsonFields f(body);
    IndicatorInput in;
    in.criterion = f.required_string("criterion");
    in.label = label_from(f.optional_value("label"), "label");
    in.kind = f.optional_string("kind").value_or("number");
    in.unit = label_from(f.optional_value("unit"), "unit");
    in.source = f.optional_string("source").value_or("");
    in.collection = f.optional_string("collection").value_or("");
    in.owner = f.optional_string("owner").value_or("");
    in.integer = f.optional_bool("integer").value_or(false);
    f.reject_unknown();
    return in;
}

}  // namespace maillage::evaluation
