#pragma once
// A thread pool that starts a new thread whenever every thread is busy, up to a limit, and
// lets surplus threads retire after a minute idle. cpp-httplib pins one thread per
// keep-alive connection; with a fixed pool, N idle clients starve client N+1.
#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace maillage::api {

class ElasticPool final : public httplib::TaskQueue {
  public:
    ElasticPool(std::size_t keep_idle, std::size_t max_threads);
    ~ElasticPool() override;
    void enqueue(std::function<void()> task) override;
    void shutdown() override;

  private:
    void start_thread();
    void run();

    std::size_t keep_idle_;
    std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable work_available_;
    std::condition_variable all_done_;
    std::deque<std::function<void()>> tasks_;
    std::size_t threads_ = 0;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace maillage::api
