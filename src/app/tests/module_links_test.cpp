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

TEST_P(ModuleLinksTest, MembersOfAWonConsortiumAreDerivedCoContractors) {
    auto town = actor(pole_, "Commune de Tarnos", "municipality");
    auto siae = actor(pole_, "Atelier d'insertion des Barthes", "aci");
    auto coop = actor(pole_, "Scop Jardins du Seignanx", "scop");
    auto ei = actor(pole_, "Adour Propreté", "ei");
    auto& commons = app_->commons();
    auto member = [](std::int64_t actor, const char* role) {
        commons::MemberInput m;
        m.actor_id = actor;
        m.role = role;
        return m;
    };
    commons::TenderInput won;
    won.buyer_actor_id = town;
    won.title = "Entretien des espaces verts";
    won.reference = "EV-2026";
    won.deadline_on = "2026-02-15";
    won.status = "won";
    won.awarded_on = "2026-03-20";
    won.contract_start = "2026-04-01";
    won.contract_end = "2027-03-31";
    commons.create(
        pole_, admin_, won,
        {member(siae, "mandataire"), member(coop, "co_traitant"), member(ei, "co_traitant")});
    auto lost = won;  // the same consortium, not retained: no contract, no evidence
    lost.title = "Nettoyage des locaux";
    lost.reference = "NET-2026";
    lost.status = "lost";
    lost.contract_start.reset();
    lost.contract_end.reset();
    commons.create(pole_, admin_, lost, {member(town, "mandataire"), member(siae, "co_traitant")});
    // The town and the SIAE declared an opposition for 2026: the evidence sits beside it.
    network::RelationInput declared{2026,         "activity_creation", coop, siae,
                                    "opposition", std::nullopt,        2,    std::nullopt};
    app_->network().set_relation(pole_, admin_, declared);

    auto count_from_commons = [&](int year) {
        auto by_source = app_->network().refresh_derived(pole_, admin_, year).by_source;
        for (const auto& [source, count] : by_source)
            if (source == "commons") return count;
        return std::int64_t(-1);
    };
    EXPECT_EQ(count_from_commons(2026), 3);  // three members: three pairs
    auto scope = app_->network().scope_graph(pole_, {2026, "activity_creation"});
    auto find = [&](std::int64_t from, std::int64_t to) -> const network::ScopeRelation* {
        for (const auto& r : scope.relations)
            if (r.from == from && r.to == to) return &r;
        return nullptr;
    };
    for (auto [a, b] : {std::pair{siae, coop}, {coop, ei}, {ei, siae}, {coop, siae}}) {
        ASSERT_NE(find(a, b), nullptr) << a << " → " << b;
        ASSERT_FALSE(find(a, b)->evidence.empty());
        EXPECT_EQ(find(a, b)->evidence[0].kind, "co_contracting");
        EXPECT_EQ(find(a, b)->evidence[0].source, "commons");
        EXPECT_EQ(find(a, b)->evidence[0].detail, "Entretien des espaces verts (EV-2026)");
    }
    EXPECT_TRUE(find(siae, coop)->derived());
    EXPECT_EQ(find(siae, coop)->nature, "alliance");  // co_contracting's default
    EXPECT_FALSE(find(coop, siae)->derived());        // the declared relation stays
    EXPECT_EQ(find(coop, siae)->nature, "opposition");
    EXPECT_EQ(find(town, siae), nullptr);  // the lost tender proves nothing
    EXPECT_EQ(find(siae, town), nullptr);
    // The contract runs to March 2027; nothing in 2025 or 2028.
    EXPECT_EQ(count_from_commons(2027), 3);
    EXPECT_EQ(count_from_commons(2025), 0);
    EXPECT_EQ(count_from_commons(2028), 0);
    // Pole B sees none of it.
    EXPECT_TRUE(app_->commons().co_contractors(other_, 2026).empty());
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
