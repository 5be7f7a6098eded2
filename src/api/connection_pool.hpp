#pragma once
// The worker threads and the connections they serve. Every connection waiting for its next
// request sits in one epoll set (at no CPU cost, so a thousand idle browsers cost nothing),
// and the idle workers wait on that set themselves: a request that arrives wakes one worker,
// which reads it, answers and parks the connection again. One thread wake-up per request,
// where a separate poller thread handing connections to a task queue costs two, with their
// futex calls (bench/README.md, "Search API").
//
// Work is mostly short and CPU-bound, sometimes long and blocked (password hashing, uploads,
// exports). The pool keeps a base of workers and adds one only when a parked connection has
// input while no worker has taken any for a while: then every worker is stuck, and one more is
// what lets the next client in. Ready connections on a busy CPU, by contrast, add no worker
// (more threads would only share the same cores). Surplus workers retire after a minute idle.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "api/connections.hpp"

namespace maillage::api {

class ConnectionPool {
  public:
    // Answers the requests that have arrived on a connection, then parks it again (or drops
    // it, which closes it). Runs on a worker thread.
    using Serve = std::function<void(std::unique_ptr<SocketConnection>)>;
    // How long ready connections may wait with no worker taking any before one is added.
    static constexpr std::chrono::milliseconds kStarvation{10};

    ConnectionPool(std::size_t base_threads, std::size_t max_threads,
                   std::chrono::milliseconds idle_timeout, Serve serve);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    // Waits for the connection's next request (or its first); closes it when stopping.
    // Thread-safe, never blocks on the network.
    void park(std::unique_ptr<SocketConnection> connection);
    // Lets the running requests finish, then closes every connection.
    void stop();
    std::size_t threads() const;
    std::size_t parked() const;

  private:
    void start_worker();
    void work();
    // Takes the parked connection an epoll event names, if it is still parked.
    std::unique_ptr<SocketConnection> take(std::uint64_t key);
    void supervise();
    bool input_waiting() const;
    void close_idle(std::chrono::steady_clock::time_point now);

    std::size_t base_threads_;
    std::size_t max_threads_;
    std::chrono::milliseconds idle_timeout_;
    Serve serve_;
    int epoll_ = -1;
    int wake_ = -1;  // eventfd, readable once stopping: wakes every worker

    mutable std::mutex mutex_;
    // Parked connections by key (a counter, so that a late event never names a newer one).
    std::unordered_map<std::uint64_t, std::unique_ptr<SocketConnection>> parked_;
    std::uint64_t next_key_ = 1;
    std::size_t threads_ = 0;
    bool stopping_ = false;
    std::condition_variable changed_;       // a worker ended, or stopping
    std::atomic<std::size_t> waiting_{0};   // workers in epoll_wait
    std::atomic<std::int64_t> last_taken_;  // steady_clock ticks of the last connection taken
    std::thread supervisor_;
};

}  // namespace maillage::api
