#include "sharedjobs/service.hpp"

#include <set>

#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "sharedjobs/calendar.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/dates.hpp"
#include "sharedjobs/instance_json.hpp"
#include "sharedjobs/store.hpp"
#include "sharedjobs/validation.hpp"

namespace maillage::sharedjobs {

using store::Connection;

namespace {

Error not_found(const std::string& what) {
    return Error(ErrorCode::not_found, "no such " + what + " in this pole", "id");
}

// Field names of a one-element instance ("needs[0].windows[1]") as the API names them.
void reject_fields(const std::vector<InstanceProblem>& problems, const std::string& prefix) {
    std::vector<InstanceProblem> own;
    for (auto p : problems) {
        if (p.field.rfind(prefix, 0) == 0) p.field = p.field.substr(prefix.size());
        auto at = p.reason.find(prefix);
        if (at != std::string::npos) p.reason.erase(at, prefix.size());
        own.push_back(std::move(p));
    }
    reject_if_any(own);
}

std::string id_of(char prefix, std::int64_t id) {
    return prefix + std::to_string(id);
}

}  // namespace

SharedJobsService::SharedJobsService(store::Database& database, const Vocabulary& vocabulary,
                                     const territory::Territory& territory, Settings settings)
    : database_(database),
      vocabulary_(vocabulary),
      territory_(territory),
      settings_(std::move(settings)) {}

Locate SharedJobsService::locate() const {
    const auto* territory = &territory_;
    return [territory](const std::string& code) -> std::optional<Position> {
        const auto* c = territory->commune(code);
        if (!c) return std::nullopt;
        return Position{c->lat, c->lon};
    };
}

GroupRecord SharedJobsService::require_group(Connection& c, std::int64_t pole, std::int64_t id) {
    auto g = storage::group(c, pole, id);
    if (!g) throw not_found("employer group");
    return *g;
}

std::vector<GroupRecord> SharedJobsService::groups(std::int64_t pole) {
    return database_.read([&](Connection& c) { return storage::groups(c, pole); });
}

GroupRecord SharedJobsService::group(std::int64_t pole, std::int64_t id) {
    return database_.read([&](Connection& c) { return require_group(c, pole, id); });
}

namespace {

GroupRecord resolved(const GroupInput& in, const Settings& s) {
    GroupRecord g;
    g.actor_id = in.actor_id;
    g.coefficient = in.coefficient.value_or(s.coefficient);
    g.default_rate = in.default_rate.value_or(s.default_rate);
    g.horizon_start = in.horizon_start;
    g.horizon_end = in.horizon_end;
    if (!(g.coefficient > 0)) throw invalid("coefficient", "must be above 0");
    if (g.default_rate < 0) throw invalid("default_rate", "must not be negative");
    auto start = dates::parse(g.horizon_start), end = dates::parse(g.horizon_end);
    if (!start) throw invalid("horizon_start", "is not a date YYYY-MM-DD");
    if (!end) throw invalid("horizon_end", "is not a date YYYY-MM-DD");
    if (*end < *start) throw invalid("horizon_end", "is before horizon_start");
    if (*end - *start > 3 * 366) throw invalid("horizon_end", "the horizon spans at most 3 years");
    return g;
}

}  // namespace

GroupRecord SharedJobsService::create_group(std::int64_t pole, std::optional<std::int64_t> user,
                                            GroupInput in) {
    auto g = resolved(in, settings_);
    auto id = database_.write([&](Connection& c) {
        auto actor = c.query(
            "SELECT a.kind, a.name FROM actors a JOIN actor_poles ap ON ap.actor_id = a.id "
            "WHERE a.id = ? AND ap.pole_id = ?",
            {g.actor_id, pole});
        if (actor.empty()) throw invalid("actor_id", "no such actor in this pole");
        if (vocabulary_.family("actor_kind", actor[0].text(0)) != "employer_group")
            throw invalid("actor_id",
                          "'" + actor[0].text(1) + "' is not an employer group (GE or GEIQ)");
        if (!c.query("SELECT 1 FROM sj_groups WHERE pole_id = ? AND actor_id = ?",
                     {pole, g.actor_id})
                 .empty())
            throw Error(ErrorCode::conflict, "this employer group is already set up", "actor_id");
        auto id = storage::insert_group(c, pole, g);
        accounts::record_activity(c, pole, user, "create", "sharedjobs_group", id,
                                  actor[0].text(1));
        return id;
    });
    return group(pole, id);
}

GroupRecord SharedJobsService::update_group(std::int64_t pole, std::int64_t user, std::int64_t id,
                                            GroupInput in) {
    database_.write([&](Connection& c) {
        auto existing = require_group(c, pole, id);
        in.actor_id = existing.actor_id;
        auto g = resolved(in, settings_);
        g.id = id;
        storage::update_group(c, pole, g);
        accounts::record_activity(c, pole, user, "update", "sharedjobs_group", id, existing.name);
    });
    return group(pole, id);
}

std::vector<MemberRecord> SharedJobsService::members(std::int64_t pole, std::int64_t group) {
    return database_.read([&](Connection& c) {
        require_group(c, pole, group);
        return storage::members(c, pole, group);
    });
}

MemberRecord SharedJobsService::add_member(std::int64_t pole, std::optional<std::int64_t> user,
                                           std::int64_t group, MemberInput in) {
    if (in.hourly_rate && *in.hourly_rate < 0) throw invalid("hourly_rate", "must not be negative");
    return database_.write([&](Connection& c) {
        require_group(c, pole, group);
        if (c.query("SELECT 1 FROM actor_poles WHERE actor_id = ? AND pole_id = ?",
                    {in.actor_id, pole})
                .empty())
            throw invalid("actor_id", "no such actor in this pole");
        if (!c.query("SELECT 1 FROM sj_members WHERE group_id = ? AND actor_id = ?",
                     {group, in.actor_id})
                 .empty())
            throw Error(ErrorCode::conflict, "already a member of this group", "actor_id");
        auto id = storage::insert_member(c, pole, group, in);
        auto m = *storage::member(c, pole, id);
        accounts::record_activity(c, pole, user, "create", "sharedjobs_member", id, m.name);
        return m;
    });
}

MemberRecord SharedJobsService::update_member(std::int64_t pole, std::int64_t user, std::int64_t id,
                                              std::optional<double> rate) {
    if (rate && *rate < 0) throw invalid("hourly_rate", "must not be negative");
    return database_.write([&](Connection& c) {
        if (!storage::update_member(c, pole, id, rate)) throw not_found("member");
        auto m = *storage::member(c, pole, id);
        accounts::record_activity(c, pole, user, "update", "sharedjobs_member", id, m.name);
        return m;
    });
}

void SharedJobsService::remove_member(std::int64_t pole, std::int64_t user, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto m = storage::member(c, pole, id);
        if (!m || !storage::delete_member(c, pole, id)) throw not_found("member");
        accounts::record_activity(c, pole, user, "delete", "sharedjobs_member", id, m->name);
    });
}

