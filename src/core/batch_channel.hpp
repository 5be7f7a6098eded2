#pragma once
// A bounded hand-off of batches from one thread to the next, in order: the imports' stages
// (read and check, code, write) run on their own threads and pass whole batches along, so
// that the file's order, and so the result, never depends on the threads.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace maillage {

template <class T>
class BatchChannel {
  public:
    explicit BatchChannel(std::size_t capacity) : capacity_(capacity) {}

    // Waits for room; false when the channel was cancelled (the batch is dropped).
    bool push(T batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || queue_.size() < capacity_; });
        if (cancelled_) return false;
        queue_.push_back(std::move(batch));
        changed_.notify_all();
        return true;
    }
    // The next batch; nothing once the channel is closed and empty, or cancelled.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || closed_ || !queue_.empty(); });
        if (cancelled_ || queue_.empty()) return std::nullopt;
        T batch = std::move(queue_.front());
        queue_.pop_front();
        changed_.notify_all();
        return batch;
    }
    // No more batches will come.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }
    // Stops both sides (on an error anywhere).
    void cancel() {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        changed_.notify_all();
    }

  private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> queue_;
    bool closed_ = false, cancelled_ = false;
};

}  // namespace maillage
