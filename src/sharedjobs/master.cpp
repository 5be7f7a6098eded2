#include "sharedjobs/master.hpp"

#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>
#include <OsiClpSolverInterface.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace maillage::sharedjobs {

Master::Master(const Problem& p) : p_(p), lp_(std::make_unique<OsiClpSolverInterface>()) {
    lp_->messageHandler()->setLogLevel(0);
    lp_->getModelPtr()->setLogLevel(0);
    // Columns only ever get added: primal simplex restarts from the previous basis.
    lp_->setHintParam(OsiDoDualInResolve, false, OsiHintDo);
    const double inf = lp_->getInfinity();
    CoinPackedVector empty;
    for (std::size_t w = 0; w < p.instance->workers.size(); ++w) lp_->addRow(empty, -inf, 1.0);
    task_row_.assign(p.tasks.size(), -1);
    std::vector<std::vector<int>> split_layout_rows;  // (need row, then task rows) per layout
    for (std::size_t n = 0; n < p.needs.size(); ++n) {
        const auto& info = p.needs[n];
        int need_row = lp_->getNumRows();
        lp_->addRow(empty, -inf, 1.0);
        bool split = p.instance->needs[n].splittable;
        for (const auto& tasks : info.layout_tasks) {
            std::vector<int> rows = {need_row};
            for (int t : tasks) {
                if (split) {
                    task_row_[std::size_t(t)] = lp_->getNumRows();
                    rows.push_back(task_row_[std::size_t(t)]);
                    lp_->addRow(empty, -inf, 0.0);
                } else {
                    task_row_[std::size_t(t)] = need_row;
                }
            }
            if (split) split_layout_rows.push_back(std::move(rows));
        }
    }
    value_row_ = lp_->getNumRows();
    lp_->addRow(empty, -inf, inf);
    // One variable per layout of a splittable need: the layout chosen for its shifts.
    first_split_column_ = lp_->getNumCols();
    for (const auto& rows : split_layout_rows) {
        CoinPackedVector col;
        col.insert(rows.front(), 1.0);
        for (std::size_t k = 1; k < rows.size(); ++k) col.insert(rows[k], -1.0);
        lp_->addCol(col, 0.0, inf, 0.0);
    }
    split_columns_ = int(split_layout_rows.size());
    // The value row's slack (phase cost, under branching decisions only; restrict_to).
    CoinPackedVector value_slack;
    value_slack.insert(value_row_, 1.0);
    value_slack_ = lp_->getNumCols();
    lp_->addCol(value_slack, 0.0, 0.0, 0.0);
}

Master::~Master() = default;

int Master::row_of_task(int task) const {
    return task_row_[std::size_t(task)];
}

double Master::objective_of(const Column& c) const {
    return phase_ == Phase::coverage ? -double(c.totals.value(p_)) : double(c.totals.cost(p_));
}

double Master::objective_of(const std::vector<int>& columns) const {
    double total = 0;
    for (int j : columns) total += objective_of(column(j));
    return total;
}

int Master::add(Column column) {
    std::sort(column.tasks.begin(), column.tasks.end());
    auto key = std::make_pair(column.worker, column.tasks);
    if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    CoinPackedVector col;
    col.insert(column.worker, 1.0);
    std::vector<int> rows;
    for (int t : column.tasks) rows.push_back(row_of_task(t));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int r : rows) col.insert(r, 1.0);
    col.insert(value_row_, double(column.totals.value(p_)));
    for (std::size_t k = 0; k < branch_pairs_.size(); ++k)
        if (branch_pairs_[k].first == column.worker &&
            std::binary_search(column.tasks.begin(), column.tasks.end(), branch_pairs_[k].second))
            col.insert(branch_row_[k], 1.0);
    // No upper bound: the worker's row holds the column to 1, and without bounds of their own the
    // LP's objective is Σ rows' bounds × duals, which the Lagrangian bound relies on. A column
    // the branching decisions exclude is held at 0: it is outside the node's problem.
    lp_->addCol(col, 0.0, forbidden(column) ? 0.0 : lp_->getInfinity(), objective_of(column));
    int j = int(columns_.size());
    lp_column_.push_back(lp_->getNumCols() - 1);
    columns_.push_back(std::move(column));
    seen_.emplace(std::move(key), j);
    return j;
}

