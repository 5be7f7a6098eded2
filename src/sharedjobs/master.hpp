#pragma once
// The master problem over schedule columns: at most one schedule per worker, each need's hours
// done at most once (one layout; a splittable need's shifts each by one worker). Its LP is
// solved with CLP (OsiClpSolverInterface) for the duals that price new columns; its integer
// version over the columns generated is solved with CBC.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "sharedjobs/pricing.hpp"
#include "sharedjobs/schedule.hpp"

class OsiClpSolverInterface;

namespace maillage::sharedjobs {

struct Column {
    int worker = 0;
    std::vector<int> tasks;
    ScheduleTotals totals;
};

// Which objective the master minimises: level 1–2 (the value, negated), then levels 3–4 (the
// cost) with the value held at its optimum by a row.
enum class Phase { coverage, cost };

// A branch-and-price decision (branching.hpp): the worker does the task, or does not.
struct BranchDecision {
    int worker = 0;
    int task = 0;
    bool required = false;
};

struct Duals {
    std::vector<double> worker;  // per worker
    std::vector<double> task;    // per task: the dual of the row the task counts in
    double value = 0;            // the value row's dual (phase cost)
    std::vector<double> branch;  // per branching row (Master::branch_pair), ≥ 0; 0 when inactive
    // keep × this + (1 − keep) × other, componentwise (dual smoothing; exact.cpp no longer
    // smooths, Master.* checks the bound at such duals). Convex
    // combinations of the master's duals keep their signs and the layout variables' reduced
    // costs ≥ 0, so they stay valid for the Lagrangian bound.
    Duals mixed(const Duals& other, double keep) const;
};

struct IntegerSolution {
    bool found = false;
    double objective = 0;
    double best_possible = 0;  // CBC's bound over the columns it had
    bool optimal_over_columns = false;
    std::vector<int> columns;  // chosen columns
};

class Master {
  public:
    explicit Master(const Problem& p);
    ~Master();
    Master(const Master&) = delete;
    Master& operator=(const Master&) = delete;

    // Adds a column unless the same worker already has the same task set; returns its index.
    int add(Column column);
    const Column& column(int j) const { return columns_[std::size_t(j)]; }
    std::size_t size() const { return columns_.size(); }
    double objective_of(const Column& c) const;
    // The objective of a plan: the sum over its columns.
    double objective_of(const std::vector<int>& columns) const;

    void set_phase(Phase phase, std::int64_t value_floor = 0);
    Phase phase() const { return phase_; }
    // Pricing weights of the current phase given the value row's dual (docs/sharedjobs.md).
    CostWeights weights(double value_dual) const;

    // The exact pricing request of one worker at these duals: the phase's weights, the task
    // and worker duals, and under branching decisions the tasks open to the worker and the
    // duals of the rows that require a task of them.
    PricingRequest pricing_request(const Duals& duals, int worker) const;

    // Solves the LP; false when CLP fails. Duals of the current solution.
    bool solve_lp(double& objective, Duals& duals);
    // Σ rows' bounds × duals, each need row at the best value its layouts allow: with the
    // workers' lower bounds on their reduced costs, the Lagrangian bound at these duals. At the
    // LP's own duals it is the LP optimum.
    double dual_objective(const Duals& duals) const;
    // The last LP solution's columns when it is integral (every schedule at 0 or 1, every
    // layout variable too): then it is an integer optimum of the master as it stands.
    std::optional<std::vector<int>> integral_lp_columns() const;
    // CBC over the columns generated. Call it without branching decisions in force.
    IntegerSolution solve_integer(double seconds, std::uint64_t seed,
                                  const std::vector<int>& start) const;

    // Branch-and-price (branching.hpp). The decisions in force: a column of a worker that
    // takes a task forbidden to them, or a task required of another worker, is held at 0;
    // a required (worker, task) gets the row Σ x_j ≥ 1 over that worker's columns with the
    // task, with a slack column at a prohibitive cost so the LP stays feasible before pricing
    // finds such a column (in phase cost the value row gets one too). Rows are made once per
    // pair and relaxed when not in force.
    void restrict_to(const std::vector<BranchDecision>& decisions);
    const std::vector<BranchDecision>& decisions() const { return decisions_; }
    // Per task, whether the worker may take it under the decisions; null: every task.
    const std::vector<char>* allowed_tasks(int worker) const;
    // The (worker, task) of each branching row, as indexed in Duals::branch.
    const std::vector<std::pair<int, int>>& branch_pairs() const { return branch_pairs_; }
    // The last LP solution: per master column, and Σ of the branching slacks.
    std::vector<double> column_values() const;
    double slack_in_use() const;

  private:
    int row_of_task(int task) const;
    const Problem& p_;
    Phase phase_ = Phase::coverage;
    std::unique_ptr<OsiClpSolverInterface> lp_;
    std::vector<Column> columns_;
    std::vector<int> lp_column_;  // master column → LP column
    std::vector<int> task_row_;
    int value_row_ = 0;
    std::int64_t value_floor_ = 0;
    bool solved_once_ = false;
    int first_split_column_ = 0, split_columns_ = 0;
    std::map<std::pair<int, std::vector<int>>, int> seen_;
    // Branching (restrict_to).
    bool forbidden(const Column& c) const;
    void add_branch_row(int worker, int task);
    std::vector<BranchDecision> decisions_;
    std::vector<std::vector<char>> allowed_;  // per worker; empty: no decision
    std::vector<std::pair<int, int>> branch_pairs_;
    std::vector<int> branch_row_, branch_slack_;  // LP row and slack column per pair
    int value_slack_ = 0;                         // LP column: the value row's slack
};

}  // namespace maillage::sharedjobs
