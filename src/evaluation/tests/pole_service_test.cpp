// Campaigns, rounds, core indicators, injected links and the shipped grids' versions, through
// the service, on both backends.
#include <filesystem>
#include <fstream>

#include "evaluation/grid_files.hpp"
#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::evaluation;
using maillage::evaluation::testing::ServiceTest;

namespace {

class PoleServiceTest : public ServiceTest {
  protected:
    Campaign new_campaign(std::int64_t year = 2024) {
        CampaignInput in;
        in.subject = {"actor", actors_[0], ""};
        in.year = year;
        return service().create_campaign(pole_, user_, in);
    }

    std::vector<std::string> section_codes(const Grid& g) {
        std::vector<std::string> out;
        for (const auto& s : g.sections) out.push_back(s.code);
        return out;
    }
};

}  // namespace

TEST_P(PoleServiceTest, ACampaignWalksTheSixStepsOnItsOwnGrid) {
    auto k = new_campaign();
    auto grid = service().grid(pole_, k.grid_id);
    EXPECT_TRUE(grid.hidden);
    EXPECT_EQ(grid.grid->sections.size(), 11u);  // 3 baseline + 8 criteria
    EXPECT_EQ(k.steps["criteria"]["retained"].size(), 8u);
    Json demand = {{"requester", "Conseil d'administration"},
                   {"motive", "Montrer l'apport au territoire"},
                   {"origin", "internal"},
                   {"stakeholders",
                    {{{"name", "Salariés en insertion"},
                      {"side", "internal"},
                      {"participation", "concertation"}}}}};
    k = service().save_campaign_step(pole_, user_, k.id, "demand", demand, true);
    EXPECT_EQ(k.steps["done"], Json({"demand"}));
    std::string field;
    Json bad = demand;
    bad["stakeholders"][0]["participation"] = "veto";
    EXPECT_EQ(error_of([&] { service().save_campaign_step(pole_, user_, k.id, "demand", bad, {}); },
                       &field),
              "invalid_input");
    EXPECT_EQ(field, "demand.stakeholders[0].participation");
    // Step 3: three criteria retained, in the grid's order whatever the order given.
    k = service().save_campaign_step(
        pole_, user_, k.id, "criteria",
        {{"retained", {"SU-6", "SU-2", "SU-3"}}, {"methods", {"working_groups"}}}, true);
    EXPECT_EQ(k.steps["criteria"]["retained"], Json({"SU-2", "SU-3", "SU-6"}));
    EXPECT_EQ(section_codes(*service().grid(pole_, k.grid_id).grid),
              (std::vector<std::string>{"IAE-ACT", "IAE-ECO", "IAE-RES", "SU-2", "SU-3", "SU-6"}));
    EXPECT_EQ(k.steps["done"], Json({"demand", "criteria"}));
    IndicatorInput ind;
    ind.criterion = "SU-3";
    ind.label = {"Achats auprès de fournisseurs du territoire", "", ""};
    ind.unit = {"€", "€", "€"};
    std::string code;
    service().add_campaign_indicator(pole_, user_, k.id, ind, &code);
    EXPECT_EQ(code, "SU-3.i1");
    service().save_answers(
        pole_, user_, k.assessment_id,
        {{"SU-3.i1", Json(125000), {}, {}, {}}, {"iae.hours", Json(41250), {}, {}, {}}});
    // Dropping the criterion drops its indicator and the indicator's value; keeping it keeps both.
    service().save_campaign_step(pole_, user_, k.id, "criteria", {{"retained", {"SU-2", "SU-3"}}},
                                 {});
    EXPECT_EQ(service().assessment(pole_, k.assessment_id).answers.count("SU-3.i1"), 1u);
    service().save_campaign_step(pole_, user_, k.id, "criteria", {{"retained", {"SU-2"}}}, {});
    auto a = service().assessment(pole_, k.assessment_id);
    EXPECT_EQ(a.answers.count("SU-3.i1"), 0u);
    EXPECT_DOUBLE_EQ(*a.answers.at("iae.hours").number, 41250);
    EXPECT_EQ(error_of([&] {
                  service().save_campaign_step(pole_, user_, k.id, "gossip", Json::object(), {});
              }),
              "not_found");
    // The campaign's grid is changed from the campaign only.
    EXPECT_EQ(
        error_of([&] { service().save_grid(pole_, user_, k.grid_id, grid_to_json(*a.grid)); }),
        "conflict");
}

