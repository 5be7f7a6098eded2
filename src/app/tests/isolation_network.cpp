// The network module in the route walker: pole B gets a second actor, a Grille I card, a
// relation, a nature of its own and a derived relation; pole A must neither see nor change them.
#include "isolation_support.hpp"

using namespace maillage;

namespace {

void seed_network(app::testing::IsolationContext& context, app::testing::PoleRecords& records) {
    auto& network = context.app.network();
    actors::ActorInput second;
    second.name = "Secret-B-Partner";
    second.kind = "ei";
    auto partner = context.app.actors().create(context.pole_b, std::nullopt, second).id;
    network.write_card(context.pole_b, context.admin_b, context.actor_b, 2026, "activity_creation",
                       {{"values", "Secret-B-Values"}});
    auto relation = network.set_relation(context.pole_b, context.admin_b,
                                         {2026, "activity_creation", context.actor_b, partner,
                                          "alliance", "values", 2, std::string("Secret-B-Note")});
    network::NatureInput nature;
    nature.code = "secret_b_rivalry";
    nature.weight = -0.5;
    nature.colour = "#6a1b9a";
    nature.label = {"Secret-B-Rivalry", "", ""};
    nature.abbreviation = {"RIV", "", ""};
    network.add_nature(context.pole_b, context.admin_b, nature);
    network.add_evidence_source("isolation", [=](std::int64_t pole, int) {
        std::vector<network::RelationEvidence> evidence;
        if (pole == context.pole_b)
            evidence.push_back({partner, context.actor_b, "shared_employee", "", "",
                                "Secret-B-Evidence", "2026-03-01"});
        return evidence;
    });
    network.refresh_derived(context.pole_b, context.admin_b, 2026);

    auto id = std::to_string(relation.id);
    records.params.push_back({"/network/relations/{id}", "id", id});
    records.bodies.push_back({"/network/relations/copy", R"({"from_year":2026,"to_year":2027})"});
    records.bodies.push_back(
        {"/network/relations", R"({"year":2026,"mission":"activity_creation","from_actor":)" +
                                   std::to_string(context.actor_b) + R"(,"to_actor":)" +
                                   std::to_string(partner) + R"(,"nature":"opposition"})"});
    records.bodies.push_back(
        {"/network/actors/{id}/card",
         R"({"year":2026,"mission":"activity_creation","entries":[{"field":"values","text":"Intruder"}]})"});
    records.bodies.push_back({"/network/derived/refresh", R"({"year":2026})"});
    records.bodies.push_back({"/network/analysis", R"({"year":2026})"});
    records.bodies.push_back(
        {"/network/natures",
         R"({"code":"intruder","weight":1,"colour":"#000000","label":{"fr":"Intruder"},"abbreviation":{"fr":"INT"}})"});
    // The partner's name is not secret: actors are in the shared directory.
    for (const char* secret :
         {"Secret-B-Values", "Secret-B-Note", "Secret-B-Rivalry", "Secret-B-Evidence"})
        records.secrets.push_back(secret);
    auto pole = std::to_string(context.pole_b);
    records.snapshot_queries = {
        "SELECT id, actor_id, field, text FROM network_logic_entries WHERE pole_id = " + pole +
            " ORDER BY id",
        "SELECT id, year, from_actor, to_actor, nature, updated_at FROM network_relations WHERE "
        "pole_id = " +
            pole + " ORDER BY id",
        "SELECT id, relation_id, action FROM network_relation_history WHERE pole_id = " + pole +
            " ORDER BY id",
        "SELECT code, weight FROM network_natures WHERE pole_id = " + pole + " ORDER BY code",
        "SELECT id, from_actor, to_actor, kind, computed_at FROM network_derived_relations WHERE "
        "pole_id = " +
            pole + " ORDER BY id"};
}

const int network_seeder_registered =
    app::testing::register_isolation_seeder("network", seed_network);

}  // namespace

// The application wires the shared-jobs module in as a source of derived relations: one worker
// whose plan splits her week between two member firms makes them share an employee (4 h at
// each, 8 h a week), and each firm a member of the employer group.
#include "app_fixture.hpp"
#include "core/progress.hpp"

namespace {

class NetworkEvidenceTest : public app::testing::AppTest {};

TEST_P(NetworkEvidenceTest, AWorkerSharedByTwoMemberFirmsYieldsADerivedRelation) {
    pole_with_admin("ge-pole", "admin@ge.example");
    auto pole = app_->accounts().find_pole("ge-pole")->id;
    auto admin = app_->accounts().members(pole).front().id;
    auto actor = [&](const char* name, const char* kind) {
        actors::ActorInput input;
        input.name = name;
        input.kind = kind;
        return app_->actors().create(pole, std::nullopt, input).id;
    };
    auto ge = actor("GE Seignanx", "ge"), bakery = actor("Boulangerie", "company_private"),
         garage = actor("Garage", "company_private");
    auto& jobs = app_->sharedjobs();
    auto group = jobs.create_group(pole, admin, {ge, 1.1, 20.0, "2026-01-05", "2026-03-29"});
    for (auto [firm, day] : {std::pair{bakery, 0}, std::pair{garage, 1}}) {
        auto member = jobs.add_member(pole, admin, group.id, {firm, 22.0});
        sharedjobs::NeedInput need;
        need.member_id = member.id;
        need.label = "Accueil";
        need.occupation = "K2204";
        need.weekly_minutes = 240;
        need.windows = {{day, 8 * 60, 12 * 60}};
        need.commune = "40312";
        jobs.create_need(pole, admin, group.id, need);
    }
    sharedjobs::WorkerInput worker;
    worker.name = "Salariée partagée";
    worker.skills = {"K2204"};
    worker.availability = {{0, 6 * 60, 20 * 60}, {1, 6 * 60, 20 * 60}};
    worker.home_commune = "40312";
    worker.target_minutes = 480;
    jobs.create_worker(pole, admin, group.id, worker);
    NoProgress progress;
    sharedjobs::ComposeOptions options;
    options.time_limit_seconds = 5;
    jobs.compose(pole, admin, group.id, options, progress);

    auto summary = app_->network().refresh_derived(pole, admin, 2026);
    auto from_sharedjobs = std::find_if(summary.by_source.begin(), summary.by_source.end(),
                                        [](const auto& s) { return s.first == "sharedjobs"; });
    ASSERT_NE(from_sharedjobs, summary.by_source.end());
    EXPECT_EQ(from_sharedjobs->second, 3);  // the shared worker, and two group memberships
    auto scope = app_->network().scope_graph(pole, {2026, std::nullopt});
    std::map<std::pair<std::int64_t, std::int64_t>, const network::ScopeRelation*> by_pair;
    for (const auto& r : scope.relations) by_pair[{r.from, r.to}] = &r;
    EXPECT_EQ(by_pair.size(), 6u);  // three pairs, both ways
    for (auto pair : {std::pair{bakery, garage}, std::pair{garage, bakery}}) {
        ASSERT_TRUE(by_pair.count(pair));
        const auto& shared = *by_pair[pair];
        EXPECT_TRUE(shared.derived());
        EXPECT_EQ(shared.nature, "interdependence");
        EXPECT_EQ(shared.object, "means");
        ASSERT_EQ(shared.evidence.size(), 1u);
        EXPECT_EQ(shared.evidence[0].kind, "shared_employee");
        EXPECT_EQ(shared.evidence[0].source, "sharedjobs");
        EXPECT_EQ(shared.evidence[0].detail, "8.0 h");
    }
    for (auto firm : {bakery, garage}) {
        auto membership = by_pair.find({ge, firm});
        ASSERT_NE(membership, by_pair.end());
        EXPECT_EQ(membership->second->evidence.at(0).kind, "employer_group_member");
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkEvidenceTest,
                         ::testing::ValuesIn(store::testdb::backends()));

}  // namespace
