#include "pathways/support_store.hpp"

#include "core/clock.hpp"
#include "core/json.hpp"
#include "pathways/sql.hpp"

namespace maillage::pathways::storage {

using store::nullable;

std::int64_t insert_action(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                           const std::string& step, const ActionInput& in,
                           std::optional<std::int64_t> user_id) {
    return c
        .query(
            "INSERT INTO pathway_actions (pole_id, project_id, kind, on_date, minutes, subject, "
            "need, outcome, step, mentorship_id, mentor_id, funder_actor_id, funder_name, "
            "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            {pole_id, project_id, in.kind, in.on_date, nullable(in.minutes), nullable(in.subject),
             nullable(in.need), nullable(in.outcome), step, nullable(in.mentorship_id),
             nullable(in.mentor_id), nullable(in.funder_actor_id), nullable(in.funder_name),
             nullable(user_id), clock::now_iso()})[0]
        .integer(0);
}

bool delete_action(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM pathway_actions WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

std::vector<SupportAction> actions_of(Connection& c, std::int64_t pole_id,
                                      std::int64_t project_id) {
    return rows_of<SupportAction>(
        c,
        "SELECT x.id, x.project_id, x.kind, x.on_date, x.minutes, x.subject, x.need, x.outcome, "
        "x.step, x.mentorship_id, x.mentor_id, m.name, x.funder_actor_id, a.name, x.funder_name "
        "FROM pathway_actions x LEFT JOIN pathway_mentors m ON m.id = x.mentor_id LEFT JOIN "
        "actors a ON a.id = x.funder_actor_id WHERE x.pole_id = ? AND x.project_id = ? ORDER BY "
        "x.on_date, x.id",
        {pole_id, project_id}, [](const store::Row& r) {
            SupportAction a;
            a.id = r.integer(0);
            a.project_id = r.integer(1);
            a.kind = r.text(2);
            a.on_date = r.text(3);
            a.minutes = r.optional_integer(4);
            a.subject = r.optional_text(5);
            a.need = r.optional_text(6);
            a.outcome = r.optional_text(7);
            a.step = r.text(8);
            a.mentorship_id = r.optional_integer(9);
            a.mentor_id = r.optional_integer(10);
            a.mentor_name = r.optional_text(11);
            a.funder_actor_id = r.optional_integer(12);
            a.funder_actor_name = r.optional_text(13);
            a.funder_name = r.optional_text(14);
            return a;
        });
}

std::int64_t insert_visit(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                          const VisitInput& in, const std::string& origin,
                          std::optional<std::int64_t> user_id) {
    return c
        .query(
            "INSERT INTO pathway_visits (pole_id, project_id, due_on, done_on, origin, note, "
            "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, project_id, in.due_on, nullable(in.done_on), origin, nullable(in.note),
             nullable(user_id), clock::now_iso()})[0]
        .integer(0);
}

bool update_visit(Connection& c, std::int64_t pole_id, std::int64_t id, const VisitInput& in) {
    return c.execute(
               "UPDATE pathway_visits SET due_on = ?, done_on = ?, note = ? WHERE id = ? AND "
               "pole_id = ?",
               {in.due_on, nullable(in.done_on), nullable(in.note), id, pole_id}) > 0;
}

