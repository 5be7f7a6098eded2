#include "api/server.hpp"

#include <httplib.h>

#include "api/connection_pool.hpp"
#include "api/connections.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <fstream>

namespace maillage::api {
namespace {

constexpr const char* kSessionCookie = "maillage_session=";
constexpr int kListenBacklog = 4096;

std::string session_token(const httplib::Request& req) {
    auto authorization = req.get_header_value("Authorization");
    if (authorization.rfind("Bearer ", 0) == 0) return authorization.substr(7);
    auto cookies = req.get_header_value("Cookie");
    auto at = cookies.find(kSessionCookie);
    if (at == std::string::npos) return {};
    at += std::char_traits<char>::length(kSessionCookie);
    return cookies.substr(at, cookies.find(';', at) - at);
}

Request to_request(const httplib::Request& req) {
    Request request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.query.emplace(name, value);
    request.body = req.body;
    request.content_type = req.get_header_value("Content-Type");
    request.token = session_token(req);
    return request;
}

void write_response(const Response& response, httplib::Response& res) {
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name, value);
    if (!response.content_type.empty()) res.set_content(response.body, response.content_type);
}

std::string without_brotli(const std::string& accepted) {
    std::string kept;
    std::size_t start = 0;
    while (start <= accepted.size()) {
        std::size_t end = std::min(accepted.find(',', start), accepted.size());
        std::string item = accepted.substr(start, end - start);
        std::size_t first = item.find_first_not_of(' ');
        if (first != std::string::npos && item.compare(first, 2, "br") != 0)
            kept += (kept.empty() ? "" : ", ") + item.substr(first);
        start = end + 1;
    }
    return kept;
}

bool is_api(const std::string& path) {
    return path.rfind("/api/", 0) == 0 || path == "/api";
}

// The task queue cpp-httplib creates when it starts listening. cpp-httplib hands it each
// accepted socket; the socket is parked at once (no blocking work happens on the accepting
// thread) and the pool's workers serve it when its first request arrives.
class ConnectionQueue final : public httplib::TaskQueue {
  public:
    ConnectionQueue(std::size_t idle_threads, std::size_t max_threads,
                    std::chrono::milliseconds idle_timeout, ConnectionPool::Serve serve)
        : pool_(idle_threads, max_threads, idle_timeout, std::move(serve)) {}
    // The task calls process_and_close_socket(), which only parks the connection.
    void enqueue(std::function<void()> task) override { task(); }
    void shutdown() override { pool_.stop(); }
    void park(std::unique_ptr<SocketConnection> connection) { pool_.park(std::move(connection)); }

  private:
    ConnectionPool pool_;
};

}  // namespace

// cpp-httplib with its own connection handling replaced (see api/connections.hpp): it still
// parses, routes and answers each request, but a connection waiting for its next request is
// parked instead of holding a thread.
class HttpServer::ParkingServer final : public httplib::Server {
  public:
    explicit ParkingServer(const ServerOptions& options)
        : limits_{std::chrono::seconds(kReadTimeoutSeconds), std::chrono::seconds(5),
                  std::chrono::seconds(options.keep_alive_seconds),
                  std::size_t(std::max(1, options.keep_alive_max_requests))} {
        auto idle = options.idle_threads, max = options.max_threads;
        new_task_queue = [this, idle, max] {
            auto* queue = new ConnectionQueue(
                idle, max, limits_.idle_timeout,
                [this](std::unique_ptr<SocketConnection> c) { serve(std::move(c)); });
            queue_ = queue;
            return queue;
        };
    }

  private:
    static constexpr int kReadTimeoutSeconds = 30;

    // Called by cpp-httplib, through ConnectionQueue::enqueue, for each accepted socket.
    bool process_and_close_socket(int socket) override {
        park(std::make_unique<SocketConnection>(socket, limits_));
        return true;
    }

    void park(std::unique_ptr<SocketConnection> connection) {
        if (auto* queue = queue_.load()) queue->park(std::move(connection));
    }

    // On a worker, once input has arrived: answers the requests that have, then parks the
    // connection or closes it.
    void serve(std::unique_ptr<SocketConnection> connection) {
        for (;;) {
            auto input = connection->poll_input();
            if (input == SocketConnection::Input::closed) return;
            if (input == SocketConnection::Input::none_yet) return park(std::move(connection));
            bool last = ++connection->requests_served >= limits_.max_requests;
            bool client_closes = false;
            bool answered = process_request(*connection, last, client_closes, nullptr);
            if (!connection->flush() || !answered || client_closes || last) return;
            // Nothing buffered: the epoll set says when the next request comes, without a read
            // here that would only find the socket empty.
            if (!connection->has_buffered_input()) return park(std::move(connection));
        }
    }

