#pragma once
// The portfolio dashboard's aggregates, computed in SQL over covering indexes (never by
// reading every project into memory), and the part of the schedule that could raise alerts.
#include <optional>
#include <string>
#include <vector>

#include "pathways/alerts.hpp"
#include "store/database.hpp"

namespace maillage::pathways::storage {

using store::Connection;

struct StageCount {
    std::string model, stage, step, status;
    std::int64_t projects = 0;
};

// Days spent in a stage: finished stays (left by a transition) and current ones (until today).
struct StageTime {
    std::string model, stage;
    std::int64_t finished = 0, finished_days = 0;
    std::int64_t current = 0, current_days = 0;
};

struct YearCount {
    int year = 0;
    std::int64_t started = 0, created = 0, ceased = 0, abandoned = 0;
};

// Projects created in `year` and, for each horizon, how many can be observed (their
// anniversary has come) and how many were still alive on it.
struct Cohort {
    int year = 0;
    std::int64_t created = 0;
    std::int64_t eligible[3] = {0, 0, 0}, survived[3] = {0, 0, 0};
};

struct JobsYear {
    int year = 0;
    std::int64_t projects = 0, jobs = 0;
    double fte = 0;
};

std::vector<StageCount> stage_counts(Connection& c, std::int64_t pole_id);
std::vector<StageTime> stage_times(Connection& c, std::int64_t pole_id, std::int32_t today_day);
std::vector<YearCount> year_counts(Connection& c, std::int64_t pole_id);
// Horizons 1, 3 and 5 years, as of `as_of` (ISO date).
std::vector<Cohort> survival(Connection& c, std::int64_t pole_id, const std::string& as_of);
std::vector<JobsYear> jobs_by_year(Connection& c, std::int64_t pole_id);

// Open visits, deadlines of active projects and open test contracts due on or before
// `latest_due` (ISO date); `project_id` narrows to one project.
Schedule open_schedule(Connection& c, std::int64_t pole_id, const std::string& latest_due,
                       std::optional<std::int64_t> project_id = std::nullopt);

}  // namespace maillage::pathways::storage
