#include "pathways/pathway_service.hpp"

#include <set>

#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "pathways/project_store.hpp"
#include "pathways/sql.hpp"
#include "pathways/support_store.hpp"
#include "pathways/template_store.hpp"

namespace maillage::pathways {

using store::Connection;

namespace {

constexpr std::int64_t kMaxPerPage = 200;

Error not_found(const std::string& what) {
    return Error(ErrorCode::not_found, "no such " + what + " in this pole", "id");
}

void check_page(std::int64_t page, std::int64_t per_page) {
    if (page < 1) throw invalid("page", "must be 1 or more");
    if (per_page < 1 || per_page > kMaxPerPage) throw invalid("per_page", "must be from 1 to 200");
}

}  // namespace

void require_actor(Connection& c, const char* field, const std::optional<std::int64_t>& id) {
    if (id && !storage::actor_exists(c, *id))
        throw invalid(field, "no actor " + std::to_string(*id) + " in the directory");
}

PathwayService::PathwayService(store::Database& database, const Vocabulary& vocabulary,
                               const territory::Territory& territory, PathwayRules rules)
    : database_(database),
      vocabulary_(vocabulary),
      territory_(territory),
      rules_(std::move(rules)) {
    record_shipped_templates();
}

void PathwayService::set_origin_catalog(OriginCatalog catalog) {
    origins_ = std::move(catalog);
}

// Each shipped template version in use is recorded once, so that projects keep the version
// they started on when the file moves on. A file that changes without a new version number
// would silently change running pathways: that is refused, naming the file.
void PathwayService::record_shipped_templates() {
    database_.write([&](Connection& c) {
        for (const auto& t : rules_.templates) {
            auto row = storage::template_version(c, std::nullopt, t.code, t.version);
            if (!row) {
                storage::TemplateRow fresh{
                    0, std::nullopt, t.code, t.version, t.model, std::nullopt, t.document.dump(),
                    ""};
                shipped_ids_[t.code] = storage::insert_template(c, fresh, std::nullopt);
            } else if (Json::parse(row->document) != t.document) {
                throw Error(ErrorCode::invalid_input,
                            "template '" + t.code + "': version " + std::to_string(t.version) +
                                " is already in use with other content: raise its version",
                            "version");
            } else {
                shipped_ids_[t.code] = row->id;
            }
        }
    });
    std::lock_guard lock(cache_mutex_);
    for (const auto& t : rules_.templates)
        cache_[shipped_ids_.at(t.code)] = std::make_shared<const PathwayTemplate>(t);
}

TemplatePtr PathwayService::template_by_id(Connection& c, std::int64_t id) {
    {
        std::lock_guard lock(cache_mutex_);
        if (auto it = cache_.find(id); it != cache_.end()) return it->second;
    }
    auto row = storage::template_by_id(c, id);
    if (!row)
        throw Error(ErrorCode::internal, "template version " + std::to_string(id) + " is missing");
    auto parsed = std::make_shared<const PathwayTemplate>(
        parse_template(Json::parse(row->document), "template " + row->code, vocabulary_));
    std::lock_guard lock(cache_mutex_);
    return cache_.emplace(id, parsed).first->second;
}

// The pole's own template of that code when it has one, else the shipped one.
TemplateInfo PathwayService::resolve_template(Connection& c, std::int64_t pole_id,
                                              const std::string& code) {
    if (auto own = storage::latest_pole_template(c, pole_id, code))
        return {template_by_id(c, own->id), own->id, false, own->based_on, 0};
    if (auto it = shipped_ids_.find(code); it != shipped_ids_.end())
        return {template_by_id(c, it->second), it->second, true, std::nullopt, 0};
    throw Error(ErrorCode::not_found, "no pathway template '" + code + "'", "template");
}

std::vector<TemplateInfo> PathwayService::templates(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        std::map<std::string, std::int64_t> usage;
        for (const auto& [code, n] : storage::template_usage(c, pole_id)) usage[code] = n;
        std::vector<TemplateInfo> out;
        std::set<std::string> own;
        for (const auto& row : storage::pole_templates(c, pole_id)) {
            own.insert(row.code);
            out.push_back(
                {template_by_id(c, row.id), row.id, false, row.based_on, usage[row.code]});
        }
        for (const auto& t : rules_.templates)
            if (!own.count(t.code))
                out.push_back({template_by_id(c, shipped_ids_.at(t.code)), shipped_ids_.at(t.code),
                               true, std::nullopt, usage[t.code]});
        return out;
    });
}

