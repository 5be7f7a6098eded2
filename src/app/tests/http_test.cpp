// Through a real socket: what only the HTTP layer can get wrong.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "api/server.hpp"
#include "app_fixture.hpp"

using namespace maillage;

namespace {

class HttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        database_ = store::testdb::fresh("sqlite");
        app_ =
            std::make_unique<app::Application>(app::testing::test_config(), database_->database());
        auto pole = app_->accounts().create_pole("seignanx", "Seignanx", "ptce");
        app_->accounts().add_member(pole.id, {"a@b.fr", "A", "0123456789ab", "admin"});
        web_ =
            std::filesystem::temp_directory_path() / ("maillage-web-" + std::to_string(getpid()));
        std::filesystem::create_directories(web_ / "assets");
        std::ofstream(web_ / "index.html") << "<!doctype html><title>Maillage</title>";
        std::ofstream(web_ / "assets" / "app-1234.js") << "console.log(1)";
        api::ServerOptions options;
        options.port = 0;
        options.max_body_bytes = 4096;
        options.web_dir = web_.string();
        server_ = std::make_unique<api::HttpServer>(app_->router(), options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
    }
    void TearDown() override {
        server_->stop();
        thread_.join();
        std::filesystem::remove_all(web_);
    }
    httplib::Client client() {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(3);
        c.set_connection_timeout(3);
        return c;
    }
    std::string login() {
        auto r = client().Post("/api/auth/login", R"({"email":"a@b.fr","password":"0123456789ab"})",
                               "application/json");
        return Json::parse(r->body)["token"];
    }

    std::unique_ptr<store::testdb::TestDatabase> database_;
    std::unique_ptr<app::Application> app_;
    std::unique_ptr<api::HttpServer> server_;
    std::filesystem::path web_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace

TEST_F(HttpTest, LoginSetsAnHttpOnlyCookieThatAuthenticates) {
    auto r = client().Post("/api/auth/login", R"({"email":"a@b.fr","password":"0123456789ab"})",
                           "application/json");
    ASSERT_EQ(r->status, 200);
    auto cookie = r->get_header_value("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    auto value = cookie.substr(0, cookie.find(';'));
    auto me = client().Get("/api/auth/me", {{"Cookie", value}});
    ASSERT_EQ(me->status, 200);
    EXPECT_EQ(Json::parse(me->body)["email"], "a@b.fr");
    EXPECT_EQ(client().Get("/api/auth/me")->status, 401);
}

TEST_F(HttpTest, BadBodiesGetClearJsonErrors) {
    httplib::Headers auth = {{"Authorization", "Bearer " + login()}};
    auto c = client();
    auto malformed = c.Post("/api/poles/seignanx/actors", auth, "{\"name\": ", "application/json");
    ASSERT_EQ(malformed->status, 400);
    EXPECT_EQ(Json::parse(malformed->body)["error"]["code"], "invalid_input");
    auto unknown = c.Post("/api/poles/seignanx/actors", auth,
                          R"({"name":"X","kind":"ei","colour":"red"})", "application/json");
    ASSERT_EQ(unknown->status, 400);
    EXPECT_EQ(Json::parse(unknown->body)["error"]["field"], "colour");
    auto huge =
        c.Post("/api/poles/seignanx/actors", auth, std::string(10000, ' '), "application/json");
    ASSERT_EQ(huge->status, 413);
    EXPECT_EQ(Json::parse(huge->body)["error"]["code"], "payload_too_large");
    auto nowhere = c.Get("/api/nowhere", auth);
    ASSERT_EQ(nowhere->status, 404);
    EXPECT_EQ(Json::parse(nowhere->body)["error"]["code"], "not_found");
    // The server is still answering after all of that.
    EXPECT_EQ(c.Get("/api/auth/me", auth)->status, 200);
}

TEST_F(HttpTest, ServesTheWebApplicationWithCacheHeadersAndClientRoutes) {
    auto c = client();
    auto asset = c.Get("/assets/app-1234.js");
    ASSERT_EQ(asset->status, 200);
    EXPECT_NE(asset->get_header_value("Cache-Control").find("immutable"), std::string::npos);
    auto index = c.Get("/");
    ASSERT_EQ(index->status, 200);
    EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
    auto deep = c.Get("/p/seignanx/actors");
    ASSERT_EQ(deep->status, 200);
    EXPECT_NE(deep->body.find("<title>Maillage</title>"), std::string::npos);
    EXPECT_EQ(deep->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(c.Get("/assets/gone-5678.js")->status, 404);
}

// Brotli at cpp-httplib's fixed top quality takes half a second on a stylesheet; gzip is used.
TEST_F(HttpTest, CompressesWithGzipEvenWhenBrotliIsOffered) {
    std::ofstream(web_ / "assets" / "big-1.css") << std::string(200000, 'a');
    auto r = client().Get("/assets/big-1.css", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
}

// With a fixed pool, each idle keep-alive client holds a worker and the next client waits
// for the keep-alive timeout (5 s); the client here gives up after 3 s.
TEST_F(HttpTest, IdleKeepAliveClientsDoNotStarveANewOne) {
    std::vector<int> sockets;
    for (int i = 0; i < 64; ++i) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(std::uint16_t(port_));
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        std::string request =
            "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n";
        ASSERT_GT(write(fd, request.data(), request.size()), 0);
        sockets.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto r = client().Get("/api/openapi.json");
    ASSERT_TRUE(r) << "the new client was not served";
    EXPECT_EQ(r->status, 200);
    for (int fd : sockets) close(fd);
}
