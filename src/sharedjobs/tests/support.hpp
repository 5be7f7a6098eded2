#pragma once
// Shared by the composer tests: the test territory, and a composer run that always goes
// through the independent checker.
#include <gtest/gtest.h>

#include <tuple>

#include "core/progress.hpp"
#include "sharedjobs/checker.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/generator.hpp"
#include "sharedjobs/schedule.hpp"
#include "sharedjobs/solution.hpp"
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

// Small enough for the brute forces of the master and the pricing tests.
inline constexpr std::size_t kMaxBruteTasks = 14;

// Whether every worker has at most `max_tasks` eligible tasks: small enough for the brute forces.
inline bool brute_forceable(const Problem& p, std::size_t max_tasks) {
    for (const auto& eligible : p.eligible_tasks)
        if (eligible.size() > max_tasks) return false;
    return true;
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

// A second implementation of the optimisation, for tiny instances: every combination of every
// worker's feasible schedules, compared lexicographically level by level.
using Levels = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>;

struct Choice {
    std::vector<int> tasks;
    ScheduleTotals totals;
};

class BruteForce {
  public:
    explicit BruteForce(const Problem& p) : p_(p), pool_(p) {
        for (std::size_t w = 0; w < p.instance->workers.size(); ++w) {
            std::vector<Choice> choices = {{}};
            for_each_feasible_schedule(
                p, int(w), [&](const std::vector<int>& tasks, const ScheduleTotals& totals) {
                    choices.push_back({tasks, totals});
                });
            choices_.push_back(std::move(choices));
        }
    }

    Levels best() {
        search(0, {0, 0, 0, 0});
        return best_;
    }

  private:
    // (targets, hours, −travel, −employers): larger is better.
    void search(std::size_t w, Levels so_far) {
        if (w == choices_.size()) {
            if (so_far > best_) best_ = so_far;
            return;
        }
        for (const auto& c : choices_[w]) {
            bool free = true;
            for (int t : c.tasks) free = free && pool_.allowed()[std::size_t(t)];
            if (!free) continue;
            // Tasks of one schedule must be compatible with each other in the pool as well.
            pool_.take(c.tasks);
            auto [a, b, t, e] = so_far;
            search(w + 1, {a + c.totals.target_weeks, b + c.totals.covered, t - c.totals.travel,
                           e - c.totals.employers});
            pool_.give_back(c.tasks);
        }
    }

    const Problem& p_;
    TaskPool pool_;
    std::vector<std::vector<Choice>> choices_;
    Levels best_{-1, 0, 0, 0};
};

}  // namespace maillage::sharedjobs::testing