void Master::set_phase(Phase phase, std::int64_t value_floor) {
    phase_ = phase;
    value_floor_ = value_floor;
    const double inf = lp_->getInfinity();
    lp_->setRowLower(value_row_, phase == Phase::cost ? double(value_floor) : -inf);
    for (std::size_t j = 0; j < columns_.size(); ++j)
        lp_->setObjCoeff(lp_column_[j], objective_of(columns_[j]));
}

CostWeights Master::weights(double value_dual) const {
    // Reduced cost = objective − duals: in phase coverage the objective is −value; in phase
    // cost it is the cost, and the value row (≥ floor) adds −dual × value.
    double per_value = (phase_ == Phase::coverage ? 1.0 : 0.0) + value_dual;
    CostWeights w;
    w.minute = -per_value;
    w.target = -per_value * double(p_.coverage_weight);
    if (phase_ == Phase::cost) {
        w.travel = double(p_.cost_weight);
        w.employer = 1.0;
    }
    return w;
}

PricingRequest Master::pricing_request(const Duals& duals, int worker) const {
    PricingRequest request;
    request.worker = worker;
    request.weights = weights(duals.value);
    request.task_price = duals.task;
    request.worker_price = duals.worker[std::size_t(worker)];
    request.allowed = allowed_tasks(worker);
    // Each column of the worker with a required task counts in that pair's row.
    for (std::size_t k = 0; k < branch_pairs_.size() && k < duals.branch.size(); ++k)
        if (branch_pairs_[k].first == worker)
            request.task_price[std::size_t(branch_pairs_[k].second)] += duals.branch[k];
    return request;
}

bool Master::solve_lp(double& objective, Duals& duals) {
    if (lp_->getNumCols() == 0) {
        objective = 0;
        duals.worker.assign(p_.instance->workers.size(), 0.0);
        duals.task.assign(p_.tasks.size(), 0.0);
        duals.value = 0;
        return true;
    }
    if (!solved_once_)
        lp_->initialSolve();
    else
        lp_->resolve();
    solved_once_ = true;
    if (!lp_->isProvenOptimal()) {
        lp_->initialSolve();
        if (!lp_->isProvenOptimal()) return false;
    }
    objective = lp_->getObjValue();
    const double* price = lp_->getRowPrice();
    duals.worker.assign(price, price + p_.instance->workers.size());
    duals.task.resize(p_.tasks.size());
    for (std::size_t t = 0; t < p_.tasks.size(); ++t) duals.task[t] = price[task_row_[t]];
    duals.value = price[value_row_];
    duals.branch.resize(branch_pairs_.size());
    for (std::size_t k = 0; k < branch_pairs_.size(); ++k) duals.branch[k] = price[branch_row_[k]];
    return true;
}

Duals Duals::mixed(const Duals& other, double keep) const {
    Duals out = *this;
    for (std::size_t w = 0; w < out.worker.size(); ++w)
        out.worker[w] = keep * worker[w] + (1 - keep) * other.worker[w];
    for (std::size_t t = 0; t < out.task.size(); ++t)
        out.task[t] = keep * task[t] + (1 - keep) * other.task[t];
    out.value = keep * value + (1 - keep) * other.value;
    for (std::size_t k = 0; k < std::min(out.branch.size(), other.branch.size()); ++k)
        out.branch[k] = keep * branch[k] + (1 - keep) * other.branch[k];
    return out;
}

double Master::dual_objective(const Duals& duals) const {
    double total = 0;
    for (double y : duals.worker) total += y;  // worker rows: ≤ 1
    for (std::size_t n = 0; n < p_.needs.size(); ++n) {
        const auto& layouts = p_.needs[n].layout_tasks;
        if (!p_.instance->needs[n].splittable) {
            // Every task of the need counts in the need's row (≤ 1).
            if (!layouts.empty() && !layouts.front().empty())
                total += duals.task[std::size_t(layouts.front().front())];
            continue;
        }
        // The need row (≤ 1) and its layouts' variables y_l ≥ 0 with reduced cost
        // Σ task duals − need dual ≥ 0: the need dual at most every layout's sum, and ≤ 0.
        double need = 0;
        for (const auto& tasks : layouts) {
            double sum = 0;
            for (int t : tasks) sum += duals.task[std::size_t(t)];
            need = std::min(need, sum);
        }
        total += need;
    }
    if (phase_ == Phase::cost) total += double(value_floor_) * duals.value;
    // Branching rows in force (≥ 1); the others are free rows, their duals 0.
    for (const auto& d : decisions_)
        if (d.required)
            for (std::size_t k = 0; k < branch_pairs_.size() && k < duals.branch.size(); ++k)
                if (branch_pairs_[k] == std::pair{d.worker, d.task}) total += duals.branch[k];
    return total;
}

