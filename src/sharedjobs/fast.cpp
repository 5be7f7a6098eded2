// The fast engine: sequential construction by best schedules, then ruin and recreate.
#include <algorithm>
#include <atomic>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "sharedjobs/engines.hpp"
#include "sharedjobs/pricing.hpp"
#include "sharedjobs/relaxation.hpp"
#include "sharedjobs/target_search.hpp"

namespace maillage::sharedjobs {
namespace {

// Tasks beyond which a worker's search keeps a bounded number of labels per block.
constexpr std::size_t kExactTaskCount = 40;
constexpr std::size_t kLabelLimit = 64;
// Schedules the first worker of a recreated group tries.
constexpr std::size_t kLookahead = 6;
constexpr unsigned kConstructionThreads = 2;
// Workers who choose from the same pool in the construction, on the threads.
constexpr std::size_t kConstructionBatch = 8;
// Draws the local search makes for a worker short of their potential before taking any.
constexpr int kShortDraws = 8;
// Nodes of the depth-first search for a week at the target (target_week).
constexpr std::size_t kTargetSearchBudget = 100000;

struct Score {
    std::int64_t value = 0, cost = 0;
    bool operator<(const Score& o) const {
        return value != o.value ? value < o.value : cost > o.cost;
    }
};

Score score_of(const Problem& p, const Solution& s, const std::vector<int>& workers) {
    Score total;
    for (int w : workers) {
        total.value += s.totals[std::size_t(w)].value(p);
        total.cost += s.totals[std::size_t(w)].cost(p);
    }
    return total;
}

class Search {
  public:
    Search(const Problem& p, Deadline deadline, std::uint64_t seed, Progress& progress,
           EngineReport& report, const std::vector<RelaxedBound>& potential)
        : p_(p),
          deadline_(deadline),
          progress_(progress),
          report_(report),
          seed_(seed),
          pool_(p),
          solution_(Solution::empty(p)),
          holder_(p.tasks.size(), -1) {
        for (const auto& bound : potential) potential_.push_back(bound.target_weeks);
        build_neighbours();
    }

    Solution run() {
        construct();
        improve();
        return std::move(solution_);
    }

  private:
    // Exact searches for small workers; a bounded number of labels per block for large ones
    // (fewer the more tasks, so that a federation's workers each take milliseconds).
    std::size_t label_limit(int w) const {
        auto tasks = p_.eligible_tasks[std::size_t(w)].size();
        if (tasks <= kExactTaskCount) return 0;
        return tasks <= 3 * kExactTaskCount ? kLabelLimit : kLabelLimit / 4;
    }

    // Workers who could take some of the same needs.
    void build_neighbours() {
        std::vector<std::vector<int>> by_need(p_.needs.size());
        for (std::size_t w = 0; w < p_.eligible_tasks.size(); ++w) {
            int last = -1;
            for (int t : p_.eligible_tasks[w]) {
                int n = p_.tasks[std::size_t(t)].need;
                if (n == last) continue;
                by_need[std::size_t(n)].push_back(int(w));
                last = n;
            }
        }
        for (auto& workers : by_need) {
            std::sort(workers.begin(), workers.end());
            workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
        }
        // A mark per worker instead of sorting every pair: the federation has millions.
        neighbours_.assign(p_.eligible_tasks.size(), {});
        std::vector<int> seen(p_.eligible_tasks.size(), -1), need_seen(p_.needs.size(), -1);
        for (std::size_t a = 0; a < p_.eligible_tasks.size(); ++a) {
            for (int t : p_.eligible_tasks[a]) {
                int n = p_.tasks[std::size_t(t)].need;
                if (need_seen[std::size_t(n)] == int(a)) continue;
                need_seen[std::size_t(n)] = int(a);
                for (int b : by_need[std::size_t(n)])
                    if (b != int(a) && seen[std::size_t(b)] != int(a)) {
                        seen[std::size_t(b)] = int(a);
                        neighbours_[a].push_back(b);
                    }
            }
            std::sort(neighbours_[a].begin(), neighbours_[a].end());
        }
        for (std::size_t w = 0; w < p_.eligible_tasks.size(); ++w)
            if (!p_.eligible_tasks[w].empty()) active_.push_back(int(w));
    }

    void assign(int w) { give_choice(w, choose(w)); }

    std::optional<PricedSchedule> choose(int w) const {
        if (auto week = target_week(w)) return week;
        return best_free_schedule(p_, w, pool_, label_limit(w), deadline_);
    }

