#include "pathways/dashboard_store.hpp"

#include <map>

#include "pathways/dates.hpp"

namespace maillage::pathways::storage {

namespace {

// The year of an ISO date column, as an integer, on both backends.
std::string year_of_column(const std::string& column) {
    return "CAST(SUBSTR(" + column + ", 1, 4) AS INTEGER)";
}

// The k-th anniversary of an ISO date column, as ISO text: year + k, same month and day. A
// 29 February start gives "YYYY-02-29" in a common year, which sorts between 28 February and
// 1 March: that anniversary is reached on 1 March (docs/pathways.md, "Survival").
std::string anniversary(const std::string& column, int years) {
    return "CAST(" + year_of_column(column) + " + " + std::to_string(years) +
           " AS TEXT) || SUBSTR(" + column + ", 5)";
}

Date date_of(const std::string& iso) {
    return *parse_date(iso);
}

}  // namespace

std::vector<StageCount> stage_counts(Connection& c, std::int64_t pole_id) {
    std::vector<StageCount> out;
    for (const auto& r :
         c.query("SELECT model, stage, step, status, COUNT(*) FROM pathway_projects "
                 "WHERE pole_id = ? GROUP BY model, stage, step, status",
                 {pole_id}))
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
    return out;
}

std::vector<StageTime> stage_times(Connection& c, std::int64_t pole_id, std::int32_t today_day) {
    std::map<std::pair<std::string, std::string>, StageTime> times;
    for (const auto& r : c.query(
             "SELECT model, from_stage, COUNT(*), CAST(SUM(days_in_step) AS BIGINT) FROM "
             "pathway_transitions WHERE pole_id = ? AND leaves_step = 1 GROUP BY model, from_stage",
             {pole_id})) {
        auto& t = times[{r.text(0), r.text(1)}];
        t.finished = r.integer(2);
        t.finished_days = r.integer(3);
    }
    for (const auto& r :
         c.query("SELECT model, stage, COUNT(*), CAST(SUM(CAST(? AS BIGINT) - step_entered_day) AS "
                 "BIGINT) FROM pathway_projects WHERE pole_id = ? AND status = 'active' GROUP BY "
                 "model, stage",
                 {std::int64_t(today_day), pole_id})) {
        auto& t = times[{r.text(0), r.text(1)}];
        t.current = r.integer(2);
        t.current_days = r.integer(3);
    }
    std::vector<StageTime> out;
    for (auto& [key, t] : times) {
        t.model = key.first;
        t.stage = key.second;
        out.push_back(t);
    }
    return out;
}

std::vector<YearCount> year_counts(Connection& c, std::int64_t pole_id) {
    std::map<int, YearCount> years;
    auto count = [&](const std::string& column, const std::string& extra,
                     std::int64_t YearCount::*field) {
        for (const auto& r :
             c.query("SELECT " + year_of_column(column) +
                         ", COUNT(*) FROM pathway_projects WHERE pole_id = ? AND " + column +
                         " IS NOT NULL" + extra + " GROUP BY " + year_of_column(column),
                     {pole_id}))
            years[int(r.integer(0))].*field = r.integer(1);
    };
    count("started_on", "", &YearCount::started);
    count("created_on", "", &YearCount::created);
    count("ceased_on", "", &YearCount::ceased);
    count("closed_on", " AND status = 'abandoned'", &YearCount::abandoned);
    std::vector<YearCount> out;
    for (auto& [year, y] : years) {
        y.year = year;
        out.push_back(y);
    }
    return out;
}

std::vector<Cohort> survival(Connection& c, std::int64_t pole_id, const std::string& as_of) {
    const int horizons[3] = {1, 3, 5};
    std::string sql = "SELECT " + year_of_column("created_on") + ", COUNT(*)";
    store::Params params;
    for (int k : horizons) {
        std::string due = anniversary("created_on", k);
        sql += ", SUM(CASE WHEN " + due + " <= ? THEN 1 ELSE 0 END)";
        sql += ", SUM(CASE WHEN " + due + " <= ? AND (ceased_on IS NULL OR ceased_on >= " + due +
               ") THEN 1 ELSE 0 END)";
        params.push_back(as_of);
        params.push_back(as_of);
    }
    sql +=
        " FROM pathway_projects WHERE pole_id = ? AND created_on IS NOT NULL AND created_on <= "
        "? GROUP BY " +
        year_of_column("created_on") + " ORDER BY 1";
    params.push_back(pole_id);
    params.push_back(as_of);
    std::vector<Cohort> out;
    for (const auto& r : c.query(sql, params)) {
        Cohort cohort;
        cohort.year = int(r.integer(0));
        cohort.created = r.integer(1);
        for (int k = 0; k < 3; ++k) {
            cohort.eligible[k] = r.integer(2 + 2 * std::size_t(k));
            cohort.survived[k] = r.integer(3 + 2 * std::size_t(k));
        }
        out.push_back(cohort);
    }
    return out;
}

std::vector<JobsYear> jobs_by_year(Connection& c, std::int64_t pole_id) {
    std::vector<JobsYear> out;
    for (const auto& r :
         c.query("SELECT year, COUNT(*), CAST(SUM(jobs) AS BIGINT), SUM(COALESCE(fte, 0)) FROM "
                 "pathway_jobs WHERE pole_id = ? GROUP BY year ORDER BY year",
                 {pole_id}))
        out.push_back({int(r.integer(0)), r.integer(1), r.integer(2), r.real(3)});
    return out;
}

Schedule open_schedule(Connection& c, std::int64_t pole_id, const std::string& latest_due,
                       std::optional<std::int64_t> project_id) {
    std::string one = project_id ? " AND project_id = ?" : "";
    store::Params params = {pole_id, latest_due};
    if (project_id) params.push_back(*project_id);
    Schedule s;
    for (const auto& r : c.query("SELECT id, project_id, due_on FROM pathway_visits WHERE pole_id "
                                 "= ? AND done_on IS NULL AND due_on <= ?" +
                                     one,
                                 params))
        s.visits.push_back({r.integer(0), r.integer(1), date_of(r.text(2)), std::nullopt});
    for (const auto& r : c.query("SELECT id, step, step_due_on FROM pathway_projects WHERE "
                                 "pole_id = ? AND status = 'active' AND step_due_on <= ?" +
                                     std::string(project_id ? " AND id = ?" : ""),
                                 params))
        s.steps.push_back({r.integer(0), r.text(1), date_of(r.text(2))});
    for (const auto& r : c.query("SELECT id, project_id, end_on FROM pathway_test_contracts WHERE "
                                 "pole_id = ? AND ended_on IS NULL AND end_on <= ?" +
                                     one,
                                 params))
        s.contracts.push_back({r.integer(0), r.integer(1), date_of(r.text(2)), std::nullopt});
    return s;
}

}  // namespace maillage::pathways::storage
