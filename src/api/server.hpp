#pragma once
// The HTTP front: cpp-httplib, configured for many idle keep-alive clients (see
// docs/architecture.md): TCP_NODELAY on, idle keep-alive connections parked in epoll rather
// than on a thread (api/connections.hpp), and a thread pool that grows on demand, so that slow
// requests never make a new client wait for a free worker.
#include <cstddef>
#include <memory>
#include <string>

#include "api/router.hpp"

namespace httplib {
class Server;
}

namespace maillage::api {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;      // 0 picks a free port
    std::string web_dir;  // static files of the web application; empty serves none
    std::size_t max_body_bytes = 64 * 1024 * 1024;
    std::size_t max_threads = 4096;
    std::size_t idle_threads = 8;
    int keep_alive_seconds = 5;
    int keep_alive_max_requests = 1000;
};

class HttpServer {
  public:
    HttpServer(const Router& router, ServerOptions options);
    ~HttpServer();
    // Binds the port (throws an Error when it cannot) and returns the bound port.
    int bind();
    // Serves until stop() is called from another thread or a signal handler.
    void serve();
    void stop();

  private:
    class ParkingServer;
    void configure();
    const Router& router_;
    ServerOptions options_;
    std::unique_ptr<ParkingServer> server_;
    int listen_socket_ = -1;
};

}  // namespace maillage::api
