#include "sharedjobs/store.hpp"

#include "core/clock.hpp"
#include "core/json.hpp"
#include "sharedjobs/instance_json.hpp"

namespace maillage::sharedjobs::storage {
namespace {

using store::nullable;
using store::Row;

std::string windows_text(const std::vector<TimeWindow>& windows) {
    return windows_to_json(windows).dump();
}

std::vector<TimeWindow> windows_of(const std::string& text) {
    auto list = Json::parse(text);
    return windows_from_json(&list, "windows");
}

std::string list_text(const std::vector<std::string>& items) {
    return Json(items).dump();
}
std::vector<std::string> list_of(const std::string& text) {
    return Json::parse(text).get<std::vector<std::string>>();
}

const char* kGroupColumns =
    "g.id, g.actor_id, a.name, a.kind, g.coefficient, g.default_rate, g.horizon_start, "
    "g.horizon_end, (SELECT COUNT(*) FROM sj_members m WHERE m.group_id = g.id), "
    "(SELECT COUNT(*) FROM sj_needs n WHERE n.group_id = g.id), "
    "(SELECT COUNT(*) FROM sj_workers w WHERE w.group_id = g.id), "
    "(SELECT MAX(p.id) FROM sj_plans p WHERE p.group_id = g.id AND p.is_current = 1) "
    "FROM sj_groups g JOIN actors a ON a.id = g.actor_id";

GroupRecord group_of(const Row& r) {
    return {r.integer(0), r.integer(1), r.text(2),     r.text(3),
            r.real(4),    r.real(5),    r.text(6),     r.text(7),
            r.integer(8), r.integer(9), r.integer(10), r.optional_integer(11)};
}

const char* kMemberColumns =
    "m.id, m.group_id, m.actor_id, a.name, a.commune, m.hourly_rate FROM sj_members m "
    "JOIN actors a ON a.id = m.actor_id";

MemberRecord member_of(const Row& r) {
    return {r.integer(0), r.integer(1),       r.integer(2),
            r.text(3),    r.optional_text(4), r.optional_real(5)};
}

const char* kNeedColumns =
    "id, group_id, member_id, label, occupation, weekly_minutes, windows, commune, start_date, "
    "end_date, splittable, skills, agreement FROM sj_needs";

NeedRecord need_of(const Row& r) {
    NeedRecord n;
    n.id = r.integer(0);
    n.group_id = r.integer(1);
    n.member_id = r.integer(2);
    n.label = r.text(3);
    n.occupation = r.text(4);
    n.weekly_minutes = int(r.integer(5));
    n.windows = windows_of(r.text(6));
    n.commune = r.text(7);
    n.start = r.optional_text(8);
    n.end = r.optional_text(9);
    n.splittable = r.integer(10) != 0;
    n.skills = list_of(r.text(11));
    n.agreement = r.text(12);
    return n;
}

store::Params need_params(const NeedInput& n) {
    return {n.member_id,
            n.label,
            n.occupation,
            n.weekly_minutes,
            windows_text(n.windows),
            n.commune,
            nullable(n.start),
            nullable(n.end),
            std::int64_t(n.splittable ? 1 : 0),
            list_text(n.skills),
            n.agreement};
}

const char* kWorkerColumns =
    "id, group_id, name, skills, availability, home_commune, target_minutes, min_minutes, "
    "max_travel_minutes, max_employers FROM sj_workers";

WorkerRecord worker_of(const Row& r) {
    WorkerRecord w;
    w.id = r.integer(0);
    w.group_id = r.integer(1);
    w.name = r.text(2);
    w.skills = list_of(r.text(3));
    w.availability = windows_of(r.text(4));
    w.home_commune = r.text(5);
    w.target_minutes = int(r.integer(6));
    w.min_minutes = int(r.integer(7));
    w.max_travel_minutes = int(r.integer(8));
    w.max_employers = int(r.integer(9));
    return w;
}

store::Params worker_params(const WorkerInput& w) {
    return {w.name,
            list_text(w.skills),
            windows_text(w.availability),
            w.home_commune,
            std::int64_t(w.target_minutes),
            std::int64_t(w.min_minutes),
            std::int64_t(w.max_travel_minutes),
            std::int64_t(w.max_employers)};
}

const char* kPlanColumns =
    "id, group_id, created_at, engine, seconds, value, bound, gap, proven, is_current, jobs, "
    "unmet FROM sj_plans";

PlanSummary plan_of(const Row& r) {
    return {r.integer(0),      r.integer(1),      r.text(2),     r.text(3),
            r.real(4),         r.integer(5),      r.real(6),     r.real(7),
            r.integer(8) != 0, r.integer(9) != 0, r.integer(10), r.integer(11)};
}

template <class T, class F>
std::vector<T> all(Connection& c, const std::string& sql, const store::Params& params, F of) {
    std::vector<T> out;
    for (const auto& r : c.query(sql, params)) out.push_back(of(r));
    return out;
}

template <class T, class F>
std::optional<T> one(Connection& c, const std::string& sql, const store::Params& params, F of) {
    auto rows = c.query(sql, params);
    if (rows.empty()) return std::nullopt;
    return of(rows.front());
}

}  // namespace

std::int64_t insert_group(Connection& c, std::int64_t pole, const GroupRecord& g) {
    return c
        .query(
            "INSERT INTO sj_groups (pole_id, actor_id, coefficient, default_rate, horizon_start, "
            "horizon_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole, g.actor_id, g.coefficient, g.default_rate, g.horizon_start, g.horizon_end,
             clock::now_iso()})[0]
        .integer(0);
}

