// The network API through the router, as the HTTP server calls it: status codes, JSON errors
// naming the field, permissions by role, exports and the analysis job.
#include <expat.h>

#include "io/table_reader.hpp"
#include "network_fixture.hpp"

using namespace maillage;
using maillage::network::testing::NetworkTest;

namespace {

const std::string kBase = "/api/poles/seignanx/network";

bool well_formed_xml(const std::string& text) {
    XML_Parser parser = XML_ParserCreate("UTF-8");
    bool ok = XML_Parse(parser, text.data(), int(text.size()), 1) == XML_STATUS_OK;
    XML_ParserFree(parser);
    return ok;
}

}  // namespace

class NetworkRoutes : public NetworkTest {
  protected:
    std::string relation_body(int from, int to, const std::string& nature,
                              const std::string& extra = "") {
        return R"({"year":2026,"mission":"activity_creation","from_actor":)" +
               std::to_string(actors_[std::size_t(from)]) + R"(,"to_actor":)" +
               std::to_string(actors_[std::size_t(to)]) + R"(,"nature":")" + nature + "\"" + extra +
               "}";
    }
    Json error_of(const api::Response& r) { return Json::parse(r.body)["error"]; }
};

TEST_P(NetworkRoutes, RelationsAreCreatedThenReplacedAndListedWithTheActors) {
    auto created = call("POST", kBase + "/relations", admin_token_,
                        relation_body(0, 1, "alliance", R"(,"object":"values")"));
    ASSERT_EQ(created.status, 201) << created.body;
    auto relation = Json::parse(created.body);
    EXPECT_EQ(relation["intensity"], 2);  // the middle of the scale by default
    EXPECT_EQ(relation["author"], "Admin seignanx");
    auto replaced = call("POST", kBase + "/relations", member_token_,
                         relation_body(0, 1, "opposition", R"(,"intensity":3)"));
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_EQ(Json::parse(replaced.body)["id"], relation["id"]);

    auto listed = call("GET", kBase + "/relations", observer_token_, "", {{"year", "2026"}});
    ASSERT_EQ(listed.status, 200) << listed.body;
    auto scope = Json::parse(listed.body);
    EXPECT_EQ(scope["actors"].size(), 2u);
    ASSERT_EQ(scope["relations"].size(), 1u);
    EXPECT_EQ(scope["relations"][0]["nature"], "opposition");
    EXPECT_EQ(scope["relations"][0]["author"], "Marie Membre");

    auto history =
        call("GET", kBase + "/relations/" + std::to_string(relation["id"].get<int>()) + "/history",
             observer_token_);
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(Json::parse(history.body).size(), 2u);
}

TEST_P(NetworkRoutes, BadInputGetsAJsonErrorNamingTheField) {
    struct Case {
        std::string body, field, message;
    };
    std::vector<Case> cases = {
        {relation_body(0, 0, "alliance"), "to_actor", "a relation needs two different actors"},
        {relation_body(0, 1, "amitié"), "nature", "unknown nature \"amitié\""},
        {R"({"year":2026,"mission":"activity_creation","from_actor":)" +
             std::to_string(actors_[0]) + R"(,"to_actor":999999,"nature":"alliance"})",
         "to_actor", "no actor 999999 in this pole"},
        {relation_body(0, 1, "alliance", R"(,"colour":"red")"), "colour", "unknown field"},
        {R"({"mission":"activity_creation"})", "year", "is required"},
    };
    for (const auto& c : cases) {
        auto r = call("POST", kBase + "/relations", admin_token_, c.body);
        SCOPED_TRACE(c.body);
        EXPECT_EQ(r.status, 400);
        auto e = error_of(r);
        EXPECT_EQ(e["code"], "invalid_input");
        EXPECT_EQ(e["field"], c.field);
        EXPECT_NE(e["message"].get<std::string>().find(c.message), std::string::npos) << r.body;
    }
    auto no_year = call("GET", kBase + "/relations", admin_token_);
    EXPECT_EQ(no_year.status, 400);
    EXPECT_EQ(error_of(no_year)["field"], "year");
}

TEST_P(NetworkRoutes, RolesDecideWhoWritesAndWhoManages) {
    EXPECT_EQ(
        call("POST", kBase + "/relations", observer_token_, relation_body(0, 1, "alliance")).status,
        403);
    EXPECT_EQ(
        call("POST", kBase + "/relations", member_token_, relation_body(0, 1, "alliance")).status,
        201);
    std::string nature =
        R"({"code":"rivalry","weight":-0.5,"colour":"#6a1b9a","label":{"fr":"Rivalité"},"abbreviation":{"fr":"RIV"}})";
    EXPECT_EQ(call("POST", kBase + "/natures", member_token_, nature).status, 403);
    auto added = call("POST", kBase + "/natures", admin_token_, nature);
    EXPECT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(call("POST", kBase + "/natures", admin_token_, nature).status, 409);
    auto rules = Json::parse(call("GET", kBase, observer_token_).body);
    EXPECT_EQ(rules["natures"].back()["code"], "rivalry");
    EXPECT_TRUE(rules["natures"].back()["pole_specific"]);
    EXPECT_EQ(rules["years"], Json::array({2026}));
    EXPECT_EQ(call("POST", kBase + "/derived/refresh", member_token_, R"({"year":2026})").status,
              403);
    // Exports need exports.run, which members and observers lack.
    EXPECT_EQ(call("GET", kBase + "/exports", member_token_, "", {{"year", "2026"}}).status, 403);
}

