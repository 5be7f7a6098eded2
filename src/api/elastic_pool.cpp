#include "api/elastic_pool.hpp"

#include <pthread.h>

#include <chrono>

namespace maillage::api {
namespace {
// Small stacks: a thousand parked connections must fit in the memory budget.
constexpr std::size_t kStackBytes = 512 * 1024;
}  // namespace

ElasticPool::ElasticPool(std::size_t keep_idle, std::size_t max_threads)
    : keep_idle_(keep_idle), max_threads_(max_threads) {}

ElasticPool::~ElasticPool() {
    shutdown();
}

void ElasticPool::enqueue(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    tasks_.push_back(std::move(task));
    if (idle_ < tasks_.size() && threads_ < max_threads_) {
        ++threads_;
        lock.unlock();
        start_thread();
        return;
    }
    work_available_.notify_one();
}

void ElasticPool::start_thread() {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kStackBytes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    auto entry = [](void* self) -> void* {
        static_cast<ElasticPool*>(self)->run();
        return nullptr;
    };
    if (pthread_create(&thread, &attributes, entry, this) != 0) {
        std::lock_guard lock(mutex_);
        --threads_;  // the queued task waits for a running thread
    }
    pthread_attr_destroy(&attributes);
}

void ElasticPool::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        bool woken = work_available_.wait_for(lock, std::chrono::seconds(60),
                                              [&] { return stopping_ || !tasks_.empty(); });
        --idle_;
        if (stopping_ && tasks_.empty()) break;
        if (!woken) {
            if (threads_ > keep_idle_) break;
            continue;
        }
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
    --threads_;
    all_done_.notify_all();
}

void ElasticPool::shutdown() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    work_available_.notify_all();
    all_done_.wait(lock, [&] { return threads_ == 0; });
}

}  // namespace maillage::api
