// The shared-jobs module in the route walker: pole B's employer group, member, need, worker,
// plan and ledger entry must stay out of reach of pole A's admin on every route.
#include "core/progress.hpp"
#include "isolation_support.hpp"

namespace maillage::app::testing {
void seed_sharedjobs_for_tests(IsolationContext& ctx, PoleRecords& records);
}

namespace maillage::app::testing {

// Also used by the API test below, on a pole of its own.
void seed_sharedjobs_for_tests(IsolationContext& ctx, PoleRecords& records) {
    auto& service = ctx.app.sharedjobs();
    actors::ActorInput ge;
    ge.name = "GE of pole B";
    ge.kind = "ge";
    auto ge_id = ctx.app.actors().create(ctx.pole_b, std::nullopt, ge).id;
    auto group = service.create_group(ctx.pole_b, ctx.admin_b,
                                      {ge_id, 1.1, 20.0, "2026-01-05", "2026-03-29"});
    auto member = service.add_member(ctx.pole_b, ctx.admin_b, group.id, {ctx.actor_b, 22.0});
    sharedjobs::NeedInput need;
    need.member_id = member.id;
    need.label = "Secret-B-Need";
    need.occupation = "K2204";
    need.weekly_minutes = 240;
    need.windows = {{0, 8 * 60, 12 * 60}};
    need.commune = "40312";
    auto n = service.create_need(ctx.pole_b, ctx.admin_b, group.id, need);
    sharedjobs::WorkerInput worker;
    worker.name = "Secret-B-Worker";
    worker.skills = {"K2204"};
    worker.availability = {{0, 6 * 60, 20 * 60}};
    worker.home_commune = "40209";
    worker.target_minutes = 240;
    auto w = service.create_worker(ctx.pole_b, ctx.admin_b, group.id, worker);
    NoProgress progress;
    sharedjobs::ComposeOptions options;
    options.time_limit_seconds = 5;
    auto plan = service.compose(ctx.pole_b, ctx.admin_b, group.id, options, progress);
    service.record_realised(ctx.pole_b, ctx.admin_b, group.id,
                            {w.id, member.id, "2026-01", 900, "Secret-B-Note"});

    auto id = [](std::int64_t v) { return std::to_string(v); };
    records.params.push_back({"/sharedjobs/", "group", id(group.id)});
    records.params.push_back({"/sharedjobs/members/", "id", id(member.id)});
    records.params.push_back({"/sharedjobs/needs/", "id", id(n.id)});
    records.params.push_back({"/sharedjobs/workers/", "id", id(w.id)});
    records.params.push_back({"/sharedjobs/plans/", "id", id(plan.id)});
    std::string need_body = R"({"member_id":)" + id(member.id) +
                            R"(,"label":"Intruder","occupation":"K2204","weekly_hours":4,)"
                            R"("windows":[{"day":"tue","start":"08:00","end":"12:00"}]})";
    std::string worker_body =
        R"({"name":"Intruder","home_commune":"40312","skills":["K2204"],"target_hours":10})";
    records.bodies.push_back({"/ledger", R"({"worker_id":)" + id(w.id) + R"(,"member_id":)" +
                                             id(member.id) +
                                             R"(,"month":"2026-01","realised_hours":1})"});
    records.bodies.push_back({"/compose", R"({"engine":"fast","time_limit":1})"});
    records.bodies.push_back(
        {"/sharedjobs/groups/{group}/members", R"({"actor_id":)" + id(ctx.actor_b) + "}"});
    records.bodies.push_back({"/sharedjobs/members/", R"({"hourly_rate":99})"});
    records.bodies.push_back({"/needs", need_body});
    records.bodies.push_back({"/workers", worker_body});
    records.bodies.push_back(
        {"/sharedjobs/groups", R"({"actor_id":)" + id(ge_id) +
                                   R"(,"horizon_start":"2026-01-01","horizon_end":"2026-12-31"})"});
    records.secrets = {"Secret-B-Need", "Secret-B-Worker", "Secret-B-Note"};
    std::string pole = id(ctx.pole_b);
    for (const char* q :
         {"SELECT id, coefficient, default_rate, horizon_start FROM sj_groups WHERE pole_id = ",
          "SELECT id, actor_id, hourly_rate FROM sj_members WHERE pole_id = ",
          "SELECT id, label, weekly_minutes, windows FROM sj_needs WHERE pole_id = ",
          "SELECT id, name, skills, target_minutes FROM sj_workers WHERE pole_id = ",
          "SELECT id, is_current, value FROM sj_plans WHERE pole_id = ",
          "SELECT id, plan_id, worker_id, day, start_minute FROM sj_assignments WHERE pole_id = ",
          "SELECT id, worker_id, month, realised_minutes FROM sj_ledger WHERE pole_id = "})
        records.snapshot_queries.push_back(std::string(q) + pole + " ORDER BY id");
}

namespace {
const int sharedjobs_seeder_registered =
    register_isolation_seeder("sharedjobs", seed_sharedjobs_for_tests);

}  // namespace
}  // namespace maillage::app::testing

