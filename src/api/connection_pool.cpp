#include "api/connection_pool.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace maillage::api {
namespace {

// Small stacks: many blocked requests at once must fit in the memory budget.
constexpr std::size_t kStackBytes = 512 * 1024;
constexpr std::chrono::seconds kRetireAfter{60};
constexpr std::chrono::milliseconds kLongestSweepInterval{250};
// While connections were taken this recently the supervisor looks every kStarvation whether
// all workers are stuck; on an idle server it only wakes to close idle connections.
constexpr std::chrono::seconds kActive{1};
constexpr std::uint64_t kWakeKey = 0;

std::int64_t ticks(std::chrono::steady_clock::time_point t) {
    return t.time_since_epoch().count();
}

std::chrono::steady_clock::time_point from_ticks(std::int64_t count) {
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(count));
}

}  // namespace

ConnectionPool::ConnectionPool(std::size_t base_threads, std::size_t max_threads,
                               std::chrono::milliseconds idle_timeout, Serve serve)
    : base_threads_(std::max<std::size_t>(1, base_threads)),
      max_threads_(std::max(base_threads_, max_threads)),
      idle_timeout_(idle_timeout),
      serve_(std::move(serve)),
      last_taken_(ticks(std::chrono::steady_clock::now())) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_ < 0 || wake_ < 0)
        throw std::runtime_error(std::string("cannot create an epoll set: ") +
                                 std::strerror(errno));
    epoll_event wake_event{};
    wake_event.events = EPOLLIN;  // level-triggered: once written, every worker sees it
    wake_event.data.u64 = kWakeKey;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &wake_event);
    {
        std::lock_guard lock(mutex_);
        threads_ = base_threads_;
    }
    for (std::size_t i = 0; i < base_threads_; ++i) start_worker();
    supervisor_ = std::thread([this] { supervise(); });
}

ConnectionPool::~ConnectionPool() {
    stop();
    ::close(wake_);
    ::close(epoll_);
}

void ConnectionPool::start_worker() {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kStackBytes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    auto entry = [](void* self) -> void* {
        static_cast<ConnectionPool*>(self)->work();
        return nullptr;
    };
    if (pthread_create(&thread, &attributes, entry, this) != 0) {
        std::lock_guard lock(mutex_);
        --threads_;  // the ready connections wait for a running worker
        changed_.notify_all();
    }
    pthread_attr_destroy(&attributes);
}

void ConnectionPool::park(std::unique_ptr<SocketConnection> connection) {
    std::lock_guard lock(mutex_);
    if (stopping_) return;  // closed on return
    auto key = next_key_++;
    epoll_event event{};
    // One-shot: the connection is reported to one worker, then is that worker's until parked
    // again. Registered while the lock is held, so that the worker finds it in `parked_`.
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    event.data.u64 = key;
    int operation = connection->in_epoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (::epoll_ctl(epoll_, operation, connection->socket(), &event) != 0) return;
    connection->in_epoll = true;
    connection->release_buffers();
    connection->parked_at = std::chrono::steady_clock::now();
    parked_.emplace(key, std::move(connection));
}

std::unique_ptr<SocketConnection> ConnectionPool::take(std::uint64_t key) {
    std::lock_guard lock(mutex_);
    auto found = parked_.find(key);
    if (found == parked_.end()) return nullptr;  // closed as idle meanwhile
    auto connection = std::move(found->second);
    parked_.erase(found);
    return connection;
}

void ConnectionPool::work() {
    epoll_event event{};
    for (;;) {
        ++waiting_;
        int count =
            ::epoll_wait(epoll_, &event, 1, int(std::chrono::milliseconds(kRetireAfter).count()));
        --waiting_;
        if (count < 0 && errno == EINTR) continue;
        if (count == 0) {
            std::lock_guard lock(mutex_);
            if (stopping_ || threads_ <= base_threads_) continue;
            break;  // a surplus worker, idle for a minute
        }
        if (count < 0 || event.data.u64 == kWakeKey) break;  // stopping
        auto connection = take(event.data.u64);
        if (!connection) continue;
        auto now = std::chrono::steady_clock::now();
        auto previous = from_ticks(last_taken_.exchange(ticks(now)));
        if (now - previous >= kActive) {
            // The supervisor sleeps long on an idle server: tell it that work has started.
            std::lock_guard lock(mutex_);
            changed_.notify_all();
        }
        serve_(std::move(connection));
    }
    std::lock_guard lock(mutex_);
    --threads_;
    changed_.notify_all();
}

bool ConnectionPool::input_waiting() const {
    // An epoll set is readable while one of its connections is ready and not yet taken.
    pollfd descriptor{epoll_, POLLIN, 0};
    return ::poll(&descriptor, 1, 0) > 0;
}

// Adds a worker whenever input has waited kStarvation with no worker taking any, and closes
// the connections idle longer than the limit.
void ConnectionPool::supervise() {
    auto sweep_interval = std::min(idle_timeout_, std::chrono::milliseconds(kLongestSweepInterval));
    auto next_sweep = std::chrono::steady_clock::now() + sweep_interval;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        auto now = std::chrono::steady_clock::now();
        if (now >= next_sweep) {
            lock.unlock();
            close_idle(now);
            lock.lock();
            next_sweep = now + sweep_interval;
            continue;
        }
        auto last_taken = from_ticks(last_taken_.load());
        if (waiting_ == 0 && now - last_taken >= kStarvation && threads_ < max_threads_ &&
            input_waiting()) {
            ++threads_;
            last_taken_ = ticks(now);  // the next check gives the new worker its chance
            lock.unlock();
            start_worker();
            lock.lock();
            continue;
        }
        auto wake =
            now - last_taken < kActive ? std::min(next_sweep, now + kStarvation) : next_sweep;
        changed_.wait_until(lock, wake);
    }
}

void ConnectionPool::close_idle(std::chrono::steady_clock::time_point now) {
    std::vector<std::unique_ptr<SocketConnection>> expired;
    {
        std::lock_guard lock(mutex_);
        for (auto it = parked_.begin(); it != parked_.end();) {
            if (now - it->second->parked_at < idle_timeout_) {
                ++it;
                continue;
            }
            expired.push_back(std::move(it->second));
            it = parked_.erase(it);
        }
    }
    // Closed here, outside the lock (closing removes them from the epoll set).
}

void ConnectionPool::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
        changed_.notify_all();
    }
    std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake_, &one, sizeof one);
    if (supervisor_.joinable()) supervisor_.join();
    std::unordered_map<std::uint64_t, std::unique_ptr<SocketConnection>> closing;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return threads_ == 0; });
        closing.swap(parked_);
    }
}

std::size_t ConnectionPool::threads() const {
    std::lock_guard lock(mutex_);
    return threads_;
}

std::size_t ConnectionPool::parked() const {
    std::lock_guard lock(mutex_);
    return parked_.size();
}

}  // namespace maillage::api
