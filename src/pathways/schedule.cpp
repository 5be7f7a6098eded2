#include "pathways/schedule.hpp"

namespace maillage::pathways {

Date add_duration(Date start, const Duration& duration) {
    return duration.months ? add_months(start, duration.months) : add_days(start, duration.days);
}

std::vector<PlannedStep> planned_schedule(const PathwayTemplate& t, Date started_on) {
    std::vector<PlannedStep> plan;
    Date at = started_on;
    for (const auto& step : t.steps) {
        Date end = add_duration(at, step.duration);
        plan.push_back({step.code, at, end});
        at = end;
    }
    return plan;
}

Date step_due(const Step& step, Date entered_on) {
    return add_duration(entered_on, step.max_duration ? *step.max_duration : step.duration);
}

std::vector<Date> visit_due_dates(const VisitPlan& plan, Date entered_on) {
    std::vector<Date> dates;
    for (int k = 1; k <= plan.count; ++k)
        dates.push_back(add_months(entered_on, k * plan.every_months));
    return dates;
}

Date followup_end(const TestContractRule& rule, Date end_on) {
    return add_months(end_on, rule.followup_months);
}

std::string test_contract_problem(const TestContractRule& rule, Date start, Date end) {
    if (end <= start) return "must end after it starts";
    if (end < add_months(start, rule.min_months))
        return "lasts less than the template's " + std::to_string(rule.min_months) + " months";
    if (end > add_months(start, rule.max_months))
        return "lasts more than the template's " + std::to_string(rule.max_months) + " months";
    return "";
}

}  // namespace maillage::pathways
