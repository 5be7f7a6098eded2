// Walks every registered route and proves that a user of pole A can neither read nor change
// pole B's records, whatever the route.
#include <regex>
#include <sstream>

#include "app_fixture.hpp"
#include "isolation_support.hpp"

using namespace maillage;
using app::testing::AppTest;
using app::testing::PoleRecords;

namespace {

const char* kSecretActor = "Secret-B-Actor";
const char* kSecretContact = "Secret-B-Contact";
const char* kSecretEmail = "secret-b@pole-b.example";

std::string body_for(const std::string& method, const std::string& pattern) {
    if (method != "POST" && method != "PUT") return "";
    if (pattern.find("/users") != std::string::npos)
        return R"({"email":"intruder@a.example","name":"Intruder","password":"long enough pw","role":"admin"})";
    if (pattern.find("contacts") != std::string::npos) return R"({"name":"Intruder"})";
    if (pattern.find("/imports/") != std::string::npos) return "name,kind\nIntruder,ei\n";
    if (pattern.find("/actors") != std::string::npos) return R"({"name":"Intruder","kind":"ei"})";
    if (pattern == "/api/poles") return R"({"slug":"intruder","name":"I","kind":"ptce"})";
    if (pattern == "/api/auth/login") return R"({"email":"x@y.z","password":"nope nope"})";
    return "{}";
}

}  // namespace

class IsolationTest : public AppTest {
  protected:
    void SetUp() override {
        AppTest::SetUp();
        if (!app_) return;
        token_a_ = pole_with_admin("pole-a", "admin@pole-a.example");
        token_b_ = pole_with_admin("pole-b", "admin@pole-b.example");
        auto b = *app_->accounts().find_pole("pole-b");
        actors::ActorInput secret;
        secret.name = kSecretActor;
        secret.kind = "ei";
        b_actor_ = app_->actors().create(b.id, std::nullopt, secret).id;
        b_contact_ =
            app_->actors()
                .add_contact(b.id, 1, b_actor_, {kSecretContact, {}, std::string(kSecretEmail), {}})
                .id;
        b_user_ = app_->accounts().add_member(
            b.id, {"member@pole-b.example", "Member B", "password-mb", "member"});
        app::testing::IsolationContext context{*app_, b.id, admin_b_id(b.id), token_b_, b_actor_};
        for (const auto& seeder : app::testing::isolation_seeders()) seeder.seed(context, modules_);
    }

    std::int64_t admin_b_id(std::int64_t pole_b) {
        for (const auto& m : app_->accounts().members(pole_b))
            if (m.email == "admin@pole-b.example") return m.id;
        return 0;
    }

    std::string body_for(const std::string& method, const std::string& pattern) {
        if (method == "POST" || method == "PUT")
            for (const auto& b : modules_.bodies)
                if (pattern.find(b.pattern_part) != std::string::npos) return b.body;
        return ::body_for(method, pattern);
    }

    // Replaces path parameters with pole B's slug and the ids of pole B's records.
    std::string path_for(const std::string& pattern, const std::string& pole_slug) {
        std::string path = std::regex_replace(pattern, std::regex("\\{pole\\}"), pole_slug);
        std::string id = std::to_string(b_actor_);
        if (pattern.find("/contacts/{id}") != std::string::npos) id = std::to_string(b_contact_);
        if (pattern.find("/users/{id}") != std::string::npos) id = std::to_string(b_user_);
        if (pattern.find("/jobs/{id}") != std::string::npos) id = b_job_;
        for (const auto& p : modules_.params)
            if (pattern.find(p.pattern_part) != std::string::npos)
                path = std::regex_replace(path, std::regex("\\{" + p.param + "\\}"), p.value);
        path = std::regex_replace(path, std::regex("\\{id\\}"), id);
        return std::regex_replace(path, std::regex("\\{code\\}"), "40312");
    }

    std::string snapshot() {
        return fixture_->database().read([](store::Connection& c) {
            std::string out;
            for (const char* q :
                 {"SELECT id, name, kind, updated_at FROM actors ORDER BY id",
                  "SELECT id, actor_id, name FROM contacts ORDER BY id",
                  "SELECT user_id, pole_id, role FROM memberships ORDER BY user_id, pole_id",
                  "SELECT actor_id, pole_id FROM actor_poles ORDER BY actor_id, pole_id",
                  "SELECT id, slug FROM poles ORDER BY id"})
                append_rows(c, q, out);
            return out;
        });
    }