bool Master::forbidden(const Column& c) const {
    if (allowed_.empty()) return false;
    const auto& allowed = allowed_[std::size_t(c.worker)];
    return std::any_of(c.tasks.begin(), c.tasks.end(),
                       [&](int t) { return !allowed[std::size_t(t)]; });
}

const std::vector<char>* Master::allowed_tasks(int worker) const {
    return allowed_.empty() ? nullptr : &allowed_[std::size_t(worker)];
}

void Master::add_branch_row(int worker, int task) {
    CoinPackedVector row;
    for (std::size_t j = 0; j < columns_.size(); ++j) {
        const auto& c = columns_[j];
        if (c.worker == worker && std::binary_search(c.tasks.begin(), c.tasks.end(), task))
            row.insert(lp_column_[j], 1.0);
    }
    const double inf = lp_->getInfinity();
    branch_row_.push_back(lp_->getNumRows());
    lp_->addRow(row, -inf, inf);
    CoinPackedVector slack;
    slack.insert(branch_row_.back(), 1.0);
    branch_slack_.push_back(lp_->getNumCols());
    lp_->addCol(slack, 0.0, 0.0, 0.0);
    branch_pairs_.push_back({worker, task});
}

void Master::restrict_to(const std::vector<BranchDecision>& decisions) {
    decisions_ = decisions;
    allowed_.clear();
    if (!decisions.empty())
        allowed_.assign(p_.instance->workers.size(), std::vector<char>(p_.tasks.size(), 1));
    std::vector<char> in_force;
    for (const auto& d : decisions) {
        if (!d.required) {
            allowed_[std::size_t(d.worker)][std::size_t(d.task)] = 0;
            continue;
        }
        for (std::size_t w = 0; w < allowed_.size(); ++w)
            if (int(w) != d.worker) allowed_[w][std::size_t(d.task)] = 0;
        auto it =
            std::find(branch_pairs_.begin(), branch_pairs_.end(), std::pair{d.worker, d.task});
        if (it == branch_pairs_.end()) {
            add_branch_row(d.worker, d.task);
            it = branch_pairs_.end() - 1;
        }
        in_force.resize(branch_pairs_.size(), 0);
        in_force[std::size_t(it - branch_pairs_.begin())] = 1;
    }
    in_force.resize(branch_pairs_.size(), 0);
    // The slack's cost is above any plan's objective over the columns (each worker's worst
    // column counted in full), so an LP that keeps a slack is pruned (branching.cpp).
    std::vector<double> worst(p_.instance->workers.size(), 0.0);
    for (const auto& c : columns_)
        worst[std::size_t(c.worker)] =
            std::max(worst[std::size_t(c.worker)], std::abs(objective_of(c)));
    double slack_cost = 1.0;
    for (double x : worst) slack_cost += 2 * x;
    const double inf = lp_->getInfinity();
    // A node of the cost phase may keep no plan of the value held: per weighted minute missing,
    // the same prohibitive cost (a plan's shortfall is a whole minute at least).
    bool elastic_value = phase_ == Phase::cost && !decisions.empty();
    lp_->setColUpper(value_slack_, elastic_value ? inf : 0.0);
    lp_->setObjCoeff(value_slack_, slack_cost);
    for (std::size_t k = 0; k < branch_pairs_.size(); ++k) {
        lp_->setRowLower(branch_row_[k], in_force[k] ? 1.0 : -inf);
        lp_->setColUpper(branch_slack_[k], in_force[k] ? inf : 0.0);
        lp_->setObjCoeff(branch_slack_[k], slack_cost);
    }
    for (std::size_t j = 0; j < columns_.size(); ++j)
        lp_->setColUpper(lp_column_[j], forbidden(columns_[j]) ? 0.0 : inf);
}