TemplateInfo PathwayService::template_info(std::int64_t pole_id, const std::string& code) {
    return database_.read([&](Connection& c) { return resolve_template(c, pole_id, code); });
}

TemplateInfo PathwayService::copy_template(std::int64_t pole_id, std::int64_t user_id,
                                           const std::string& from, const std::string& code) {
    return database_.write([&](Connection& c) {
        auto source = resolve_template(c, pole_id, from);
        Json document = source.pathway->document;
        document["code"] = code;
        return save_version(c, pole_id, user_id, code, document,
                            from + "@" + std::to_string(source.pathway->version));
    });
}

TemplateInfo PathwayService::save_template(std::int64_t pole_id, std::int64_t user_id,
                                           const std::string& code, const Json& input) {
    if (!input.is_object()) throw invalid("", "expected a template document (a JSON object)");
    if (input.contains("code") && input["code"] != code)
        throw invalid("code", "must be '" + code + "', the template being saved");
    return database_.write([&](Connection& c) {
        auto latest = storage::latest_pole_template(c, pole_id, code);
        return save_version(c, pole_id, user_id, code, input,
                            latest ? latest->based_on : std::nullopt);
    });
}

// Records the next version of the pole's template `code` (the first when it has none).
TemplateInfo PathwayService::save_version(Connection& c, std::int64_t pole_id, std::int64_t user_id,
                                          const std::string& code, Json document,
                                          std::optional<std::string> based_on) {
    auto latest = storage::latest_pole_template(c, pole_id, code);
    if (!latest && shipped_ids_.count(code))
        throw Error(ErrorCode::conflict,
                    "'" + code + "' is a shipped template: copy it under a code of your own",
                    "code");
    document["code"] = code;
    document["version"] = latest ? latest->version + 1 : 1;
    auto parsed = parse_template(document, "template " + code, vocabulary_);
    storage::TemplateRow row{0,        pole_id,         code, parsed.version, parsed.model,
                             based_on, document.dump(), ""};
    auto id = storage::insert_template(c, row, user_id);
    accounts::record_activity(c, pole_id, user_id, "save", "pathway_template", id,
                              code + " v" + std::to_string(parsed.version));
    return TemplateInfo{template_by_id(c, id), id, false, based_on, 0};
}

Project PathwayService::require_project(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto found = storage::load_project(c, pole_id, id);
    if (!found) throw not_found("project");
    return std::move(*found);
}

void PathwayService::check_references(Connection& c, std::int64_t pole_id, const ProjectInput& in) {
    for (auto [field, id] :
         {std::pair{"origin_actor_id", in.origin_actor_id}, {"actor_id", in.actor_id}})
        if (id && c.query("SELECT 1 FROM actors WHERE id = ?", {*id}).empty())
            throw invalid(field, "no actor " + std::to_string(*id) + " in the directory");
    if (in.origin_kind != "need_group" && in.origin_kind != "call") return;
    const auto& lookup =
        in.origin_kind == "need_group" ? origins_.need_group_title : origins_.call_title;
    if (!lookup)
        throw invalid("origin_kind",
                      "the needs observatory is not connected: choose a spontaneous origin");
    if (!lookup(pole_id, *in.origin_ref))
        throw invalid("origin_ref", std::string("no ") +
                                        (in.origin_kind == "need_group" ? "need group " : "call ") +
                                        std::to_string(*in.origin_ref) + " in this pole");
}

void PathwayService::fill_names(Project& p) {
    if (p.commune)
        if (const auto* commune = territory_.commune(*p.commune)) p.commune_name = commune->name;
    if (!p.origin_ref) return;
    const auto& lookup =
        p.origin_kind == "need_group" ? origins_.need_group_title : origins_.call_title;
    if (lookup) p.origin_title = lookup(p.pole_id, *p.origin_ref);
}

