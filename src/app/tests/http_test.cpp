// Through a real socket: what only the HTTP layer can get wrong.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
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
        start(default_options());
    }
    void TearDown() override {
        stop();
        std::filesystem::remove_all(web_);
    }
    api::ServerOptions default_options() const {
        api::ServerOptions options;
        options.port = 0;
        options.max_body_bytes = 4096;
        options.web_dir = web_.string();
        return options;
    }
    void start(const api::ServerOptions& options) {
        server_ = std::make_unique<api::HttpServer>(app_->router(), options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
    }
    void stop() {
        server_->stop();
        thread_.join();
    }
    void restart(const api::ServerOptions& options) {
        stop();
        start(options);
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

// A raw client connection, to see what the server does with the connection itself.
class RawConnection {
  public:
    explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(std::uint16_t(port));
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        timeval three_seconds{3, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &three_seconds, sizeof three_seconds);
    }
    ~RawConnection() { close(fd_); }
    bool connected() const { return connected_; }
    bool send_text(const std::string& text) {
        return write(fd_, text.data(), text.size()) == ssize_t(text.size());
    }
    // The next response's head and body (by Content-Length), or "" when the connection closes
    // or nothing comes within three seconds.
    std::string read_response() {
        for (;;) {
            auto head_end = pending_.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                std::size_t length = 0;
                auto at = pending_.find("Content-Length: ");
                if (at != std::string::npos && at < head_end)
                    length = std::stoul(pending_.substr(at + 16));
                std::size_t total = head_end + 4 + length;
                if (pending_.size() >= total) {
                    std::string response = pending_.substr(0, total);
                    pending_.erase(0, total);
                    return response;
                }
            }
            if (!receive()) return "";
        }
    }
    // True when the server closes the connection within three seconds.
    bool closed_by_server() {
        while (receive()) {
        }
        return eof_;
    }

  private:
    bool receive() {
        char buffer[4096];
        ssize_t n = read(fd_, buffer, sizeof buffer);
        if (n == 0) eof_ = true;
        if (n <= 0) return false;
        pending_.append(buffer, std::size_t(n));
        return true;
    }
    int fd_;
    bool connected_ = false;
    bool eof_ = false;
    std::string pending_;
};

int thread_count() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return -1;
}

const std::string kOpenApiRequest = "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";

// cpp-httplib alone keeps a thread per keep-alive connection, polling it every 10 ms.
TEST_F(HttpTest, IdleKeepAliveConnectionsHoldNoThread) {
    int before = thread_count();
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 200; ++i) {
        idle.push_back(std::make_unique<RawConnection>(port_));
        ASSERT_TRUE(idle.back()->send_text(kOpenApiRequest));
        ASSERT_NE(idle.back()->read_response().find("200 OK"), std::string::npos);
    }
    EXPECT_LT(thread_count() - before, 20);
    // Every parked connection still answers its next request.
    for (auto& connection : idle) {
        ASSERT_TRUE(connection->send_text(kOpenApiRequest));
        ASSERT_NE(connection->read_response().find("200 OK"), std::string::npos);
    }
}

TEST_F(HttpTest, PipelinedRequestsAreAllAnswered) {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send_text(kOpenApiRequest + kOpenApiRequest +
                                     "GET /api/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_NE(connection.read_response().find("200 OK"), std::string::npos);
    EXPECT_NE(connection.read_response().find("200 OK"), std::string::npos);
    EXPECT_NE(connection.read_response().find("404 Not Found"), std::string::npos);
}

// curl sends large bodies this way and waits for "100 Continue" before sending them.
TEST_F(HttpTest, ExpectContinueIsAnsweredBeforeTheBody) {
    RawConnection connection(port_);
    std::string body = R"({"email":"a@b.fr","password":"0123456789ab"})";
    ASSERT_TRUE(connection.send_text(
        "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Expect: 100-continue\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n"));
    EXPECT_NE(connection.read_response().find("100 Continue"), std::string::npos);
    ASSERT_TRUE(connection.send_text(body));
    auto response = connection.read_response();
    EXPECT_NE(response.find("200 OK"), std::string::npos) << response;
    EXPECT_NE(response.find("\"token\""), std::string::npos);
}

TEST_F(HttpTest, IdleConnectionsCloseAfterTheKeepAliveTimeout) {
    auto options = default_options();
    options.keep_alive_seconds = 1;
    restart(options);
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send_text(kOpenApiRequest));
    ASSERT_NE(connection.read_response().find("timeout=1"), std::string::npos);
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(connection.closed_by_server());
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
}

TEST_F(HttpTest, ConnectionsCloseAfterTheirLastAllowedRequest) {
    auto options = default_options();
    options.keep_alive_max_requests = 2;
    restart(options);
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send_text(kOpenApiRequest));
    EXPECT_EQ(connection.read_response().find("Connection: close"), std::string::npos);
    ASSERT_TRUE(connection.send_text(kOpenApiRequest));
    EXPECT_NE(connection.read_response().find("Connection: close"), std::string::npos);
    EXPECT_TRUE(connection.closed_by_server());
}

TEST_F(HttpTest, ConnectionsWithoutARequestCloseAtStop) {
    RawConnection silent(port_);
    ASSERT_TRUE(silent.connected());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop();
    EXPECT_TRUE(silent.closed_by_server());
    start(default_options());
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
