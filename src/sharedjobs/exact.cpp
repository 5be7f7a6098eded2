// The exact engine: column generation over weekly schedules with the labeling pricing, then the
// integer master with CBC over the columns generated (price and branch), one objective phase
// after the other.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <thread>

#include "sharedjobs/branching.hpp"
#include "sharedjobs/engines.hpp"
#include "sharedjobs/master.hpp"
#include "sharedjobs/pricing.hpp"

namespace maillage::sharedjobs {
namespace {

// Labels kept per block by the heuristic pricing rounds, tried in turn before an exact round
// (which at the GENESE scale costs tens of CPU seconds): the wider one finds most of the
// columns the exact round would.
constexpr std::size_t kHeuristicLabels[] = {24, 256};
// Columns a worker's search returns per round: 12 rather than 4 brought seed 1 of the GENESE
// scale to its LP optimum in ~12 CPU s of column generation instead of ~20 (bench README).
constexpr std::size_t kColumnsPerWorker = 12;
// The integer master's share of the time left (solve_phase). With 0.3 before the tree, CBC's
// plan at the GENESE scale was in two runs of three 5.7 and 11.8 % below the LP optimum on a
// loaded machine (bench README): the tree, which does not close there, is not worth that.
constexpr double kIntegerShare = 0.7;
// Below this many seconds left CBC is not started: it would overrun the limit.
constexpr double kMinIntegerSeconds = 0.05;
constexpr unsigned kPricingThreads = 2;
constexpr double kReducedCostTolerance = 1e-4;

struct PhaseBound {
    double lp = 0;     // the restricted master's LP optimum, last round
    double bound = 0;  // a valid lower bound on the phase's objective
    bool have_bound = false;
    bool converged = false;
    Duals duals;  // of the last LP
};

struct PhaseOutcome {
    PhaseBound lp;
    std::vector<int> columns;  // the chosen plan
    double objective = 0;
    bool proven = false;
};

std::string stage_text(const char* phase, int round, std::size_t columns, double lp,
                       const PhaseBound& bound) {
    char buf[200];
    int n = std::snprintf(buf, sizeof buf, "%s: round %d, %zu columns, LP %.1f", phase, round,
                          columns, lp);
    if (bound.have_bound && n > 0 && std::size_t(n) < sizeof buf)
        std::snprintf(buf + n, sizeof buf - std::size_t(n), ", bound %.1f", bound.bound);
    return buf;
}

int add_solution(Master& master, const Solution& s, std::vector<int>* indices = nullptr) {
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

// Workers are priced independently: the round runs them on this many threads.
unsigned pricing_threads() {
    return std::max(1u, std::min(kPricingThreads, std::thread::hardware_concurrency()));
}

struct RoundOutcome {
    int added = 0;
    // Per worker, the best lower bound on their reduced cost a search gave (+∞: not priced).
    std::vector<double> lower;
    // Σ over workers of a lower bound on their best reduced cost (never above 0): with the LP
    // optimum, the Lagrangian bound of the round, valid whether or not the searches completed.
    double bound_sum = 0;
    bool all_exact = true;  // every worker's search was complete
};

// Each worker with something to do, priced on the threads (workers are independent). `ask`
// fills the request of one worker; the results come back in the workers' order.
// `skip` (optional, per worker): workers left out.
std::vector<PricingResult> price_workers(const Problem& p, std::vector<int>& workers,
                                         const std::function<PricingRequest(int)>& ask,
                                         const std::vector<char>* skip = nullptr) {
    workers.clear();
    for (std::size_t w = 0; w < p.instance->workers.size(); ++w)
        if (!p.eligible_tasks[w].empty() && !(skip && (*skip)[w])) workers.push_back(int(w));
    std::vector<PricingResult> results(workers.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k = next++; k < workers.size(); k = next++) {
            PricingRequest request = ask(workers[k]);
            results[k] = price_worker(p, request);
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < pricing_threads(); ++t) helpers.emplace_back(work);
    work();
    for (auto& h : helpers) h.join();
    return results;
}

PricingRequest priced_request(const Master& master, const Duals& duals, int worker,
                              Deadline deadline) {
    PricingRequest request = master.pricing_request(duals, worker);
    request.deadline = deadline.at;
    return request;
}

// One pricing round over every worker. A search cut by the deadline still gives its bound.
// `settled` (optional): per worker, a lower bound on their reduced cost already known at these
// duals; workers whose bound is (about) `threshold` have no column to find and are not priced.
// Only columns below `threshold` are sought (a lower one prunes the searches more).
RoundOutcome price_round(Master& master, const Problem& p, const Duals& duals,
                         std::size_t label_limit, Deadline deadline,
                         const std::vector<double>* settled = nullptr,
                         double threshold = -kReducedCostTolerance) {
    std::vector<char> skip(p.instance->workers.size(), 0);
    RoundOutcome out;
    out.lower.assign(skip.size(), std::numeric_limits<double>::infinity());
    if (settled)
        for (std::size_t w = 0; w < skip.size(); ++w)
            if ((*settled)[w] >= threshold) {
                skip[w] = 1;
                out.lower[w] = (*settled)[w];
                out.bound_sum += std::min(0.0, (*settled)[w]);
            }
    std::vector<int> workers;
    auto results = price_workers(
        p, workers,
        [&](int w) {
            auto request = priced_request(master, duals, w, deadline);
            request.label_limit = label_limit;
            request.max_schedules = kColumnsPerWorker;
            request.threshold = threshold;
            return request;
        },
        &skip);
    for (std::size_t k = 0; k < workers.size(); ++k) {
        out.all_exact = out.all_exact && results[k].exact;
        out.bound_sum += std::min(0.0, results[k].lower_bound);
        out.lower[std::size_t(workers[k])] = results[k].lower_bound;
        for (auto& s : results[k].schedules) {
            std::size_t before = master.size();
            master.add({workers[k], std::move(s.tasks), s.totals});
            out.added += master.size() > before;
        }
    }
    return out;
}

// Heuristic rounds at the given duals (narrow, then wide). False when none found a column;
// `lower` then holds each worker's best lower bound on their reduced cost.
bool heuristic_rounds(Master& master, const Problem& p, const Duals& duals, double base,
                      Deadline deadline, const std::function<void(double)>& keep_bound,
                      std::vector<double>& lower) {
    lower.assign(p.instance->workers.size(), -std::numeric_limits<double>::infinity());
    for (std::size_t labels : kHeuristicLabels) {
        auto heuristic = price_round(master, p, duals, labels, deadline);
        keep_bound(base + heuristic.bound_sum);
        if (heuristic.added > 0) return true;
        for (std::size_t w = 0; w < lower.size(); ++w)
            lower[w] = std::max(lower[w], heuristic.lower[w]);
    }
    return false;
}

// Column generation until the LP converges, the deadline passes, or (branch-and-price) a valid
// bound exceeds `cutoff`: the node is then pruned whatever its LP optimum.
PhaseBound generate_columns(Master& master, const Problem& p, Deadline deadline, const char* phase,
                            Progress& progress, EngineReport& report,
                            double cutoff = std::numeric_limits<double>::infinity()) {
    PhaseBound out;
    auto keep_bound = [&](double bound) {
        out.bound = out.have_bound ? std::max(out.bound, bound) : bound;
        out.have_bound = true;
    };
    // No dual smoothing: pricing at half the previous round's duals (Neame, kept from session 3
    // to 5) left GENESE seed 2's LP at −16.18·10⁹ after 10.4 CPU s of column generation where
    // the LP's own duals reach −16.73·10⁹ in 11.1 (bench README, session 5).
    std::vector<double> lower;  // per worker, from the last heuristic rounds
    for (int round = 1;; ++round) {
        if (deadline.passed() || (out.have_bound && out.bound > cutoff)) break;
        double objective = 0;
        Duals duals;
        if (!master.solve_lp(objective, duals)) break;
        out.lp = objective;
        out.duals = duals;
        ++report.rounds;
        progress.update(stage_text(phase, round, master.size(), objective, out), std::size_t(round),
                        0);
        // Above the cutoff only an exact round can prune the node: heuristic columns would
        // lower the LP without deciding it (each node's heuristic rounds cost 0.3–1 s at the
        // GENESE scale).
        bool pruning = objective > cutoff;
        if (pruning) {
            lower.assign(p.instance->workers.size(), -std::numeric_limits<double>::infinity());
        } else if (heuristic_rounds(master, p, duals, objective, deadline, keep_bound, lower)) {
            continue;  // Lasdon's bound after every round: each worker's schedules sum to ≤ 1
        }
        // Only the workers the heuristic searches could not rule out get an exact search.
        // Above the cutoff, the exact round only has to show that no worker's reduced cost goes
        // below an even share of half the margin: then the bound exceeds the cutoff. Searches
        // with that threshold prune far more; the columns they do find are added as usual.
        double threshold = -kReducedCostTolerance;
        if (pruning)
            threshold = std::min(threshold, -(objective - cutoff) / (2.0 * double(lower.size())));
        auto exact = price_round(master, p, duals, 0, deadline, &lower, threshold);
        keep_bound(objective + exact.bound_sum);
        if (pruning && out.bound > cutoff) break;
        // Converged: no column prices out, because every search was complete or because even
        // the searches cut short bound their worker's reduced cost at (about) zero.
        double tolerance = kReducedCostTolerance * double(p.instance->workers.size());
        if (exact.added == 0 && !pruning && (exact.all_exact || exact.bound_sum >= -tolerance)) {
            out.converged = true;
            out.bound = objective;
            break;
        }
        if (exact.added == 0) break;  // searches cut short: no proof, keep what we have
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

// Column generation, the integer master, and when a gap remains branch-and-price.
PhaseOutcome solve_phase(Master& master, const Problem& p, const std::vector<int>& start,
                         Deadline columns_deadline, Deadline tree_deadline, Deadline deadline,
                         std::uint64_t seed, const char* name, Progress& progress,
                         EngineReport& report) {
    PhaseOutcome out;
    out.lp = generate_columns(master, p, columns_deadline, name, progress, report);
    out.columns = start;
    out.objective = master.objective_of(start);
    // A converged LP whose solution is integral is the optimum: no integer master needed.
    if (auto integral = out.lp.converged ? master.integral_lp_columns() : std::nullopt;
        integral && master.objective_of(*integral) <= out.objective + 0.5) {
        out.columns = std::move(*integral);
        out.objective = master.objective_of(out.columns);
        out.proven = out.objective <= std::ceil(out.lp.bound - 1e-6) + 1e-6;
        if (out.proven) return out;
    }
    // CBC over the columns: its plan is branch-and-price's first incumbent.
    progress.update(std::string(name) + ": integer master", 0, 0);
    IntegerSolution ip;
    if (deadline.left() > kMinIntegerSeconds)
        ip = master.solve_integer(deadline.left() * kIntegerShare, seed, start);
    if (ip.found && ip.objective <= out.objective + 0.5) {
        out.columns = ip.columns;
        out.objective = master.objective_of(ip.columns);
    }
    auto proven_by_bound = [&] {
        return out.lp.have_bound && out.objective <= std::ceil(out.lp.bound - 1e-6) + 1e-6;
    };
    out.proven = proven_by_bound();
    // Branch-and-price closes the gap the integer master leaves (docs/sharedjobs.md), from the
    // converged root: before that, column generation itself is what the time is for.
    if (out.proven || !out.lp.converged || deadline.passed()) return out;
    progress.update(std::string(name) + ": branch-and-price", 0, 0);
    NodeBound root{out.lp.have_bound, out.lp.bound, out.lp.converged};
    auto tree = branch_and_price(master, out.columns, root, tree_deadline, [&](double cutoff) {
        auto node = generate_columns(master, p, tree_deadline, name, progress, report, cutoff);
        return NodeBound{node.have_bound, node.bound, node.converged};
    });
    report.columns = int(master.size());
    char text[160];
    std::snprintf(text, sizeof text, "%s: branch-and-price, %d nodes, %s, best %.1f, bound %.1f",
                  name, tree.nodes, tree.proven ? "proven" : "open", tree.objective, tree.bound);
    progress.update(text, 0, 0);
    out.columns = std::move(tree.columns);
    out.objective = tree.objective;
    out.proven = tree.proven;
    if (tree.bound > out.lp.bound || !out.lp.have_bound) {
        out.lp.bound = tree.bound;
        out.lp.have_bound = std::isfinite(tree.bound);
    }
    return out;
}

}  // namespace

Solution exact_solve(const Problem& p, const Solution& start, Deadline deadline, std::uint64_t seed,
                     Progress& progress, EngineReport& report, Bounds& bounds) {
    Master master(p);
    std::vector<int> start_columns;
    add_solution(master, start, &start_columns);
    double total = deadline.left();
    // Column generation may use most of the time; the integer master gets the rest.
    auto phase_deadline = [&](double share) {
        return Deadline::in(std::max(0.0, std::min(deadline.left(), total * share)));
    };
    auto coverage = solve_phase(master, p, start_columns, phase_deadline(0.45), phase_deadline(0.9),
                                deadline, seed, "coverage", progress, report);
    Solution best = solution_from(p, master, coverage.columns);
    std::int64_t value = best.value(p);
    fill_value_bound(p, coverage.lp, value, bounds);
    if (coverage.proven) {
        bounds.proven_optimal = true;
        bounds.bound = double(value);
        bounds.gap = 0;
    }

    master.set_phase(Phase::cost, value);
    auto cost = solve_phase(master, p, coverage.columns, phase_deadline(0.6), deadline, deadline,
                            seed, "cost", progress, report);
    auto cheaper = solution_from(p, master, cost.columns);
    if (cheaper.value(p) >= value && cheaper.cost(p) <= best.cost(p)) best = std::move(cheaper);
    bounds.cost = best.cost(p);
    bounds.cost_bound =
        cost.lp.have_bound ? std::max(0.0, std::min(cost.lp.bound, double(bounds.cost))) : 0;
    bounds.cost_proven_optimal = bounds.proven_optimal && cost.proven;
    if (bounds.cost_proven_optimal) bounds.cost_bound = double(bounds.cost);
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