    void give_choice(int w, const std::optional<PricedSchedule>& choice) {
        if (choice)
            give(w, choice->tasks, choice->totals);
        else
            give(w, {}, {});
    }

    // For a worker with many tasks (whose label search is heuristic, and most of the time at a
    // federation's scale): a week at the target in every segment from the free tasks active in
    // all of them, found by the depth-first search and accepted by every rule. It is the best
    // a worker can have on level 1, and on level 2 too when there is no overtime allowance.
    std::optional<PricedSchedule> target_week(int w) const {
        const auto& eligible = p_.eligible_tasks[std::size_t(w)];
        if (eligible.size() <= kExactTaskCount) return std::nullopt;
        auto every = std::uint32_t((std::uint64_t(1) << p_.segments.size()) - 1);
        std::vector<int> tasks;
        for (int t : eligible)
            if (pool_.allowed()[std::size_t(t)] && p_.tasks[std::size_t(t)].segments == every)
                tasks.push_back(t);
        WorkerRules rules(p_, w);
        TargetSearch search(p_, rules, std::move(tasks));
        std::int64_t weeks = p_.weight_of(every);
        PricedSchedule found;
        auto accept = [&](const std::vector<int>& chosen) {
            auto totals = evaluate_schedule(p_, w, chosen);
            if (!totals || totals->target_weeks < weeks) return false;
            found = {chosen, *totals, 0};
            return true;
        };
        if (!search.find(kTargetSearchBudget, accept)) return std::nullopt;
        return found;
    }

    void give(int w, const std::vector<int>& tasks, const ScheduleTotals& totals) {
        solution_.tasks[std::size_t(w)] = tasks;
        solution_.totals[std::size_t(w)] = totals;
        pool_.take(tasks);
        for (int t : tasks) holder_[std::size_t(t)] = w;
    }

    // The group's workers choose again in `order`; the first one tries each of its few best
    // schedules (and none), the others then take their best: the best combination stays.
    void recreate(const std::vector<int>& order) {
        std::vector<PricedSchedule> options;
        if (auto week = target_week(order.front()))
            options.push_back(std::move(*week));
        else
            options = best_free_schedules(p_, order.front(), pool_, label_limit(order.front()),
                                          kLookahead, deadline_);
        options.push_back({});
        Score best_score;
        std::vector<std::pair<std::vector<int>, ScheduleTotals>> best_plan;
        for (const auto& option : options) {
            give(order.front(), option.tasks, option.totals);
            for (std::size_t k = 1; k < order.size(); ++k) assign(order[k]);
            Score score = score_of(p_, solution_, order);
            if (best_plan.empty() || best_score < score) {
                best_score = score;
                best_plan.clear();
                for (int w : order)
                    best_plan.push_back(
                        {solution_.tasks[std::size_t(w)], solution_.totals[std::size_t(w)]});
            }
            for (int w : order) release(w);
        }
        for (std::size_t k = 0; k < order.size(); ++k)
            give(order[k], best_plan[k].first, best_plan[k].second);
    }

    void release(int w) {
        for (int t : solution_.tasks[std::size_t(w)]) holder_[std::size_t(t)] = -1;
        pool_.give_back(solution_.tasks[std::size_t(w)]);
        solution_.tasks[std::size_t(w)].clear();
        solution_.totals[std::size_t(w)] = {};
    }

    // Scarce workers first: those with fewer tasks to choose from have fewer chances later.
    // A batch of workers at a time choose from the same pool, on the threads (the pool does not
    // change while they search); then in order each keeps its choice when the workers before
    // it took none of its tasks, else chooses again. So the plan does not depend on the
    // threads' timing, and a federation's workers, most of them linked through shared needs,
    // use every thread.
    void construct() {
        std::vector<int> order = active_;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return p_.eligible_tasks[std::size_t(a)].size() <
                   p_.eligible_tasks[std::size_t(b)].size();
        });
        std::size_t batch = construction_threads() > 1 ? kConstructionBatch : 1;
        std::vector<std::optional<PricedSchedule>> choices(batch);
        for (std::size_t first = 0; first < order.size(); first += batch) {
            if (deadline_.passed()) return;
            std::size_t end = std::min(order.size(), first + batch);
            std::atomic<std::size_t> next{first};
            auto work = [&] {
                for (std::size_t i = next++; i < end; i = next++)
                    choices[i - first] = choose(order[i]);
            };
            std::vector<std::thread> helpers;
            for (unsigned t = 1; t < construction_threads() && batch > 1; ++t)
                helpers.emplace_back(work);
            work();
            for (auto& h : helpers) h.join();
            for (std::size_t i = first; i < end; ++i) {
                auto& choice = choices[i - first];
                if (choice && !still_free(choice->tasks)) choice = choose(order[i]);
                give_choice(order[i], choice);
            }
            progress_.update("constructing", end, order.size());
        }
    }

