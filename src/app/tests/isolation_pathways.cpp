// The pathways module's part of the route walker: pole B's projects, promoters, mentors,
// pairings, support actions, visits, test contracts, jobs and own template; and its API bodies.
#include "app_fixture.hpp"
#include "isolation_support.hpp"

namespace maillage::app::testing {
namespace {

void seed_pathways(IsolationContext& ctx, PoleRecords& records) {
    auto& s = ctx.app.pathways();
    auto today = pathways::today_utc();
    auto copy = s.copy_template(ctx.pole_b, ctx.admin_b, "liguria", "b_own");
    Json document = copy.pathway->document;
    document["label"]["fr"] = "Secret-B-Template-Label";
    s.save_template(ctx.pole_b, ctx.admin_b, "b_own", document);

    pathways::ProjectInput project;
    project.title = "Secret-B-Project";
    project.origin_kind = "citizen";
    project.template_code = "scop_scic_paca";
    project.started_on = "2024-01-02";
    project.actor_id = ctx.actor_b;
    auto p = s.create_project(ctx.pole_b, ctx.admin_b, project);
    auto promoter = s.add_promoter(ctx.pole_b, ctx.admin_b, p.id,
                                   {"Secret-B-Promoter", true, "lead", false, {}});
    pathways::MentorInput mentor;
    mentor.kind = "person";
    mentor.name = "Secret-B-Mentor";
    mentor.actor_id = ctx.actor_b;
    auto m = s.create_mentor(ctx.pole_b, ctx.admin_b, mentor);
    pathways::MentorshipInput pairing;
    pairing.kind = "mentoring";
    pairing.mentor_id = m.id;
    pairing.objectives = {"Secret-B-Objective"};
    auto ship = s.confirm_pairing(ctx.pole_b, ctx.admin_b, p.id, pairing, today);
    pathways::ActionInput action;
    action.kind = "coaching";
    action.on_date = "2024-01-10";
    action.minutes = 60;
    action.need = "Secret-B-Need";
    auto a = s.add_action(ctx.pole_b, ctx.admin_b, p.id, action, today);
    auto v = s.schedule_visit(ctx.pole_b, ctx.admin_b, p.id, {"2024-03-01", {}, "Secret-B-Visit"},
                              today);
    pathways::TestContractInput contract;
    contract.start_on = "2024-01-02";
    contract.end_on = "2024-09-02";
    contract.note = "Secret-B-Contract";
    auto k = s.add_contract(ctx.pole_b, ctx.admin_b, p.id, contract, today);
    s.declare_jobs(ctx.pole_b, ctx.admin_b, p.id, {2024, 7, 5.5});

    auto id = [](std::int64_t v) { return std::to_string(v); };
    records.params = {{"/pathways/projects/{id}", "id", id(p.id)},
                      {"/pathways/promoters/{id}", "id", id(promoter.id)},
                      {"/pathways/actions/{id}", "id", id(a.id)},
                      {"/pathways/visits/{id}", "id", id(v.id)},
                      {"/pathways/test-contracts/{id}", "id", id(k.id)},
                      {"/pathways/mentors/{id}", "id", id(m.id)},
                      {"/pathways/mentorships/{id}", "id", id(ship.id)},
                      {"/pathways/templates/{code}", "code", "b_own"},
                      {"/deliverables/{code}", "code", "promoter_group"},
                      {"/jobs/{year}", "year", "2024"}};
    std::string mentor_id = id(m.id);
    records.bodies = {
        {"/pathways/projects/{id}/transitions", R"({"action":"pause","note":"x"})"},
        {"/pathways/projects/{id}/actions",
         R"({"kind":"hotline","on_date":"2024-01-02","need":"x"})"},
        {"/pathways/projects/{id}/visits", R"({"due_on":"2024-05-01"})"},
        {"/pathways/projects/{id}/test-contracts",
         R"({"start_on":"2024-01-01","end_on":"2024-08-01"})"},
        {"/pathways/projects/{id}/promoters", R"({"alias":"Intruder"})"},
        {"/pathways/projects/{id}/mentorships",
         R"({"kind":"mentoring","mentor_id":)" + mentor_id + R"(,"objectives":["x"]})"},
        {"/pathways/projects/{id}/jobs", R"({"jobs":1})"},
        {"/pathways/projects/{id}/deliverables", "{}"},
        {"/pathways/projects/{id}", R"({"title":"Intruder","origin_kind":"citizen"})"},
        {"/pathways/projects",
         R"({"title":"Intruder","origin_kind":"citizen","template":"liguria"})"},
        {"/pathways/promoters/{id}", R"({"alias":"Intruder"})"},
        {"/pathways/visits/{id}", R"({"due_on":"2024-05-01"})"},
        {"/pathways/test-contracts/{id}", R"({"start_on":"2024-01-01","end_on":"2024-08-01"})"},
        {"/pathways/mentors", R"({"kind":"person","name":"Intruder"})"},
        {"/pathways/mentorships/{id}", R"({"status":"ended"})"},
        {"/pathways/templates", R"({"from":"liguria","code":"intruder"})"}};
    records.secrets = {"Secret-B-Project",   "Secret-B-Promoter",      "Secret-B-Mentor",
                       "Secret-B-Objective", "Secret-B-Need",          "Secret-B-Visit",
                       "Secret-B-Contract",  "Secret-B-Template-Label"};
    std::string b = id(ctx.pole_b);
    for (const char* q :
         {"SELECT id, title, step, status, updated_at FROM pathway_projects WHERE pole_id = ",
          "SELECT id, alias FROM pathway_promoters WHERE pole_id = ",
          "SELECT id, project_id, to_step FROM pathway_transitions WHERE pole_id = ",
          "SELECT project_id, step, code FROM pathway_deliverables WHERE pole_id = ",
          "SELECT id, name, capacity, active FROM pathway_mentors WHERE pole_id = ",
          "SELECT id, status, COALESCE(ended_on, '') FROM pathway_mentorships WHERE pole_id = ",
          "SELECT id, kind, need FROM pathway_actions WHERE pole_id = ",
          "SELECT id, due_on, COALESCE(done_on, '') FROM pathway_visits WHERE pole_id = ",
          "SELECT id, end_on, COALESCE(ended_on, '') FROM pathway_test_contracts WHERE pole_id = ",
          "SELECT project_id, year, jobs FROM pathway_jobs WHERE pole_id = ",
          "SELECT id, code, version FROM pathway_templates WHERE pole_id = "})
        records.snapshot_queries.push_back(q + b + " ORDER BY 1, 2");
}

const int pathways_seeder_registered = register_isolation_seeder("pathways", seed_pathways);

}  // namespace
}  // namespace maillage::app::testing

