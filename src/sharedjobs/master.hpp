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

struct Duals {
    std::vector<double> worker;  // per worker
    std::vector<double> task;    // per task: the dual of the row the task counts in
    double value = 0;            // the value row's dual (phase cost)
    // keep × this + (1 − keep) × other, componentwise (dual smoothing, exact.cpp). Convex
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

    void set_phase(Phase phase, std::int64_t value_floor = 0);
    Phase phase() const { return phase_; }
    // Pricing weights of the current phase given the value row's dual (docs/sharedjobs.md).
    CostWeights weights(double value_dual) const;

    // Solves the LP; false when CLP fails. Duals of the current solution.
    bool solve_lp(double& objective, Duals& duals);
    // Σ rows' bounds × duals, each need row at the best value its layouts allow: with the
    // workers' lower bounds on their reduced costs, the Lagrangian bound at these duals. At the
    // LP's own duals it is the LP optimum.
    double dual_objective(const Duals& duals) const;
    // The last LP solution's columns when it is integral (every schedule at 0 or 1, every
    // layout variable too): then it is an integer optimum of the master as it stands.
    std::optional<std::vector<int>> integral_lp_columns() const;
    IntegerSolution solve_integer(double seconds, std::uint64_t seed,
                                  const std::vector<int>& start) const;

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
};

}  // namespace maillage::sharedjobs
