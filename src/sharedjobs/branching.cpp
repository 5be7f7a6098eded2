#include "sharedjobs/branching.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace maillage::sharedjobs {
namespace {

constexpr double kIntegral = 1e-6;
// A node whose bound is within this of (incumbent − 1) is pruned: objectives are integers, so
// a better plan gains at least 1 (the integer master's `-allowableGap 0.999` says the same).
constexpr double kPruneSlack = 1e-3;

constexpr double kNoBound = -std::numeric_limits<double>::infinity();

struct Node {
    std::vector<BranchDecision> decisions;
    double parent_bound = kNoBound;
};

bool prunable(double bound, double incumbent) {
    return bound > incumbent - 1.0 + kPruneSlack;
}

// The LP solution's columns when every column is at 0 or 1: a plan (any integral solution of
// the master's rows is one; its splittable needs' layouts follow from its shifts).
std::optional<std::vector<int>> integral_plan(const std::vector<double>& x) {
    std::vector<int> chosen;
    for (std::size_t j = 0; j < x.size(); ++j) {
        if (std::abs(x[j] - std::round(x[j])) > kIntegral) return std::nullopt;
        if (x[j] > 0.5) chosen.push_back(int(j));
    }
    return chosen;
}

// The (worker, task) pair whose LP share (Σ x over the worker's columns with the task) is
// nearest one half. When every share is integral so is every column (a worker's columns
// with x > 0 then all take the same tasks, and the master keeps one column per task set).
std::optional<BranchDecision> most_fractional_pair(const Master& master,
                                                   const std::vector<double>& x) {
    std::map<std::pair<int, int>, double> share;
    const auto& decided = master.decisions();
    for (std::size_t j = 0; j < x.size(); ++j) {
        if (x[j] <= kIntegral) continue;
        const auto& c = master.column(int(j));
        for (int t : c.tasks) share[{c.worker, t}] += x[j];
    }
    std::optional<BranchDecision> best;
    double best_distance = 1;
    for (const auto& [pair, z] : share) {
        double distance = std::abs(z - 0.5);
        bool fresh = std::none_of(decided.begin(), decided.end(), [&](const BranchDecision& d) {
            return d.worker == pair.first && d.task == pair.second;
        });
        if (fresh && z > kIntegral && z < 1 - kIntegral && distance < best_distance) {
            best_distance = distance;
            best = BranchDecision{pair.first, pair.second, true};
        }
    }
    return best;
}

}  // namespace

TreeOutcome branch_and_price(Master& master, const std::vector<int>& incumbent, NodeBound root,
                             Deadline deadline,
                             const std::function<NodeBound(double cutoff)>& solve_node) {
    TreeOutcome out;
    out.columns = incumbent;
    out.objective = master.objective_of(incumbent);
    out.proven = true;
    std::vector<Node> stack = {Node{{}, root.have_bound ? root.bound : kNoBound}};
    // The lowest bound of the nodes left open: with the incumbent, a bound on every plan.
    double open_bound = std::numeric_limits<double>::infinity();
    auto leave_open = [&](double bound) {
        out.proven = false;
        open_bound = std::min(open_bound, bound);
    };
    bool first = true;
    while (!stack.empty()) {
        Node node = std::move(stack.back());
        stack.pop_back();
        if (prunable(node.parent_bound, out.objective)) continue;
        if (deadline.passed()) {
            leave_open(node.parent_bound);
            for (const auto& left : stack) leave_open(left.parent_bound);
            break;
        }
        ++out.nodes;
        master.restrict_to(node.decisions);
        NodeBound lp = root;
        if (first && root.converged) {
            // The master's LP is the root's optimum already: solve it again for its solution.
            double objective = 0;
            Duals duals;
            master.solve_lp(objective, duals);
        } else {
            lp = solve_node(out.objective - 1.0 + kPruneSlack);
        }
        first = false;
        double bound = lp.have_bound ? std::max(node.parent_bound, lp.bound) : node.parent_bound;
        if (prunable(bound, out.objective)) continue;
        if (!lp.have_bound && !lp.converged) {
            leave_open(bound);  // no LP solution to branch on (CLP failed, or no time)
            continue;
        }
        auto x = master.column_values();
        bool slack = master.slack_in_use() > kIntegral;
        if (auto plan = integral_plan(x)) {
            double objective = master.objective_of(*plan);
            if (objective < out.objective - 0.5) {
                out.objective = objective;
                out.columns = std::move(*plan);
            }
            // The node's LP optimum is this plan: nothing better below it.
            if (lp.converged && !slack) continue;
        }
        auto pair = most_fractional_pair(master, x);
        if (!pair) {
            // Integral but not the node's optimum (pricing cut short, or a slack kept): the
            // node stays open.
            leave_open(bound);
            continue;
        }
        Node does = node, does_not = node;
        does.decisions.push_back(*pair);
        pair->required = false;
        does_not.decisions.push_back(*pair);
        does.parent_bound = does_not.parent_bound = bound;
        stack.push_back(std::move(does_not));
        stack.push_back(std::move(does));
    }
    master.restrict_to({});
    out.bound = std::min(open_bound, out.objective);
    return out;
}

}  // namespace maillage::sharedjobs