TEST_P(PoleServiceTest, NextYearKeepsTheSetUpAndStartsTheDataAfresh) {
    auto k = new_campaign(2024);
    service().save_campaign_step(pole_, user_, k.id, "perimeter",
                                 {{"scope", "whole_structure"}, {"core_business", true}}, true);
    IndicatorInput ind;
    ind.criterion = "SU-6";
    ind.label = {"Ateliers ouverts : participants", "", ""};
    service().add_campaign_indicator(pole_, user_, k.id, ind);
    service().save_answers(pole_, user_, k.assessment_id, {{"SU-6.i1", Json(61), {}, {}, {}}});
    auto next = service().next_year_campaign(pole_, user_, k.id);
    EXPECT_EQ(next.year, 2025);
    EXPECT_EQ(next.previous_id, k.id);
    EXPECT_EQ(next.steps["perimeter"]["scope"], "whole_structure");
    EXPECT_EQ(next.steps["done"], Json::array());
    auto a = service().assessment(pole_, next.assessment_id);
    EXPECT_NE(a.grid->find_item("SU-6.i1"), nullptr);
    EXPECT_TRUE(a.answers.empty());
    EXPECT_EQ(a.previous_id, k.assessment_id);
    EXPECT_EQ(error_of([&] { service().next_year_campaign(pole_, user_, k.id); }), "conflict");
    service().save_answers(pole_, user_, next.assessment_id, {{"SU-6.i1", Json(75), {}, {}, {}}});
    auto cmp = service().comparison(pole_, next.assessment_id, std::nullopt);
    for (const auto& c : cmp->items)
        if (c.code == "SU-6.i1") {
            EXPECT_DOUBLE_EQ(*c.delta, 14.0);
        }
    service().delete_campaign(pole_, user_, next.id);
    EXPECT_EQ(error_of([&] { service().assessment(pole_, next.assessment_id); }), "not_found");
    EXPECT_EQ(service().campaigns(pole_).size(), 1u);
}

TEST_P(PoleServiceTest, ARoundShowsTheDistributionAcrossMembers) {
    RoundInput in;
    in.grid_id = shipped("social-utility");
    in.title = "Bilan 2024 des structures d'insertion";
    in.year = 2024;
    in.members = actors_;
    auto r = service().create_round(pole_, user_, in);
    ASSERT_EQ(r.members.size(), 3u);
    EXPECT_EQ(r.members[0].status, "not_started");
    auto first = service().start_member_assessment(pole_, user_, r.id, actors_[0]);
    auto again = service().start_member_assessment(pole_, user_, r.id, actors_[0]);
    EXPECT_EQ(first.id, again.id);
    auto second = service().start_member_assessment(pole_, user_, r.id, actors_[1]);
    service().save_answers(
        pole_, user_, first.id,
        {{"iae.hours", Json(12000), {}, {}, {}}, {"iae.exits.cdi", Json(4), {}, {}, {}}});
    service().save_answers(
        pole_, user_, second.id,
        {{"iae.hours", Json(30000), {}, {}, {}}, {"iae.exits.cdi", Json(9), {}, {}, {}}});
    auto d = service().round_distribution(pole_, r.id);
    EXPECT_EQ(d.assessments, 3);
    for (const auto& x : d.items) {
        if (x.item->code != "iae.hours") continue;
        EXPECT_EQ(x.distribution.answered, 2);
        EXPECT_EQ(x.distribution.assessments, 3);
        EXPECT_DOUBLE_EQ(*x.distribution.median, 21000);  // (12000 + 30000) / 2
        EXPECT_DOUBLE_EQ(*x.distribution.q1, 16500);      // 12000 + 0.25 × 18000
    }
    EXPECT_EQ(
        error_of([&] { service().start_member_assessment(pole_, user_, r.id, foreign_actor_); }),
        "not_found");
    in.members.push_back(foreign_actor_);
    EXPECT_EQ(error_of([&] { service().change_round(pole_, user_, r.id, in); }), "not_found");
}