void PathwayService::fill_names(std::vector<Project>& projects) {
    for (auto& p : projects) fill_names(p);
}

void PathwayService::schedule_plan_visits(Connection& c, std::int64_t pole_id,
                                          std::int64_t project_id, const Step& step,
                                          Date entered_on) {
    if (!step.visits) return;
    for (auto due : visit_due_dates(*step.visits, entered_on))
        storage::insert_visit(c, pole_id, project_id, {to_iso(due), std::nullopt, std::nullopt},
                              "plan", std::nullopt);
}

Project PathwayService::create_project(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                       ProjectInput input) {
    auto today = today_utc();
    reject_if_any(check_project(input, checks(today)));
    if (input.template_code.empty()) throw invalid("template", "is required");
    auto id = database_.write([&](Connection& c) {
        check_references(c, pole_id, input);
        auto info = resolve_template(c, pole_id, input.template_code);
        const Step& first = info.pathway->steps.front();
        Date started = input.started_on ? *parse_date(*input.started_on) : today;
        storage::NewProject row;
        row.input = input;
        row.sector = input.naf ? naf_section(territory_, *input.naf) : std::nullopt;
        row.template_id = info.id;
        row.model = info.pathway->model;
        row.started_on = to_iso(started);
        row.state = {first.code,      first.stage,  "active",
                     to_iso(started), started.days, to_iso(step_due(first, started)),
                     std::nullopt};
        auto id = storage::insert_project(c, pole_id, row);
        storage::NewTransition log{id,          user_id, row.started_on, "start",     row.model, "",
                                   "",          "",      first.code,     first.stage, "active",  0,
                                   std::nullopt};
        storage::insert_transition(c, pole_id, log);
        schedule_plan_visits(c, pole_id, id, first, started);
        accounts::record_activity(c, pole_id, user_id, "create", "project", id, input.title);
        return id;
    });
    return project(pole_id, id);
}

Project PathwayService::update_project(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                       ProjectInput input) {
    reject_if_any(check_project(input, checks(today_utc())));
    database_.write([&](Connection& c) {
        auto current = require_project(c, pole_id, id);
        if (!input.template_code.empty() && input.template_code != current.template_code)
            throw invalid("template", "a project's pathway changes only by transitions");
        check_references(c, pole_id, input);
        storage::update_project(c, pole_id, id, input,
                                input.naf ? naf_section(territory_, *input.naf) : std::nullopt);
        accounts::record_activity(c, pole_id, user_id, "update", "project", id, input.title);
    });
    return project(pole_id, id);
}

void PathwayService::remove_project(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto current = require_project(c, pole_id, id);
        storage::delete_project(c, pole_id, id);
        accounts::record_activity(c, pole_id, user_id, "delete", "project", id, current.title);
    });
}

Project PathwayService::project(std::int64_t pole_id, std::int64_t id) {
    auto p = database_.read([&](Connection& c) { return require_project(c, pole_id, id); });
    fill_names(p);
    return p;
}

ProjectPage PathwayService::projects(std::int64_t pole_id, ProjectFilter filter) {
    check_page(filter.page, filter.per_page);
    return database_.read([&](Connection& c) {
        auto m = storage::search_projects(c, pole_id, filter);
        ProjectPage page{storage::load_projects(c, pole_id, m.ids), m.total, filter.page,
                         filter.per_page};
        fill_names(page.items);
        return page;
    });
}

std::vector<KanbanColumn> PathwayService::kanban(std::int64_t pole_id, const ProjectFilter& base,
                                                 std::size_t per_column) {
    std::vector<KanbanColumn> columns;
    for (const auto& stage : vocabulary_.values("pathway_stage")) {
        KanbanColumn column{stage.code, 0, {}};
        for (const char* status : {"active", "paused"}) {
            ProjectFilter f = base;
            f.stage = stage.code;
            f.status = status;
            f.page = 1;
            f.per_page = std::int64_t(per_column);
            f.order = "entered";
            auto page = projects(pole_id, f);
            column.total += page.total;
            for (auto& p : page.items)
                if (column.projects.size() < per_column) column.projects.push_back(std::move(p));
        }
        columns.push_back(std::move(column));
    }
    return columns;
}

}  // namespace maillage::pathways
