#include "api/connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace maillage::api {
namespace {

// Reads from the socket a block at a time; larger reads (request bodies) go straight to the
// caller's buffer.
constexpr std::size_t kReadBlock = 16 * 1024;
// A response larger than this leaves in several sends (file downloads, exports).
constexpr std::size_t kWriteBlock = 64 * 1024;

bool would_block() {
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

void address_text(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

}  // namespace

SocketConnection::SocketConnection(int socket, const ConnectionLimits& limits)
    : socket_(socket), limits_(limits) {}

SocketConnection::~SocketConnection() {
    ::shutdown(socket_, SHUT_RDWR);
    ::close(socket_);
}

bool SocketConnection::wait_for(short events, std::chrono::milliseconds timeout) const {
    pollfd descriptor{socket_, events, 0};
    for (;;) {
        int ready = ::poll(&descriptor, 1, int(timeout.count()));
        if (ready >= 0 || errno != EINTR) return ready > 0;
    }
}

bool SocketConnection::is_readable() const {
    return has_input() || wait_for(POLLIN, limits_.read_timeout);
}

bool SocketConnection::is_writable() const {
    return !failed_;
}

// Waits at most the read timeout; 0 at the end of the stream, -1 on error or timeout.
ssize_t SocketConnection::receive(char* ptr, size_t size) {
    for (;;) {
        ssize_t n = ::recv(socket_, ptr, size, MSG_DONTWAIT);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (!would_block() || !wait_for(POLLIN, limits_.read_timeout)) return -1;
    }
}

ssize_t SocketConnection::refill(bool wait) {
    if (!input_) input_ = std::make_unique_for_overwrite<char[]>(kReadBlock);
    input_offset_ = input_size_ = 0;
    ssize_t n;
    if (wait) {
        n = receive(input_.get(), kReadBlock);
    } else {
        do {
            n = ::recv(socket_, input_.get(), kReadBlock, MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
    }
    if (n > 0) input_size_ = std::size_t(n);
    return n;
}

ssize_t SocketConnection::read(char* ptr, size_t size) {
    if (!has_input()) {
        // The client may be waiting for what was written so far ("100 Continue").
        if (!flush()) return -1;
        if (size >= kReadBlock) return receive(ptr, size);
        ssize_t n = refill(true);
        if (n <= 0) return n;
    }
    std::size_t count = std::min(size, input_size_ - input_offset_);
    std::memcpy(ptr, input_.get() + input_offset_, count);
    input_offset_ += count;
    return ssize_t(count);
}

SocketConnection::Input SocketConnection::poll_input() {
    if (has_input()) return Input::ready;
    ssize_t n = refill(false);
    if (n > 0) return Input::ready;
    return n < 0 && would_block() ? Input::none_yet : Input::closed;
}

ssize_t SocketConnection::write(const char* ptr, size_t size) {
    if (failed_) return -1;
    if (output_.capacity() < kReadBlock) output_.reserve(kReadBlock);  // one allocation
    output_.append(ptr, size);
    if (output_.size() >= kWriteBlock && !flush()) return -1;
    return ssize_t(size);
}

bool SocketConnection::flush() {
    std::size_t sent = 0;
    while (!failed_ && sent < output_.size()) {
        ssize_t n = ::send(socket_, output_.data() + sent, output_.size() - sent,
                           MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0)
            sent += std::size_t(n);
        else if (errno != EINTR && !(would_block() && wait_for(POLLOUT, limits_.write_timeout)))
            failed_ = true;
    }
    output_.clear();
    return !failed_;
}

void SocketConnection::release_buffers() {
    if (!has_input()) input_.reset();
    if (output_.empty()) std::string().swap(output_);
}

void SocketConnection::get_remote_ip_and_port(std::string& ip, int& port) const {
    cached_address(remote_, ::getpeername, ip, port);
}

void SocketConnection::get_local_ip_and_port(std::string& ip, int& port) const {
    cached_address(local_, ::getsockname, ip, port);
}

void SocketConnection::cached_address(std::optional<std::pair<std::string, int>>& cache,
                                      int (*read)(int, sockaddr*, socklen_t*), std::string& ip,
                                      int& port) const {
    if (!cache) {
        cache.emplace();
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (read(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            address_text(address, cache->first, cache->second);
    }
    ip = cache->first;
    port = cache->second;
}

}  // namespace maillage::api
