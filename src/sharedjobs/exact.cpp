// The exact engine: column generation over weekly schedules with the labeling pricing, then the
// integer master with CBC over the columns generated (price and branch), one objective phase
// after the other.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sharedjobs/engines.hpp"
#include "sharedjobs/master.hpp"
#include "sharedjobs/pricing.hpp"

namespace maillage::sharedjobs {
namespace {

constexpr std::size_t kHeuristicLabels = 24;
constexpr std::size_t kColumnsPerWorker = 4;
constexpr double kReducedCostTolerance = 1e-4;

struct PhaseBound {
    double lp = 0;         // the restricted master's LP optimum, last round
    double bound = 0;      // a valid lower bound on the phase's objective
    bool have_bound = false;
    bool converged = false;
};

std::string stage_text(const char* phase, int round, std::size_t columns, double lp) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s: round %d, %zu columns, LP %.1f", phase, round, columns,
                  lp);
    return buf;
}

int add_solution(Master& master, const Solution& s,
                 std::vector<int>* indices = nullptr) {
    int added = 0;
    for (std::size_t w = 0; w < s.tasks.size(); ++w) {
        if (s.tasks[w].empty()) continue;
        std::size_t before = master.size();
        int j = master.add({int(w), s.tasks[w], s.totals[w]});
        added += master.size() > before;
        if (indices) indices->push_back(j);
    }
    return added;
}

// One pricing round over every worker; returns the columns added. When `exact`, also the sum
// over workers of their best reduced cost (for the Lagrangian bound) and whether every
// worker's search was complete.
int price_round(Master& master, const Problem& p, const Duals& duals, bool exact,
                double& best_sum, bool& all_exact, Deadline deadline) {
    int added = 0;
    best_sum = 0;
    all_exact = true;
    auto weights = master.weights(duals.value);
    for (std::size_t w = 0; w < p.instance->workers.size(); ++w) {
        if (p.eligible_tasks[w].empty()) continue;
        if (deadline.passed()) {
            all_exact = false;
            break;
        }
        PricingRequest request;
        request.worker = int(w);
        request.weights = weights;
        request.task_price = duals.task;
        request.worker_price = duals.worker[w];
        request.label_limit = exact ? 0 : kHeuristicLabels;
        request.max_schedules = kColumnsPerWorker;
        request.threshold = -kReducedCostTolerance;
        auto result = price_worker(p, request);
        all_exact = all_exact && result.exact;
        best_sum += std::min(0.0, result.best);
        for (auto& s : result.schedules) {
            std::size_t before = master.size();
            master.add({int(w), std::move(s.tasks), s.totals});
            added += master.size() > before;
        }
    }
    return added;
}

PhaseBound generate_columns(Master& master, const Problem& p, Deadline deadline,
                            const char* phase, Progress& progress, EngineReport& report) {
    PhaseBound out;
    for (int round = 1;; ++round) {
        if (deadline.passed()) break;
        double objective = 0;
        Duals duals;
        if (!master.solve_lp(objective, duals)) break;
        out.lp = objective;
        ++report.rounds;
        progress.update(stage_text(phase, round, master.size(), objective), std::size_t(round), 0);
        double best_sum = 0;
        bool all_exact = false;
        int added = price_round(master, p, duals, false, best_sum, all_exact, deadline);
        if (added > 0) continue;
        added = price_round(master, p, duals, true, best_sum, all_exact, deadline);
        if (all_exact) {
            // Lasdon's bound: each worker's schedules sum to at most one.
            double bound = objective + best_sum;
            out.bound = out.have_bound ? std::max(out.bound, bound) : bound;
            out.have_bound = true;
        }
        if (added == 0 && all_exact) {
            out.converged = true;
            out.bound = objective;
            break;
        }
        if (added == 0) break;  // searches cut short: no proof, keep what we have
    }
    report.columns = int(master.size());
    return out;
}

Solution solution_from(const Problem& p, const Master& master, const std::vector<int>& columns) {
    Solution s = Solution::empty(p);
    for (int j : columns) {
        const auto& c = master.column(j);
        s.tasks[std::size_t(c.worker)] = c.tasks;
        s.totals[std::size_t(c.worker)] = c.totals;
    }
    return s;
}

