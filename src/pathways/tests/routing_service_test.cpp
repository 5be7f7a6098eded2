// Routing through the service and the HTTP API, on both backends: candidates from the pole's
// mentors and directory, load and experience read from the pairings, confirmation by a
// coordinator only, and the relations handed to the network module.
#include "pathways_fixture.hpp"

using namespace maillage;
using namespace maillage::pathways;
using namespace maillage::pathways::testing;

class RoutingServiceTest : public PathwaysTest {
  protected:
    Mentor add_mentor(const std::string& name, std::vector<std::string> subjects,
                      std::int64_t capacity, const std::string& kind = "person", bool active = true,
                      std::optional<std::int64_t> actor = std::nullopt) {
        MentorInput m;
        m.kind = kind;
        m.name = name;
        m.commune = "40312";
        m.capacity = capacity;
        m.subjects = std::move(subjects);
        m.sectors = {"F"};
        m.active = active;
        m.actor_id = actor;
        return service().create_mentor(pole_, admin_, m);
    }

    std::int64_t actor(const std::string& name, const std::string& kind, const std::string& naf) {
        actors::ActorInput a;
        a.name = name;
        a.kind = kind;
        a.naf = naf;
        a.commune = "40312";
        return app_->actors().create(pole_, admin_, a).id;
    }

    Mentorship pair(std::int64_t project, const Mentor& m) {
        MentorshipInput in;
        in.kind = m.kind == "expert" ? "expert" : "mentoring";
        in.mentor_id = m.id;
        in.objectives = {"Consolider le modèle économique"};
        in.started_on = "2024-02-01";
        return service().confirm_pairing(pole_, admin_, project, in, day("2024-03-01"));
    }

    std::vector<std::string> names(const Suggestions& s) {
        std::vector<std::string> out;
        for (const auto& c : s.ranking.candidates) out.push_back(c.name);
        return out;
    }
};

TEST_P(RoutingServiceTest, LoadAndExperienceComeFromThePairings) {
    auto m1 = add_mentor("Mentor Un", {"business_model", "community_engagement"}, 1);
    auto m2 = add_mentor("Mentor Deux", {"business_model"}, 2);
    add_mentor("Cabinet Expert", {"business_model"}, 5, "expert");
    add_mentor("Mentor Retiré", {"business_model"}, 5, "person", false);
    auto p = create("Projet P");
    auto q = create("Projet Q");
    // At emergence, the template suggests business_model and community_engagement.
    auto s = service().suggest(pole_, p.id, {});
    EXPECT_EQ(s.profile.subjects,
              (std::vector<std::string>{"business_model", "community_engagement"}));
    EXPECT_EQ(names(s), (std::vector<std::string>{"Mentor Un", "Mentor Deux"}));
    EXPECT_EQ(s.ranking.considered, 2u);
    // Shipped weights: subject 35, sector 20, distance 15, capacity 10, experience 20, boost 10.
    EXPECT_NEAR(s.ranking.candidates[0].score, 35 + 20 + 15 + 10 + 0 + 10, 1e-9);
    EXPECT_NEAR(s.ranking.candidates[1].score, 17.5 + 20 + 15 + 10 + 0 + 10, 1e-9);

    auto first = pair(p.id, m1);
    EXPECT_EQ(first.partner_name, "Mentor Un");
    EXPECT_EQ(first.status, "active");
    s = service().suggest(pole_, p.id, {});
    EXPECT_EQ(names(s),
              std::vector<std::string>{"Mentor Deux"});  // its own mentor is not suggested
    s = service().suggest(pole_, q.id, {});
    EXPECT_EQ(s.ranking.excluded_full, 1u);  // Mentor Un is at capacity
    pair(p.id, m2);
    s = service().suggest(pole_, q.id, {});
    ASSERT_EQ(names(s), std::vector<std::string>{"Mentor Deux"});
    // One mentee of two, one similar project (same NAF section) of the three that saturate.
    EXPECT_NEAR(s.ranking.candidates[0].score, 17.5 + 20 + 15 + 5 + 20.0 / 3 + 5, 1e-9);
    EXPECT_EQ(error_of([&] { pair(q.id, m1); }), "conflict mentor_id");
    EXPECT_EQ(error_of([&] { pair(p.id, m2); }), "conflict mentor_id");  // already paired

    ActionInput session;
    session.kind = "mentoring";
    session.on_date = "2024-02-15";
    session.mentorship_id = first.id;
    service().add_action(pole_, admin_, p.id, session, day("2024-03-01"));
    auto detail = service().detail(pole_, p.id, day("2024-03-01"));
    ASSERT_EQ(detail.mentorships.size(), 2u);
    EXPECT_EQ(detail.mentorships[0].sessions, 1);
    EXPECT_EQ(detail.actions[0].mentor_name, "Mentor Un");
    service().end_mentorship(pole_, admin_, first.id, std::string("2024-02-28"), day("2024-03-01"));
    EXPECT_EQ(service().suggest(pole_, q.id, {}).ranking.excluded_full, 0u);
    EXPECT_EQ(service().mentor(pole_, m1.id).total, 1);
    EXPECT_EQ(error_of([&] { service().remove_mentor(pole_, admin_, m1.id); }), "conflict id");
}