TEST_P(NetworkRoutes, CardsAreWrittenAndReadPerMissionAndYear) {
    auto path = kBase + "/actors/" + std::to_string(actors_[0]) + "/card";
    auto written = call(
        "POST", path, member_token_,
        R"({"year":2026,"mission":"pathway_security","entries":[{"field":"goals","text":"Sécuriser les parcours"}]})");
    ASSERT_EQ(written.status, 200) << written.body;
    auto card = Json::parse(
        call("GET", path, observer_token_, "", {{"year", "2026"}, {"mission", "pathway_security"}})
            .body);
    for (const auto& f : card["fields"])
        if (f["field"] == "goals") {
            EXPECT_EQ(f["current"]["text"], "Sécuriser les parcours");
            EXPECT_EQ(f["current"]["author"], "Marie Membre");
        }
    auto other_pole = app_->accounts().create_pole("other", "Other", "ptce");
    auto foreign = actor(other_pole.id, "Foreign");
    auto hidden = call("GET", kBase + "/actors/" + std::to_string(foreign) + "/card", admin_token_,
                       "", {{"year", "2026"}, {"mission", "pathway_security"}});
    EXPECT_EQ(hidden.status, 404);
}

TEST_P(NetworkRoutes, ExportsOpenAsGraphMLGexfAndXlsx) {
    call("POST", kBase + "/relations", admin_token_, relation_body(0, 1, "alliance"));
    call("POST", kBase + "/relations", admin_token_, relation_body(1, 2, "opposition"));
    for (const char* format : {"graphml", "gexf"}) {
        auto r = call("GET", kBase + "/exports", admin_token_, "",
                      {{"year", "2026"}, {"format", format}, {"lang", "it"}});
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_TRUE(well_formed_xml(r.body)) << format;
        EXPECT_NE(r.body.find("Opposizione"), std::string::npos) << format;  // Italian labels
        EXPECT_NE(r.content_type.find(format), std::string::npos);
    }
    auto xlsx =
        call("GET", kBase + "/exports", admin_token_, "", {{"year", "2026"}, {"format", "xlsx"}});
    ASSERT_EQ(xlsx.status, 200);
    auto reader = io::open_xlsx_bytes(xlsx.body, "grille.xlsx");
    EXPECT_EQ(reader->header().size(), 4u);  // the corner and three actors
    auto bad =
        call("GET", kBase + "/exports", admin_token_, "", {{"year", "2026"}, {"format", "pdf"}});
    EXPECT_EQ(bad.status, 400);
}

TEST_P(NetworkRoutes, AnalysisAnswersDirectlyOrAsAJobWithTheSameResult) {
    call("POST", kBase + "/relations", admin_token_, relation_body(0, 1, "alliance"));
    call("POST", kBase + "/relations", admin_token_, relation_body(1, 2, "alliance"));
    call("POST", kBase + "/relations", admin_token_, relation_body(0, 2, "opposition"));
    auto direct = call("GET", kBase + "/analysis", observer_token_, "",
                       {{"year", "2026"}, {"focus", std::to_string(actors_[0])}});
    ASSERT_EQ(direct.status, 200) << direct.body;
    auto result = Json::parse(direct.body);
    EXPECT_EQ(result["balance"]["triangles"], 1);
    EXPECT_EQ(result["balance"]["balanced"], 0);
    EXPECT_EQ(result["balance"]["frustration"], 1);
    EXPECT_EQ(result["suggestions"].size(), 1u);

    auto started = call("POST", kBase + "/analysis", observer_token_, R"({"year":2026})");
    ASSERT_EQ(started.status, 202) << started.body;
    std::string job = Json::parse(started.body)["job_id"];
    app_->jobs().wait(job);
    auto status = Json::parse(call("GET", "/api/jobs/" + job, observer_token_).body);
    EXPECT_EQ(status["status"], "succeeded") << status.dump();
    EXPECT_EQ(status["result"]["actors"], result["actors"]);
}

TEST_P(NetworkRoutes, CompareAndCopyYears) {
    call("POST", kBase + "/relations", admin_token_, relation_body(0, 1, "alliance"));
    auto copied = call("POST", kBase + "/relations/copy", admin_token_,
                       R"({"from_year":2026,"to_year":2027})");
    ASSERT_EQ(copied.status, 200) << copied.body;
    EXPECT_EQ(Json::parse(copied.body)["copied"], 1);
    auto compared =
        call("GET", kBase + "/compare", observer_token_, "", {{"from", "2026"}, {"to", "2027"}});
    ASSERT_EQ(compared.status, 200) << compared.body;
    auto c = Json::parse(compared.body);
    EXPECT_EQ(c["unchanged"], 1);
    EXPECT_TRUE(c["added"].empty());
    EXPECT_EQ(c["names"][std::to_string(actors_[0])], "AI Alpha");
    EXPECT_EQ(call("GET", kBase + "/compare", observer_token_, "", {{"from", "2026"}}).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkRoutes, ::testing::ValuesIn(store::testdb::backends()));