// The value no answer can exceed without any LP: every worker at their target in every
// segment, every need covered.
double trivial_value_bound(const Problem& p) {
    double bound = 0;
    for (std::size_t n = 0; n < p.needs.size(); ++n)
        bound += double(p.instance->needs[n].weekly_minutes) * p.weight_of(p.needs[n].segments);
    int weights = 0;
    for (const auto& s : p.segments) weights += s.weight;
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w)
        if (!p.eligible_tasks[w].empty()) bound += double(p.coverage_weight) * weights;
    return bound;
}

void fill_value_bound(const Problem& p, const PhaseBound& phase, std::int64_t value,
                      Bounds& bounds) {
    bounds.coverage_weight = p.coverage_weight;
    bounds.cost_weight = p.cost_weight;
    bounds.value = value;
    double bound = phase.have_bound ? -phase.bound : trivial_value_bound(p);
    bounds.bound = std::min(bound, trivial_value_bound(p));
    bounds.bound = std::max(bounds.bound, double(value));
    bounds.bound_is_lp_optimum = phase.converged;
    bounds.gap = bounds.bound > 0 ? (bounds.bound - double(value)) / bounds.bound : 0;
    bounds.proven_optimal = double(value) >= std::floor(bounds.bound + 1e-6);
    if (bounds.proven_optimal) bounds.gap = 0;
}

}  // namespace

Solution exact_solve(const Problem& p, const Solution& start, Deadline deadline,
                     std::uint64_t seed, Progress& progress, EngineReport& report,
                     Bounds& bounds) {
    Master master(p);
    std::vector<int> start_columns;
    add_solution(master, start, &start_columns);
    double total = deadline.left();
    // Column generation may use most of the time; the integer master gets the rest.
    auto phase_deadline = [&](double share) {
        return Deadline::in(std::max(0.1, std::min(deadline.left(), total * share)));
    };
    auto coverage = generate_columns(master, p, phase_deadline(0.45), "coverage", progress, report);
    progress.update("coverage: integer master", 0, 0);
    auto ip = master.solve_integer(std::max(0.5, deadline.left() * 0.5), seed, start_columns);
    Solution best = start;
    std::vector<int> chosen = start_columns;
    if (ip.found && -ip.objective >= double(start.value(p)) - 0.5) {
        chosen = ip.columns;
        best = solution_from(p, master, chosen);
    }
    std::int64_t value = best.value(p);
    fill_value_bound(p, coverage, value, bounds);

    master.set_phase(Phase::cost, value);
    auto cost = generate_columns(master, p, phase_deadline(0.6), "cost", progress, report);
    progress.update("cost: integer master", 0, 0);
    auto ip_cost = master.solve_integer(std::max(0.5, deadline.left()), seed, chosen);
    if (ip_cost.found && ip_cost.objective <= double(best.cost(p)) + 0.5) {
        auto better = solution_from(p, master, ip_cost.columns);
        if (better.value(p) >= value) best = std::move(better);
    }
    bounds.cost = best.cost(p);
    bounds.cost_bound = cost.have_bound ? std::min(cost.bound, double(bounds.cost)) : 0;
    bounds.cost_proven_optimal =
        bounds.proven_optimal && cost.have_bound &&
        double(bounds.cost) <= std::ceil(bounds.cost_bound - 1e-6);
    report.columns = int(master.size());
    if (report.stop_reason.empty())
        report.stop_reason = deadline.passed() ? "time limit" : "finished";
    return best;
}

void bound_value(const Problem& p, const Solution& answer, Deadline deadline, Progress& progress,
                 EngineReport& report, Bounds& bounds) {
    Master master(p);
    add_solution(master, answer);
    auto coverage = generate_columns(master, p, deadline, "bound", progress, report);
    fill_value_bound(p, coverage, answer.value(p), bounds);
    bounds.cost = answer.cost(p);
}

}  // namespace maillage::sharedjobs