    ConnectionLimits limits_;
    std::atomic<ConnectionQueue*> queue_{nullptr};
};

HttpServer::HttpServer(const Router& router, ServerOptions options)
    : router_(router),
      options_(std::move(options)),
      server_(std::make_unique<ParkingServer>(options_)) {
    configure();
}

HttpServer::~HttpServer() = default;

void HttpServer::configure() {
    auto& svr = *server_;
    svr.set_tcp_nodelay(true);
    svr.set_keep_alive_timeout(options_.keep_alive_seconds);
    svr.set_keep_alive_max_count(options_.keep_alive_max_requests);
    svr.set_payload_max_length(options_.max_body_bytes);
    // Debian's compiled cpp-httplib listens with a backlog of 5: a burst of new clients
    // overflows it and waits a full second for SYN retransmission. Keep the socket to raise
    // the backlog after bind().
    svr.set_socket_options([this](int socket) {
        int on = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        listen_socket_ = socket;
    });
    auto handle = [this](const httplib::Request& req, httplib::Response& res) {
        write_response(router_.dispatch(to_request(req)), res);
    };
    const char* api_pattern = R"(/api(/.*)?)";
    svr.Get(api_pattern, handle);
    svr.Post(api_pattern, handle);
    svr.Put(api_pattern, handle);
    svr.Patch(api_pattern, handle);
    svr.Delete(api_pattern, handle);

    if (!options_.web_dir.empty() && svr.set_mount_point("/", options_.web_dir)) {
        // Built assets carry a content hash in their names, so they never change.
        svr.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
            bool hashed = req.path.rfind("/assets/", 0) == 0;
            res.set_header("Cache-Control",
                           hashed ? "public, max-age=31536000, immutable" : "no-cache");
        });
        std::string index = options_.web_dir + "/index.html";
        // Client-side routes (/p/seignanx/actors) all load the application shell; a missing
        // asset stays a 404 so that a stale page fails visibly instead of running HTML.
        svr.Get(R"(/(?!api/|assets/).*)", [index](const httplib::Request&, httplib::Response& res) {
            std::ifstream in(index, std::ios::binary);
            if (!in) {
                res.status = 404;
                return;
            }
            std::string html((std::istreambuf_iterator<char>(in)), {});
            res.set_header("Cache-Control", "no-cache");
            res.set_content(html, "text/html; charset=utf-8");
        });
    }

    // cpp-httplib compresses with Brotli at its top quality whenever a browser accepts it:
    // 0.5 s for the 377 KB stylesheet. gzip costs a few milliseconds for nearly the same size,
    // so "br" is taken out of the request's accepted encodings before the response is written.
    svr.set_pre_routing_handler([handle](const httplib::Request& req, httplib::Response& res) {
        // The request object is owned, mutable, by the server; the handler only sees it const.
        auto& headers = const_cast<httplib::Request&>(req).headers;
        auto found = headers.find("Accept-Encoding");
        if (found != headers.end()) found->second = without_brotli(found->second);
        // A GET of the API is answered here: cpp-httplib would first look for a static file of
        // that name (a stat() per request) and then match its handlers' regular expressions.
        // Bodies are read after this handler, but cpp-httplib 0.11 reads none for a GET.
        if (req.method == "GET" && is_api(req.path)) {
            handle(req, res);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("X-Frame-Options", "DENY");
        res.set_header("Referrer-Policy", "same-origin");
    });
    // Errors raised by the transport itself (413, 400) also answer in the API's JSON shape.
    svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || !is_api(req.path)) return;
        ErrorCode code = res.status == 413   ? ErrorCode::payload_too_large
                         : res.status == 404 ? ErrorCode::not_found
                                             : ErrorCode::invalid_input;
        std::string message = res.status == 413 ? "request body too large" : "bad request";
        res.set_content(error_json(Error(code, message)).dump(), "application/json");
    });
}

int HttpServer::bind() {
    int port = options_.port == 0
                   ? server_->bind_to_any_port(options_.host)
                   : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port < 0)
        throw Error(ErrorCode::internal, "cannot listen on " + options_.host + ":" +
                                             std::to_string(options_.port) +
                                             " (address in use or not allowed)");
    if (listen_socket_ >= 0) ::listen(listen_socket_, kListenBacklog);
    return port;
}

void HttpServer::serve() {
    server_->listen_after_bind();
}

void HttpServer::stop() {
    // cpp-httplib's stop() does nothing while its listen loop has not started yet; a listening
    // socket shut down first makes that loop end as soon as it starts.
    if (listen_socket_ >= 0) ::shutdown(listen_socket_, SHUT_RDWR);
    server_->stop();
}

}  // namespace maillage::api
