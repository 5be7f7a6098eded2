#pragma once
// Follow-up alerts: a pure function of a schedule and a date. The dashboard, the API and the
// CLI (`maillage pathways alerts`) all call alerts(); storage only narrows the schedule to
// the items that could fire.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pathways/dates.hpp"

namespace maillage::pathways {

struct ScheduledVisit {
    std::int64_t id = 0, project_id = 0;
    Date due_on;
    std::optional<Date> done_on;
};

// The deadline of an active project's current step.
struct StepDeadline {
    std::int64_t project_id = 0;
    std::string step;
    Date due_on;
};

struct ScheduledContract {
    std::int64_t id = 0, project_id = 0;
    Date end_on;
    std::optional<Date> ended_on;  // the exit, once recorded
};

struct Schedule {
    std::vector<ScheduledVisit> visits;
    std::vector<StepDeadline> steps;
    std::vector<ScheduledContract> contracts;
};

// How far ahead "due soon" warnings look (data/pathways/rules.json, "alerts").
struct AlertRules {
    int visit_notice_days = 14;
    int contract_notice_days = 30;
};

enum class AlertKind {
    visit_overdue,     // not done and the due date has passed
    visit_due_soon,    // not done, due within visit_notice_days (the due day included)
    step_overdue,      // the current step's deadline has passed
    contract_overdue,  // the contract's end has passed and no exit is recorded
    contract_ending,   // no exit yet, the end is within contract_notice_days
};

std::string to_string(AlertKind kind);
bool is_overdue(AlertKind kind);

struct Alert {
    AlertKind kind = AlertKind::visit_overdue;
    std::int64_t project_id = 0;
    std::int64_t item_id = 0;  // the visit or contract id; 0 for a step
    std::string step;          // step alerts
    Date due_on;
    std::int64_t days = 0;  // days late (overdue) or days left (due soon, ending)
};

// Every alert that fires on `today`, overdue ones first (most late first), then the
// warnings (soonest first); ties by project id.
std::vector<Alert> alerts(const Schedule& schedule, Date today, const AlertRules& rules);

// The earliest due date an item may have and still fire on `today`: storage loads only items
// due on or before today + the longest notice.
Date latest_due_that_can_fire(Date today, const AlertRules& rules);

}  // namespace maillage::pathways
