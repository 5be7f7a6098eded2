#include "pathways/project_store.hpp"

#include <unordered_map>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "pathways/sql.hpp"

namespace maillage::pathways::storage {

using store::nullable;
using store::Params;

namespace {

constexpr const char* kProjectSelect =
    "SELECT p.id, p.pole_id, p.title, p.summary, p.commune, p.naf, p.sector, p.legal_form, "
    "p.origin_kind, p.origin_ref, p.origin_actor_id, p.origin_note, p.template_id, t.code, "
    "t.version, t.model, t.pole_id, p.step, p.stage, p.status, p.step_entered_on, "
    "p.step_due_on, p.started_on, p.created_on, p.ceased_on, p.closed_on, p.actor_id, oa.name, "
    "a.name, (SELECT COUNT(*) FROM pathway_promoters pr WHERE pr.project_id = p.id), "
    "p.created_at, p.updated_at FROM pathway_projects p JOIN pathway_templates t ON t.id = "
    "p.template_id LEFT JOIN actors oa ON oa.id = p.origin_actor_id LEFT JOIN actors a ON a.id "
    "= p.actor_id";

Project project_from(const store::Row& r) {
    Project p;
    p.id = r.integer(0);
    p.pole_id = r.integer(1);
    p.title = r.text(2);
    p.summary = r.optional_text(3);
    p.commune = r.optional_text(4);
    p.naf = r.optional_text(5);
    p.sector = r.optional_text(6);
    p.legal_form = r.optional_text(7);
    p.origin_kind = r.text(8);
    p.origin_ref = r.optional_integer(9);
    p.origin_actor_id = r.optional_integer(10);
    p.origin_note = r.optional_text(11);
    p.pathway = {r.integer(12), r.text(13), int(r.integer(14)), r.text(15), r.is_null(16)};
    p.template_code = p.pathway.code;
    p.step = r.text(17);
    p.stage = r.text(18);
    p.status = r.text(19);
    p.step_entered_on = r.text(20);
    p.step_due_on = r.optional_text(21);
    p.started_on = r.text(22);
    p.created_on = r.optional_text(23);
    p.ceased_on = r.optional_text(24);
    p.closed_on = r.optional_text(25);
    p.actor_id = r.optional_integer(26);
    p.origin_actor_name = r.optional_text(27);
    p.actor_name = r.optional_text(28);
    p.promoter_count = r.integer(29);
    p.created_at = r.text(30);
    p.updated_at = r.text(31);
    return p;
}

Params editable_values(const ProjectInput& in, const std::optional<std::string>& sector) {
    return {in.title,
            text::fold(in.title),
            nullable(in.summary),
            nullable(in.commune),
            nullable(in.naf),
            nullable(sector),
            nullable(in.legal_form),
            in.origin_kind,
            nullable(in.origin_ref),
            nullable(in.origin_actor_id),
            nullable(in.origin_note),
            nullable(in.created_on),
            nullable(in.ceased_on),
            nullable(in.actor_id)};
}

}  // namespace

std::int64_t insert_project(Connection& c, std::int64_t pole_id, const NewProject& p) {
    auto now = clock::now_iso();
    Params params = {pole_id};
    for (auto& v : editable_values(p.input, p.sector)) params.push_back(std::move(v));
    for (store::Value v :
         {store::Value(p.template_id), store::Value(p.model), store::Value(p.state.step),
          store::Value(p.state.stage), store::Value(p.state.status),
          store::Value(p.state.entered_on), store::Value(std::int64_t(p.state.entered_day)),
          nullable(p.state.due_on), store::Value(p.started_on), nullable(p.state.closed_on),
          store::Value(now), store::Value(now)})
        params.push_back(std::move(v));
    return c
        .query(
            "INSERT INTO pathway_projects (pole_id, title, title_folded, summary, commune, naf, "
            "sector, legal_form, origin_kind, origin_ref, origin_actor_id, origin_note, "
            "created_on, ceased_on, actor_id, template_id, model, step, stage, status, "
            "step_entered_on, step_entered_day, step_due_on, started_on, closed_on, created_at, "
            "updated_at) VALUES (" +
                placeholders(params.size()) + ") RETURNING id",
            params)[0]
        .integer(0);
}

void update_project(Connection& c, std::int64_t pole_id, std::int64_t id, const ProjectInput& input,
                    const std::optional<std::string>& sector) {
    Params params = editable_values(input, sector);
    params.push_back(nullable(input.started_on));
    params.push_back(clock::now_iso());
    params.push_back(id);
    params.push_back(pole_id);
    c.execute(
        "UPDATE pathway_projects SET title = ?, title_folded = ?, summary = ?, commune = ?, naf = "
        "?, sector = ?, legal_form = ?, origin_kind = ?, origin_ref = ?, origin_actor_id = ?, "
        "origin_note = ?, created_on = ?, ceased_on = ?, actor_id = ?, started_on = "
        "COALESCE(?, started_on), updated_at = ? WHERE id = ? AND pole_id = ?",
        params);
}

void set_pathway(Connection& c, std::int64_t id, const PathwayColumns& s) {
    c.execute(
        "UPDATE pathway_projects SET step = ?, stage = ?, status = ?, step_entered_on = ?, "
        "step_entered_day = ?, step_due_on = ?, closed_on = ?, updated_at = ? WHERE id = ?",
        {s.step, s.stage, s.status, s.entered_on, std::int64_t(s.entered_day), nullable(s.due_on),
         nullable(s.closed_on), clock::now_iso(), id});
}

void set_created_on(Connection& c, std::int64_t id, const std::string& date) {
    c.execute("UPDATE pathway_projects SET created_on = ? WHERE id = ? AND created_on IS NULL",
              {date, id});
}

void set_ceased_on(Connection& c, std::int64_t id, const std::string& date) {
    c.execute(
        "UPDATE pathway_projects SET ceased_on = ? WHERE id = ? AND created_on IS NOT NULL AND "
        "ceased_on IS NULL",
        {date, id});
}

bool delete_project(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM pathway_projects WHERE id = ? AND pole_id = ?", {id, pole_id}) >
           0;
}

std::vector<Project> load_projects(Connection& c, std::int64_t pole_id,
                                   const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    Params params = {pole_id};
    for (auto id : ids) params.push_back(id);
    std::unordered_map<std::int64_t, Project> found;
    for (const auto& r :
         c.query(std::string(kProjectSelect) + " WHERE p.pole_id = ? AND p.id IN (" +
                     placeholders(ids.size()) + ")",
                 params)) {
        auto p = project_from(r);
        found.emplace(p.id, std::move(p));
    }
    std::vector<Project> out;
    for (auto id : ids)
        if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
    return out;
}

std::optional<Project> load_project(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto found = load_projects(c, pole_id, {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

ProjectMatches search_projects(Connection& c, std::int64_t pole_id, const ProjectFilter& f) {
    std::string where = " WHERE p.pole_id = ?";
    Params params = {pole_id};
    auto equal = [&](const char* column, const std::optional<std::string>& value) {
        if (!value) return;
        where += std::string(" AND ") + column + " = ?";
        params.push_back(*value);
    };
    equal("p.stage", f.stage);
    equal("p.step", f.step);
    equal("p.status", f.status);
    equal("p.model", f.model);
    equal("p.legal_form", f.legal_form);
    if (f.template_code) {
        where += " AND p.template_id IN (SELECT t.id FROM pathway_templates t WHERE t.code = ?)";
        params.push_back(*f.template_code);
    }
    if (f.text)
        for (const auto& word : text::words(*f.text)) {
            where += " AND p.title_folded LIKE ?";
            params.push_back("%" + word + "%");
        }
    ProjectMatches m;
    m.total = c.query("SELECT COUNT(*) FROM pathway_projects p" + where, params)[0].integer(0);
    params.push_back(f.per_page);
    params.push_back((f.page - 1) * f.per_page);
    std::string order = f.order == "entered" ? " ORDER BY p.step_entered_day, p.id"
                                             : " ORDER BY p.title_folded, p.id";
    for (const auto& r : c.query(
             "SELECT p.id FROM pathway_projects p" + where + order + " LIMIT ? OFFSET ?", params))
        m.ids.push_back(r.integer(0));
    return m;
}

std::int64_t insert_promoter(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                             const PromoterInput& in) {
    return c
        .query(
            "INSERT INTO pathway_promoters (pole_id, project_id, alias, pseudonymous, role, "
            "under_30, contact, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, project_id, in.alias, std::int64_t(in.pseudonymous ? 1 : 0),
             nullable(in.role), nullable(in.under_30), nullable(in.contact), clock::now_iso()})[0]
        .integer(0);
}

bool update_promoter(Connection& c, std::int64_t pole_id, std::int64_t id,
                     const PromoterInput& in) {
    return c.execute(
               "UPDATE pathway_promoters SET alias = ?, pseudonymous = ?, role = ?, under_30 = ?, "
               "contact = ? WHERE id = ? AND pole_id = ?",
               {in.alias, std::int64_t(in.pseudonymous ? 1 : 0), nullable(in.role),
                nullable(in.under_30), nullable(in.contact), id, pole_id}) > 0;
}

bool delete_promoter(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM pathway_promoters WHERE id = ? AND pole_id = ?", {id, pole_id}) >
           0;
}

namespace {

constexpr const char* kPromoterSelect =
    "SELECT id, project_id, alias, pseudonymous, role, under_30, contact FROM pathway_promoters";

Promoter promoter_from(const store::Row& r) {
    Promoter p;
    p.id = r.integer(0);
    p.project_id = r.integer(1);
    p.alias = r.text(2);
    p.pseudonymous = r.integer(3) != 0;
    p.role = r.optional_text(4);
    if (!r.is_null(5)) p.under_30 = r.integer(5) != 0;
    p.contact = r.optional_text(6);
    return p;
}

}  // namespace

std::vector<Promoter> promoters_of(Connection& c, std::int64_t pole_id, std::int64_t project_id) {
    std::vector<Promoter> out;
    for (const auto& r :
         c.query(std::string(kPromoterSelect) + " WHERE pole_id = ? AND project_id = ? ORDER BY id",
                 {pole_id, project_id}))
        out.push_back(promoter_from(r));
    return out;
}

std::optional<Promoter> promoter(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows =
        c.query(std::string(kPromoterSelect) + " WHERE pole_id = ? AND id = ?", {pole_id, id});
    if (rows.empty()) return std::nullopt;
    return promoter_from(rows.front());
}

void insert_transition(Connection& c, std::int64_t pole_id, const NewTransition& t) {
    // The opening entry ("start", from no step) is not a stay that ended.
    bool leaves = !t.from_step.empty() && t.from_step != t.to_step;
    c.execute(
        "INSERT INTO pathway_transitions (pole_id, project_id, at, on_date, user_id, action, "
        "model, from_step, from_stage, from_status, to_step, to_stage, to_status, leaves_step, "
        "days_in_step, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {pole_id, t.project_id, clock::now_iso(), t.on_date, nullable(t.user_id), t.action, t.model,
         t.from_step, t.from_stage, t.from_status, t.to_step, t.to_stage, t.to_status,
         std::int64_t(leaves ? 1 : 0), t.days_in_step, nullable(t.note)});
}

std::vector<TransitionRecord> transitions_of(Connection& c, std::int64_t pole_id,
                                             std::int64_t project_id) {
    std::vector<TransitionRecord> out;
    for (const auto& r :
         c.query("SELECT t.id, t.at, t.on_date, u.name, t.action, t.from_step, t.from_status, "
                 "t.to_step, t.to_status, t.days_in_step, t.note FROM pathway_transitions t LEFT "
                 "JOIN users u ON u.id = t.user_id WHERE t.pole_id = ? AND t.project_id = ? "
                 "ORDER BY t.id",
                 {pole_id, project_id}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_text(3), r.text(4), r.text(5),
                       r.text(6), r.text(7), r.text(8), r.integer(9), r.optional_text(10)});
    return out;
}

void set_deliverable(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                     const DeliverableRecord& d, std::optional<std::int64_t> user_id) {
    c.execute(
        "INSERT INTO pathway_deliverables (pole_id, project_id, step, code, done_on, note, "
        "user_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, step, code) DO UPDATE SET "
        "done_on = excluded.done_on, note = excluded.note, user_id = excluded.user_id",
        {pole_id, project_id, d.step, d.code, d.done_on, nullable(d.note), nullable(user_id)});
}

bool clear_deliverable(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                       const std::string& step, const std::string& code) {
    return c.execute(
               "DELETE FROM pathway_deliverables WHERE pole_id = ? AND project_id = ? AND step = ? "
               "AND code = ?",
               {pole_id, project_id, step, code}) > 0;
}

std::vector<DeliverableRecord> deliverables_of(Connection& c, std::int64_t pole_id,
                                               std::int64_t project_id) {
    std::vector<DeliverableRecord> out;
    for (const auto& r :
         c.query("SELECT step, code, done_on, note FROM pathway_deliverables WHERE pole_id = ? AND "
                 "project_id = ? ORDER BY done_on, step, code",
                 {pole_id, project_id}))
        out.push_back({r.text(0), r.text(1), r.text(2), r.optional_text(3)});
    return out;
}

std::set<std::string> done_deliverables(Connection& c, std::int64_t project_id,
                                        const std::string& step) {
    std::set<std::string> done;
    for (const auto& r :
         c.query("SELECT code FROM pathway_deliverables WHERE project_id = ? AND step = ?",
                 {project_id, step}))
        done.insert(r.text(0));
    return done;
}

}  // namespace maillage::pathways::storage