namespace {

using maillage::Json;
using maillage::app::testing::AppTest;

class PathwaysApiTest : public AppTest {};

// The routes that read their own body (a deliverable, a template copy), through
// the router: the fields sent are the fields stored, and an unknown one is named in the error.
TEST_P(PathwaysApiTest, BodiesAreReadWholeAndUnknownFieldsNamed) {
    auto token = pole_with_admin("pw-pole", "admin@pw.example");
    const std::string base = "/api/poles/pw-pole/pathways";
    auto created = call("POST", base + "/projects", token,
                        R"({"title":"Coopérative du port","origin_kind":"citizen",)"
                        R"("template":"scop_scic_paca","started_on":"2026-01-05"})");
    ASSERT_EQ(created.status, 201) << created.body;
    auto project = std::to_string(Json::parse(created.body)["id"].get<std::int64_t>());
    auto deliverable = base + "/projects/" + project + "/deliverables/promoter_group";

    auto refused = call("PUT", deliverable, token, R"({"note":"x","colour":"red"})");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(Json::parse(refused.body)["error"]["field"], "colour") << refused.body;
    EXPECT_EQ(call("PUT", deliverable, token, "{}").status, 204);
    EXPECT_EQ(
        call("PUT", deliverable, token, R"({"done_on":"2026-01-20","note":"Trois fondateurs"})")
            .status,
        204);
    auto detail = Json::parse(call("GET", base + "/projects/" + project, token).body);
    ASSERT_EQ(detail["deliverables"].size(), 1u) << detail["deliverables"].dump();
    EXPECT_EQ(detail["deliverables"][0]["done_on"], "2026-01-20");
    EXPECT_EQ(detail["deliverables"][0]["note"], "Trois fondateurs");

    auto copy = call("POST", base + "/templates", token, R"({"from":"liguria","code":"ours"})");
    ASSERT_EQ(copy.status, 201) << copy.body;
    EXPECT_EQ(Json::parse(copy.body)["code"], "ours") << copy.body;
    auto nameless = call("POST", base + "/templates", token, R"({"from":"liguria"})");
    EXPECT_EQ(nameless.status, 400);
    EXPECT_EQ(Json::parse(nameless.body)["error"]["field"], "code") << nameless.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, PathwaysApiTest,
                         ::testing::ValuesIn(maillage::store::testdb::backends()));

}  // namespace