    bool still_free(const std::vector<int>& tasks) const {
        return std::all_of(tasks.begin(), tasks.end(),
                           [&](int t) { return pool_.allowed()[std::size_t(t)]; });
    }

    static unsigned construction_threads() {
        return std::max(1u, std::min(kConstructionThreads, std::thread::hardware_concurrency()));
    }

    // The connected groups of workers linked by shared needs, largest first, each in the
    // construction's order.
    std::vector<std::vector<int>> independent_groups() const {
        std::vector<int> order = active_;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return p_.eligible_tasks[std::size_t(a)].size() <
                   p_.eligible_tasks[std::size_t(b)].size();
        });
        std::vector<int> group_of(p_.eligible_tasks.size(), -1);
        int groups = 0;
        for (int start : active_) {
            if (group_of[std::size_t(start)] >= 0) continue;
            std::vector<int> stack = {start};
            group_of[std::size_t(start)] = groups;
            while (!stack.empty()) {
                int w = stack.back();
                stack.pop_back();
                for (int other : neighbours_[std::size_t(w)])
                    if (group_of[std::size_t(other)] < 0) {
                        group_of[std::size_t(other)] = groups;
                        stack.push_back(other);
                    }
            }
            ++groups;
        }
        std::vector<std::vector<int>> out(static_cast<std::size_t>(groups));
        for (int w : order) out[std::size_t(group_of[std::size_t(w)])].push_back(w);
        std::stable_sort(out.begin(), out.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return out;
    }

    // A worker short of what the relaxed bound says they could reach alone, when a few draws
    // find one: that is where the plan can gain target-weeks.
    int pick_first(std::mt19937_64& rng, const std::vector<int>& workers) const {
        std::uniform_int_distribution<std::size_t> any(0, workers.size() - 1);
        int first = workers[any(rng)];
        for (int tries = 0; tries < kShortDraws && !short_of_potential(first); ++tries)
            first = workers[any(rng)];
        return first;
    }

    bool short_of_potential(int w) const {
        return solution_.totals[std::size_t(w)].target_weeks < potential_[std::size_t(w)];
    }

    // The first worker, then workers holding tasks the first could take (those who would have
    // to give way), then any who share needs with them.
    std::vector<int> pick_group(std::mt19937_64& rng, const std::vector<int>& workers) const {
        int first = pick_first(rng, workers);
        std::vector<int> group = {first};
        std::size_t size = std::uniform_int_distribution<std::size_t>(2, 5)(rng);
        const auto& eligible = p_.eligible_tasks[std::size_t(first)];
        for (std::size_t tries = 0; group.size() < size && tries < 24 && !eligible.empty();
             ++tries) {
            auto t =
                eligible[std::uniform_int_distribution<std::size_t>(0, eligible.size() - 1)(rng)];
            int other = holder_[std::size_t(t)];
            if (other >= 0 && std::find(group.begin(), group.end(), other) == group.end())
                group.push_back(other);
        }
        const auto& near = neighbours_[std::size_t(first)];
        for (std::size_t tries = 0; group.size() < size && tries < 16 && !near.empty(); ++tries) {
            int other = near[std::uniform_int_distribution<std::size_t>(0, near.size() - 1)(rng)];
            if (std::find(group.begin(), group.end(), other) == group.end()) group.push_back(other);
        }
        return group;
    }

    // Ruin and recreate on the threads: each thread owns some of the independent groups
    // (their moves never touch the same tasks, nor the same workers) and draws its moves among
    // them with its own generator, so a run depends on the seed, not on the threads' timing
    // (unless the time limit cuts it).
    void improve() {
        if (active_.empty()) return;
        std::vector<std::vector<int>> shares(construction_threads());
        std::vector<std::size_t> sizes(shares.size(), 0);
        for (const auto& group : independent_groups()) {
            auto least = std::size_t(std::min_element(sizes.begin(), sizes.end()) - sizes.begin());
            shares[least].insert(shares[least].end(), group.begin(), group.end());
            sizes[least] += group.size();
        }
        std::vector<std::string> stops(shares.size());
        std::atomic<int> moves{0};
        auto work = [&](std::size_t t) {
            if (!shares[t].empty())
                stops[t] = improve_share(shares[t], seed_ + 0x9e3779b97f4a7c15ull * (t + 1), moves,
                                         t == 0);
        };
        std::vector<std::thread> helpers;
        for (std::size_t t = 1; t < shares.size(); ++t) helpers.emplace_back(work, t);
        work(0);
        for (auto& h : helpers) h.join();
        report_.moves += moves;
        report_.stop_reason = stops.front();
        for (const auto& stop : stops)
            if (stop == "time limit") report_.stop_reason = stop;
    }

    std::string improve_share(const std::vector<int>& workers, std::uint64_t seed,
                              std::atomic<int>& moves, bool reports) {
        std::mt19937_64 rng(seed);
        std::size_t patience = std::max<std::size_t>(400, 30 * workers.size());
        std::size_t since_better = 0, limit = 200 * workers.size() + 2000;
        for (std::size_t it = 0; it < limit && since_better < patience; ++it) {
            if (deadline_.passed()) return "time limit";
            auto group = pick_group(rng, workers);
            Score before = score_of(p_, solution_, group);
            std::vector<std::vector<int>> old_tasks;
            std::vector<ScheduleTotals> old_totals;
            for (int w : group) {
                old_tasks.push_back(solution_.tasks[std::size_t(w)]);
                old_totals.push_back(solution_.totals[std::size_t(w)]);
                release(w);
            }
            std::vector<int> order = group;
            std::shuffle(order.begin(), order.end(), rng);
            recreate(order);
            Score after = score_of(p_, solution_, group);
            ++moves;
            if (after < before) {
                for (int w : group) release(w);
                for (std::size_t k = 0; k < group.size(); ++k)
                    give(group[k], old_tasks[k], old_totals[k]);
                ++since_better;
            } else {
                since_better = before < after ? 0 : since_better + 1;
            }
            if (reports && it % 64 == 0)
                progress_.update("local search", std::size_t(solution_.value(p_)), 0);
        }
        return since_better >= patience ? "no improvement" : "iteration limit";
    }

    const Problem& p_;
    Deadline deadline_;
    Progress& progress_;
    EngineReport& report_;
    std::uint64_t seed_;
    TaskPool pool_;
    Solution solution_;
    std::vector<int> holder_;              // per task: the worker who holds it, or −1
    std::vector<std::int64_t> potential_;  // per worker: relaxed bound's target-weeks
    std::vector<std::vector<int>> neighbours_;
    std::vector<int> active_;
};

}  // namespace