std::vector<double> Master::column_values() const {
    std::vector<double> out(columns_.size(), 0.0);
    if (!solved_once_) return out;
    const double* x = lp_->getColSolution();
    for (std::size_t j = 0; j < columns_.size(); ++j) out[j] = x[lp_column_[j]];
    return out;
}

double Master::slack_in_use() const {
    if (!solved_once_) return 0;
    const double* x = lp_->getColSolution();
    double total = x[value_slack_];
    for (int c : branch_slack_) total += x[c];
    return total;
}

std::optional<std::vector<int>> Master::integral_lp_columns() const {
    if (!solved_once_ || !lp_->isProvenOptimal()) return std::nullopt;
    const double* x = lp_->getColSolution();
    for (int c = 0; c < lp_->getNumCols(); ++c)
        if (std::abs(x[c] - std::round(x[c])) > 1e-9) return std::nullopt;
    std::vector<int> chosen;
    for (std::size_t j = 0; j < columns_.size(); ++j)
        if (x[lp_column_[j]] > 0.5) chosen.push_back(int(j));
    return chosen;
}

namespace {

// Whether CBC's answer keeps every row of the master: a plan that breaks one is no plan.
bool satisfies_rows(const OsiSolverInterface& lp, const double* x) {
    const CoinPackedMatrix* rows = lp.getMatrixByRow();
    const double* lower = lp.getRowLower();
    const double* upper = lp.getRowUpper();
    for (int r = 0; r < lp.getNumRows(); ++r) {
        const CoinShallowPackedVector row = rows->getVector(r);
        double activity = 0, scale = 1;
        for (int k = 0; k < row.getNumElements(); ++k) {
            activity += row.getElements()[k] * x[row.getIndices()[k]];
            scale = std::max(scale, std::abs(row.getElements()[k]));
        }
        if (activity > upper[r] + 1e-6 * scale || activity < lower[r] - 1e-6 * scale) return false;
    }
    for (int c = 0; c < lp.getNumCols(); ++c)
        if (x[c] < -1e-6 || std::abs(x[c] - std::round(x[c])) > 1e-6) return false;
    return true;
}

}  // namespace

IntegerSolution Master::solve_integer(double seconds, std::uint64_t seed,
                                      const std::vector<int>& start) const {
    IntegerSolution out;
    OsiClpSolverInterface solver(*lp_);
    for (int c = 0; c < solver.getNumCols(); ++c) {
        solver.setInteger(c);
        solver.setColName(c, "c" + std::to_string(c));
    }
    CbcModel model(solver);
    CbcSolverUsefulData data;
    CbcMain0(model, data);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    if (!start.empty()) {
        std::vector<std::pair<std::string, double>> mip_start;
        for (int j : start)
            mip_start.push_back({"c" + std::to_string(lp_column_[std::size_t(j)]), 1.0});
        model.setMIPStart(mip_start);
    }
    std::string sec = std::to_string(std::max(0.01, seconds));
    std::string seed_text = std::to_string(seed % 1000000007ull + 1);
    // Objective values are integers: a gap below 1 closes the search. CBC counts CPU seconds
    // unless told otherwise; the caller's limit is wall-clock time. No preprocessing: CBC
    // 2.10's CglPreProcess::postProcess crashed (SIGSEGV) on the cost phase's master, and its
    // postprocessed solution can break rows when the time limit cuts the final resolve
    // (coin-or/Cbc#353); a set-packing master loses little without it.
    const char* argv[] = {"sharedjobs",      "-log",        "0",
                          "-preprocess",     "off",         "-timeMode",
                          "elapsed",         "-sec",        sec.c_str(),
                          "-allowableGap",   "0.999",       "-randomCbcSeed",
                          seed_text.c_str(), "-randomSeed", seed_text.c_str(),
                          "-solve",          "-quit"};
    CbcMain1(
        int(sizeof argv / sizeof *argv), argv, model, [](CbcModel*, int) { return 0; }, data);
    const double* x = model.bestSolution();
    if (!x || !satisfies_rows(solver, x)) return out;
    out.found = true;
    out.objective = model.getObjValue();
    out.best_possible = model.getBestPossibleObjValue();
    out.optimal_over_columns = model.isProvenOptimal();
    for (std::size_t j = 0; j < columns_.size(); ++j)
        if (x[lp_column_[j]] > 0.5) out.columns.push_back(int(j));
    return out;
}

}  // namespace maillage::sharedjobs