// Through the router as the HTTP server calls it: compose answers 202 with a job whose result
// is the stored plan; the plan, its billing export and the permission on workers.
#include "app_fixture.hpp"

namespace {

using maillage::app::testing::AppTest;

class SharedJobsApiTest : public AppTest {};

TEST_P(SharedJobsApiTest, ComposeIsABackgroundJobAndWorkersNeedTheirPermission) {
    auto token = pole_with_admin("ge-pole", "admin@ge.example");
    auto pole = *app_->accounts().find_pole("ge-pole");
    maillage::app::testing::IsolationContext ctx{*app_, pole.id, 0, token, 0};
    maillage::actors::ActorInput firm;
    firm.name = "Firm";
    firm.kind = "company_private";
    ctx.actor_b = app_->actors().create(pole.id, std::nullopt, firm).id;
    for (const auto& m : app_->accounts().members(pole.id)) ctx.admin_b = m.id;
    maillage::app::testing::PoleRecords records;
    maillage::app::testing::seed_sharedjobs_for_tests(ctx, records);
    std::string group = records.params[0].value;
    std::string base = "/api/poles/ge-pole/sharedjobs";
    auto started = call("POST", base + "/groups/" + group + "/compose", token,
                        R"({"engine":"exact","time_limit":5})");
    ASSERT_EQ(started.status, 202) << started.body;
    auto job = maillage::Json::parse(started.body)["job_id"].get<std::string>();
    app_->jobs().wait(job);
    auto status = maillage::Json::parse(call("GET", "/api/jobs/" + job, token).body);
    ASSERT_EQ(status["status"], "succeeded") << status.dump();
    auto plan_id = status["result"]["id"].get<std::int64_t>();
    EXPECT_TRUE(status["result"]["proven_optimal"].get<bool>());
    auto plan = call("GET", base + "/plans/" + std::to_string(plan_id), token);
    ASSERT_EQ(plan.status, 200);
    auto result = maillage::Json::parse(plan.body)["result"];
    EXPECT_EQ(result["jobs"].size(), 1u);
    EXPECT_EQ(plan.body.find("Secret-B-Worker"), std::string::npos);  // no names in a plan
    auto xlsx = call("GET", base + "/plans/" + std::to_string(plan_id) + "/billing", token, "",
                     {{"format", "xlsx"}});
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    app_->accounts().add_member(pole.id, {"member@ge.example", "M", "password-member", "member"});
    auto member = app_->accounts().login("member@ge.example", "password-member")->token;
    EXPECT_EQ(call("GET", base + "/groups/" + group + "/workers", member).status, 403);
    EXPECT_EQ(call("GET", base + "/groups/" + group + "/needs", member).status, 200);
    EXPECT_EQ(call("POST", base + "/groups/" + group + "/compose", member, "{}").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedJobsApiTest,
                         ::testing::ValuesIn(maillage::store::testdb::backends()));

}  // namespace
