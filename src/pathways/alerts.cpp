#include "pathways/alerts.hpp"

#include <algorithm>

namespace maillage::pathways {

std::string to_string(AlertKind kind) {
    switch (kind) {
        case AlertKind::visit_overdue:
            return "visit_overdue";
        case AlertKind::visit_due_soon:
            return "visit_due_soon";
        case AlertKind::step_overdue:
            return "step_overdue";
        case AlertKind::contract_overdue:
            return "contract_overdue";
        case AlertKind::contract_ending:
            return "contract_ending";
    }
    return "visit_overdue";
}

bool is_overdue(AlertKind kind) {
    return kind == AlertKind::visit_overdue || kind == AlertKind::step_overdue ||
           kind == AlertKind::contract_overdue;
}

std::vector<Alert> alerts(const Schedule& schedule, Date today, const AlertRules& rules) {
    std::vector<Alert> out;
    for (const auto& v : schedule.visits) {
        if (v.done_on) continue;
        auto late = days_between(v.due_on, today);
        if (late > 0)
            out.push_back({AlertKind::visit_overdue, v.project_id, v.id, "", v.due_on, late});
        else if (-late <= rules.visit_notice_days)
            out.push_back({AlertKind::visit_due_soon, v.project_id, v.id, "", v.due_on, -late});
    }
    for (const auto& s : schedule.steps) {
        auto late = days_between(s.due_on, today);
        if (late > 0)
            out.push_back({AlertKind::step_overdue, s.project_id, 0, s.step, s.due_on, late});
    }
    for (const auto& c : schedule.contracts) {
        if (c.ended_on) continue;
        auto late = days_between(c.end_on, today);
        if (late > 0)
            out.push_back({AlertKind::contract_overdue, c.project_id, c.id, "", c.end_on, late});
        else if (-late <= rules.contract_notice_days)
            out.push_back({AlertKind::contract_ending, c.project_id, c.id, "", c.end_on, -late});
    }
    std::sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) {
        bool a_late = is_overdue(a.kind), b_late = is_overdue(b.kind);
        if (a_late != b_late) return a_late;
        if (a.days != b.days) return a_late ? a.days > b.days : a.days < b.days;
        if (a.project_id != b.project_id) return a.project_id < b.project_id;
        return a.item_id < b.item_id;
    });
    return out;
}

Date latest_due_that_can_fire(Date today, const AlertRules& rules) {
    return add_days(today, std::max(rules.visit_notice_days, rules.contract_notice_days));
}

}  // namespace maillage::pathways
