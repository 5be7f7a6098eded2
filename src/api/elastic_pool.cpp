#include "api/elastic_pool.hpp"

#include <pthread.h>

namespace maillage::api {
namespace {
// Small stacks: many blocked requests at once must fit in the memory budget.
constexpr std::size_t kStackBytes = 512 * 1024;
constexpr std::chrono::seconds kRetireAfter{60};
}  // namespace

ElasticPool::ElasticPool(std::size_t base_threads, std::size_t max_threads)
    : base_threads_(std::max<std::size_t>(1, base_threads)),
      max_threads_(std::max(base_threads_, max_threads)),
      last_taken_(std::chrono::steady_clock::now()),
      supervisor_([this] { supervise(); }) {}

ElasticPool::~ElasticPool() {
    shutdown();
}

void ElasticPool::enqueue(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    tasks_.push_back(std::move(task));
    // More queued work than idle threads to take it: the supervisor starts watching.
    if (!watching_ && tasks_.size() > idle_) starving_.notify_one();
    if (idle_ > 0) {
        work_available_.notify_one();
    } else if (threads_ < base_threads_) {
        ++threads_;
        lock.unlock();
        start_thread();
    }
}

std::size_t ElasticPool::threads() const {
    std::lock_guard lock(mutex_);
    return threads_;
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
        all_done_.notify_all();
    }
    pthread_attr_destroy(&attributes);
}

void ElasticPool::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        bool woken = work_available_.wait_for(lock, kRetireAfter,
                                              [&] { return stopping_ || !tasks_.empty(); });
        --idle_;
        if (stopping_ && tasks_.empty()) break;
        if (!woken) {
            if (threads_ > base_threads_) break;
            continue;
        }
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        last_taken_ = std::chrono::steady_clock::now();
        lock.unlock();
        task();
        lock.lock();
    }
    --threads_;
    all_done_.notify_all();
}

// Adds a thread whenever work has waited kStarvation with no thread taking any. It sleeps
// while the queue is empty, and wakes at most once per kStarvation while it is not.
void ElasticPool::supervise() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (tasks_.empty()) {
            watching_ = false;
            starving_.wait(lock);
            continue;
        }
        watching_ = true;
        auto now = std::chrono::steady_clock::now();
        if (now < last_taken_ + kStarvation) {
            starving_.wait_until(lock, last_taken_ + kStarvation);
            continue;
        }
        last_taken_ = now;  // the next check gives the new thread its chance
        if (threads_ >= max_threads_) continue;
        ++threads_;
        lock.unlock();
        start_thread();
        lock.lock();
    }
}

void ElasticPool::shutdown() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    work_available_.notify_all();
    starving_.notify_all();
    all_done_.wait(lock, [&] { return threads_ == 0; });
    lock.unlock();
    if (supervisor_.joinable()) supervisor_.join();
}

}  // namespace maillage::api