TEST_P(PoleServiceTest, CoreIndicatorsAggregateAcrossGridsThatShareThem) {
    // A member's campaign (its own copy of the grid) and another member's plain assessment.
    auto k = new_campaign(2024);
    service().save_answers(pole_, user_, k.assessment_id, {{"iae.exits.cdd", Json(7), {}, {}, {}}});
    AssessmentInput in;
    in.grid_id = shipped("social-utility");
    in.subject = {"actor", actors_[2], ""};
    in.held_on = "2024-11-30";
    in.stage = "evaluation";
    in.mode = "self";
    auto a = service().create_assessment(pole_, user_, in);
    service().save_answers(
        pole_, user_, a.id,
        {{"iae.exits.cdd", Json(3), {}, {}, {}}, {"SU-1.appraisal", Json("texte"), {}, {}, {}}});
    auto core = service().core_indicators(pole_, 2024);
    EXPECT_EQ(core.assessments, 2);
    bool seen = false;
    for (const auto& x : core.items) {
        EXPECT_TRUE(x.item->core) << x.item->code;
        if (x.item->code != "iae.exits.cdd") continue;
        seen = true;
        EXPECT_EQ(x.distribution.answered, 2);
        EXPECT_DOUBLE_EQ(*x.distribution.mean, 5.0);
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(service().core_indicators(pole_, 2023).items.size(), 0u);
}

TEST_P(PoleServiceTest, InjectedLinksValidateProjectsAndFeedIndicators) {
    // The pathways and sharedjobs modules are wired by the application; here, fakes.
    EvaluationConfig config;
    config.grids_dir = std::string(MAILLAGE_SOURCE_DIR) + "/data/evaluation/grids";
    config.links.actor_name = [&](std::int64_t pole,
                                  std::int64_t id) -> std::optional<std::string> {
        if (pole == pole_ && id == actors_[0]) return "Insertion A";
        return std::nullopt;
    };
    config.links.project_title = [&](std::int64_t pole,
                                     std::int64_t id) -> std::optional<std::string> {
        if (pole == pole_ && id == 77) return "Recyclerie de Tarnos";
        return std::nullopt;
    };
    config.links.indicator_feed = [&](std::int64_t pole, std::int64_t actor,
                                      const std::string& feed,
                                      std::int64_t year) -> std::optional<double> {
        if (pole == pole_ && actor == actors_[0] && feed == "sharedjobs.realised_hours" &&
            year == 2025)
            return 18250.0;
        return std::nullopt;
    };
    EvaluationService linked(fixture_->database(), app_->vocabulary(), config);
    auto in = board_input(3);
    in.subject = {"project", 77, ""};
    EXPECT_EQ(linked.create_assessment(pole_, user_, in).subject.title, "Recyclerie de Tarnos");
    in.subject.id = 78;
    EXPECT_EQ(error_of([&] { linked.create_assessment(pole_, user_, in); }), "not_found");
    // The application's pathways module has no project 77 in this pole.
    in.subject.id = 77;
    std::string field;
    EXPECT_EQ(error_of([&] { service().create_assessment(pole_, user_, in); }, &field),
              "not_found");
    EXPECT_EQ(field, "subject.id");
    AssessmentInput su;
    su.grid_id = shipped("social-utility");
    su.subject = {"actor", actors_[0], ""};
    su.held_on = "2025-12-31";
    su.stage = "evaluation";
    su.mode = "self";
    auto a = linked.create_assessment(pole_, user_, su);
    auto filled = linked.prefill_from_feeds(pole_, user_, a.id);
    EXPECT_DOUBLE_EQ(*filled.answers.at("iae.hours").number, 18250.0);
    EXPECT_EQ(filled.answers.size(), 1u);
}

TEST_P(PoleServiceTest, AShippedGridChangedWithoutANewVersionIsRefusedAtStart) {
    auto dir = std::filesystem::temp_directory_path() /
               ("maillage-grids-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::create_directories(dir);
    auto source =
        std::string(MAILLAGE_SOURCE_DIR) + "/data/evaluation/grids/change-management.json";
    Json doc = Json::parse(std::ifstream(source));
    doc["sections"][0]["items"][1]["label"]["fr"] = "Un facteur réécrit";
    std::ofstream(dir / "change-management.json") << doc.dump(2);
    EvaluationConfig config;
    config.grids_dir = dir.string();
    try {
        EvaluationService again(fixture_->database(), app_->vocabulary(), config);
        ADD_FAILURE() << "a changed grid was accepted under the same version";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("new version number"), std::string::npos) << e.what();
    }
    doc["version"] = 2;
    std::ofstream(dir / "change-management.json") << doc.dump(2);
    EvaluationService upgraded(fixture_->database(), app_->vocabulary(), config);
    auto latest = upgraded.find_grid(pole_, "change-management");
    EXPECT_EQ(latest.grid->version, 2);
    EXPECT_EQ(latest.grid->find_item("CHG-F1")->label.fr, "Un facteur réécrit");
    std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, PoleServiceTest, ::testing::ValuesIn(store::testdb::backends()));
