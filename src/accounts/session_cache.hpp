#pragma once
// Sessions this process has just checked, so that a burst of requests with one token costs one
// database lookup a second instead of three statements each (a third of a search request's
// database work on PostgreSQL).
//
// Correctness: every change this process makes to sessions, users or memberships takes effect
// at once (logout forgets its session, any other change forgets everything), and an answer
// read from the database while such a change ran is not kept. Changes made by another process
// (another server on the same PostgreSQL, or the CLI) take effect within the time to live: a
// session signed out there, or a role taken away there, still works here for at most that
// long. A session is never accepted here after its own expiry.
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/caller.hpp"

namespace maillage::accounts {

class SessionCache {
  public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    // A time to live of zero keeps nothing.
    explicit SessionCache(std::chrono::milliseconds time_to_live,
                          Clock clock = std::chrono::steady_clock::now);

    // Counts the changes so far: read it before looking a session up in the database, and hand
    // it to remember().
    std::uint64_t generation() const;
    // The caller of a session remembered less than the time to live ago and not expired at
    // `now_seconds` (Unix time).
    std::optional<Caller> find(const std::string& token_hash, std::int64_t now_seconds) const;
    // Keeps the caller, unless a change happened since `generation` was read.
    void remember(const std::string& token_hash, const Caller& caller, std::int64_t expires_at,
                  std::uint64_t generation);
    void forget(const std::string& token_hash);
    void forget_all();

  private:
    struct Entry {
        Caller caller;
        std::int64_t expires_at = 0;  // the session's, Unix time
        std::chrono::steady_clock::time_point remembered_at;
    };
    std::chrono::milliseconds time_to_live_;
    Clock clock_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t generation_ = 0;
};

}  // namespace maillage::accounts
