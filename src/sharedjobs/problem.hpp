#pragma once
// The instance compiled for the engines: periods cut into segments, each need's hours laid out
// into shifts ("blocks") grouped into tasks (the unit a worker takes), travel times between
// sites, and for each worker the tasks they may take at all.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sharedjobs/model.hpp"

namespace maillage::sharedjobs {

// Periods an instance may cut the horizon into: the pricing keeps one state per segment in a
// fixed array, and prepare() refuses instances with more.
inline constexpr std::size_t kMaxSegments = 16;

using Locate = std::function<std::optional<Position>(const std::string& commune)>;

// A stretch of the horizon over which the same needs are active: schedules are typical weeks
// of a segment. Most instances have one segment; seasonal needs make more.
struct Segment {
    int first_day = 0, last_day = 0;  // day numbers (dates.hpp), inclusive
    int weight = 1;                   // weeks, divided by the weights' common divisor
};

struct Block {
    int task = 0;
    int start = 0, end = 0;  // minutes of the week
    int day = 0;
    int site = 0;
    std::uint32_t segments = 0;  // bit s: active in segment s
};

// What one worker takes whole: a layout of a need that may not be split, or one shift of a
// layout of a need that may.
struct Task {
    int need = 0;
    int layout = 0;  // index among the need's layouts
    int member = 0;
    int minutes = 0;  // per week
    std::uint32_t segments = 0;
    std::vector<int> blocks;  // indices into Problem::blocks, by start time
    std::int64_t value = 0;   // Σ over its segments of weight × minutes
};

struct NeedInfo {
    std::vector<std::vector<TimeWindow>> layouts;
    std::vector<std::vector<int>> layout_tasks;  // per layout
    int site = 0;
    int member = 0;
    int agreement = 0;  // index into Problem::agreements
    std::uint32_t segments = 0;
    int first_day = 0, last_day = 0;
    // How many workers pass each filter, in order: skills, then time, then distance.
    int with_skills = 0, with_time = 0, near_enough = 0, eligible = 0;
};

struct Problem {
    const Instance* instance = nullptr;
    std::vector<Segment> segments;
    std::vector<Block> blocks;
    std::vector<Task> tasks;
    std::vector<NeedInfo> needs;
    std::vector<std::string> agreements;
    std::vector<std::string> site_communes;
    std::vector<std::vector<int>> travel;          // minutes between sites (and homes)
    std::vector<int> worker_home;                  // site index of each worker's home
    std::vector<std::vector<int>> eligible_tasks;  // per worker, by first block start
    // Objective weights so that a level never trades against a lower one (docs/sharedjobs.md).
    std::int64_t coverage_weight = 1;  // per target-week, > any total of covered minutes
    std::int64_t cost_weight = 1;      // per travel minute, > any total of employers

    int travel_minutes(int from_site, int to_site) const { return travel[from_site][to_site]; }
    int weight_of(std::uint32_t segment_mask) const;
};

// Validates the instance (validation.hpp) and compiles it. Throws maillage::Error naming the
// element on bad input.
Problem prepare(const Instance& instance, const Locate& locate);

// Candidate layouts of a need's weekly hours in its windows (docs/sharedjobs.md, "Layouts").
std::vector<std::vector<TimeWindow>> candidate_layouts(const Need& need, const Rules& rules);

}  // namespace maillage::sharedjobs
