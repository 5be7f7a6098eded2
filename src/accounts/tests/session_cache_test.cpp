#include <gtest/gtest.h>

#include "accounts/session_cache.hpp"

using namespace maillage;
using namespace maillage::accounts;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct ManualClock {
    std::chrono::steady_clock::time_point now{};
    SessionCache::Clock function() {
        return [this] { return now; };
    }
};

Caller anne() {
    Caller c;
    c.id = 7;
    c.email = "anne@example.org";
    c.poles.push_back({1, "seignanx", "Seignanx", "ptce", "admin"});
    return c;
}

constexpr std::int64_t kNow = 1'800'000'000;  // Unix time of the tests

}  // namespace

TEST(SessionCache, RemembersForTheTimeToLiveOnly) {
    ManualClock clock;
    SessionCache cache(1000ms, clock.function());
    cache.remember("h", anne(), kNow + 3600, cache.generation());
    auto found = cache.find("h", kNow);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->email, "anne@example.org");
    EXPECT_EQ(found->poles.at(0).role, "admin");
    clock.now += 999ms;
    EXPECT_TRUE(cache.find("h", kNow));
    clock.now += 1ms;
    EXPECT_FALSE(cache.find("h", kNow));
    EXPECT_FALSE(cache.find("other", kNow));
}

TEST(SessionCache, NeverAcceptsASessionPastItsExpiry) {
    ManualClock clock;
    SessionCache cache(1000ms, clock.function());
    cache.remember("h", anne(), kNow + 1, cache.generation());
    EXPECT_TRUE(cache.find("h", kNow + 1));
    EXPECT_FALSE(cache.find("h", kNow + 2));
}

TEST(SessionCache, ForgettingIsImmediate) {
    ManualClock clock;
    SessionCache cache(1000ms, clock.function());
    cache.remember("a", anne(), kNow + 3600, cache.generation());
    cache.remember("b", anne(), kNow + 3600, cache.generation());
    cache.forget("a");
    EXPECT_FALSE(cache.find("a", kNow));
    EXPECT_TRUE(cache.find("b", kNow));
    cache.forget_all();
    EXPECT_FALSE(cache.find("b", kNow));
}

// A lookup that read the database before a sign-out must not bring the session back.
TEST(SessionCache, AnswersReadBeforeAChangeAreNotKept) {
    ManualClock clock;
    SessionCache cache(1000ms, clock.function());
    auto before = cache.generation();
    cache.forget("h");  // the sign-out, done while the lookup ran
    cache.remember("h", anne(), kNow + 3600, before);
    EXPECT_FALSE(cache.find("h", kNow));
    cache.remember("h", anne(), kNow + 3600, cache.generation());
    EXPECT_TRUE(cache.find("h", kNow));
}

TEST(SessionCache, ATimeToLiveOfZeroKeepsNothing) {
    SessionCache cache(0ms);
    cache.remember("h", anne(), kNow + 3600, cache.generation());
    EXPECT_FALSE(cache.find("h", kNow));
}

TEST(SessionCache, ManySessionsStayBounded) {
    ManualClock clock;
    SessionCache cache(1000ms, clock.function());
    for (int i = 0; i < 25000; ++i)
        cache.remember("t" + std::to_string(i), anne(), kNow + 3600, cache.generation());
    EXPECT_TRUE(cache.find("t24999", kNow));  // the newest is always kept
    int kept = 0;
    for (int i = 0; i < 25000; ++i) kept += cache.find("t" + std::to_string(i), kNow) ? 1 : 0;
    EXPECT_LE(kept, 10000);
}