TEST_P(RoutingServiceTest, PeerTutorsComeFromTheCooperativesOfTheDirectory) {
    auto scop = actor("Scop du Bâtiment", "scop", "43.99A");
    auto scic = actor("Scic Solidarités", "scic", "88.99B");
    auto ei = actor("Entreprise d'insertion", "ei", "43.99A");
    auto p = create("Projet en création");
    RoutingRequest r;
    r.kind = "tutoring";
    auto s = service().suggest(pole_, p.id, r);
    std::vector<std::int64_t> ids;
    for (const auto& c : s.ranking.candidates) ids.push_back(c.id);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{scop, scic}));
    // Same division, same place, legal form scic ≠ scop; then another section but a scic.
    EXPECT_NEAR(s.ranking.candidates[0].score, 50 + 30 + 0 + 10, 1e-9);
    EXPECT_NEAR(s.ranking.candidates[1].score, 0 + 30 + 20 + 10, 1e-9);
    MentorshipInput t;
    t.kind = "tutoring";
    t.tutor_actor_id = ei;
    t.started_on = "2024-02-01";
    EXPECT_EQ(
        error_of([&] { service().confirm_pairing(pole_, admin_, p.id, t, day("2024-03-01")); }),
        "invalid_input tutor_actor_id");
    t.tutor_actor_id = scop;
    service().confirm_pairing(pole_, admin_, p.id, t, day("2024-03-01"));
    // The network module gets actor-to-actor relations once the project is an actor.
    EXPECT_TRUE(service().mentoring_links(pole_, 2024).empty());
    auto in = input("Projet en création", "scop_scic_paca", "2024-01-15");
    in.actor_id = actor("Projet devenu Scic", "scic", "43.99C");
    service().update_project(pole_, admin_, p.id, in);
    auto expert = add_mentor("Cabinet Conseil", {"growth"}, 3, "expert", true, scic);
    MentorshipInput e;
    e.kind = "expert";
    e.mentor_id = expert.id;
    e.started_on = "2023-06-01";
    service().confirm_pairing(pole_, admin_, p.id, e, day("2024-03-01"));
    auto links = service().mentoring_links(pole_, 2024);
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].from_actor_id, scic);
    EXPECT_EQ(links[0].kind, "expert");
    EXPECT_EQ(links[1].from_actor_id, scop);
    EXPECT_EQ(links[1].kind, "tutoring");
    EXPECT_EQ(links[1].to_actor_id, *in.actor_id);
    EXPECT_EQ(service().mentoring_links(pole_, 2022).size(), 0u);
    EXPECT_EQ(service().mentoring_links(other_pole_, 2024).size(), 0u);
}

