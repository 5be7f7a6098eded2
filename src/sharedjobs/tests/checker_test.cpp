// The checker must be able to fail: each rule broken on purpose in a good plan is reported.
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

struct Fixture {
    Instance instance;
    Result result;
};

Fixture good_plan() {
    GeneratorSpec spec;
    spec.firms = 4;
    spec.needs = 10;
    spec.workers = 4;
    spec.occupations = 2;
    spec.seasonal_share = 0;
    Fixture f{generate_instance(spec, testing::seignanx_places(), 7), {}};
    f.result = testing::compose_checked(f.instance, Engine::exact);
    return f;
}

bool reports(const Fixture& f, const std::string& words) {
    for (const auto& p : check_result(f.instance, f.result, testing::locate()))
        if (p.find(words) != std::string::npos) return true;
    return false;
}

TEST(Checker, AcceptsTheComposersPlanAndCatchesEachBrokenRule) {
    auto f = good_plan();
    ASSERT_FALSE(f.result.jobs.empty());
    EXPECT_TRUE(check_result(f.instance, f.result, testing::locate()).empty());
    {
        auto g = f;
        auto& job = g.result.jobs[0];
        for (auto& w : g.instance.workers)
            if (w.id == job.worker) w.skills = {"X0000"};
        EXPECT_TRUE(reports(g, "lacks a skill"));
    }
    {
        auto g = f;
        for (auto& w : g.instance.workers)
            if (w.id == g.result.jobs[0].worker) w.target_minutes = 60;
        EXPECT_TRUE(reports(g, "beyond the target hours"));
    }
    {
        auto g = f;
        g.instance.rules.max_daily_minutes = 30;
        EXPECT_TRUE(reports(g, "daily cap exceeded"));
    }
    {
        auto g = f;
        for (auto& w : g.instance.workers)
            if (w.id == g.result.jobs[0].worker) w.availability.clear();
        EXPECT_TRUE(reports(g, "not available"));
    }
    {
        auto g = f;
        for (auto& w : g.instance.workers)
            if (w.id == g.result.jobs[0].worker) w.max_employers = 0;
        EXPECT_TRUE(reports(g, "too many employers"));
    }
    {
        auto g = f;
        g.result.jobs[0].assignments[0].time.start -= 15;
        EXPECT_TRUE(reports(g, "outside the need's windows"));
    }
    {
        auto g = f;
        g.result.unmet.clear();
        g.instance.needs.push_back(g.instance.needs[0]);
        g.instance.needs.back().id = "extra";
        EXPECT_TRUE(reports(g, "unmet hours not reported"));
    }
    {
        auto g = f;
        g.result.billing[0].amount += 1;
        EXPECT_TRUE(reports(g, "amount differs"));
    }
}

TEST(Checker, CatchesOverlapsRestAndTravel) {
    Instance inst;
    inst.group = {"GE", 1, 20};
    inst.horizon = {"2026-01-05", "2026-01-11"};
    inst.members = {{"m", "m", {}, {}}};
    Need a;
    a.id = "a";
    a.member = "m";
    a.occupation = "K2204";
    a.commune = "40312";
    a.windows = {{0, 8 * 60, 12 * 60}};
    a.weekly_minutes = 240;
    Need b = a;
    b.id = "b";
    b.commune = "40065";  // Capbreton, about 20 minutes from Tarnos
    b.windows = {{0, 12 * 60, 16 * 60}};
    Need late = a;
    late.id = "late";
    late.windows = {{1, 3 * 60, 7 * 60}};  // Tuesday 03:00, 15 h after Monday 12:00: fine
    Worker w;
    w.id = "w";
    w.home_commune = "40312";
    w.skills = {"K2204"};
    w.availability = {{0, 0, 1440}, {1, 0, 1440}};
    w.max_travel_minutes = 90;
    inst.needs = {a, b, late};
    inst.workers = {w};
    Result r;
    Job job;
    job.worker = "w";
    auto assign = [&](const Need& n) {
        job.assignments.push_back(
            {n.id, "m", "K2204", n.commune, n.windows[0], "2026-01-05", "2026-01-11", 0});
    };
    assign(a);
    assign(b);
    r.jobs = {job};
    Fixture f{inst, r};
    EXPECT_TRUE(reports(f, "overlap once travel is counted"));
    f.result.jobs[0].assignments = {f.result.jobs[0].assignments[0]};
    f.result.jobs[0].assignments.push_back(
        {"late", "m", "K2204", "40312", {1, 3 * 60, 7 * 60}, "2026-01-05", "2026-01-11", 0});
    EXPECT_FALSE(reports(f, "daily rest before"));
    f.instance.rules.daily_rest_minutes = 16 * 60;
    EXPECT_TRUE(reports(f, "daily rest before"));
}

}  // namespace
}  // namespace maillage::sharedjobs
