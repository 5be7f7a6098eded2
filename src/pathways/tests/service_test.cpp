// Projects along their pathway through the service, on both backends: guards, the log,
// creation and cessation dates, planned visits, test contracts, promoters, pole isolation.
#include "pathways_fixture.hpp"

using namespace maillage;
using namespace maillage::pathways;
using namespace maillage::pathways::testing;

class ServiceTest : public PathwaysTest {};

TEST_P(ServiceTest, AProjectStartsOnTheFirstStepWithItsDeadline) {
    auto p = create("Coopérative des Barthes");
    EXPECT_EQ(p.step, "emergence");
    EXPECT_EQ(p.stage, "emergence");
    EXPECT_EQ(p.status, "active");
    EXPECT_EQ(p.step_entered_on, "2024-01-15");
    EXPECT_EQ(p.step_due_on, "2024-03-15");  // two months
    EXPECT_EQ(p.sector, "F");                // from NAF 43.99C
    EXPECT_EQ(p.commune_name, "Tarnos");
    EXPECT_EQ(p.pathway.code, "scop_scic_paca");
    auto d = service().detail(pole_, p.id, day("2024-02-01"));
    ASSERT_EQ(d.transitions.size(), 1u);
    EXPECT_EQ(d.transitions[0].action, "start");
    ASSERT_EQ(d.plan.size(), 8u);
    EXPECT_EQ(to_iso(d.plan[1].start), "2024-03-15");
    EXPECT_EQ(to_iso(d.plan[1].end), "2024-06-15");
    EXPECT_EQ(error_of([&] { create("x", "no_such_template"); }), "not_found template");
}

TEST_P(ServiceTest, IllegalTransitionsAreRefusedAndChangeNothing) {
    auto p = create("Épicerie coopérative");
    EXPECT_EQ(error_of([&] { move(p.id, "advance", "2024-03-01"); }), "conflict deliverables");
    EXPECT_EQ(error_of([&] { move(p.id, "complete", "2024-03-01"); }), "conflict action");
    EXPECT_EQ(error_of([&] { move(p.id, "resume", "2024-03-01"); }), "conflict action");
    EXPECT_EQ(error_of([&] { move(p.id, "jump", "2024-03-01"); }), "invalid_input action");
    EXPECT_EQ(error_of([&] { move(p.id, "pause", "2024-01-10", "", "x"); }),
              "invalid_input on_date");
    EXPECT_EQ(service().project(pole_, p.id).step, "emergence");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM pathway_transitions WHERE project_id = ?", {p.id}), 1);

    auto moved = advance(p.id, "2024-03-01");
    EXPECT_EQ(moved.step, "economic_feasibility");
    EXPECT_EQ(moved.step_entered_on, "2024-03-01");
    EXPECT_EQ(moved.step_due_on, "2024-06-01");
    auto d = service().detail(pole_, p.id, day("2024-03-02"));
    ASSERT_EQ(d.transitions.size(), 2u);
    EXPECT_EQ(d.transitions[1].from_step, "emergence");
    EXPECT_EQ(d.transitions[1].to_step, "economic_feasibility");
    EXPECT_EQ(d.transitions[1].days_in_step, 46);
    EXPECT_EQ(d.transitions[1].user, "Admin pole-a");
    EXPECT_EQ(error_of([&] { move(p.id, "rework", "2024-03-05", "emergence", "x"); }),
              "conflict action");
}