TEST_P(RoutingServiceTest, TheHttpApiShowsFactorsAndLeavesConfirmationToCoordinators) {
    auto m = add_mentor("Mentor Web", {"business_model"}, 2);
    auto p = create("Projet Web");
    auto counsellor = app_->accounts().add_member(
        pole_, {"conseil@pole-a.example", "Conseil", "password-cons", "counsellor"});
    (void)counsellor;
    auto member = app_->accounts().add_member(
        pole_, {"membre@pole-a.example", "Membre", "password-memb", "member"});
    (void)member;
    auto counsellor_token =
        app_->accounts().login("conseil@pole-a.example", "password-cons")->token;
    auto member_token = app_->accounts().login("membre@pole-a.example", "password-memb")->token;
    std::string base = "/api/poles/pole-a/pathways/projects/" + std::to_string(p.id);

    auto routing =
        call("GET", base + "/routing", member_token, "", {{"subjects", "business_model"}});
    ASSERT_EQ(routing.status, 200) << routing.body;
    auto body = Json::parse(routing.body);
    ASSERT_EQ(body["candidates"].size(), 1u);
    EXPECT_EQ(body["candidates"][0]["mentor"]["name"], "Mentor Web");
    std::vector<std::string> codes;
    for (const auto& f : body["candidates"][0]["factors"]) codes.push_back(f["code"]);
    EXPECT_EQ(codes, (std::vector<std::string>{"subject", "sector", "distance", "capacity",
                                               "experience", "load_boost"}));
    EXPECT_EQ(body["weights"]["subject"], 35);

    std::string pairing = R"({"kind":"mentoring","mentor_id":)" + std::to_string(m.id) +
                          R"(,"objectives":["Changer d'échelle"],"factors":{"score":90}})";
    EXPECT_EQ(call("POST", base + "/mentorships", counsellor_token, pairing).status, 403);
    auto confirmed = call("POST", base + "/mentorships", token_, pairing);
    ASSERT_EQ(confirmed.status, 201) << confirmed.body;
    EXPECT_EQ(Json::parse(confirmed.body)["factors"]["score"], 90);

    // An illegal transition answers 409 with the field to fix.
    auto refused = call("POST", base + "/transitions", counsellor_token, R"({"action":"advance"})");
    EXPECT_EQ(refused.status, 409);
    auto error = Json::parse(refused.body)["error"];
    EXPECT_EQ(error["code"], "conflict");
    EXPECT_EQ(error["field"], "deliverables");
    // Promoters are for the roles that may read personal data.
    EXPECT_EQ(call("GET", base + "/promoters", member_token).status, 403);
    EXPECT_EQ(call("GET", base + "/promoters", counsellor_token).status, 200);
    EXPECT_EQ(call("POST", "/api/poles/pole-a/pathways/projects", member_token,
                   R"({"title":"x","origin_kind":"citizen","template":"liguria"})")
                  .status,
              403);
    auto made =
        call("POST", "/api/poles/pole-a/pathways/projects", counsellor_token,
             R"({"title":"Par l'API","origin_kind":"citizen","template":"liguria","naf":"4399c"})");
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(Json::parse(made.body)["naf"], "43.99C");
    auto bad = call("POST", "/api/poles/pole-a/pathways/projects", counsellor_token,
                    R"({"title":"x","origin_kind":"citizen","template":"liguria","colour":"red"})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(Json::parse(bad.body)["error"]["field"], "colour");
    auto dashboard = call("GET", "/api/poles/pole-a/pathways/dashboard", member_token, "",
                          {{"date", "2024-06-01"}});
    ASSERT_EQ(dashboard.status, 200);
    EXPECT_EQ(Json::parse(dashboard.body)["totals"]["projects"], 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoutingServiceTest,
                         ::testing::ValuesIn(store::testdb::backends()));
