#include "sharedjobs/composer.hpp"

#include <chrono>

#include "core/error.hpp"
#include "sharedjobs/engines.hpp"
#include "sharedjobs/relaxation.hpp"
#include "sharedjobs/result_builder.hpp"
#include "sharedjobs/validation.hpp"

namespace maillage::sharedjobs {
namespace {

// The share of the time limit kept for building the result (and the checks after the engines).
constexpr double kResultShare = 0.04;

}  // namespace

const char* to_string(UnmetReason reason) {
    switch (reason) {
        case UnmetReason::no_skill:
            return "no_skill";
        case UnmetReason::no_time_window:
            return "no_time_window";
        case UnmetReason::too_far:
            return "too_far";
        case UnmetReason::rules:
            return "rules";
        case UnmetReason::capacity:
            return "capacity";
    }
    return "capacity";
}

const char* to_string(Engine engine) {
    switch (engine) {
        case Engine::exact:
            return "exact";
        case Engine::fast:
            return "fast";
        case Engine::automatic:
            return "auto";
    }
    return "auto";
}

Engine engine_from(const std::string& name) {
    if (name == "exact") return Engine::exact;
    if (name == "fast") return Engine::fast;
    if (name == "auto") return Engine::automatic;
    throw invalid("engine", "must be exact, fast or auto");
}

Result compose(const Instance& instance, const Locate& locate, const ComposeOptions& options,
               Progress& progress, const std::set<std::string>* occupations) {
    if (!(options.time_limit_seconds > 0)) throw invalid("time_limit", "must be above 0");
    auto started = SteadyClock::now();
    reject_if_any(check_instance(instance, locate, occupations));
    progress.update("preparing", 0, 0);
    Problem problem = prepare(instance, locate);
    // The engines stop short of the limit, counted from the call, by the result's share.
    Deadline deadline{
        started + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(
                      options.time_limit_seconds * (1 - kResultShare)))};
    bool exact = options.engine == Engine::exact ||
                 (options.engine == Engine::automatic &&
                  int(instance.workers.size()) <= options.auto_exact_max_workers);
    EngineReport report;
    Bounds bounds;
    // The relaxed bound (relaxation.hpp) costs little at any scale. Beyond the exact engine's
    // scale column generation cannot finish a pricing round in the time (bench/sharedjobs,
    // "Session 4"), so the fast engine gets all of it and the relaxed bound is the bound.
    progress.update("relaxed bound", 0, 0);
    auto potential = relaxed_worker_bounds(problem);
    double relaxed = relaxed_bound(problem, potential).value(problem);
    bool column_bound = exact || int(instance.workers.size()) <= options.auto_exact_max_workers;
    // Both engines start with the fast one: the exact engine uses its plan as the first
    // columns and as the integer master's starting solution.
    // Alone, it gets the whole of the engines' time.
    double fast_seconds =
        column_bound ? options.time_limit_seconds * (exact ? 0.15 : 0.6) : deadline.left();
    Solution solution =
        fast_solve(problem, Deadline::in(std::min(deadline.left(), std::max(0.0, fast_seconds))),
                   options.seed, progress, report, potential);
    if (exact)
        solution = exact_solve(problem, solution, deadline, options.seed, progress, report, bounds);
    else if (column_bound)
        bound_value(problem, solution, deadline, progress, report, bounds);
    else
        bounds = unbounded(problem, solution);
    tighten_value_bound(bounds, relaxed);
    progress.update("building the result", 0, 0);
    Result result = build_result(problem, solution);
    result.bounds = bounds;
    result.stats.engine = exact ? "exact" : "fast";
    result.stats.columns = report.columns;
    result.stats.lp_iterations = report.rounds;
    result.stats.local_search_moves = report.moves;
    result.stats.stop_reason = report.stop_reason;
    result.stats.seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    progress.update("done", 1, 1);
    return result;
}

}  // namespace maillage::sharedjobs