TEST_P(ServiceTest, CreationFollowUpVisitsAndCessation) {
    auto p = create("Scic énergie citoyenne", "scop_scic_paca", "2023-01-10");
    advance(p.id, "2023-03-01");
    advance(p.id, "2023-05-02");
    advance(p.id, "2023-07-03");
    advance(p.id, "2023-09-04");
    auto created = advance(p.id, "2023-11-30");  // leaves the creation step
    EXPECT_EQ(created.created_on, "2023-11-30");
    EXPECT_EQ(created.step, "management_tools");
    auto followed = advance(p.id, "2024-05-31");
    EXPECT_EQ(followed.step, "follow_up");
    auto d = service().detail(pole_, p.id, day("2024-06-01"));
    std::vector<std::string> due;
    for (const auto& v : d.visits) due.push_back(v.due_on);
    EXPECT_EQ(due,
              (std::vector<std::string>{"2024-08-31", "2024-11-30", "2025-02-28", "2025-05-31",
                                        "2025-08-31", "2025-11-30", "2026-02-28", "2026-05-31"}));
    ASSERT_EQ(d.stays.size(), 7u);
    EXPECT_EQ(d.stays[4].step, "creation");
    EXPECT_EQ(d.stays[4].days, 87);  // 4 September → 30 November
    EXPECT_FALSE(d.stays[6].end);
    EXPECT_EQ(d.stays[6].days, 1);
    // Pausing keeps the step and its clock; abandoning a created project records its cessation.
    move(p.id, "pause", "2024-06-10", "", "congés");
    auto resumed = move(p.id, "resume", "2024-07-01");
    EXPECT_EQ(resumed.step_entered_on, "2024-05-31");
    auto abandoned = move(p.id, "abandon", "2024-09-15", "", "cessation d'activité");
    EXPECT_EQ(abandoned.status, "abandoned");
    EXPECT_EQ(abandoned.closed_on, "2024-09-15");
    EXPECT_EQ(abandoned.ceased_on, "2024-09-15");
    EXPECT_EQ(error_of([&] { move(p.id, "resume", "2024-09-16"); }), "conflict action");
}

TEST_P(ServiceTest, TestContractsFollowTheTemplateRule) {
    auto p = create("Maraîchage bio à l'essai", "envie_au_projet", "2024-01-02");
    TestContractInput k;
    k.start_on = "2024-01-31";
    k.end_on = "2024-07-30";
    EXPECT_EQ(error_of([&] { service().add_contract(pole_, admin_, p.id, k, day("2024-02-01")); }),
              "invalid_input end_on");
    k.end_on = "2025-07-31";
    auto contract = service().add_contract(pole_, admin_, p.id, k, day("2024-02-01"));
    EXPECT_EQ(contract.followup_end_on, "2026-01-31");
    k.ended_on = "2025-02-28";
    k.followup_end_on.reset();
    auto ended = service().update_contract(pole_, admin_, contract.id, k, day("2025-03-01"));
    EXPECT_EQ(ended.followup_end_on, "2025-08-28");
    k.kind = "lease";
    EXPECT_EQ(error_of([&] { service().add_contract(pole_, admin_, p.id, k, day("2025-03-01")); }),
              "invalid_input kind");
}

TEST_P(ServiceTest, SupportActionsSayWhatTheirKindNeeds) {
    auto p = create("Tiers-lieu de Biaudos");
    ActionInput a;
    a.kind = "coaching";
    a.on_date = "2024-02-01";
    a.minutes = 90;
    EXPECT_EQ(error_of([&] { service().add_action(pole_, admin_, p.id, a, day("2024-02-02")); }),
              "invalid_input need");
    a.need = "Business plan : hypothèses de chiffre d'affaires";
    a.outcome = "Prévisionnel sur 3 ans";
    auto coaching = service().add_action(pole_, admin_, p.id, a, day("2024-02-02"));
    EXPECT_EQ(coaching.step, "emergence");
    a.on_date = "2024-03-01";
    EXPECT_EQ(error_of([&] { service().add_action(pole_, admin_, p.id, a, day("2024-02-02")); }),
              "invalid_input on_date");
    ActionInput expert;
    expert.kind = "expert";
    expert.on_date = "2024-02-01";
    EXPECT_EQ(
        error_of([&] { service().add_action(pole_, admin_, p.id, expert, day("2024-02-02")); }),
        "invalid_input funder_name");
    ActionInput session;
    session.kind = "mentoring";
    session.on_date = "2024-02-01";
    session.mentorship_id = 999;
    EXPECT_EQ(
        error_of([&] { service().add_action(pole_, admin_, p.id, session, day("2024-02-02")); }),
        "invalid_input mentorship_id");
    EXPECT_EQ(service().detail(pole_, p.id, day("2024-02-02")).coaching_minutes, 90);
}

TEST_P(ServiceTest, PromoterReadsAreLogged) {
    auto p = create("Conserverie partagée");
    PromoterInput pr;
    pr.alias = "Porteuse A";
    pr.pseudonymous = true;
    pr.under_30 = true;
    service().add_promoter(pole_, admin_, p.id, pr);
    EXPECT_EQ(service().project(pole_, p.id).promoter_count, 1);
    auto before = scalar("SELECT COUNT(*) FROM access_log WHERE entity = 'promoters_of_project'");
    auto list = service().promoters(pole_, admin_, p.id);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].alias, "Porteuse A");
    EXPECT_TRUE(list[0].pseudonymous);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM access_log WHERE entity = 'promoters_of_project' AND "
                     "entity_id = ? AND user_id = ?",
                     {p.id, admin_}),
              before + 1);
    // Activity, which every role sees, never names the person.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM activity WHERE summary LIKE '%Porteuse%'"), 0);
}

