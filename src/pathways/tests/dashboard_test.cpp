// The dashboard's aggregates, computed in SQL, against hand-computed cohorts and against a
// second count made in C++ from the facts the test itself created.
#include <map>
#include <random>

#include "pathways_fixture.hpp"

using namespace maillage;
using namespace maillage::pathways;
using namespace maillage::pathways::testing;

class DashboardTest : public PathwaysTest {
  protected:
    Project created(const std::string& title, const std::string& created_on,
                    const std::optional<std::string>& ceased_on = std::nullopt) {
        auto in = input(title, "scop_scic_paca", "2019-01-01");
        in.created_on = created_on;
        in.ceased_on = ceased_on;
        return service().create_project(pole_, admin_, in);
    }
};

namespace {

const storage::Cohort* cohort(const Dashboard& d, int year) {
    for (const auto& c : d.cohorts)
        if (c.year == year) return &c;
    return nullptr;
}

}  // namespace

// Survival at k years: of the projects created in year Y whose k-th anniversary has come,
// those that had not ceased before it. A 29 February creation reaches it on 1 March.
TEST_P(DashboardTest, SurvivalAtOneThreeAndFiveYearsByCohort) {
    created("P1", "2020-03-10");
    created("P2", "2020-02-29", "2021-02-28");  // ceased the day before its first anniversary
    created("P3", "2020-06-01", "2022-06-01");  // alive on its first anniversary, not its third
    created("P4", "2024-02-29");
    created("P5", "2021-05-05", "2021-05-05");
    auto d = service().dashboard(pole_, day("2025-03-01"));
    const auto* c2020 = cohort(d, 2020);
    ASSERT_TRUE(c2020);
    EXPECT_EQ(c2020->created, 3);
    EXPECT_EQ(c2020->eligible[0], 3);
    EXPECT_EQ(c2020->survived[0], 2);  // P1, P3
    EXPECT_EQ(c2020->eligible[1], 3);
    EXPECT_EQ(c2020->survived[1], 1);  // P1
    EXPECT_EQ(c2020->eligible[2], 1);  // only P2's fifth anniversary (1 March 2025) has come
    EXPECT_EQ(c2020->survived[2], 0);
    const auto* c2021 = cohort(d, 2021);
    ASSERT_TRUE(c2021);
    EXPECT_EQ(c2021->eligible[0], 1);
    EXPECT_EQ(c2021->survived[0], 0);  // ceased on its creation day
    const auto* c2024 = cohort(d, 2024);
    ASSERT_TRUE(c2024);
    EXPECT_EQ(c2024->eligible[0], 1);
    EXPECT_EQ(c2024->survived[0], 1);
    // One day earlier, P4's first anniversary has not come yet.
    auto before = service().dashboard(pole_, day("2025-02-28"));
    EXPECT_EQ(cohort(before, 2024)->eligible[0], 0);
    EXPECT_EQ(cohort(before, 2020)->eligible[2], 0);
    // Years: creations and cessations.
    std::map<int, std::pair<std::int64_t, std::int64_t>> years;
    for (const auto& y : d.years) years[y.year] = {y.created, y.ceased};
    EXPECT_EQ(years[2020], (std::pair<std::int64_t, std::int64_t>{3, 0}));
    EXPECT_EQ(years[2021], (std::pair<std::int64_t, std::int64_t>{1, 2}));
    EXPECT_EQ(years[2022], (std::pair<std::int64_t, std::int64_t>{0, 1}));
}