bool delete_visit(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM pathway_visits WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

namespace {

constexpr const char* kVisitSelect =
    "SELECT id, project_id, due_on, done_on, note, origin FROM pathway_visits";

Visit visit_from(const store::Row& r) {
    Visit v;
    v.id = r.integer(0);
    v.project_id = r.integer(1);
    v.due_on = r.text(2);
    v.done_on = r.optional_text(3);
    v.note = r.optional_text(4);
    v.origin = r.text(5);
    return v;
}

constexpr const char* kContractSelect =
    "SELECT k.id, k.project_id, k.kind, k.host_actor_id, a.name, k.start_on, k.end_on, "
    "k.followup_end_on, k.ended_on, k.note FROM pathway_test_contracts k LEFT JOIN actors a ON "
    "a.id = k.host_actor_id";

TestContract contract_from(const store::Row& r) {
    TestContract k;
    k.id = r.integer(0);
    k.project_id = r.integer(1);
    k.kind = r.text(2);
    k.host_actor_id = r.optional_integer(3);
    k.host_name = r.optional_text(4);
    k.start_on = r.text(5);
    k.end_on = r.text(6);
    k.followup_end_on = r.optional_text(7);
    k.ended_on = r.optional_text(8);
    k.note = r.optional_text(9);
    return k;
}

}  // namespace

std::optional<Visit> visit(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return first_of(rows_of<Visit>(c, std::string(kVisitSelect) + " WHERE pole_id = ? AND id = ?",
                                   {pole_id, id}, visit_from));
}

std::vector<Visit> visits_of(Connection& c, std::int64_t pole_id, std::int64_t project_id) {
    return rows_of<Visit>(
        c, std::string(kVisitSelect) + " WHERE pole_id = ? AND project_id = ? ORDER BY due_on, id",
        {pole_id, project_id}, visit_from);
}

std::int64_t insert_contract(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                             const TestContractInput& in) {
    return c
        .query(
            "INSERT INTO pathway_test_contracts (pole_id, project_id, kind, host_actor_id, "
            "start_on, end_on, followup_end_on, ended_on, note, created_at) VALUES (?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, project_id, in.kind, nullable(in.host_actor_id), in.start_on, in.end_on,
             nullable(in.followup_end_on), nullable(in.ended_on), nullable(in.note),
             clock::now_iso()})[0]
        .integer(0);
}

bool update_contract(Connection& c, std::int64_t pole_id, std::int64_t id,
                     const TestContractInput& in) {
    return c.execute(
               "UPDATE pathway_test_contracts SET kind = ?, host_actor_id = ?, start_on = ?, "
               "end_on = ?, followup_end_on = ?, ended_on = ?, note = ? WHERE id = ? AND pole_id "
               "= ?",
               {in.kind, nullable(in.host_actor_id), in.start_on, in.end_on,
                nullable(in.followup_end_on), nullable(in.ended_on), nullable(in.note), id,
                pole_id}) > 0;
}

std::optional<TestContract> contract(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return first_of(
        rows_of<TestContract>(c, std::string(kContractSelect) + " WHERE k.pole_id = ? AND k.id = ?",
                              {pole_id, id}, contract_from));
}

std::vector<TestContract> contracts_of(Connection& c, std::int64_t pole_id,
                                       std::int64_t project_id) {
    return rows_of<TestContract>(
        c,
        std::string(kContractSelect) +
            " WHERE k.pole_id = ? AND k.project_id = ? ORDER BY k.start_on, k.id",
        {pole_id, project_id}, contract_from);
}

void set_jobs(Connection& c, std::int64_t pole_id, std::int64_t project_id,
              const JobsDeclaration& j) {
    c.execute(
        "INSERT INTO pathway_jobs (pole_id, project_id, year, jobs, fte, declared_at) VALUES (?, "
        "?, ?, ?, ?, ?) ON CONFLICT (project_id, year) DO UPDATE SET jobs = excluded.jobs, fte = "
        "excluded.fte, declared_at = excluded.declared_at",
        {pole_id, project_id, std::int64_t(j.year), j.jobs, nullable(j.fte), clock::now_iso()});
}

bool delete_jobs(Connection& c, std::int64_t pole_id, std::int64_t project_id, int year) {
    return c.execute("DELETE FROM pathway_jobs WHERE pole_id = ? AND project_id = ? AND year = ?",
                     {pole_id, project_id, std::int64_t(year)}) > 0;
}

std::vector<JobsDeclaration> jobs_of(Connection& c, std::int64_t pole_id, std::int64_t project_id) {
    return rows_of<JobsDeclaration>(
        c,
        "SELECT year, jobs, fte FROM pathway_jobs WHERE pole_id = ? AND project_id = ? ORDER BY "
        "year",
        {pole_id, project_id}, [](const store::Row& r) {
            return JobsDeclaration{int(r.integer(0)), r.integer(1), r.optional_real(2)};
        });
}

