// Hand-computed cases: what the plan must be, worked out by hand from the rules.
#include <cmath>

#include "sharedjobs/dates.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

using testing::compose_checked;
using testing::locate;

const char* kTarnos = "40312";
const char* kOndres = "40209";
const char* kBoucau = "64140";
const char* kCapbreton = "40065";

// Travel minutes as the docs define them: great-circle km × 1.3 at 50 km/h, rounded up.
int minutes_between(const char* a, const char* b) {
    const auto& t = testing::test_territory();
    double km = territory::Territory::distance_km(t.commune(a)->lat, t.commune(a)->lon,
                                                  t.commune(b)->lat, t.commune(b)->lon);
    return int(std::ceil(km * 1.3 / 50.0 * 60.0 - 1e-9));
}

Instance base() {
    Instance inst;
    inst.group = {"GE test", 1.1, 20.0};
    inst.horizon = {"2026-01-05", "2026-01-31"};
    inst.members = {{"m1", "Firm 1", 25.0, {}}, {"m2", "Firm 2", {}, {}}, {"m3", "Firm 3", {}, {}}};
    return inst;
}

Need need(const char* id, const char* member, const char* commune, TimeWindow window,
          const char* occupation = "K2204") {
    Need n;
    n.id = id;
    n.member = member;
    n.occupation = occupation;
    n.commune = commune;
    n.windows = {window};
    n.weekly_minutes = window.length();
    return n;
}

Worker worker(const char* id, const char* home, int target_hours) {
    Worker w;
    w.id = id;
    w.name = id;
    w.home_commune = home;
    w.skills = {"K2204"};
    for (int d = 0; d < 5; ++d) w.availability.push_back({d, 6 * 60, 21 * 60});
    w.target_minutes = target_hours * 60;
    w.min_minutes = 4 * 60;
    w.max_travel_minutes = 60;
    return w;
}

const Job* job_of(const Result& r, const std::string& worker) {
    for (const auto& j : r.jobs)
        if (j.worker == worker) return &j;
    return nullptr;
}

// A at Tarnos 8–12; B at Ondres from 12:00 cannot follow A (travel); C at Boucau from 13:00 can.
TEST(Compose, TravelDecidesWhichNeedsFollowEachOther) {
    ASSERT_GT(minutes_between(kTarnos, kOndres), 0);
    ASSERT_LE(minutes_between(kTarnos, kBoucau), 60);
    auto inst = base();
    inst.needs = {need("A", "m1", kTarnos, {0, 8 * 60, 12 * 60}),
                  need("B", "m2", kOndres, {0, 12 * 60, 16 * 60}),
                  need("C", "m3", kBoucau, {0, 13 * 60, 17 * 60})};
    inst.workers = {worker("W", kTarnos, 8)};
    for (auto engine : {Engine::exact, Engine::fast}) {
        auto r = compose_checked(inst, engine);
        const Job* job = job_of(r, "W");
        ASSERT_NE(job, nullptr);
        ASSERT_EQ(job->assignments.size(), 2u);
        EXPECT_EQ(job->assignments[0].need, "A");
        EXPECT_EQ(job->assignments[1].need, "C");
        EXPECT_EQ(job->assignments[0].travel_before_minutes, 0);  // Tarnos to Tarnos
        EXPECT_EQ(job->assignments[1].travel_before_minutes, minutes_between(kTarnos, kBoucau));
        ASSERT_EQ(r.unmet.size(), 1u);
        EXPECT_EQ(r.unmet[0].need, "B");
        EXPECT_EQ(r.unmet[0].reason, UnmetReason::capacity);
        EXPECT_EQ(r.objective.target_weeks, 1);
        EXPECT_EQ(r.objective.covered_minutes, 8 * 60);
        // Home → Tarnos (0), Tarnos → Boucau, Boucau → home.
        EXPECT_EQ(r.objective.travel_minutes, 2 * minutes_between(kTarnos, kBoucau));
        EXPECT_EQ(r.objective.employers, 2);
        EXPECT_TRUE(r.bounds.proven_optimal || engine == Engine::fast);
    }
}

// Level 3: two workers could each do the need; the one who lives there travels less.
TEST(Compose, LessTravelBreaksTies) {
    auto inst = base();
    inst.needs = {need("A", "m1", kCapbreton, {1, 8 * 60, 12 * 60})};
    inst.workers = {worker("far", kBoucau, 4), worker("near", kCapbreton, 4)};
    auto r = compose_checked(inst, Engine::exact);
    ASSERT_EQ(r.jobs.size(), 1u);
    EXPECT_EQ(r.jobs[0].worker, "near");
    EXPECT_TRUE(r.bounds.cost_proven_optimal);
}