void SharedJobsService::check_need(Connection& c, std::int64_t pole, const GroupRecord& g,
                                   NeedInput& in) {
    auto member = storage::member(c, pole, in.member_id);
    if (!member || member->group_id != g.id)
        throw invalid("member_id", "no such member in this group");
    if (in.commune.empty() && member->commune) in.commune = *member->commune;
    if (in.label.empty()) throw invalid("label", "is required");
    Instance one;
    one.rules = settings_.rules;
    one.horizon = {g.horizon_start, g.horizon_end};
    one.members = {{"m", member->name, {}, {}}};
    Need n{"n",      "m",    in.occupation, in.label,  in.weekly_minutes, in.windows, in.commune,
           in.start, in.end, in.splittable, in.skills, in.agreement,      {}};
    one.needs = {n};
    reject_fields(check_instance(one, locate(), &settings_.occupations), "needs[0].");
}

void SharedJobsService::check_worker(const GroupRecord& g, const WorkerInput& in) {
    if (in.name.empty()) throw invalid("name", "is required");
    Instance one;
    one.rules = settings_.rules;
    one.horizon = {g.horizon_start, g.horizon_end};
    Worker w{"w",
             in.name,
             in.skills,
             in.availability,
             in.home_commune,
             in.target_minutes,
             in.min_minutes,
             in.max_travel_minutes,
             in.max_employers,
             {}};
    one.workers = {w};
    reject_fields(check_instance(one, locate()), "workers[0].");
}

