#pragma once
// A thread pool for request work that is mostly short and CPU-bound, sometimes long and
// blocked (password hashing, uploads, exports). It keeps a base of threads and adds one only
// when work waits while no thread has taken any for a while: then every thread is stuck, and
// one more is what lets the next client in. Queued work on a busy CPU, by contrast, adds no
// thread (more threads would only share the same cores). Surplus threads retire after a
// minute idle.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace maillage::api {

class ElasticPool final : public httplib::TaskQueue {
  public:
    // How long queued work may wait with no thread taking any before a thread is added.
    static constexpr std::chrono::milliseconds kStarvation{10};

    ElasticPool(std::size_t base_threads, std::size_t max_threads);
    ~ElasticPool() override;
    void enqueue(std::function<void()> task) override;
    void shutdown() override;
    std::size_t threads() const;

  private:
    void start_thread();
    void run();
    void supervise();

    std::size_t base_threads_;
    std::size_t max_threads_;
    mutable std::mutex mutex_;
    std::condition_variable work_available_;
    std::condition_variable starving_;  // wakes the supervisor
    std::condition_variable all_done_;
    std::deque<std::function<void()>> tasks_;
    std::size_t threads_ = 0;
    std::size_t idle_ = 0;
    std::chrono::steady_clock::time_point last_taken_;
    bool watching_ = false;  // the supervisor is timing a wait
    bool stopping_ = false;
    std::thread supervisor_;
};

}  // namespace maillage::api
