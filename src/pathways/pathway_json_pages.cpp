// JSON of the composite pages: the project page and the dashboard.
#include <cmath>

#include "pathways/pathway_json.hpp"

namespace maillage::pathways {

namespace {

template <class T>
Json list(const std::vector<T>& items) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(to_json(item));
    return out;
}

double average(std::int64_t total, std::int64_t count) {
    return count ? std::round(10.0 * double(total) / double(count)) / 10.0 : 0.0;
}

}  // namespace

Json to_json(const ProjectDetail& d) {
    Json plan = Json::array();
    for (const auto& p : d.plan)
        plan.push_back({{"step", p.step}, {"start", to_iso(p.start)}, {"end", to_iso(p.end)}});
    Json stays = Json::array();
    for (const auto& s : d.stays)
        stays.push_back(
            {{"step", s.step}, {"start", s.start}, {"end", json_or_null(s.end)}, {"days", s.days}});
    Json transitions = Json::array();
    for (const auto& t : d.transitions)
        transitions.push_back(
            {{"id", t.id},
             {"at", t.at},
             {"on_date", t.on_date},
             {"user", json_or_null(t.user)},
             {"action", t.action},
             {"from_step", t.from_step.empty() ? Json(nullptr) : Json(t.from_step)},
             {"from_status", t.from_status.empty() ? Json(nullptr) : Json(t.from_status)},
             {"to_step", t.to_step},
             {"to_status", t.to_status},
             {"days_in_step", t.days_in_step},
             {"note", json_or_null(t.note)}});
    Json deliverables = Json::array();
    for (const auto& r : d.deliverables)
        deliverables.push_back({{"step", r.step},
                                {"code", r.code},
                                {"done_on", r.done_on},
                                {"note", json_or_null(r.note)}});
    Json moves = Json::array();
    for (const auto& m : d.moves)
        moves.push_back({{"action", to_string(m.action)},
                         {"to", m.to.empty() ? Json(nullptr) : Json(m.to)},
                         {"note_required", m.note_required},
                         {"missing_deliverables", m.missing_deliverables},
                         {"open", m.missing_deliverables.empty()}});
    Json jobs = Json::array();
    for (const auto& j : d.jobs)
        jobs.push_back({{"year", j.year}, {"jobs", j.jobs}, {"fte", json_or_null(j.fte)}});
    Json alerts = Json::array();
    for (const auto& a : d.alerts) {
        AlertView view{a, d.project.title, std::nullopt};
        if (const Step* step = d.pathway->step(a.step)) view.step_label = step->label;
        alerts.push_back(to_json(view));
    }
    return {{"project", to_json(d.project)},
            {"template", to_json(*d.pathway)},
            {"plan", plan},
            {"stays", stays},
            {"transitions", transitions},
            {"deliverables", deliverables},
            {"moves", moves},
            {"actions", list(d.actions)},
            {"coaching_minutes", d.coaching_minutes},
            {"mentorships", list(d.mentorships)},
            {"visits", list(d.visits)},
            {"contracts", list(d.contracts)},
            {"jobs", jobs},
            {"alerts", alerts}};
}

Json to_json(const Dashboard& d) {
    Json stages = Json::array();
    std::map<std::string, std::int64_t> by_status, model_totals;
    std::map<std::string, std::map<std::string, std::int64_t>> by_stage, open_by_model;
    std::int64_t total = 0;
    for (const auto& s : d.stages) {
        stages.push_back({{"model", s.model},
                          {"stage", s.stage},
                          {"step", s.step},
                          {"status", s.status},
                          {"projects", s.projects}});
        total += s.projects;
        by_status[s.status] += s.projects;
        by_stage[s.stage][s.status] += s.projects;
        model_totals[s.model] += s.projects;
        if (s.status == "active" || s.status == "paused")
            open_by_model[s.model][s.stage] += s.projects;
    }
    Json stage_list = Json::array(), model_list = Json::array();
    for (const auto& [stage, statuses] : by_stage) {
        Json j = statuses;
        j["stage"] = stage;
        stage_list.push_back(j);
    }
    for (const auto& [model, n] : model_totals)
        model_list.push_back(
            {{"model", model}, {"total", n}, {"stages", Json(open_by_model[model])}});
    Json times = Json::array();
    for (const auto& t : d.times)
        times.push_back({{"model", t.model},
                         {"stage", t.stage},
                         {"finished", t.finished},
                         {"finished_average_days", average(t.finished_days, t.finished)},
                         {"current", t.current},
                         {"current_average_days", average(t.current_days, t.current)}});
    Json years = Json::array();
    for (const auto& y : d.years)
        years.push_back({{"year", y.year},
                         {"started", y.started},
                         {"created", y.created},
                         {"ceased", y.ceased},
                         {"abandoned", y.abandoned}});
    Json survival = Json::array();
    const int horizons[3] = {1, 3, 5};
    for (const auto& c : d.cohorts) {
        Json h = Json::array();
        for (int k = 0; k < 3; ++k)
            h.push_back({{"years", horizons[k]},
                         {"eligible", c.eligible[k]},
                         {"survived", c.survived[k]},
                         {"rate", c.eligible[k] ? Json(std::round(1000.0 * double(c.survived[k]) /
                                                                  double(c.eligible[k])) /
                                                       1000.0)
                                                : Json(nullptr)}});
        survival.push_back({{"year", c.year}, {"created", c.created}, {"horizons", h}});
    }
    Json jobs = Json::array();
    for (const auto& j : d.jobs)
        jobs.push_back({{"year", j.year},
                        {"projects", j.projects},
                        {"jobs", j.jobs},
                        {"fte", std::round(10.0 * j.fte) / 10.0}});
    Json counts = Json::object();
    for (const auto& [kind, n] : d.alert_counts) counts[kind] = n;
    return {{"as_of", d.as_of},
            {"totals", {{"projects", total}, {"by_status", by_status}}},
            {"stages", stages},
            {"by_stage", stage_list},
            {"by_model", model_list},
            {"time_in_stage", times},
            {"years", years},
            {"survival", survival},
            {"jobs", jobs},
            {"alerts",
             {{"counts", counts},
              {"projects_with_overdue", d.projects_with_overdue},
              {"items", list(d.alerts)}}}};
}

}  // namespace maillage::pathways
