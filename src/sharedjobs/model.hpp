#pragma once
// The shared-time employment problem as plain values (docs/sharedjobs.md): an employer group,
// its member firms' needs, the group's workers and the rules, in; jobs, unmet needs and hours
// out. Times are minutes; a time of the week is day * 1440 + minute of the day, Monday = 0.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::sharedjobs {

inline constexpr int kMinutesPerDay = 1440;
inline constexpr int kMinutesPerWeek = 7 * kMinutesPerDay;

// A weekly time window: day 0 (Monday) to 6 (Sunday), minutes of the day, start < end ≤ 1440.
struct TimeWindow {
    int day = 0;
    int start = 0;
    int end = 0;
    int week_start() const { return day * kMinutesPerDay + start; }
    int week_end() const { return day * kMinutesPerDay + end; }
    int length() const { return end - start; }
};

// Labour rules and solver settings, held as data (data/sharedjobs/rules.json); an instance may
// override any of them.
struct Rules {
    int slot_minutes = 15;               // every time and duration is a multiple of this
    int max_daily_minutes = 600;         // 10 h a day
    int max_weekly_minutes = 2880;       // 48 h a week
    int daily_rest_minutes = 660;        // 11 h between two working days
    int min_shift_minutes = 60;          // a need's hours are laid out in shifts at least this long
    int max_layouts = 8;                 // candidate layouts of a need's hours in its windows
    int overtime_allowance_minutes = 0;  // above the target hours, per week
    double road_speed_kmh = 50;          // over road distances
    double road_factor = 1.3;            // road distance = great-circle distance × factor
    bool same_agreement_per_worker = true;     // a worker's needs share one collective agreement
    std::vector<std::string> public_holidays;  // ISO dates, not worked, not billed
};

struct Group {
    std::string name;
    double coefficient = 1.0;   // billing = hours × rate × coefficient
    double default_rate = 0.0;  // hourly rate of members without one of their own
};

struct Member {
    std::string id;
    std::string name;
    std::optional<double> hourly_rate;
    std::optional<std::int64_t> actor_id;  // the member firm in the directory, when known
};

struct Need {
    std::string id;
    std::string member;      // Member::id
    std::string occupation;  // a code of data/sharedjobs/occupations.csv (ROME-like)
    std::string label;
    int weekly_minutes = 0;
    std::vector<TimeWindow> windows;
    std::string commune;                    // the site (INSEE or ISTAT code)
    std::optional<std::string> start, end;  // ISO dates; the horizon when absent
    bool splittable = false;                // its shifts may go to different workers
    std::vector<std::string> skills;        // required besides the occupation
    std::string agreement;                  // collective agreement (IDCC), may be empty
    std::optional<std::int64_t> record_id;  // the stored need, when built from the database
};

struct Worker {
    std::string id;
    std::string name;
    std::vector<std::string> skills;  // occupation codes and skill codes
    std::vector<TimeWindow> availability;
    std::string home_commune;
    int target_minutes = 35 * 60;  // the contract's weekly hours
    int min_minutes = 0;           // at least this much whenever given any work
    int max_travel_minutes = 45;   // one way, home to a site
    int max_employers = 3;
    std::optional<std::int64_t> record_id;
};

struct Horizon {
    std::string start, end;  // ISO dates, inclusive
};

struct Instance {
    Group group;
    Rules rules;
    Horizon horizon;
    std::vector<Member> members;
    std::vector<Need> needs;
    std::vector<Worker> workers;
};

// Where communes are: the composer needs positions only, so the pure code takes a lookup.
struct Position {
    double lat = 0, lon = 0;
};

// ---- Result ----

enum class Engine { exact, fast, automatic };

struct ComposeOptions {
    Engine engine = Engine::automatic;
    double time_limit_seconds = 30;
    std::uint64_t seed = 1;
    // The automatic engine runs the exact one when the instance has at most this many workers.
    int auto_exact_max_workers = 120;
};

// One shift of a need done by a worker, in a typical week of one period.
struct Assignment {
    std::string need;
    std::string member;
    std::string occupation;
    std::string commune;
    TimeWindow time;
    std::string period_start, period_end;  // the need's dates within the horizon
    int travel_before_minutes = 0;         // from home or from the previous site
};

// Why this worker does this need: the facts the composer used, for the user.
struct Explanation {
    std::string need;
    int home_to_site_minutes = 0;
    int eligible_workers = 0;  // workers with the skills, the time and the distance for it
    std::vector<std::string> matched_skills;
    bool target_reached = false;
};

struct WeekTotals {
    std::string period_start, period_end;
    int minutes = 0;
    int travel_minutes = 0;
};

struct Job {
    std::string worker;
    std::string worker_name;
    int target_minutes = 0;
    std::vector<Assignment> assignments;  // by period, then time of the week
    std::vector<WeekTotals> weeks;        // one per period in which the worker works
    std::vector<std::string> employers;   // member ids
    std::vector<Explanation> why;
};

enum class UnmetReason { no_skill, no_time_window, too_far, rules, capacity };

struct Unmet {
    std::string need;
    std::string member;
    int unmet_minutes = 0;  // per week
    UnmetReason reason = UnmetReason::capacity;
    std::string detail;
};

// The composer's objective levels, in priority order (docs/sharedjobs.md, "Objective").
struct Objective {
    std::int64_t target_weeks = 0;     // Σ over periods of weeks × workers at their target
    std::int64_t covered_minutes = 0;  // Σ over periods of weeks × minutes covered per week
    std::int64_t travel_minutes = 0;   // Σ over periods of weeks × travel minutes per week
    std::int64_t employers = 0;        // Σ over workers of their distinct employers
};

struct Bounds {
    // Level 1 and 2 combined: value = target_weeks × coverage_weight + covered_minutes.
    std::int64_t coverage_weight = 0;
    std::int64_t value = 0;            // of the answer
    double bound = 0;                  // no answer can have a value above this (LP bound)
    double gap = 0;                    // (bound − value) / bound, 0 when bound is 0
    bool bound_is_lp_optimum = false;  // column generation converged (else a Lagrangian bound)
    bool proven_optimal = false;       // see docs/sharedjobs.md, "What proven means"
    // Levels 3 and 4 combined, at the value above: cost = travel × cost_weight + employers.
    std::int64_t cost_weight = 0;
    std::int64_t cost = 0;
    double cost_bound = 0;  // no answer of the same value costs less than this
    bool cost_proven_optimal = false;
};

struct MemberMonth {
    std::string member;
    std::string month;  // YYYY-MM
    int planned_minutes = 0;
    double rate = 0;
    double amount = 0;  // hours × rate × coefficient
};

struct Stats {
    std::string engine;  // "exact" or "fast"
    double seconds = 0;
    int columns = 0;
    int lp_iterations = 0;  // column generation rounds
    int local_search_moves = 0;
    std::string stop_reason;
};

struct Result {
    std::vector<Job> jobs;
    std::vector<Unmet> unmet;
    std::vector<MemberMonth> billing;
    Objective objective;
    Bounds bounds;
    Stats stats;
};

}  // namespace maillage::sharedjobs