bool update_group(Connection& c, std::int64_t pole, const GroupRecord& g) {
    return c.execute(
               "UPDATE sj_groups SET coefficient = ?, default_rate = ?, horizon_start = ?, "
               "horizon_end = ? WHERE id = ? AND pole_id = ?",
               {g.coefficient, g.default_rate, g.horizon_start, g.horizon_end, g.id, pole}) > 0;
}

std::vector<GroupRecord> groups(Connection& c, std::int64_t pole) {
    return all<GroupRecord>(
        c, std::string("SELECT ") + kGroupColumns + " WHERE g.pole_id = ? ORDER BY a.name, g.id",
        {pole}, group_of);
}

std::optional<GroupRecord> group(Connection& c, std::int64_t pole, std::int64_t id) {
    return one<GroupRecord>(
        c, std::string("SELECT ") + kGroupColumns + " WHERE g.pole_id = ? AND g.id = ?", {pole, id},
        group_of);
}

std::int64_t insert_member(Connection& c, std::int64_t pole, std::int64_t group,
                           const MemberInput& m) {
    return c
        .query(
            "INSERT INTO sj_members (pole_id, group_id, actor_id, hourly_rate, created_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            {pole, group, m.actor_id, nullable(m.hourly_rate), clock::now_iso()})[0]
        .integer(0);
}

bool update_member(Connection& c, std::int64_t pole, std::int64_t id, std::optional<double> rate) {
    return c.execute("UPDATE sj_members SET hourly_rate = ? WHERE id = ? AND pole_id = ?",
                     {nullable(rate), id, pole}) > 0;
}

bool delete_member(Connection& c, std::int64_t pole, std::int64_t id) {
    return c.execute("DELETE FROM sj_members WHERE id = ? AND pole_id = ?", {id, pole}) > 0;
}

std::vector<MemberRecord> members(Connection& c, std::int64_t pole, std::int64_t group) {
    return all<MemberRecord>(c,
                             std::string("SELECT ") + kMemberColumns +
                                 " WHERE m.pole_id = ? AND m.group_id = ? ORDER BY a.name, m.id",
                             {pole, group}, member_of);
}

std::optional<MemberRecord> member(Connection& c, std::int64_t pole, std::int64_t id) {
    return one<MemberRecord>(
        c, std::string("SELECT ") + kMemberColumns + " WHERE m.pole_id = ? AND m.id = ?",
        {pole, id}, member_of);
}

std::int64_t insert_need(Connection& c, std::int64_t pole, std::int64_t group, const NeedInput& n) {
    auto params = need_params(n);
    params.insert(params.begin(), {pole, group});
    params.push_back(clock::now_iso());
    params.push_back(clock::now_iso());
    return c
        .query(
            "INSERT INTO sj_needs (pole_id, group_id, member_id, label, occupation, "
            "weekly_minutes, windows, commune, start_date, end_date, splittable, skills, "
            "agreement, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?) RETURNING id",
            params)[0]
        .integer(0);
}

bool update_need(Connection& c, std::int64_t pole, std::int64_t id, const NeedInput& n) {
    auto params = need_params(n);
    params.push_back(clock::now_iso());
    params.push_back(id);
    params.push_back(pole);
    return c.execute(
               "UPDATE sj_needs SET member_id = ?, label = ?, occupation = ?, weekly_minutes = ?, "
               "windows = ?, commune = ?, start_date = ?, end_date = ?, splittable = ?, "
               "skills = ?, agreement = ?, updated_at = ? WHERE id = ? AND pole_id = ?",
               params) > 0;
}

bool delete_need(Connection& c, std::int64_t pole, std::int64_t id) {
    return c.execute("DELETE FROM sj_needs WHERE id = ? AND pole_id = ?", {id, pole}) > 0;
}

std::vector<NeedRecord> needs(Connection& c, std::int64_t pole, std::int64_t group) {
    return all<NeedRecord>(
        c,
        std::string("SELECT ") + kNeedColumns + " WHERE pole_id = ? AND group_id = ? ORDER BY id",
        {pole, group}, need_of);
}

std::optional<NeedRecord> need(Connection& c, std::int64_t pole, std::int64_t id) {
    return one<NeedRecord>(c,
                           std::string("SELECT ") + kNeedColumns + " WHERE pole_id = ? AND id = ?",
                           {pole, id}, need_of);
}

std::int64_t insert_worker(Connection& c, std::int64_t pole, std::int64_t group,
                           const WorkerInput& w) {
    auto params = worker_params(w);
    params.insert(params.begin(), {pole, group});
    params.push_back(clock::now_iso());
    params.push_back(clock::now_iso());
    return c
        .query(
            "INSERT INTO sj_workers (pole_id, group_id, name, skills, availability, "
            "home_commune, target_minutes, min_minutes, max_travel_minutes, max_employers, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            params)[0]
        .integer(0);
}

bool update_worker(Connection& c, std::int64_t pole, std::int64_t id, const WorkerInput& w) {
    auto params = worker_params(w);
    params.push_back(clock::now_iso());
    params.push_back(id);
    params.push_back(pole);
    return c.execute(
               "UPDATE sj_workers SET name = ?, skills = ?, availability = ?, home_commune = ?, "
               "target_minutes = ?, min_minutes = ?, max_travel_minutes = ?, max_employers = ?, "
               "updated_at = ? WHERE id = ? AND pole_id = ?",
               params) > 0;
}

bool delete_worker(Connection& c, std::int64_t pole, std::int64_t id) {
    return c.execute("DELETE FROM sj_workers WHERE id = ? AND pole_id = ?", {id, pole}) > 0;
}

std::vector<WorkerRecord> workers(Connection& c, std::int64_t pole, std::int64_t group) {
    return all<WorkerRecord>(
        c,
        std::string("SELECT ") + kWorkerColumns + " WHERE pole_id = ? AND group_id = ? ORDER BY id",
        {pole, group}, worker_of);
}

std::optional<WorkerRecord> worker(Connection& c, std::int64_t pole, std::int64_t id) {
    return one<WorkerRecord>(
        c, std::string("SELECT ") + kWorkerColumns + " WHERE pole_id = ? AND id = ?", {pole, id},
        worker_of);
}

std::optional<std::int64_t> record_id(const std::string& instance_id, char prefix) {
    if (instance_id.size() < 2 || instance_id[0] != prefix) return std::nullopt;
    std::int64_t value = 0;
    for (std::size_t i = 1; i < instance_id.size(); ++i) {
        if (instance_id[i] < '0' || instance_id[i] > '9') return std::nullopt;
        value = value * 10 + (instance_id[i] - '0');
    }
    return value;
}

std::int64_t insert_plan(Connection& c, std::int64_t pole, std::int64_t group,
                         std::optional<std::int64_t> user, const Result& r,
                         const std::string& result_json) {
    c.execute("UPDATE sj_plans SET is_current = 0 WHERE group_id = ? AND pole_id = ?",
              {group, pole});
    auto id = c.query(
                   "INSERT INTO sj_plans (pole_id, group_id, created_at, created_by, engine, "
                   "seconds, value, bound, gap, proven, jobs, unmet, is_current, result) VALUES "
                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
                   {pole, group, clock::now_iso(), nullable(user), r.stats.engine, r.stats.seconds,
                    r.bounds.value, r.bounds.bound, r.bounds.gap,
                    std::int64_t(r.bounds.proven_optimal ? 1 : 0), std::int64_t(r.jobs.size()),
                    std::int64_t(r.unmet.size()), result_json})[0]
                  .integer(0);
    for (const auto& job : r.jobs)
        for (const auto& a : job.assignments)
            c.execute(
                "INSERT INTO sj_assignments (pole_id, plan_id, worker_id, need_id, member_id, day, "
                "start_minute, end_minute, period_start, period_end) VALUES (?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?)",
                {pole, id, nullable(record_id(job.worker, 'w')), nullable(record_id(a.need, 'n')),
                 nullable(record_id(a.member, 'm')), std::int64_t(a.time.day),
                 std::int64_t(a.time.start), std::int64_t(a.time.end), a.period_start,
                 a.period_end});
    return id;
}

std::vector<PlanSummary> plans(Connection& c, std::int64_t pole, std::int64_t group) {
    return all<PlanSummary>(c,
                            std::string("SELECT ") + kPlanColumns +
                                " WHERE pole_id = ? AND group_id = ? ORDER BY id DESC",
                            {pole, group}, plan_of);
}

std::optional<PlanSummary> plan(Connection& c, std::int64_t pole, std::int64_t id) {
    return one<PlanSummary>(c,
                            std::string("SELECT ") + kPlanColumns + " WHERE pole_id = ? AND id = ?",
                            {pole, id}, plan_of);
}

std::string plan_result(Connection& c, std::int64_t pole, std::int64_t id) {
    auto rows = c.query("SELECT result FROM sj_plans WHERE pole_id = ? AND id = ?", {pole, id});
    return rows.empty() ? std::string() : rows[0].text(0);
}

std::vector<StoredAssignment> assignments(Connection& c, std::int64_t pole, std::int64_t plan) {
    return all<StoredAssignment>(
        c,
        "SELECT worker_id, need_id, member_id, day, start_minute, end_minute, period_start, "
        "period_end FROM sj_assignments WHERE pole_id = ? AND plan_id = ? ORDER BY worker_id, "
        "day, start_minute",
        {pole, plan}, [](const Row& r) {
            return StoredAssignment{r.optional_integer(0).value_or(0),
                                    r.optional_integer(1).value_or(0),
                                    r.optional_integer(2).value_or(0),
                                    int(r.integer(3)),
                                    int(r.integer(4)),
                                    int(r.integer(5)),
                                    r.text(6),
                                    r.text(7)};
        });
}

void upsert_ledger(Connection& c, std::int64_t pole, std::int64_t group, std::int64_t user,
                   const LedgerInput& e) {
    c.execute(
        "DELETE FROM sj_ledger WHERE pole_id = ? AND worker_id = ? AND member_id = ? AND "
        "month = ?",
        {pole, e.worker_id, e.member_id, e.month});
    c.execute(
        "INSERT INTO sj_ledger (pole_id, group_id, worker_id, member_id, month, "
        "realised_minutes, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {pole, group, e.worker_id, e.member_id, e.month, std::int64_t(e.realised_minutes),
         nullable(e.note), clock::now_iso(), user});
}

std::vector<LedgerRow> ledger(Connection& c, std::int64_t pole, std::int64_t group,
                              const std::string& from, const std::string& to) {
    return all<LedgerRow>(
        c,
        "SELECT worker_id, member_id, month, realised_minutes, note FROM sj_ledger WHERE "
        "pole_id = ? AND group_id = ? AND month >= ? AND month <= ? ORDER BY month, worker_id, "
        "member_id",
        {pole, group, from, to}, [](const Row& r) {
            LedgerRow row;
            row.worker_id = r.integer(0);
            row.member_id = r.integer(1);
            row.month = r.text(2);
            row.realised_minutes = int(r.integer(3));
            row.note = r.optional_text(4);
            return row;
        });
}

}  // namespace maillage::sharedjobs::storage
