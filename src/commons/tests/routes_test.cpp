// The HTTP API of collective tender responses, through the router: shapes, JSON errors with
// stable codes and fields, permissions as data, and another pole's ids answering 404.
#include "commons_fixture.hpp"
#include "core/json.hpp"

using namespace maillage;
using namespace maillage::commons;
using namespace maillage::commons::testing;

class TenderRoutesTest : public CommonsTest {
  protected:
    std::string base() { return "/api/poles/pole-a/commons"; }
    Json body_of(const api::Response& r) { return parse_json(r.body); }
};

TEST_P(TenderRoutesTest, ATenderIsCreatedReadListedChangedAndDeleted) {
    std::string body = R"({"title":"Entretien des espaces verts","buyer_actor_id":)" +
                       std::to_string(city_) +
                       R"(,"reference":"EV-01","status":"preparing","deadline_on":"2026-02-15",
                          "lots":[{"number":1,"title":"Tonte","insertion_hours_required":800}]})";
    auto created = call("POST", base() + "/tenders", token_, body);
    ASSERT_EQ(created.status, 201) << created.body;
    auto tender = body_of(created);
    auto id = std::to_string(tender["id"].get<std::int64_t>());
    EXPECT_EQ(tender["buyer_actor_name"], "Commune de Tarnos");
    EXPECT_EQ(tender["lots"][0]["insertion_hours_required"], 800.0);
    EXPECT_EQ(tender["consortium"].size(), 0u);

    auto added = call("POST", base() + "/tenders/" + id + "/members", token_,
                      R"({"actor_id":)" + std::to_string(siae_) +
                          R"(,"role":"mandataire","lots":[1],"share_percent":100,
                             "insertion_hours_committed":800})");
    ASSERT_EQ(added.status, 201) << added.body;
    auto member = std::to_string(body_of(added)["id"].get<std::int64_t>());
    auto second = call("POST", base() + "/tenders/" + id + "/members", token_,
                       R"({"actor_id":)" + std::to_string(coop_) + R"(,"role":"mandataire"})");
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(body_of(second)["error"]["code"], "conflict");
    EXPECT_EQ(body_of(second)["error"]["field"], "role");

    // Won, then the realised hours of a month.
    auto won = call("PUT", base() + "/tenders/" + id, token_,
                    R"({"title":"Entretien des espaces verts","buyer_name":"Mairie","status":"won",
                        "deadline_on":"2026-02-15","awarded_on":"2026-03-01",
                        "contract_start":"2026-04-01",
                        "lots":[{"number":1,"title":"Tonte","insertion_hours_required":800}]})");
    ASSERT_EQ(won.status, 200) << won.body;
    auto hours = call("PUT", base() + "/members/" + member + "/hours", token_,
                      R"({"period":"2026-04","hours":61.5})");
    ASSERT_EQ(hours.status, 200) << hours.body;
    auto read = body_of(call("GET", base() + "/tenders/" + id, token_));
    EXPECT_EQ(read["status"], "won");
    EXPECT_EQ(read["hours_realised"], 61.5);
    EXPECT_EQ(read["consortium"][0]["hours_realised"], 61.5);
    EXPECT_EQ(read["realised_hours"][0]["period"], "2026-04");

    auto list = body_of(call("GET", base() + "/tenders", token_, "", {{"status", "won"}}));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["members"], 1);
    EXPECT_EQ(body_of(call("GET", base() + "/tenders", token_, "", {{"year", "2025"}})).size(), 0u);
    EXPECT_EQ(call("GET", base() + "/tenders", token_, "", {{"year", "soon"}}).status, 400);

    EXPECT_EQ(call("DELETE", base() + "/tenders/" + id, token_).status, 204);
    EXPECT_EQ(call("GET", base() + "/tenders/" + id, token_).status, 404);
}

TEST_P(TenderRoutesTest, BadBodiesGetStableCodesAndFields) {
    auto missing = call("POST", base() + "/tenders", token_, R"({"buyer_name":"Mairie"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(body_of(missing)["error"]["field"], "title");
    auto unknown = call("POST", base() + "/tenders", token_,
                        R"({"title":"x","buyer_name":"Mairie","budget":3})");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(body_of(unknown)["error"]["field"], "budget");
    auto dates = call("POST", base() + "/tenders", token_,
                      R"({"title":"x","buyer_name":"Mairie","published_on":"2026-03-01",
                          "deadline_on":"2026-02-01"})");
    EXPECT_EQ(dates.status, 400);
    EXPECT_EQ(body_of(dates)["error"]["code"], "invalid_input");
    EXPECT_EQ(body_of(dates)["error"]["field"], "deadline_on");
    auto lot = call("POST", base() + "/tenders", token_,
                    R"({"title":"x","buyer_name":"Mairie","lots":[{"title":"sans numéro"}]})");
    EXPECT_EQ(body_of(lot)["error"]["field"], "lots[0].number");
}

TEST_P(TenderRoutesTest, PermissionsComeFromDataAndOtherPolesAnswer404) {
    auto d = service().create(pole_, admin_, won_tender(), three_members());
    auto id = std::to_string(d.tender.id);
    app_->accounts().add_member(
        pole_, {"observer@pole-a.example", "Observer", "password-obs", "observer"});
    auto observer = app_->accounts().login("observer@pole-a.example", "password-obs")->token;
    EXPECT_EQ(call("GET", base() + "/tenders/" + id, observer).status, 200);
    EXPECT_EQ(call("DELETE", base() + "/tenders/" + id, observer).status, 403);
    EXPECT_EQ(call("PUT", base() + "/members/" + std::to_string(d.members[0].id) + "/hours",
                   observer, R"({"period":"2026-05","hours":3})")
                  .status,
              403);
    // Pole B's admin, on pole B's routes, with pole A's ids.
    std::string b = "/api/poles/pole-b/commons";
    EXPECT_EQ(call("GET", b + "/tenders/" + id, other_token_).status, 404);
    EXPECT_EQ(call("DELETE", b + "/tenders/" + id, other_token_).status, 404);
    EXPECT_EQ(
        call("DELETE", b + "/members/" + std::to_string(d.members[0].id), other_token_).status,
        404);
    EXPECT_EQ(call("GET", base() + "/tenders/" + id, other_token_).status, 403);  // not a member
    EXPECT_EQ(service().detail(pole_, d.tender.id).members.size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TenderRoutesTest,
                         ::testing::ValuesIn(store::testdb::backends()));
