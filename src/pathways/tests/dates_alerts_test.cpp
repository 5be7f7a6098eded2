// Calendar arithmetic and follow-up alerts, against dates computed by hand (month ends,
// leap years, the due day itself).
#include <gtest/gtest.h>

#include "pathways/alerts.hpp"
#include "pathways/dates.hpp"
#include "pathways/schedule.hpp"

using namespace maillage::pathways;

namespace {

Date d(const char* iso) {
    auto date = parse_date(iso);
    EXPECT_TRUE(date) << iso;
    return date.value_or(Date{});
}

std::vector<std::string> iso_all(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (auto date : dates) out.push_back(to_iso(date));
    return out;
}

}  // namespace

TEST(Dates, ParseOnlyRealCalendarDays) {
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2024-13-01"));
    EXPECT_FALSE(parse_date("2024-1-01"));
    EXPECT_EQ(d("1970-01-01").days, 0);
    EXPECT_EQ(d("1970-01-02").days, 1);
    EXPECT_EQ(d("1969-12-31").days, -1);
    EXPECT_EQ(to_iso(d("2000-02-29")), "2000-02-29");
}

TEST(Dates, MonthsClampToTheEndOfShorterMonths) {
    EXPECT_EQ(to_iso(add_months(d("2024-01-31"), 1)), "2024-02-29");
    EXPECT_EQ(to_iso(add_months(d("2023-01-31"), 1)), "2023-02-28");
    EXPECT_EQ(to_iso(add_months(d("2024-01-31"), 2)), "2024-03-31");
    EXPECT_EQ(to_iso(add_months(d("2023-12-31"), 2)), "2024-02-29");
    EXPECT_EQ(to_iso(add_months(d("2024-02-29"), 12)), "2025-02-28");
    EXPECT_EQ(to_iso(add_months(d("2024-05-31"), -3)), "2024-02-29");
    EXPECT_EQ(to_iso(add_months(d("2024-08-31"), 6)), "2025-02-28");
    EXPECT_EQ(to_iso(add_months(d("1900-01-31"), 1)), "1900-02-28");  // 1900 is no leap year
    EXPECT_EQ(to_iso(add_years(d("2024-02-29"), 1)), "2025-02-28");
    EXPECT_EQ(to_iso(add_years(d("2024-02-29"), 4)), "2028-02-29");
    EXPECT_EQ(days_between(d("2024-02-28"), d("2024-03-01")), 2);
    EXPECT_EQ(days_between(d("2023-02-28"), d("2023-03-01")), 1);
    EXPECT_EQ(days_between(d("2024-01-15"), d("2024-03-01")), 46);
}

TEST(Schedule, VisitsAreCountedFromTheEntryDateAndNeverDrift) {
    // Cumulative additions would give 29 May after 29 February; counting from 30 November
    // keeps the 30th wherever the month has one.
    EXPECT_EQ(iso_all(visit_due_dates({3, 4}, d("2023-11-30"))),
              (std::vector<std::string>{"2024-02-29", "2024-05-30", "2024-08-30", "2024-11-30"}));
    EXPECT_EQ(iso_all(visit_due_dates({6, 3}, d("2023-08-31"))),
              (std::vector<std::string>{"2024-02-29", "2024-08-31", "2025-02-28"}));
    EXPECT_EQ(iso_all(visit_due_dates({1, 3}, d("2025-01-31"))),
              (std::vector<std::string>{"2025-02-28", "2025-03-31", "2025-04-30"}));
}

TEST(Schedule, TestContractLimitsAndFollowUp) {
    TestContractRule cape{6, 18, 6};
    EXPECT_NE(test_contract_problem(cape, d("2024-01-31"), d("2024-07-30")), "");
    EXPECT_EQ(test_contract_problem(cape, d("2024-01-31"), d("2024-07-31")), "");
    EXPECT_EQ(test_contract_problem(cape, d("2024-01-31"), d("2025-07-31")), "");
    EXPECT_NE(test_contract_problem(cape, d("2024-01-31"), d("2025-08-01")), "");
    EXPECT_NE(test_contract_problem(cape, d("2024-01-31"), d("2024-01-31")), "");
    EXPECT_EQ(to_iso(followup_end(cape, d("2024-08-31"))), "2025-02-28");
}

