#include "pathways/pathway_json.hpp"

#include <cmath>

namespace maillage::pathways {

namespace {

double rounded(double value, double unit = 100.0) {
    return std::round(value * unit) / unit;
}

Json step_json(const Step& s) {
    Json deliverables = Json::array();
    for (const auto& d : s.deliverables)
        deliverables.push_back(
            {{"code", d.code}, {"label", to_json(d.label)}, {"required", d.required}});
    auto duration = [](const Duration& d) {
        return d.months ? Json{{"months", d.months}} : Json{{"days", d.days}};
    };
    Json j = {{"code", s.code},
              {"stage", s.stage},
              {"label", to_json(s.label)},
              {"duration", duration(s.duration)},
              {"max_duration", s.max_duration ? duration(*s.max_duration) : Json(nullptr)},
              {"deliverables", deliverables},
              {"subjects", s.subjects},
              {"visits",
               s.visits ? Json{{"every_months", s.visits->every_months}, {"count", s.visits->count}}
                        : Json(nullptr)}};
    return j;
}

}  // namespace

Json to_json(const Label& l) {
    return {{"fr", l.fr}, {"it", l.it}, {"en", l.en}};
}

Json to_json(const PathwayTemplate& t) {
    Json steps = Json::array();
    for (const auto& s : t.steps) steps.push_back(step_json(s));
    Json transitions = Json::array();
    for (const auto& tr : t.transitions) {
        Json guard = Json::array();
        if (tr.requires_deliverables) guard.push_back("deliverables");
        if (tr.requires_note) guard.push_back("note");
        Json j = {{"action", to_string(tr.action)}, {"from", tr.from}, {"guard", guard}};
        if (!tr.to.empty()) j["to"] = tr.to;
        transitions.push_back(j);
    }
    return {{"code", t.code},
            {"version", t.version},
            {"model", t.model},
            {"label", to_json(t.label)},
            {"description", to_json(t.description)},
            {"source", t.source},
            {"creation_step", t.creation_step},
            {"steps", steps},
            {"transitions", transitions},
            {"test_contract", t.test_contract
                                  ? Json{{"min_months", t.test_contract->min_months},
                                         {"max_months", t.test_contract->max_months},
                                         {"followup_months", t.test_contract->followup_months}}
                                  : Json(nullptr)}};
}

Json to_json(const TemplateInfo& info, bool with_document) {
    Json j = to_json(*info.pathway);
    j["id"] = info.id;
    j["shipped"] = info.shipped;
    j["based_on"] = json_or_null(info.based_on);
    j["projects"] = info.projects;
    if (with_document) j["document"] = info.pathway->document;
    return j;
}

Json to_json(const Project& p) {
    return {{"id", p.id},
            {"title", p.title},
            {"summary", json_or_null(p.summary)},
            {"commune", json_or_null(p.commune)},
            {"commune_name", json_or_null(p.commune_name)},
            {"naf", json_or_null(p.naf)},
            {"sector", json_or_null(p.sector)},
            {"legal_form", json_or_null(p.legal_form)},
            {"origin",
             {{"kind", p.origin_kind},
              {"ref", json_or_null(p.origin_ref)},
              {"title", json_or_null(p.origin_title)},
              {"actor_id", json_or_null(p.origin_actor_id)},
              {"actor_name", json_or_null(p.origin_actor_name)},
              {"note", json_or_null(p.origin_note)}}},
            {"template",
             {{"id", p.pathway.id},
              {"code", p.pathway.code},
              {"version", p.pathway.version},
              {"model", p.pathway.model},
              {"shipped", p.pathway.shipped}}},
            {"step", p.step},
            {"stage", p.stage},
            {"status", p.status},
            {"step_entered_on", p.step_entered_on},
            {"step_due_on", json_or_null(p.step_due_on)},
            {"started_on", json_or_null(p.started_on)},
            {"created_on", json_or_null(p.created_on)},
            {"ceased_on", json_or_null(p.ceased_on)},
            {"closed_on", json_or_null(p.closed_on)},
            {"actor_id", json_or_null(p.actor_id)},
            {"actor_name", json_or_null(p.actor_name)},
            {"promoter_count", p.promoter_count},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

Json to_json(const ProjectPage& page) {
    Json items = Json::array();
    for (const auto& p : page.items) items.push_back(to_json(p));
    return {
        {"items", items}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

Json to_json(const Promoter& p) {
    return {{"id", p.id},
            {"project_id", p.project_id},
            {"alias", p.alias},
            {"pseudonymous", p.pseudonymous},
            {"role", json_or_null(p.role)},
            {"under_30", json_or_null(p.under_30)},
            {"contact", json_or_null(p.contact)}};
}

Json to_json(const SupportAction& a) {
    return {{"id", a.id},
            {"project_id", a.project_id},
            {"kind", a.kind},
            {"on_date", a.on_date},
            {"minutes", json_or_null(a.minutes)},
            {"subject", json_or_null(a.subject)},
            {"need", json_or_null(a.need)},
            {"outcome", json_or_null(a.outcome)},
            {"step", a.step},
            {"mentorship_id", json_or_null(a.mentorship_id)},
            {"mentor_id", json_or_null(a.mentor_id)},
            {"mentor_name", json_or_null(a.mentor_name)},
            {"funder_actor_id", json_or_null(a.funder_actor_id)},
            {"funder_actor_name", json_or_null(a.funder_actor_name)},
            {"funder_name", json_or_null(a.funder_name)}};
}

Json to_json(const Visit& v) {
    return {{"id", v.id},
            {"project_id", v.project_id},
            {"due_on", v.due_on},
            {"done_on", json_or_null(v.done_on)},
            {"note", json_or_null(v.note)},
            {"origin", v.origin}};
}

Json to_json(const TestContract& k) {
    return {{"id", k.id},
            {"project_id", k.project_id},
            {"kind", k.kind},
            {"host_actor_id", json_or_null(k.host_actor_id)},
            {"host_name", json_or_null(k.host_name)},
            {"start_on", k.start_on},
            {"end_on", k.end_on},
            {"followup_end_on", json_or_null(k.followup_end_on)},
            {"ended_on", json_or_null(k.ended_on)},
            {"note", json_or_null(k.note)}};
}

Json to_json(const Mentorship& m) {
    return {{"id", m.id},
            {"project_id", m.project_id},
            {"kind", m.kind},
            {"mentor_id", json_or_null(m.mentor_id)},
            {"tutor_actor_id", json_or_null(m.tutor_actor_id)},
            {"partner_name", json_or_null(m.partner_name)},
            {"partner_actor_id", json_or_null(m.partner_actor_id)},
            {"objectives", m.objectives},
            {"started_on", json_or_null(m.started_on)},
            {"ended_on", json_or_null(m.ended_on)},
            {"status", m.status},
            {"sessions", m.sessions},
            {"factors", m.factors ? Json::parse(*m.factors) : Json(nullptr)}};
}

Json to_json(const Mentor& m) {
    return {{"id", m.id},
            {"kind", m.kind},
            {"name", m.name},
            {"actor_id", json_or_null(m.actor_id)},
            {"actor_name", json_or_null(m.actor_name)},
            {"commune", json_or_null(m.commune)},
            {"commune_name", json_or_null(m.commune_name)},
            {"capacity", m.capacity},
            {"current", m.current},
            {"total", m.total},
            {"experience_years", json_or_null(m.experience_years)},
            {"subjects", m.subjects},
            {"sectors", m.sectors},
            {"active", m.active},
            {"bio", json_or_null(m.bio)}};
}

Json to_json(const MentorPage& page) {
    Json items = Json::array();
    for (const auto& m : page.items) items.push_back(to_json(m));
    return {
        {"items", items}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

Json to_json(const AlertView& v) {
    return {{"kind", to_string(v.alert.kind)},
            {"overdue", is_overdue(v.alert.kind)},
            {"project_id", v.alert.project_id},
            {"project_title", v.project_title},
            {"item_id", v.alert.item_id ? Json(v.alert.item_id) : Json(nullptr)},
            {"step", v.alert.step.empty() ? Json(nullptr) : Json(v.alert.step)},
            {"step_label", v.step_label ? to_json(*v.step_label) : Json(nullptr)},
            {"due_on", to_iso(v.alert.due_on)},
            {"days", v.alert.days}};
}

Json to_json(const MentoringLink& l) {
    return {{"from_actor_id", l.from_actor_id},
            {"to_actor_id", l.to_actor_id},
            {"kind", l.kind},
            {"date", l.date},
            {"project_id", l.project_id}};
}

Json to_json(const Suggestions& s) {
    Json weights = Json::object();
    for (const auto& [code, rule] : s.rules.factors) weights[code] = rule.weight;
    if (s.rules.load_boost > 0) weights["load_boost"] = s.rules.load_boost;
    std::map<std::int64_t, const Mentor*> details;
    for (const auto& m : s.mentors) details[m.id] = &m;
    Json candidates = Json::array();
    int rank = 0;
    for (const auto& r : s.ranking.candidates) {
        Json factors = Json::array();
        for (const auto& f : r.factors)
            factors.push_back(
                {{"code", f.code},
                 {"value", rounded(f.value, 1000)},
                 {"weight", f.weight},
                 {"points", rounded(f.points)},
                 {"measure", f.measure ? Json(rounded(*f.measure, 10)) : Json(nullptr)},
                 {"matched", f.matched}});
        Json c = {{"rank", ++rank},       {"id", r.id},
                  {"name", r.name},       {"score", rounded(r.score)},
                  {"current", r.current}, {"factors", factors}};
        if (auto it = details.find(r.id); it != details.end()) c["mentor"] = to_json(*it->second);
        if (auto it = s.tutors.find(r.id); it != s.tutors.end())
            c["actor"] = {{"id", it->second.actor_id},
                          {"kind", it->second.kind},
                          {"naf", json_or_null(it->second.naf)},
                          {"commune", json_or_null(it->second.commune)}};
        candidates.push_back(c);
    }
    return {{"kind", s.kind},
            {"project",
             {{"naf", json_or_null(s.profile.naf)},
              {"sector", json_or_null(s.profile.section)},
              {"legal_form", json_or_null(s.profile.legal_form)},
              {"located", s.profile.place.has_value()}}},
            {"subjects", s.profile.subjects},
            {"weights", weights},
            {"considered", s.ranking.considered},
            {"excluded_full", s.ranking.excluded_full},
            {"excluded_subject", s.ranking.excluded_subject},
            {"candidates", candidates}};
}

Json to_json(const std::vector<KanbanColumn>& columns) {
    Json out = Json::array();
    for (const auto& c : columns) {
        Json projects = Json::array();
        for (const auto& p : c.projects) projects.push_back(to_json(p));
        out.push_back({{"stage", c.stage}, {"total", c.total}, {"projects", projects}});
    }
    return out;
}

}  // namespace maillage::pathways