TEST_P(DashboardTest, JobsAndTimeInStage) {
    auto a = create("A", "scop_scic_paca", "2024-01-15");
    auto b = create("B", "scop_scic_paca", "2024-02-01");
    create("C", "liguria", "2024-03-01");
    advance(a.id, "2024-03-01");  // 46 days in emergence
    advance(b.id, "2024-03-02");  // 30 days
    service().declare_jobs(pole_, admin_, a.id, {2021, 3, 2.5});
    service().declare_jobs(pole_, admin_, b.id, {2021, 2, std::nullopt});
    service().declare_jobs(pole_, admin_, a.id, {2022, 4, 3.0});
    service().declare_jobs(pole_, admin_, a.id, {2022, 5, 3.5});  // a correction replaces it
    auto d = service().dashboard(pole_, day("2024-04-01"));
    ASSERT_EQ(d.jobs.size(), 2u);
    EXPECT_EQ(d.jobs[0].year, 2021);
    EXPECT_EQ(d.jobs[0].projects, 2);
    EXPECT_EQ(d.jobs[0].jobs, 5);
    EXPECT_DOUBLE_EQ(d.jobs[0].fte, 2.5);
    EXPECT_EQ(d.jobs[1].jobs, 5);
    EXPECT_DOUBLE_EQ(d.jobs[1].fte, 3.5);
    std::map<std::pair<std::string, std::string>, storage::StageTime> times;
    for (const auto& t : d.times) times[{t.model, t.stage}] = t;
    auto emergence = times[{"paca_corse", "emergence"}];
    EXPECT_EQ(emergence.finished, 2);
    EXPECT_EQ(emergence.finished_days, 76);
    EXPECT_EQ(emergence.current, 0);
    auto feasibility = times[{"paca_corse", "economic_feasibility"}];
    EXPECT_EQ(feasibility.current, 2);
    EXPECT_EQ(feasibility.current_days, 31 + 30);
    auto liguria = times[{"liguria", "emergence"}];  // the activation step
    EXPECT_EQ(liguria.current, 1);
    EXPECT_EQ(liguria.current_days, 31);
}

// The portfolio counts against a second count kept by the test while it moved projects.
TEST_P(DashboardTest, PortfolioCountsMatchAnIndependentTally) {
    std::mt19937 random(7);
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> expected;
    const char* templates[] = {"scop_scic_paca", "liguria", "envie_au_projet"};
    for (int i = 0; i < 24; ++i) {
        std::string code = templates[i % 3];
        auto p = create("Projet " + std::to_string(i), code, "2023-01-02");
        int steps = int(random() % 4);
        const char* dates[] = {"2023-03-01", "2023-05-01", "2023-07-01"};
        for (int s = 0; s < steps && s < 3; ++s) p = advance(p.id, dates[s]);
        if (random() % 5 == 0) p = move(p.id, "pause", "2023-08-01", "", "été");
        if (random() % 6 == 0) p = move(p.id, "abandon", "2023-09-01", "", "abandon");
        ++expected[{p.pathway.model, p.stage, p.status}];
    }
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> counted;
    for (const auto& s : service().dashboard(pole_, day("2024-01-01")).stages)
        counted[{s.model, s.stage, s.status}] += s.projects;
    EXPECT_EQ(counted, expected);
    auto board = service().kanban(pole_, {}, 50);
    std::int64_t on_board = 0, expected_on_board = 0;
    for (const auto& c : board) on_board += c.total;
    for (const auto& [key, n] : expected)
        if (std::get<2>(key) != "abandoned") expected_on_board += n;
    EXPECT_EQ(on_board, expected_on_board);
}

TEST_P(DashboardTest, OverdueAlertsOnTheRightDates) {
    auto p = create("Suivi", "liguria", "2024-01-31");
    // Liguria: activation (1 month), then the promoter group meeting…
    auto d = service().dashboard(pole_, day("2024-02-29"));
    EXPECT_EQ(d.alert_counts.count("step_overdue"), 0u);
    d = service().dashboard(pole_, day("2024-03-01"));
    EXPECT_EQ(d.alert_counts["step_overdue"], 1);
    EXPECT_EQ(d.projects_with_overdue, 1);
    ASSERT_FALSE(d.alerts.empty());
    EXPECT_EQ(d.alerts[0].project_title, "Suivi");
    EXPECT_EQ(d.alerts[0].alert.days, 1);
    VisitInput v;
    v.due_on = "2024-04-30";
    auto visit = service().schedule_visit(pole_, admin_, p.id, v, day("2024-03-01"));
    auto kinds = [&](const char* on) {
        std::vector<std::string> out;
        for (const auto& a : service().alerts(pole_, day(on)))
            if (a.alert.item_id == visit.id) out.push_back(to_string(a.alert.kind));
        return out;
    };
    EXPECT_EQ(kinds("2024-04-15"), (std::vector<std::string>{}));
    EXPECT_EQ(kinds("2024-04-16"), (std::vector<std::string>{"visit_due_soon"}));
    EXPECT_EQ(kinds("2024-05-01"), (std::vector<std::string>{"visit_overdue"}));
    v.done_on = "2024-05-02";
    service().update_visit(pole_, admin_, visit.id, v, day("2024-05-03"));
    EXPECT_EQ(kinds("2024-05-03"), (std::vector<std::string>{}));
    // Another pole's dashboard sees none of it.
    EXPECT_TRUE(service().dashboard(other_pole_, day("2024-05-03")).alerts.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardTest, ::testing::ValuesIn(store::testdb::backends()));