std::vector<NeedRecord> SharedJobsService::needs(std::int64_t pole, std::int64_t group) {
    return database_.read([&](Connection& c) {
        require_group(c, pole, group);
        return storage::needs(c, pole, group);
    });
}

NeedRecord SharedJobsService::create_need(std::int64_t pole, std::optional<std::int64_t> user,
                                          std::int64_t group, NeedInput in) {
    return database_.write([&](Connection& c) {
        auto g = require_group(c, pole, group);
        check_need(c, pole, g, in);
        auto id = storage::insert_need(c, pole, group, in);
        accounts::record_activity(c, pole, user, "create", "sharedjobs_need", id, in.label);
        return *storage::need(c, pole, id);
    });
}

NeedRecord SharedJobsService::update_need(std::int64_t pole, std::int64_t user, std::int64_t id,
                                          NeedInput in) {
    return database_.write([&](Connection& c) {
        auto existing = storage::need(c, pole, id);
        if (!existing) throw not_found("need");
        auto g = require_group(c, pole, existing->group_id);
        check_need(c, pole, g, in);
        storage::update_need(c, pole, id, in);
        accounts::record_activity(c, pole, user, "update", "sharedjobs_need", id, in.label);
        return *storage::need(c, pole, id);
    });
}

void SharedJobsService::remove_need(std::int64_t pole, std::int64_t user, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto existing = storage::need(c, pole, id);
        if (!existing || !storage::delete_need(c, pole, id)) throw not_found("need");
        accounts::record_activity(c, pole, user, "delete", "sharedjobs_need", id, existing->label);
    });
}

std::vector<WorkerRecord> SharedJobsService::workers(std::int64_t pole, std::int64_t user,
                                                     std::int64_t group) {
    return database_.write([&](Connection& c) {
        require_group(c, pole, group);
        accounts::record_access(c, pole, user, "read", "sharedjobs_workers", group);
        return storage::workers(c, pole, group);
    });
}

WorkerRecord SharedJobsService::create_worker(std::int64_t pole, std::optional<std::int64_t> user,
                                              std::int64_t group, WorkerInput in) {
    return database_.write([&](Connection& c) {
        auto g = require_group(c, pole, group);
        check_worker(g, in);
        auto id = storage::insert_worker(c, pole, group, in);
        // The summary names no one: the activity log is read more widely than workers are.
        accounts::record_activity(c, pole, user, "create", "sharedjobs_worker", id, "");
        return *storage::worker(c, pole, id);
    });
}

WorkerRecord SharedJobsService::update_worker(std::int64_t pole, std::int64_t user, std::int64_t id,
                                              WorkerInput in) {
    return database_.write([&](Connection& c) {
        auto existing = storage::worker(c, pole, id);
        if (!existing) throw not_found("worker");
        check_worker(require_group(c, pole, existing->group_id), in);
        storage::update_worker(c, pole, id, in);
        accounts::record_activity(c, pole, user, "update", "sharedjobs_worker", id, "");
        return *storage::worker(c, pole, id);
    });
}

void SharedJobsService::remove_worker(std::int64_t pole, std::int64_t user, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_worker(c, pole, id)) throw not_found("worker");
        accounts::record_activity(c, pole, user, "delete", "sharedjobs_worker", id, "");
    });
}

Instance SharedJobsService::instance_in(Connection& c, std::int64_t pole, const GroupRecord& g) {
    Instance inst;
    inst.group = {g.name, g.coefficient, g.default_rate};
    inst.rules = settings_.rules;
    inst.horizon = {g.horizon_start, g.horizon_end};
    for (const auto& m : storage::members(c, pole, g.id))
        inst.members.push_back({id_of('m', m.id), m.name, m.hourly_rate, m.actor_id});
    for (const auto& n : storage::needs(c, pole, g.id))
        inst.needs.push_back({id_of('n', n.id), id_of('m', n.member_id), n.occupation, n.label,
                              n.weekly_minutes, n.windows, n.commune, n.start, n.end, n.splittable,
                              n.skills, n.agreement, n.id});
    for (const auto& w : storage::workers(c, pole, g.id))
        inst.workers.push_back({id_of('w', w.id), "", w.skills, w.availability, w.home_commune,
                                w.target_minutes, w.min_minutes, w.max_travel_minutes,
                                w.max_employers, w.id});
    return inst;
}

