#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "api/elastic_pool.hpp"

using maillage::api::ElasticPool;
using namespace std::chrono_literals;

namespace {

// A gate that blocked tasks wait at until it opens.
class Gate {
  public:
    void wait() {
        std::unique_lock lock(mutex_);
        opened_.wait(lock, [&] { return open_; });
    }
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        opened_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable opened_;
    bool open_ = false;
};

bool eventually(const std::atomic<bool>& flag, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!flag && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(1ms);
    return flag;
}

}  // namespace

TEST(ElasticPool, BlockedThreadsDoNotStarveNewWork) {
    ElasticPool pool(2, 100);
    Gate gate;
    pool.enqueue([&] { gate.wait(); });
    pool.enqueue([&] { gate.wait(); });
    std::atomic<bool> ran = false;
    pool.enqueue([&] { ran = true; });
    EXPECT_TRUE(eventually(ran, 2000ms));
    // One more thread at least; another if the new one was slow to start on a busy machine.
    EXPECT_GE(pool.threads(), 3u);
    gate.open();
}

TEST(ElasticPool, NeverGrowsBeyondItsLimit) {
    ElasticPool pool(1, 3);
    Gate gate;
    for (int i = 0; i < 5; ++i) pool.enqueue([&] { gate.wait(); });
    std::this_thread::sleep_for(ElasticPool::kStarvation * 20);
    EXPECT_EQ(pool.threads(), 3u);
    gate.open();
}

// Short tasks queued on a busy CPU are taken one after another: adding threads would not make
// them go faster. A pool that grew whenever work queued started about one thread per task
// here; this one adds one at most per 10 ms without progress (on a machine so busy that its
// threads wait that long for a core).
TEST(ElasticPool, ShortTasksAddNoThreads) {
    ElasticPool pool(2, 1000);
    std::atomic<int> done = 0;
    for (int i = 0; i < 300; ++i)
        pool.enqueue([&] {
            auto end = std::chrono::steady_clock::now() + 200us;
            while (std::chrono::steady_clock::now() < end) {
            }
            ++done;
        });
    while (done < 300) std::this_thread::sleep_for(1ms);
    EXPECT_LT(pool.threads(), 100u);
}

TEST(ElasticPool, ShutdownRunsTheQueuedWorkFirst) {
    std::atomic<int> done = 0;
    {
        ElasticPool pool(1, 1);
        for (int i = 0; i < 50; ++i) pool.enqueue([&] { ++done; });
        pool.shutdown();
        EXPECT_EQ(done, 50);
    }
}
