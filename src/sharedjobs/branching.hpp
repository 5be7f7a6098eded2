#pragma once
// Branch-and-price over the master (docs/sharedjobs.md, "Engines"): when the integer master
// leaves a gap above the LP bound, branch on a (worker, task) pair whose LP share is
// fractional — the worker does the task, or does not — and solve each node's LP by column
// generation with the node's decisions in the pricing, until every node is pruned by its
// bound or solved by an integral LP.
#include <functional>
#include <vector>

#include "sharedjobs/engines.hpp"
#include "sharedjobs/master.hpp"

namespace maillage::sharedjobs {

// What column generation established at a node.
struct NodeBound {
    bool have_bound = false;  // `bound` is a valid lower bound on the node's objective
    double bound = 0;
    bool converged = false;  // the LP is the node's LP optimum (pricing complete)
};

struct TreeOutcome {
    // No plan's objective is below `objective` − 1 (objectives are integers): every node was
    // pruned by a bound within 1 of the incumbent, or solved.
    bool proven = false;
    std::vector<int> columns;  // the best plan found (the incumbent given, or better)
    double objective = 0;
    // No plan's objective is below this: the incumbent's when proven, else the lowest bound
    // of the nodes left open (−∞ when one had none).
    double bound = 0;
    int nodes = 0;
};

// Depth-first, the "does it" child first. `root` is what column generation established on the
// master as it stands (its LP the last solved); `solve_node` runs column generation under the
// decisions in force (Master::restrict_to) and says what it established; it may stop as soon
// as its bound exceeds the cutoff it is given (the node is then pruned). The master is left
// without decisions.
TreeOutcome branch_and_price(Master& master, const std::vector<int>& incumbent, NodeBound root,
                             Deadline deadline,
                             const std::function<NodeBound(double cutoff)>& solve_node);

}  // namespace maillage::sharedjobs
