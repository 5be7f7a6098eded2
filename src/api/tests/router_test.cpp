#include <gtest/gtest.h>

#include "api/jobs.hpp"
#include "api/router.hpp"

using namespace maillage;
using namespace maillage::api;

namespace {

Roles test_roles() {
    return Roles::from_json(Json::parse(R"({"permissions":{"pole.read":"","actors.write":""},
        "roles":{"admin":["pole.read","actors.write"],"observer":["pole.read"]}})"),
                            "test");
}

Caller alice() {
    Caller c;
    c.id = 1;
    c.email = "alice@example.org";
    c.poles = {{7, "seignanx", "Seignanx", "ptce", "observer"}};
    return c;
}

struct RouterFixture : ::testing::Test {
    Roles roles = test_roles();
    Router router{[](const std::string& token) -> std::optional<Caller> {
                      if (token == "alice") return alice();
                      return std::nullopt;
                  },
                  [](std::string_view slug) -> std::optional<std::int64_t> {
                      if (slug == "seignanx" || slug == "7") return 7;
                      if (slug == "other") return 8;
                      return std::nullopt;
                  },
                  roles};

    void SetUp() override {
        router.add({"GET", "/api/open", Access::open, "",
                    [](RouteContext&) {
                        return Response::json({{"ok", true}});
                    },
                    ""});
        router.add(
            {"GET", "/api/poles/{pole}/things/{id}", Access::pole, "pole.read",
             [](RouteContext& c) {
                 return Response::json({{"pole", c.pole_id()}, {"id", c.request.id_param("id")}});
             },
             ""});
        router.add({"PUT", "/api/poles/{pole}/things/{id}", Access::pole, "actors.write",
                    [](RouteContext&) { return Response::no_content(); }, ""});
        router.add({"GET", "/api/boom", Access::signed_in, "",
                    [](RouteContext&) -> Response { throw std::runtime_error("secret detail"); },
                    ""});
    }

    Response call(const std::string& method, const std::string& path,
                  const std::string& token = "alice") {
        Request r;
        r.method = method;
        r.path = path;
        r.token = token;
        return router.dispatch(r);
    }
};

}  // namespace

TEST_F(RouterFixture, OpenRoutesNeedNoSession) {
    EXPECT_EQ(call("GET", "/api/open", "").status, 200);
}

TEST_F(RouterFixture, PoleRoutesNeedASessionARoleAndThePermission) {
    EXPECT_EQ(call("GET", "/api/poles/seignanx/things/3", "").status, 401);
    auto ok = call("GET", "/api/poles/seignanx/things/3");
    ASSERT_EQ(ok.status, 200);
    EXPECT_EQ(Json::parse(ok.body), Json::parse(R"({"pole":7,"id":3})"));
    EXPECT_EQ(call("GET", "/api/poles/7/things/3").status, 200);
    EXPECT_EQ(call("GET", "/api/poles/other/things/3").status, 403);
    EXPECT_EQ(call("GET", "/api/poles/nowhere/things/3").status, 403);
    auto denied = call("PUT", "/api/poles/seignanx/things/3");
    EXPECT_EQ(denied.status, 403);
    EXPECT_NE(denied.body.find("actors.write"), std::string::npos);
}

TEST_F(RouterFixture, UnknownPathsMethodsAndIds) {
    EXPECT_EQ(call("GET", "/api/nothing").status, 404);
    EXPECT_EQ(call("DELETE", "/api/poles/seignanx/things/3").status, 405);
    EXPECT_EQ(call("GET", "/api/poles/seignanx/things/abc").status, 404);
}

TEST_F(RouterFixture, UnexpectedExceptionsBecomeOpaque500s) {
    auto r = call("GET", "/api/boom");
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
    EXPECT_EQ(Json::parse(r.body)["error"]["code"], "internal");
}

TEST(ErrorJson, CarriesCodeMessageFieldAndProblems) {
    auto body = error_json(ImportRejected("actors.csv", {{3, "siret", "fails the Luhn check"}}));
    EXPECT_EQ(body["error"]["code"], "invalid_input");
    EXPECT_EQ(body["error"]["problems"][0]["line"], 3);
    EXPECT_EQ(body["error"]["problems"][0]["field"], "siret");
    EXPECT_EQ(http_status(ErrorCode::conflict), 409);
}

TEST(Jobs, RunInTheBackgroundAndReportToTheirOwnerOnly) {
    Jobs jobs(1);
    auto id = jobs.submit("count", 5, [](Progress& p) {
        p.update("counting", 3, 3);
        return Json{{"counted", 3}};
    });
    jobs.wait(id);
    auto status = jobs.status(id, 5);
    ASSERT_TRUE(status);
    EXPECT_EQ((*status)["status"], "succeeded");
    EXPECT_EQ((*status)["result"]["counted"], 3);
    EXPECT_EQ((*status)["progress"]["done"], 3);
    EXPECT_FALSE(jobs.status(id, 6));
    auto failing = jobs.submit("fail", 5, [](Progress&) -> Json {
        throw Error(ErrorCode::invalid_input, "bad file", "file");
    });
    jobs.wait(failing);
    EXPECT_EQ((*jobs.status(failing, 5))["error"]["field"], "file");
}
