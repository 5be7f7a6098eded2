#pragma once
// Keep-alive connections without a thread each. cpp-httplib 0.11 waits for a connection's next
// request on the worker thread that served the previous one, polling every 10 ms: 1,000 idle
// browsers are 1,000 threads waking 90,000 times a second (0.7 of the 2 cores measured in
// bench/README.md), which slows everyone else. Here a served connection is parked in one epoll
// set instead, at no CPU cost, and served again by a worker when its next request arrives
// (api/connection_pool.hpp).
#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace maillage::api {

struct ConnectionLimits {
    std::chrono::milliseconds read_timeout{30000};  // within a request
    std::chrono::milliseconds write_timeout{5000};  // for a response to drain
    std::chrono::milliseconds idle_timeout{5000};   // between requests
    std::size_t max_requests = 1000;                // per connection
};

// One accepted socket as cpp-httplib's Stream, with buffering both ways: the request is read a
// block at a time (cpp-httplib reads header lines byte by byte), and a response's header and
// body leave in one send. The socket is closed with the object.
class SocketConnection final : public httplib::Stream {
  public:
    SocketConnection(int socket, const ConnectionLimits& limits);
    ~SocketConnection() override;
    SocketConnection(const SocketConnection&) = delete;
    SocketConnection& operator=(const SocketConnection&) = delete;

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return socket_; }

    enum class Input { ready, none_yet, closed };
    // Whether a request has started to arrive, without waiting.
    Input poll_input();
    // Whether bytes already read wait in the buffer (a pipelined request).
    bool has_buffered_input() const { return has_input(); }
    // Sends what write() has buffered; false when the client is gone or too slow.
    bool flush();
    // Gives the buffers' memory back while the connection waits (a thousand parked
    // connections would otherwise keep a thousand copies of their largest answer).
    void release_buffers();

    std::size_t requests_served = 0;
    bool in_epoll = false;  // registered with the parker's epoll set
    std::chrono::steady_clock::time_point parked_at;

  private:
    bool wait_for(short events, std::chrono::milliseconds timeout) const;
    // Reads an address of the socket once (getpeername or getsockname), then from `cache`.
    void cached_address(std::optional<std::pair<std::string, int>>& cache,
                        int (*read)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const;
    ssize_t receive(char* ptr, size_t size);
    bool has_input() const { return input_offset_ < input_size_; }
    // Reads what the socket holds (at most a block) into the emptied input buffer.
    ssize_t refill(bool wait);

    int socket_;
    const ConnectionLimits& limits_;
    std::unique_ptr<char[]> input_;  // allocated while serving, not zeroed
    std::size_t input_size_ = 0;
    std::size_t input_offset_ = 0;
    std::string output_;
    bool failed_ = false;
    // The addresses, read from the socket once: cpp-httplib asks for them at every request.
    mutable std::optional<std::pair<std::string, int>> remote_, local_;
};

}  // namespace maillage::api
