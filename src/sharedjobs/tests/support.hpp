#pragma once
// Shared by the composer tests: the test territory, and a composer run that always goes
// through the independent checker.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/progress.hpp"
#include "sharedjobs/checker.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/generator.hpp"
#include "sharedjobs/schedule.hpp"
#include "territory/territory.hpp"

namespace maillage::sharedjobs::testing {

inline const territory::Territory& test_territory() {
    static const auto territory =
        territory::Territory::load(std::string(MAILLAGE_SOURCE_DIR) + "/src/territory/tests/data");
    return territory;
}

inline Locate locate() {
    return [](const std::string& code) -> std::optional<Position> {
        const auto* c = test_territory().commune(code);
        if (!c) return std::nullopt;
        return Position{c->lat, c->lon};
    };
}

// The Seignanx and BAB communes of the test territory.
inline std::vector<PlaceRef> seignanx_places() {
    std::vector<PlaceRef> out;
    for (const auto& c : test_territory().communes())
        if (c.code.rfind("40", 0) == 0 || c.code.rfind("64", 0) == 0)
            out.push_back({c.code, c.lat, c.lon});
    return out;
}

// A generated instance small enough for the brute forces, prepared for the engines. Not
// movable: the problem points at the instance.
struct SmallInstance {
    Instance instance;
    Problem problem;
    SmallInstance(int firms, int needs, int workers, std::uint64_t seed)
        : instance(generate_instance(spec(firms, needs, workers), seignanx_places(), seed)),
          problem(prepare(instance, locate())) {}
    SmallInstance(const SmallInstance&) = delete;
    SmallInstance& operator=(const SmallInstance&) = delete;

  private:
    static GeneratorSpec spec(int firms, int needs, int workers) {
        GeneratorSpec s;
        s.firms = firms;
        s.needs = needs;
        s.workers = workers;
        s.occupations = 2;
        return s;
    }
};

// Composes and runs the checker on the result: every plan a test produces is checked.
inline Result compose_checked(const Instance& instance, Engine engine, double seconds = 20,
                              std::uint64_t seed = 1) {
    ComposeOptions options;
    options.engine = engine;
    options.time_limit_seconds = seconds;
    options.seed = seed;
    NoProgress progress;
    Result result = compose(instance, locate(), options, progress);
    auto problems = check_result(instance, result, locate());
    for (const auto& p : problems) ADD_FAILURE() << "checker: " << p;
    return result;
}

// Whether every worker's eligible tasks are few enough for the brute forces' subsets.
inline bool small_enough_for_brute_force(const Problem& p, std::size_t max_tasks = 14) {
    return std::all_of(p.eligible_tasks.begin(), p.eligible_tasks.end(),
                       [&](const auto& eligible) { return eligible.size() <= max_tasks; });
}

// Calls f(tasks, totals) for every feasible schedule of the worker: each non-empty subset of
// its eligible tasks that evaluate_schedule accepts. The brute-force oracles' enumeration, for
// small eligible sets only.
template <class F>
void for_each_feasible_schedule(const Problem& p, int worker, F&& f) {
    const auto& eligible = p.eligible_tasks[std::size_t(worker)];
    for (std::uint32_t mask = 1; mask < (1u << eligible.size()); ++mask) {
        std::vector<int> tasks;
        for (std::size_t k = 0; k < eligible.size(); ++k)
            if (mask >> k & 1u) tasks.push_back(eligible[k]);
        if (auto totals = evaluate_schedule(p, worker, tasks)) f(tasks, *totals);
    }
}

}  // namespace maillage::sharedjobs::testing