TEST_P(ServiceTest, AnotherPolesIdsAreNotFound) {
    auto p = create("Projet du pôle A");
    auto other = service().create_project(other_pole_, std::nullopt,
                                          input("Secret B", "liguria", "2024-01-01"));
    EXPECT_EQ(error_of([&] { service().project(pole_, other.id); }), "not_found id");
    EXPECT_EQ(error_of([&] { move(other.id, "pause", "2024-02-01", "", "x"); }), "not_found id");
    EXPECT_EQ(error_of([&] { service().promoters(pole_, admin_, other.id); }), "not_found id");
    EXPECT_EQ(error_of([&] { service().suggest(pole_, other.id, {}); }), "not_found id");
    EXPECT_EQ(service().projects(pole_, {}).total, 1);
    EXPECT_EQ(service().project_title(pole_, p.id), "Projet du pôle A");
    EXPECT_FALSE(service().project_title(pole_, other.id));
}

TEST_P(ServiceTest, ObservatoryOriginsAreCheckedThroughTheInjectedCatalog) {
    auto in = input("Réponse à l'appel", "sardinia", "2024-01-01");
    in.origin_kind = "call";
    in.origin_ref = 7;
    // The application's observatory is connected, and has no call 7.
    EXPECT_EQ(error_of([&] { service().create_project(pole_, admin_, in); }),
              "invalid_input origin_ref");
    // Without an observatory, observatory origins are refused as a kind.
    service().set_origin_catalog({});
    EXPECT_EQ(error_of([&] { service().create_project(pole_, admin_, in); }),
              "invalid_input origin_kind");
    OriginCatalog fake;
    fake.call_title = [this](std::int64_t pole, std::int64_t id) -> std::optional<std::string> {
        if (pole == pole_ && id == 7) return "Avis coopératives de communauté 2024";
        return std::nullopt;
    };
    service().set_origin_catalog(fake);
    auto p = service().create_project(pole_, admin_, in);
    EXPECT_EQ(p.origin_title, "Avis coopératives de communauté 2024");
    in.origin_ref = 8;
    EXPECT_EQ(error_of([&] { service().create_project(pole_, admin_, in); }),
              "invalid_input origin_ref");
    in.origin_kind = "need_group";
    EXPECT_EQ(error_of([&] { service().create_project(pole_, admin_, in); }),
              "invalid_input origin_kind");
    in.origin_kind = "institution";
    EXPECT_EQ(error_of([&] { service().create_project(pole_, admin_, in); }),
              "invalid_input origin_ref");
    in.origin_ref.reset();
    EXPECT_EQ(service().create_project(pole_, admin_, in).origin_kind, "institution");
}

TEST_P(ServiceTest, APoleAdaptsATemplateAsNewVersions) {
    EXPECT_EQ(error_of([&] { service().save_template(pole_, admin_, "liguria", Json::object()); }),
              "conflict code");
    auto copy = service().copy_template(pole_, admin_, "liguria", "liguria_landes");
    EXPECT_FALSE(copy.shipped);
    EXPECT_EQ(copy.pathway->version, 1);
    EXPECT_EQ(copy.based_on, "liguria@1");
    auto p = create("Sur la copie", "liguria_landes");
    Json doc = copy.pathway->document;
    doc["steps"][0]["duration"] = Json{{"months", 4}};
    auto v2 = service().save_template(pole_, admin_, "liguria_landes", doc);
    EXPECT_EQ(v2.pathway->version, 2);
    // The running project keeps the version it started on; a new one takes the new version.
    EXPECT_EQ(service().project(pole_, p.id).pathway.version, 1);
    EXPECT_EQ(create("Après", "liguria_landes").step_due_on, "2024-05-15");
    doc["steps"][0]["stage"] = "nowhere";
    EXPECT_EQ(error_of([&] { service().save_template(pole_, admin_, "liguria_landes", doc); }),
              "invalid_input steps[0].stage");
    // Pole B sees only the shipped templates.
    EXPECT_EQ(service().templates(other_pole_).size(), 6u);
    EXPECT_EQ(service().templates(pole_).size(), 7u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::ValuesIn(store::testdb::backends()));