    // Pole B's rows of every module: pole A's calls must leave them exactly as they were.
    std::string module_snapshot() {
        return fixture_->database().read([this](store::Connection& c) {
            std::string out;
            for (const auto& q : modules_.snapshot_queries) {
                out += q + "\n";
                append_rows(c, q, out);
            }
            return out;
        });
    }

    static void append_rows(store::Connection& c, const std::string& query, std::string& out) {
        for (const auto& row : c.query(query)) {
            for (std::size_t i = 0; i < row.size(); ++i) out += row.text(i) + "|";
            out += "\n";
        }
    }

    PoleRecords modules_;
    std::string token_a_, token_b_, b_job_ = "0";
    std::int64_t b_actor_ = 0, b_contact_ = 0, b_user_ = 0;
};

TEST_P(IsolationTest, NoRouteLetsPoleAReadOrChangePoleB) {
    // A job of pole B's admin, which A must not see either.
    api::Request import;
    import.method = "POST";
    import.path = "/api/poles/pole-b/imports/actors";
    import.token = token_b_;
    import.body = "name,kind\nB import,ei\n";
    import.content_type = "text/csv";
    auto started = app_->router().dispatch(import);
    ASSERT_EQ(started.status, 202) << started.body;
    b_job_ = Json::parse(started.body)["job_id"];
    app_->jobs().wait(b_job_);

    const std::string before = snapshot();
    const std::string modules_before = module_snapshot();
    int pole_routes = 0;
    for (const auto& route : app_->router().routes()) {
        // Logging out would end the walker's own session; it touches no pole data.
        if (route.access == api::Access::open || route.pattern == "/api/auth/logout") continue;
        bool shared_directory = route.pattern.rfind("/api/actors", 0) == 0;
        for (const std::string& pole : {std::string("pole-b"), std::string("pole-a")}) {
            if (route.pattern.find("{pole}") == std::string::npos && pole == "pole-b") continue;
            std::string path = path_for(route.pattern, pole);
            auto response =
                call(route.method, path, token_a_, body_for(route.method, route.pattern));
            SCOPED_TRACE(route.method + " " + path + " -> " + std::to_string(response.status));
            if (route.access == api::Access::pole && pole == "pole-b") {
                ++pole_routes;
                EXPECT_EQ(response.status, 403) << response.body;
            }
            EXPECT_EQ(response.body.find(kSecretContact), std::string::npos);
            EXPECT_EQ(response.body.find(kSecretEmail), std::string::npos);
            EXPECT_EQ(response.body.find("member@pole-b.example"), std::string::npos);
            for (const auto& secret : modules_.secrets)
                EXPECT_EQ(response.body.find(secret), std::string::npos) << secret;
            if (!shared_directory) {
                EXPECT_EQ(response.body.find(kSecretActor), std::string::npos);
            }
            if (route.pattern == "/api/jobs/{id}") {
                EXPECT_EQ(response.status, 404);
            }
            if (route.method != "GET" && route.pattern.find("{id}") != std::string::npos) {
                EXPECT_GE(response.status, 400);
            }
        }
    }
    EXPECT_GE(pole_routes, 15);
    // Let any job A may have started finish, then drop what A legitimately created in pole A.
    app_->jobs().wait(b_job_);
    std::string after = snapshot();
    auto without_a = [](const std::string& s) {
        std::string out, line;
        std::istringstream in(s);
        while (std::getline(in, line))
            if (line.find("Intruder") == std::string::npos && line.find("|1|") == std::string::npos)
                out += line + "\n";
        return out;
    };
    EXPECT_EQ(without_a(before), without_a(after));
    EXPECT_EQ(modules_before, module_snapshot());
    // Pole B's own records are all still there.
    EXPECT_NE(after.find(kSecretActor), std::string::npos);
    EXPECT_NE(after.find(kSecretContact), std::string::npos);
}

TEST_P(IsolationTest, WithoutASessionOnlyOpenRoutesAnswer) {
    for (const auto& route : app_->router().routes()) {
        auto response = call(route.method, path_for(route.pattern, "pole-b"), "",
                             body_for(route.method, route.pattern));
        if (route.access == api::Access::open) continue;
        EXPECT_EQ(response.status, 401) << route.method << " " << route.pattern;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, IsolationTest, ::testing::ValuesIn(store::testdb::backends()));