Instance SharedJobsService::instance(std::int64_t pole, std::int64_t group) {
    return database_.read(
        [&](Connection& c) { return instance_in(c, pole, require_group(c, pole, group)); });
}

PlanSummary SharedJobsService::compose(std::int64_t pole, std::optional<std::int64_t> user,
                                       std::int64_t group, const ComposeOptions& options,
                                       Progress& progress) {
    Instance inst = instance(pole, group);
    if (inst.needs.empty()) throw invalid("needs", "the group has no needs to compose");
    if (inst.workers.empty()) throw invalid("workers", "the group has no workers");
    Result result = sharedjobs::compose(inst, locate(), options, progress, &settings_.occupations);
    std::string document = to_json(result).dump();
    auto id = database_.write([&](Connection& c) {
        require_group(c, pole, group);
        auto id = storage::insert_plan(c, pole, group, user, result, document);
        accounts::record_activity(c, pole, user, "create", "sharedjobs_plan", id,
                                  std::to_string(result.jobs.size()) + " jobs, " +
                                      std::to_string(result.unmet.size()) + " unmet needs");
        return id;
    });
    return plan(pole, id);
}

std::vector<PlanSummary> SharedJobsService::plans(std::int64_t pole, std::int64_t group) {
    return database_.read([&](Connection& c) {
        require_group(c, pole, group);
        return storage::plans(c, pole, group);
    });
}

PlanSummary SharedJobsService::plan(std::int64_t pole, std::int64_t id) {
    auto p = database_.read([&](Connection& c) { return storage::plan(c, pole, id); });
    if (!p) throw not_found("plan");
    return *p;
}

Json SharedJobsService::plan_result(std::int64_t pole, std::int64_t id) {
    auto text = database_.read([&](Connection& c) { return storage::plan_result(c, pole, id); });
    if (text.empty()) throw not_found("plan");
    return Json::parse(text);
}

std::map<std::string, std::string> SharedJobsService::plan_worker_names(std::int64_t pole,
                                                                        std::int64_t user,
                                                                        std::int64_t plan_id) {
    return database_.write([&](Connection& c) {
        auto p = storage::plan(c, pole, plan_id);
        if (!p) throw not_found("plan");
        accounts::record_access(c, pole, user, "read", "sharedjobs_plan_workers", plan_id);
        std::map<std::string, std::string> names;
        for (const auto& w : storage::workers(c, pole, p->group_id))
            names[id_of('w', w.id)] = w.name;
        return names;
    });
}

std::vector<MemberMonth> SharedJobsService::billing(std::int64_t pole, std::int64_t plan_id) {
    auto result = plan_result(pole, plan_id);
    std::vector<MemberMonth> out;
    for (const auto& b : result["billing"])
        out.push_back({b["member"].get<std::string>(), b["month"].get<std::string>(),
                       int(std::lround(b["planned_hours"].get<double>() * 60)),
                       b["rate"].get<double>(), b["amount"].get<double>()});
    return out;
}

SharedJobsService::Counts SharedJobsService::counts(std::int64_t pole) {
    return database_.read([&](Connection& c) {
        auto count = [&](const char* table) {
            return c
                .query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE pole_id = ?",
                       {pole})[0]
                .integer(0);
        };
        return Counts{count("sj_groups"), count("sj_needs"), count("sj_workers"),
                      count("sj_plans")};
    });
}

void SharedJobsService::record_realised(std::int64_t pole, std::int64_t user, std::int64_t group,
                                        LedgerInput entry) {
    if (!dates::valid_month(entry.month)) throw invalid("month", "must be a month YYYY-MM");
    if (entry.realised_minutes < 0) throw invalid("realised_hours", "must not be negative");
    if (entry.realised_minutes > 31 * 24 * 60)
        throw invalid("realised_hours", "is more than the month holds");
    database_.write([&](Connection& c) {
        require_group(c, pole, group);
        auto w = storage::worker(c, pole, entry.worker_id);
        if (!w || w->group_id != group) throw invalid("worker_id", "no such worker in this group");
        auto m = storage::member(c, pole, entry.member_id);
        if (!m || m->group_id != group) throw invalid("member_id", "no such member in this group");
        storage::upsert_ledger(c, pole, group, user, entry);
        accounts::record_activity(c, pole, user, "update", "sharedjobs_ledger", group, entry.month);
    });
}

}  // namespace maillage::sharedjobs