std::int64_t insert_mentorship(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                               const MentorshipInput& in, const std::string& started_on,
                               std::optional<std::int64_t> user_id) {
    Json objectives = in.objectives;
    return c
        .query(
            "INSERT INTO pathway_mentorships (pole_id, project_id, kind, mentor_id, "
            "tutor_actor_id, objectives, started_on, status, factors, confirmed_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id",
            {pole_id, project_id, in.kind, nullable(in.mentor_id), nullable(in.tutor_actor_id),
             objectives.dump(), started_on, nullable(in.factors), nullable(user_id),
             clock::now_iso()})[0]
        .integer(0);
}

bool end_mentorship(Connection& c, std::int64_t pole_id, std::int64_t id, const std::string& on) {
    return c.execute(
               "UPDATE pathway_mentorships SET status = 'ended', ended_on = ? WHERE id = ? AND "
               "pole_id = ? AND status = 'active'",
               {on, id, pole_id}) > 0;
}

namespace {

constexpr const char* kMentorshipSelect =
    "SELECT s.id, s.project_id, s.kind, s.mentor_id, s.tutor_actor_id, s.objectives, "
    "s.started_on, s.ended_on, s.status, s.factors, COALESCE(m.name, ta.name), "
    "COALESCE(m.actor_id, s.tutor_actor_id), (SELECT COUNT(*) FROM pathway_actions x WHERE "
    "x.mentorship_id = s.id) FROM pathway_mentorships s LEFT JOIN pathway_mentors m ON m.id = "
    "s.mentor_id LEFT JOIN actors ta ON ta.id = s.tutor_actor_id";

Mentorship mentorship_from(const store::Row& r) {
    Mentorship s;
    s.id = r.integer(0);
    s.project_id = r.integer(1);
    s.kind = r.text(2);
    s.mentor_id = r.optional_integer(3);
    s.tutor_actor_id = r.optional_integer(4);
    for (const auto& o : Json::parse(r.text(5))) s.objectives.push_back(o.get<std::string>());
    s.started_on = r.text(6);
    s.ended_on = r.optional_text(7);
    s.status = r.text(8);
    s.factors = r.optional_text(9);
    s.partner_name = r.optional_text(10);
    s.partner_actor_id = r.optional_integer(11);
    s.sessions = r.integer(12);
    return s;
}

}  // namespace

std::optional<Mentorship> mentorship(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return first_of(
        rows_of<Mentorship>(c, std::string(kMentorshipSelect) + " WHERE s.pole_id = ? AND s.id = ?",
                            {pole_id, id}, mentorship_from));
}

std::vector<Mentorship> mentorships_of(Connection& c, std::int64_t pole_id,
                                       std::int64_t project_id) {
    return rows_of<Mentorship>(
        c,
        std::string(kMentorshipSelect) +
            " WHERE s.pole_id = ? AND s.project_id = ? ORDER BY s.started_on, s.id",
        {pole_id, project_id}, mentorship_from);
}

std::vector<MentoringLink> mentoring_links(Connection& c, std::int64_t pole_id, int year) {
    std::string first_day = std::to_string(year) + "-01-01";
    std::string last_day = std::to_string(year) + "-12-31";
    return rows_of<MentoringLink>(
        c,
        "SELECT COALESCE(m.actor_id, s.tutor_actor_id), p.actor_id, s.kind, s.started_on, p.id "
        "FROM pathway_mentorships s JOIN pathway_projects p ON p.id = s.project_id LEFT JOIN "
        "pathway_mentors m ON m.id = s.mentor_id WHERE s.pole_id = ? AND p.actor_id IS NOT NULL "
        "AND COALESCE(m.actor_id, s.tutor_actor_id) IS NOT NULL AND s.started_on <= ? AND "
        "(s.ended_on IS NULL OR s.ended_on >= ?) ORDER BY s.started_on, s.id",
        {pole_id, last_day, first_day}, [](const store::Row& r) {
            return MentoringLink{r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4)};
        });
}

}  // namespace maillage::pathways::storage
