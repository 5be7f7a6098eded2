#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "api/connection_pool.hpp"

using maillage::api::ConnectionLimits;
using maillage::api::ConnectionPool;
using maillage::api::SocketConnection;
using namespace std::chrono_literals;

namespace {

const ConnectionLimits kLimits{};

// A gate that blocked requests wait at until it opens.
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

template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!condition() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(1ms);
    return condition();
}

// The client's end of a connection whose server end is parked in the pool.
class Client {
  public:
    explicit Client(ConnectionPool& pool) {
        int ends[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends) != 0)
            throw std::runtime_error("socketpair");
        socket_ = ends[0];
        pool.park(std::make_unique<SocketConnection>(ends[1], kLimits));
    }
    ~Client() { ::close(socket_); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    void send(char request) const { ASSERT_EQ(::write(socket_, &request, 1), 1); }
    // True when the server closes its end within two seconds.
    bool closed_by_server() const {
        timeval timeout{2, 0};
        ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        char byte;
        return ::read(socket_, &byte, 1) == 0;
    }

  private:
    int socket_ = -1;
};

// Reads the one-byte request of a connection the pool hands over.
char request_of(SocketConnection& connection) {
    char request = 0;
    if (connection.poll_input() != SocketConnection::Input::ready) return 0;
    return connection.read(&request, 1) == 1 ? request : 0;
}

}  // namespace

TEST(ConnectionPool, ServesEachRequestThenParksTheConnectionAgain) {
    std::atomic<int> served = 0;
    ConnectionPool* self = nullptr;
    ConnectionPool pool(2, 2, 60s, [&](std::unique_ptr<SocketConnection> c) {
        if (request_of(*c) == 'r') ++served;
        self->park(std::move(c));
    });
    self = &pool;
    Client client(pool);
    EXPECT_EQ(pool.parked(), 1u);
    client.send('r');
    EXPECT_TRUE(eventually([&] { return served == 1; }, 2000ms));
    client.send('r');
    EXPECT_TRUE(eventually([&] { return served == 2; }, 2000ms));
    EXPECT_TRUE(eventually([&] { return pool.parked() == 1; }, 2000ms));
}

TEST(ConnectionPool, BlockedWorkersDoNotStarveANewConnection) {
    Gate gate;
    std::atomic<bool> ran = false;
    ConnectionPool pool(2, 100, 60s, [&](std::unique_ptr<SocketConnection> c) {
        if (request_of(*c) == 'b')
            gate.wait();
        else
            ran = true;
    });
    Client first(pool), second(pool), third(pool);
    first.send('b');
    second.send('b');
    third.send('x');
    EXPECT_TRUE(eventually([&] { return ran.load(); }, 2000ms));
    // One more worker at least; another if the new one was slow to start on a busy machine.
    EXPECT_GE(pool.threads(), 3u);
    gate.open();
}

TEST(ConnectionPool, NeverGrowsBeyondItsLimit) {
    Gate gate;
    ConnectionPool pool(1, 3, 60s, [&](std::unique_ptr<SocketConnection> c) {
        request_of(*c);
        gate.wait();
    });
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<Client>(pool));
        clients.back()->send('b');
    }
    std::this_thread::sleep_for(ConnectionPool::kStarvation * 20);
    EXPECT_EQ(pool.threads(), 3u);
    gate.open();
}

// Short requests waiting on a busy CPU are taken one after another: adding workers would not
// make them go faster. A pool that grew whenever input waited would start about one worker
// per connection here; this one adds one at most per 10 ms without progress (on a machine so
// busy that its workers wait that long for a core).
TEST(ConnectionPool, ShortRequestsAddNoThreads) {
    std::atomic<int> done = 0;
    ConnectionPool pool(2, 1000, 60s, [&](std::unique_ptr<SocketConnection> c) {
        request_of(*c);
        auto end = std::chrono::steady_clock::now() + 200us;
        while (std::chrono::steady_clock::now() < end) {
        }
        ++done;
    });
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 300; ++i) clients.push_back(std::make_unique<Client>(pool));
    for (auto& client : clients) client->send('r');
    EXPECT_TRUE(eventually([&] { return done == 300; }, 30000ms));
    EXPECT_LT(pool.threads(), 100u);
}

TEST(ConnectionPool, ClosesConnectionsIdleBeyondTheLimit) {
    ConnectionPool pool(1, 1, 100ms, [](std::unique_ptr<SocketConnection>) {});
    Client client(pool);
    EXPECT_TRUE(client.closed_by_server());
    EXPECT_EQ(pool.parked(), 0u);
}

TEST(ConnectionPool, StopLetsRunningRequestsFinishThenClosesEveryConnection) {
    std::atomic<bool> started = false, finished = false;
    ConnectionPool pool(2, 2, 60s, [&](std::unique_ptr<SocketConnection> c) {
        request_of(*c);
        started = true;
        std::this_thread::sleep_for(100ms);
        finished = true;
    });
    Client busy(pool), idle(pool);
    busy.send('r');
    ASSERT_TRUE(eventually([&] { return started.load(); }, 2000ms));
    pool.stop();
    EXPECT_TRUE(finished);
    EXPECT_EQ(pool.parked(), 0u);
    EXPECT_TRUE(idle.closed_by_server());
    EXPECT_TRUE(busy.closed_by_server());
}