// Unmet reasons, in the order the filters apply: skills, then time, then distance.
TEST(Compose, UnmetNeedsSayWhy) {
    auto inst = base();
    inst.needs = {need("skill", "m1", kTarnos, {0, 8 * 60, 12 * 60}, "N1103"),
                  need("time", "m2", kTarnos, {5, 8 * 60, 12 * 60}),
                  need("far", "m3", kCapbreton, {2, 8 * 60, 12 * 60})};
    auto w = worker("W", kBoucau, 35);
    w.max_travel_minutes = minutes_between(kBoucau, kCapbreton) - 1;
    w.min_minutes = 0;
    inst.workers = {w};
    auto r = compose_checked(inst, Engine::exact);
    ASSERT_EQ(r.unmet.size(), 3u);
    EXPECT_EQ(r.unmet[0].reason, UnmetReason::no_skill);
    EXPECT_EQ(r.unmet[1].reason, UnmetReason::no_time_window);  // Saturday: not available
    EXPECT_EQ(r.unmet[2].reason, UnmetReason::too_far);
    EXPECT_TRUE(r.jobs.empty());
}

// The minimum: a worker given work gets at least min hours, or none at all.
TEST(Compose, NoJobBelowTheMinimum) {
    auto inst = base();
    inst.needs = {need("A", "m1", kTarnos, {0, 8 * 60, 11 * 60})};
    inst.workers = {worker("W", kTarnos, 35)};  // minimum 4 h, the need has 3 h
    auto r = compose_checked(inst, Engine::exact);
    EXPECT_TRUE(r.jobs.empty());
    ASSERT_EQ(r.unmet.size(), 1u);
}

// Seed 003, III-20: two seasonal peaks at the same weekly times, one in winter and one in
// spring, make one job; overlapping times would conflict only if the periods met.
TEST(Compose, SeasonalPeaksCombineIntoOneJob) {
    auto inst = base();
    inst.horizon = {"2026-01-05", "2026-06-28"};
    auto winter = need("winter", "m1", kTarnos, {0, 8 * 60, 16 * 60});
    winter.windows = {{0, 480, 960}, {1, 480, 960}, {2, 480, 960}, {3, 480, 960}};
    winter.weekly_minutes = 32 * 60;
    winter.start = "2026-01-05";
    winter.end = "2026-03-29";
    auto spring = winter;
    spring.id = "spring";
    spring.member = "m2";
    spring.commune = kOndres;
    spring.start = "2026-03-30";
    spring.end = "2026-06-28";
    inst.needs = {winter, spring};
    inst.workers = {worker("W", kTarnos, 32)};
    auto r = compose_checked(inst, Engine::exact);
    ASSERT_EQ(r.jobs.size(), 1u);
    EXPECT_TRUE(r.unmet.empty());
    EXPECT_EQ(r.jobs[0].weeks.size(), 2u);
    EXPECT_EQ(r.jobs[0].employers.size(), 2u);
}

// Billing by hand: m1's need is 4 h every Monday of January 2026 from the 5th: the 5th, 12th,
// 19th and 26th; the 19th is declared a holiday: 3 × 4 h = 12 h × 25 € × 1.1 = 330 €.
TEST(Compose, BillingCountsWorkedDaysAndSkipsHolidays) {
    auto inst = base();
    inst.rules.public_holidays = {"2026-01-19"};
    inst.needs = {need("A", "m1", kTarnos, {0, 8 * 60, 12 * 60})};
    auto w = worker("W", kTarnos, 4);
    w.min_minutes = 0;
    inst.workers = {w};
    auto r = compose_checked(inst, Engine::exact);
    double amount = -1;
    int minutes = -1;
    for (const auto& b : r.billing)
        if (b.member == "m1" && b.month == "2026-01") {
            amount = b.amount;
            minutes = b.planned_minutes;
        }
    EXPECT_EQ(minutes, 12 * 60);
    EXPECT_DOUBLE_EQ(amount, 330.0);
}

// A splittable need's shifts may go to different workers; a need that is not may not.
TEST(Compose, SplittableNeedsShareOutTheirShifts) {
    auto inst = base();
    auto n = need("S", "m1", kTarnos, {0, 8 * 60, 12 * 60});
    n.windows = {{0, 480, 720}, {1, 480, 720}};
    n.weekly_minutes = 8 * 60;
    n.splittable = true;
    inst.needs = {n};
    auto monday = worker("mon", kTarnos, 4), tuesday = worker("tue", kTarnos, 4);
    monday.availability = {{0, 360, 1260}};
    tuesday.availability = {{1, 360, 1260}};
    inst.workers = {monday, tuesday};
    auto r = compose_checked(inst, Engine::exact);
    EXPECT_EQ(r.jobs.size(), 2u);
    EXPECT_TRUE(r.unmet.empty());
    inst.needs[0].splittable = false;
    auto whole = compose_checked(inst, Engine::exact);
    EXPECT_TRUE(whole.jobs.empty());
    ASSERT_EQ(whole.unmet.size(), 1u);
}

}  // namespace
}  // namespace maillage::sharedjobs
