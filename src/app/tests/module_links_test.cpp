// The links between modules that the composition root makes (app/module_links.hpp), each
// through the real services of both modules: a mentoring pairing becomes a derived Grille II
// relation, a project's origin shows the observatory's group or call title, and a project is an
// assessment subject with its title.
#include <algorithm>

#include "app_fixture.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "pathways/dates.hpp"

namespace maillage::app::testing {
namespace {

class ModuleLinksTest : public AppTest {
  protected:
    void SetUp() override {
        AppTest::SetUp();
        if (!app_) return;
        pole_with_admin("links-a", "admin@a.example");
        pole_with_admin("links-b", "admin@b.example");
        pole_ = app_->accounts().find_pole("links-a")->id;
        other_ = app_->accounts().find_pole("links-b")->id;
        admin_ = app_->accounts().members(pole_).front().id;
        other_admin_ = app_->accounts().members(other_).front().id;
    }

    std::int64_t actor(std::int64_t pole, const char* name, const char* kind) {
        actors::ActorInput input;
        input.name = name;
        input.kind = kind;
        return app_->actors().create(pole, std::nullopt, input).id;
    }

    pathways::ProjectInput project(const std::string& title) {
        pathways::ProjectInput in;
        in.title = title;
        in.template_code = "scop_scic_paca";
        in.origin_kind = "citizen";
        in.commune = "40312";
        in.started_on = "2026-01-15";
        return in;
    }

    // The proposal group's id whose first record is `first`, after rationalising.
    std::int64_t group_of(const std::string& first) {
        std::int64_t id = 0;
        app_->needs().for_each_group(pole_, [&](const needs::Group& g, const auto& records) {
            if (!records.empty() && records.front() == first) id = g.id;
        });
        return id;
    }

    std::int64_t pole_ = 0, other_ = 0, admin_ = 0, other_admin_ = 0;
};

TEST_P(ModuleLinksTest, AMentoringPairingYieldsADerivedRelationBetweenTheTwoActors) {
    auto mentor_org = actor(pole_, "Union régionale des Scop", "federation");
    auto coop = actor(pole_, "Épicerie coopérative", "scic");
    auto& pathways = app_->pathways();
    auto in = project("Épicerie du bourg");
    in.actor_id = coop;
    auto p = pathways.create_project(pole_, admin_, in);
    pathways::MentorInput mentor;
    mentor.kind = "person";
    mentor.name = "Dirigeante expérimentée";
    mentor.actor_id = mentor_org;
    auto m = pathways.create_mentor(pole_, admin_, mentor);
    pathways::MentorshipInput pairing;
    pairing.kind = "mentoring";
    pairing.mentor_id = m.id;
    pairing.objectives = {"Modèle économique"};
    pairing.started_on = "2026-02-01";
    pathways.confirm_pairing(pole_, admin_, p.id, pairing, *pathways::parse_date("2026-02-01"));

    auto summary = app_->network().refresh_derived(pole_, admin_, 2026);
    auto from_pathways = std::find_if(summary.by_source.begin(), summary.by_source.end(),
                                      [](const auto& s) { return s.first == "pathways"; });
    ASSERT_NE(from_pathways, summary.by_source.end());
    EXPECT_EQ(from_pathways->second, 1);
    auto scope = app_->network().scope_graph(pole_, {2026, std::nullopt});
    auto found = std::find_if(scope.relations.begin(), scope.relations.end(),
                              [&](const auto& r) { return r.from == mentor_org && r.to == coop; });
    ASSERT_NE(found, scope.relations.end());
    EXPECT_TRUE(found->derived());
    EXPECT_EQ(found->nature, "interdependence");  // the mentoring kind's default
    EXPECT_EQ(found->object, "practices");
    ASSERT_EQ(found->evidence.size(), 1u);
    EXPECT_EQ(found->evidence[0].kind, "mentoring");
    EXPECT_EQ(found->evidence[0].source, "pathways");
    // A pairing that starts after the year is no evidence for it.
    auto before = app_->network().refresh_derived(pole_, admin_, 2025).by_source;
    for (const auto& [source, count] : before)
        if (source == "pathways") {
            EXPECT_EQ(count, 0);
        }
}

TEST_P(ModuleLinksTest, AProjectAnsweringAGroupOrACallShowsItsTitle) {
    auto& observatory = app_->needs();
    for (int i = 0; i < 6; ++i) {  // above the minimum cell size of a call's evidence (5)
        needs::RecordInput r;
        r.record_id = "G" + std::to_string(i);
        r.proposal_text = "Ouvrir une épicerie coopérative avec un dépôt de pain";
        r.commune = "40312";
        observatory.create_record(pole_, admin_, r);
    }
    NoProgress quiet;
    observatory.rationalise(pole_, admin_, quiet);
    auto group = group_of("G0");
    ASSERT_GT(group, 0);
    needs::CallRequest request;
    request.group_ids = {group};
    auto call = observatory.draft_call(pole_, admin_, request);

    auto& pathways = app_->pathways();
    auto in = project("Épicerie du bourg");
    in.origin_kind = "need_group";
    in.origin_ref = group;
    EXPECT_EQ(pathways.create_project(pole_, admin_, in).origin_title,
              observatory.group(pole_, group, false).title);
    in.origin_kind = "call";
    in.origin_ref = call.id;
    EXPECT_EQ(pathways.create_project(pole_, admin_, in).origin_title, call.document.title);
    // Another pole's call is not an origin this pole may cite.
    EXPECT_THROW(pathways.create_project(other_, other_admin_, in), Error);
}

TEST_P(ModuleLinksTest, AProjectIsAnAssessmentSubjectWithItsTitle) {
    auto p = app_->pathways().create_project(pole_, admin_, project("Ferme partagée"));
    auto& evaluation = app_->evaluation();
    evaluation::AssessmentInput in;
    in.grid_id = evaluation.find_grid(pole_, "dd-appraisal").id;
    in.subject = {"project", p.id, ""};
    in.held_on = "2026-03-14";
    in.stage = "design";
    in.mode = "self";
    for (const char* name : {"A", "B", "C"}) in.participants.push_back({name, {}, {}});
    EXPECT_EQ(evaluation.create_assessment(pole_, admin_, in).subject.title, "Ferme partagée");
    // Pole B cannot assess pole A's project: it does not exist there.
    in.grid_id = evaluation.find_grid(other_, "dd-appraisal").id;
    EXPECT_THROW(evaluation.create_assessment(other_, other_admin_, in), Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, ModuleLinksTest, ::testing::ValuesIn(store::testdb::backends()));

}  // namespace
}  // namespace maillage::app::testing
