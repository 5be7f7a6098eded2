#pragma once
// What the shared-jobs module stores: employer groups, members, needs, workers, plans and the
// hours ledger, as the service and the API see them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sharedjobs/model.hpp"

namespace maillage::sharedjobs {

struct GroupInput {
    std::int64_t actor_id = 0;                        // a GE or GEIQ actor of the pole
    std::optional<double> coefficient, default_rate;  // the data file's defaults when absent
    std::string horizon_start, horizon_end;
};

struct GroupRecord {
    std::int64_t id = 0;
    std::int64_t actor_id = 0;
    std::string name, kind;
    double coefficient = 1, default_rate = 0;
    std::string horizon_start, horizon_end;
    std::int64_t members = 0, needs = 0, workers = 0;
    std::optional<std::int64_t> current_plan;
};

struct MemberInput {
    std::int64_t actor_id = 0;
    std::optional<double> hourly_rate;
};

struct MemberRecord {
    std::int64_t id = 0, group_id = 0, actor_id = 0;
    std::string name;
    std::optional<std::string> commune;
    std::optional<double> hourly_rate;
};

struct NeedInput {
    std::int64_t member_id = 0;
    std::string label, occupation;
    int weekly_minutes = 0;
    std::vector<TimeWindow> windows;
    std::string commune;
    std::optional<std::string> start, end;
    bool splittable = false;
    std::vector<std::string> skills;
    std::string agreement;
};

struct NeedRecord : NeedInput {
    std::int64_t id = 0, group_id = 0;
};

struct WorkerInput {
    std::string name;
    std::vector<std::string> skills;
    std::vector<TimeWindow> availability;
    std::string home_commune;
    int target_minutes = 35 * 60, min_minutes = 0, max_travel_minutes = 45, max_employers = 3;
};

struct WorkerRecord : WorkerInput {
    std::int64_t id = 0, group_id = 0;
};

struct PlanSummary {
    std::int64_t id = 0, group_id = 0;
    std::string created_at, engine;
    double seconds = 0;
    std::int64_t value = 0;
    double bound = 0, gap = 0;
    bool proven = false, is_current = false;
    std::int64_t jobs = 0, unmet = 0;
};

struct LedgerInput {
    std::int64_t worker_id = 0, member_id = 0;
    std::string month;  // YYYY-MM
    int realised_minutes = 0;
    std::optional<std::string> note;
};

// Planned hours (the current plan) against realised hours, per worker × member × month.
struct LedgerRow {
    std::int64_t worker_id = 0, member_id = 0;
    std::string month;
    int planned_minutes = 0;
    std::optional<int> realised_minutes;
    std::optional<std::string> note;
};

// For the network module: two member firms (actor ids) linked by the current plans.
struct SharedWorkerLink {
    std::int64_t member_a = 0, member_b = 0;  // member_a < member_b
    std::string kind;                         // "shares_worker" or "same_group"
    std::int64_t group_actor_id = 0;
    double weekly_hours = 0;  // hours a week the shared workers spend at the two firms
    int workers = 0;          // how many workers they share (no names)
};

// For the evaluation module: a member firm's hours over a period.
struct MemberHours {
    std::int64_t actor_id = 0;
    int planned_minutes = 0;
    int realised_minutes = 0;
};

}  // namespace maillage::sharedjobs
