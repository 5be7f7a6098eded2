#include "accounts/session_cache.hpp"

namespace maillage::accounts {
namespace {
// Beyond this many remembered sessions the stale ones are dropped (and all of them if none is),
// so that memory stays bounded whatever the number of clients.
constexpr std::size_t kMostEntries = 10000;
}  // namespace

SessionCache::SessionCache(std::chrono::milliseconds time_to_live, Clock clock)
    : time_to_live_(time_to_live), clock_(std::move(clock)) {}

std::uint64_t SessionCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

std::optional<Caller> SessionCache::find(const std::string& token_hash,
                                         std::int64_t now_seconds) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(token_hash);
    if (found == entries_.end()) return std::nullopt;
    const Entry& entry = found->second;
    if (clock_() - entry.remembered_at >= time_to_live_ || entry.expires_at < now_seconds)
        return std::nullopt;
    return entry.caller;
}

void SessionCache::remember(const std::string& token_hash, const Caller& caller,
                            std::int64_t expires_at, std::uint64_t generation) {
    if (time_to_live_.count() <= 0) return;
    auto now = clock_();
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;  // read before a change: maybe stale
    if (entries_.size() >= kMostEntries) {
        std::erase_if(entries_, [&](const auto& item) {
            return now - item.second.remembered_at >= time_to_live_;
        });
        if (entries_.size() >= kMostEntries) entries_.clear();
    }
    entries_.insert_or_assign(token_hash, Entry{caller, expires_at, now});
}

void SessionCache::forget(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    ++generation_;
    entries_.erase(token_hash);
}

void SessionCache::forget_all() {
    std::lock_guard lock(mutex_);
    ++generation_;
    entries_.clear();
}

}  // namespace maillage::accounts
