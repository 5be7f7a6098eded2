#pragma once
// Dates that follow from a template: the planned timeline of a pathway, the deadline of a
// step, the due dates of follow-up visits and the limits of a test contract. Pure functions.
#include <string>
#include <vector>

#include "pathways/dates.hpp"
#include "pathways/pathway_template.hpp"

namespace maillage::pathways {

Date add_duration(Date start, const Duration& duration);

struct PlannedStep {
    std::string step;
    Date start, end;
};

// Every step in template order, back to back from `started_on`, each lasting its duration.
std::vector<PlannedStep> planned_schedule(const PathwayTemplate& t, Date started_on);

// When a step entered on `entered_on` is overdue after: its max_duration, else its duration.
Date step_due(const Step& step, Date entered_on);

// Visits due every plan.every_months after `entered_on`, each counted from `entered_on` (so
// that a 31 January start gives 28/29 February, 31 March, 30 April… and never drifts).
std::vector<Date> visit_due_dates(const VisitPlan& plan, Date entered_on);

// The end of the follow-up after a test contract ending on `end_on`.
Date followup_end(const TestContractRule& rule, Date end_on);

// Why a test contract from `start` to `end` breaks the rule, or "" when it does not.
std::string test_contract_problem(const TestContractRule& rule, Date start, Date end);

}  // namespace maillage::pathways