Deadline Deadline::in(double seconds) {
    return {SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                     std::chrono::duration<double>(seconds))};
}

double Deadline::left() const {
    return std::chrono::duration<double>(at - SteadyClock::now()).count();
}

std::vector<PricedSchedule> best_free_schedules(const Problem& p, int worker, const TaskPool& pool,
                                                std::size_t label_limit, std::size_t count,
                                                Deadline deadline) {
    PricingRequest request;
    request.max_schedules = count;
    request.deadline = deadline.at;
    request.worker = worker;
    // Lexicographic in one number: value first; travel and employers only break ties.
    double tie = 1.0 / (double(p.cost_weight) * 1e6);
    request.weights = {-1.0, -double(p.coverage_weight), tie * double(p.cost_weight), tie};
    request.allowed = &pool.allowed();
    request.label_limit = label_limit;
    request.threshold = -0.5;
    request.want_lower_bound = false;
    return price_worker(p, request).schedules;
}

std::optional<PricedSchedule> best_free_schedule(const Problem& p, int worker, const TaskPool& pool,
                                                 std::size_t label_limit, Deadline deadline) {
    auto best = best_free_schedules(p, worker, pool, label_limit, 1, deadline);
    if (best.empty()) return std::nullopt;
    return std::move(best.front());
}

Solution fast_solve(const Problem& p, Deadline deadline, std::uint64_t seed, Progress& progress,
                    EngineReport& report, const std::vector<RelaxedBound>& potential) {
    return Search(p, deadline, seed, progress, report, potential).run();
}

}  // namespace maillage::sharedjobs