TEST(Schedule, PlannedTimelineRunsStepsBackToBack) {
    PathwayTemplate t;
    Step a, b, c;
    a.code = "a";
    a.duration = {2, 0};
    b.code = "b";
    b.duration = {0, 10};
    c.code = "c";
    c.duration = {1, 0};
    c.max_duration = Duration{3, 0};
    t.steps = {a, b, c};
    auto plan = planned_schedule(t, d("2023-12-31"));
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(to_iso(plan[0].end), "2024-02-29");
    EXPECT_EQ(to_iso(plan[1].start), "2024-02-29");
    EXPECT_EQ(to_iso(plan[1].end), "2024-03-10");
    EXPECT_EQ(to_iso(plan[2].end), "2024-04-10");
    // The deadline is the max duration when there is one.
    EXPECT_EQ(to_iso(step_due(c, d("2024-03-10"))), "2024-06-10");
    EXPECT_EQ(to_iso(step_due(a, d("2024-01-31"))), "2024-03-31");
}

namespace {

std::vector<std::string> fired(const Schedule& s, const char* today, AlertRules rules = {}) {
    std::vector<std::string> out;
    for (const auto& a : alerts(s, d(today), rules))
        out.push_back(to_string(a.kind) + ":" + std::to_string(a.project_id) + ":" +
                      std::to_string(a.days));
    return out;
}

}  // namespace

TEST(Alerts, AVisitIsDueSoonWithinTheNoticeAndOverdueTheDayAfterItsDate) {
    Schedule s;
    s.visits.push_back({1, 10, d("2024-02-29"), std::nullopt});
    s.visits.push_back({2, 11, d("2024-02-29"), d("2024-02-20")});  // done: never fires
    using V = std::vector<std::string>;
    EXPECT_EQ(fired(s, "2024-02-14"), V{});  // 15 days ahead, notice is 14
    EXPECT_EQ(fired(s, "2024-02-15"), V{"visit_due_soon:10:14"});
    EXPECT_EQ(fired(s, "2024-02-29"), V{"visit_due_soon:10:0"});  // the due day is not late
    EXPECT_EQ(fired(s, "2024-03-01"), V{"visit_overdue:10:1"});
    EXPECT_EQ(fired(s, "2025-02-28"), V{"visit_overdue:10:365"});
    EXPECT_EQ(fired(s, "2024-02-15", AlertRules{0, 30}), V{});
}

TEST(Alerts, StepDeadlinesAndTestContracts) {
    Schedule s;
    s.steps.push_back({20, "creation", d("2024-03-31")});
    s.contracts.push_back({5, 21, d("2025-02-28"), std::nullopt});
    s.contracts.push_back({6, 22, d("2025-02-28"), d("2025-02-01")});  // exit recorded
    using V = std::vector<std::string>;
    EXPECT_EQ(fired(s, "2024-03-31"), V{});
    EXPECT_EQ(fired(s, "2024-04-01"), V{"step_overdue:20:1"});
    EXPECT_EQ(fired(s, "2025-01-28"), V{"step_overdue:20:303"});
    EXPECT_EQ(fired(s, "2025-01-29"), (V{"step_overdue:20:304", "contract_ending:21:30"}));
    EXPECT_EQ(fired(s, "2025-03-01"), (V{"step_overdue:20:335", "contract_overdue:21:1"}));
}

TEST(Alerts, OverdueFirstMostLateFirstThenTheSoonestWarnings) {
    Schedule s;
    s.visits.push_back({1, 1, d("2024-05-20"), std::nullopt});  // 12 days late
    s.visits.push_back({2, 2, d("2024-04-01"), std::nullopt});  // 61 days late
    s.visits.push_back({3, 3, d("2024-06-10"), std::nullopt});  // in 9 days
    s.visits.push_back({4, 4, d("2024-06-03"), std::nullopt});  // in 2 days
    s.steps.push_back({5, "x", d("2024-05-31")});               // 1 day late
    using V = std::vector<std::string>;
    EXPECT_EQ(fired(s, "2024-06-01"),
              (V{"visit_overdue:2:61", "visit_overdue:1:12", "step_overdue:5:1",
                 "visit_due_soon:4:2", "visit_due_soon:3:9"}));
    EXPECT_EQ(to_iso(latest_due_that_can_fire(d("2024-06-01"), AlertRules{14, 30})), "2024-07-01");
}
