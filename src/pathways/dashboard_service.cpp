// The portfolio dashboard and the follow-up alerts.
#include <set>

#include "pathways/dashboard_store.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::pathways {

using store::Connection;

std::vector<AlertView> PathwayService::with_titles(Connection& c, std::int64_t pole_id,
                                                   std::vector<Alert> alerts, std::size_t limit) {
    if (alerts.size() > limit) alerts.resize(limit);
    std::set<std::int64_t> ids;
    for (const auto& a : alerts) ids.insert(a.project_id);
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> projects;  // title, template
    if (!ids.empty()) {
        std::string sql =
            "SELECT id, title, template_id FROM pathway_projects WHERE pole_id = ? AND id IN (";
        store::Params params = {pole_id};
        for (auto id : ids) {
            sql += params.size() > 1 ? ", ?" : "?";
            params.push_back(id);
        }
        for (const auto& r : c.query(sql + ")", params))
            projects[r.integer(0)] = {r.text(1), r.integer(2)};
    }
    std::vector<AlertView> out;
    for (auto& a : alerts) {
        const auto& [title, template_id] = projects[a.project_id];
        AlertView view{a, title, std::nullopt};
        if (!a.step.empty() && template_id)
            if (const Step* step = template_by_id(c, template_id)->step(a.step))
                view.step_label = step->label;
        out.push_back(std::move(view));
    }
    return out;
}

std::vector<AlertView> PathwayService::alerts(std::int64_t pole_id, Date today,
                                              std::optional<std::int64_t> project_id) {
    return database_.read([&](Connection& c) {
        auto schedule = storage::open_schedule(
            c, pole_id, to_iso(latest_due_that_can_fire(today, rules_.alerts)), project_id);
        auto fired = pathways::alerts(schedule, today, rules_.alerts);
        std::size_t all = fired.size();
        return with_titles(c, pole_id, std::move(fired), all);
    });
}

Dashboard PathwayService::dashboard(std::int64_t pole_id, Date today, std::size_t alert_limit) {
    return database_.read([&](Connection& c) {
        Dashboard d;
        d.as_of = to_iso(today);
        d.stages = storage::stage_counts(c, pole_id);
        d.times = storage::stage_times(c, pole_id, today.days);
        d.years = storage::year_counts(c, pole_id);
        d.cohorts = storage::survival(c, pole_id, d.as_of);
        d.jobs = storage::jobs_by_year(c, pole_id);
        auto schedule = storage::open_schedule(
            c, pole_id, to_iso(latest_due_that_can_fire(today, rules_.alerts)));
        auto fired = pathways::alerts(schedule, today, rules_.alerts);
        std::set<std::int64_t> late;
        for (const auto& a : fired) {
            ++d.alert_counts[to_string(a.kind)];
            if (is_overdue(a.kind)) late.insert(a.project_id);
        }
        d.projects_with_overdue = std::int64_t(late.size());
        d.alerts = with_titles(c, pole_id, std::move(fired), alert_limit);
        return d;
    });
}

PathwayService::PoleCounts PathwayService::counts(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        auto r = c.query(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END), 0) FROM "
            "pathway_projects WHERE pole_id = ?",
            {pole_id})[0];
        auto mentors =
            c.query("SELECT COUNT(*) FROM pathway_mentors WHERE pole_id = ? AND active = 1",
                    {pole_id})[0]
                .integer(0);
        return PoleCounts{r.integer(0), r.integer(1), mentors};
    });
}

}  // namespace maillage::pathways
