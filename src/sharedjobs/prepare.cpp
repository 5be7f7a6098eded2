// Compiles an instance into the engines' Problem: segments, layouts, tasks, blocks, travel times
// and each worker's eligible tasks.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "core/error.hpp"
#include "sharedjobs/dates.hpp"
#include "sharedjobs/problem.hpp"
#include "sharedjobs/validation.hpp"
#include "territory/geo.hpp"

namespace maillage::sharedjobs {
namespace {

struct Period {
    int first = 0, last = 0;
};

Period period_of(const Need& need, const Horizon& horizon) {
    int h0 = *dates::parse(horizon.start), h1 = *dates::parse(horizon.end);
    int first = need.start ? std::max(h0, *dates::parse(*need.start)) : h0;
    int last = need.end ? std::min(h1, *dates::parse(*need.end)) : h1;
    return {first, last};
}

// Cuts the horizon where any need starts or ends, and keeps the stretches some need is active in.
void build_segments(Problem& p, const std::vector<Period>& periods) {
    std::set<int> cuts;
    for (const auto& q : periods) {
        cuts.insert(q.first);
        cuts.insert(q.last + 1);
    }
    std::vector<int> points(cuts.begin(), cuts.end());
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        int first = points[i], last = points[i + 1] - 1;
        bool active = std::any_of(periods.begin(), periods.end(), [&](const Period& q) {
            return q.first <= first && last <= q.last;
        });
        if (active) p.segments.push_back({first, last, std::max(1, (last - first + 1 + 3) / 7)});
    }
    if (p.segments.size() > kMaxSegments)
        throw Error(ErrorCode::invalid_input,
                    "needs: their periods cut the horizon into " +
                        std::to_string(p.segments.size()) + " stretches; at most " +
                        std::to_string(kMaxSegments) + " are supported",
                    "needs");
    int divisor = 0;
    for (const auto& s : p.segments) divisor = std::gcd(divisor, s.weight);
    for (auto& s : p.segments) s.weight /= std::max(1, divisor);
}

std::uint32_t segments_of(const Problem& p, const Period& q) {
    std::uint32_t mask = 0;
    for (std::size_t s = 0; s < p.segments.size(); ++s)
        if (q.first <= p.segments[s].first_day && p.segments[s].last_day <= q.last) mask |= 1u << s;
    return mask;
}

void build_travel(Problem& p, const Locate& locate) {
    const auto& rules = p.instance->rules;
    std::vector<Position> where;
    for (const auto& code : p.site_communes) where.push_back(*locate(code));
    auto n = p.site_communes.size();
    p.travel.assign(n, std::vector<int>(n, 0));
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            double km =
                territory::haversine_km(where[a].lat, where[a].lon, where[b].lat, where[b].lon) *
                rules.road_factor;
            int minutes = int(std::ceil(km / rules.road_speed_kmh * 60.0 - 1e-9));
            p.travel[a][b] = p.travel[b][a] = minutes;
        }
}

// Skill codes as small integers: at scale the skills test runs for every worker × need pair.
struct SkillIndex {
    std::map<std::string, int> ids;
    std::vector<std::vector<int>> required;  // per need: occupation and skills
    std::vector<std::vector<char>> held;     // per worker, by id

    explicit SkillIndex(const Instance& inst) {
        auto id_of = [&](const std::string& code) {
            return ids.emplace(code, int(ids.size())).first->second;
        };
        for (const auto& n : inst.needs) {
            std::vector<int> codes = {id_of(n.occupation)};
            for (const auto& s : n.skills) codes.push_back(id_of(s));
            required.push_back(std::move(codes));
        }
        for (const auto& w : inst.workers) {
            std::vector<char> has(ids.size(), 0);
            for (const auto& s : w.skills)
                if (auto it = ids.find(s); it != ids.end()) has[std::size_t(it->second)] = 1;
            held.push_back(std::move(has));
        }
    }
    bool qualified(std::size_t worker, std::size_t need) const {
        for (int code : required[need])
            if (!held[worker][std::size_t(code)]) return false;
        return true;
    }
};

bool available(const Worker& w, const TimeWindow& shift) {
    return std::any_of(w.availability.begin(), w.availability.end(), [&](const TimeWindow& a) {
        return a.day == shift.day && a.start <= shift.start && shift.end <= a.end;
    });
}

void build_tasks(Problem& p, const std::vector<Period>& periods) {
    const auto& inst = *p.instance;
    std::map<std::string, int> member_index, agreement_index;
    for (std::size_t m = 0; m < inst.members.size(); ++m) member_index[inst.members[m].id] = int(m);
    for (std::size_t i = 0; i < inst.needs.size(); ++i) {
        const auto& need = inst.needs[i];
        auto& info = p.needs[i];
        info.member = member_index.at(need.member);
        auto [it, fresh] = agreement_index.emplace(need.agreement, int(p.agreements.size()));
        if (fresh) p.agreements.push_back(need.agreement);
        info.agreement = it->second;
        info.segments = segments_of(p, periods[i]);
        info.first_day = periods[i].first;
        info.last_day = periods[i].last;
        info.layouts = candidate_layouts(need, inst.rules);
        info.layout_tasks.resize(info.layouts.size());
        for (std::size_t l = 0; l < info.layouts.size(); ++l) {
            const auto& shifts = info.layouts[l];
            // A splittable need's shifts are tasks of their own; otherwise the layout is one.
            std::size_t groups = need.splittable ? shifts.size() : 1;
            for (std::size_t g = 0; g < groups; ++g) {
                Task task{int(i), int(l), info.member, 0, info.segments, {}, 0};
                for (std::size_t k = 0; k < shifts.size(); ++k) {
                    if (need.splittable && k != g) continue;
                    const auto& s = shifts[k];
                    task.blocks.push_back(int(p.blocks.size()));
                    p.blocks.push_back({int(p.tasks.size()), s.week_start(), s.week_end(), s.day,
                                        info.site, info.segments});
                    task.minutes += s.length();
                }
                task.value = std::int64_t(task.minutes) * p.weight_of(info.segments);
                info.layout_tasks[l].push_back(int(p.tasks.size()));
                p.tasks.push_back(std::move(task));
            }
        }
    }
}

// A worker may take a task when they have the skills, are available at every shift, live near
// enough, and the task alone breaks no rule. Counts each need's workers at each filter.
// Needs are visited with only the workers who hold their occupation (an index by code): at a
// federation's scale most worker × need pairs fail on the occupation alone.
void build_eligibility(Problem& p) {
    const auto& inst = *p.instance;
    const auto& rules = inst.rules;
    p.eligible_tasks.assign(inst.workers.size(), {});
    SkillIndex skills(inst);
    std::vector<std::vector<int>> holders(skills.ids.size());
    for (std::size_t w = 0; w < inst.workers.size(); ++w)
        for (std::size_t code = 0; code < skills.held[w].size(); ++code)
            if (skills.held[w][code]) holders[code].push_back(int(w));
    std::vector<int> caps;
    for (const auto& worker : inst.workers)
        caps.push_back(std::min(worker.target_minutes + rules.overtime_allowance_minutes,
                                rules.max_weekly_minutes));
    for (std::size_t i = 0; i < inst.needs.size(); ++i) {
        auto& info = p.needs[i];
        // Travel is symmetric: the site's row stays in cache while its workers are visited.
        const auto& from_site = p.travel[std::size_t(info.site)];
        for (int wi : holders[std::size_t(skills.required[i].front())]) {
            auto w = std::size_t(wi);
            if (!skills.qualified(w, i)) continue;
            const auto& worker = inst.workers[w];
            ++info.with_skills;
            bool timely = false, eligible = false;
            bool near = from_site[std::size_t(p.worker_home[w])] <= worker.max_travel_minutes;
            auto fits = [&](const Task& task) {
                return std::all_of(task.blocks.begin(), task.blocks.end(), [&](int b) {
                    const auto& blk = p.blocks[std::size_t(b)];
                    return available(worker, {blk.day, blk.start - blk.day * kMinutesPerDay,
                                              blk.end - blk.day * kMinutesPerDay});
                });
            };
            if (!near) {
                // Only the reason counts need it: stop at the first task that fits.
                for (const auto& tasks : info.layout_tasks)
                    for (int t : tasks)
                        if (!timely && fits(p.tasks[std::size_t(t)])) timely = true;
                info.with_time += timely;
                continue;
            }
            for (const auto& tasks : info.layout_tasks)
                for (int t : tasks) {
                    const auto& task = p.tasks[std::size_t(t)];
                    if (!fits(task)) continue;
                    timely = true;
                    bool lawful =
                        task.minutes <= caps[w] &&
                        std::all_of(task.blocks.begin(), task.blocks.end(), [&](int b) {
                            return p.blocks[std::size_t(b)].end - p.blocks[std::size_t(b)].start <=
                                   rules.max_daily_minutes;
                        });
                    if (near && lawful) {
                        p.eligible_tasks[w].push_back(t);
                        eligible = true;
                    }
                }
            info.with_time += timely;
            info.near_enough += timely && near;
            info.eligible += eligible;
        }
    }
    for (auto& list : p.eligible_tasks)
        std::sort(list.begin(), list.end(), [&](int a, int b) {
            int sa = p.blocks[std::size_t(p.tasks[std::size_t(a)].blocks.front())].start;
            int sb = p.blocks[std::size_t(p.tasks[std::size_t(b)].blocks.front())].start;
            return sa != sb ? sa < sb : a < b;
        });
}

}  // namespace

int Problem::weight_of(std::uint32_t mask) const {
    int total = 0;
    for (std::size_t s = 0; s < segments.size(); ++s)
        if (mask & (1u << s)) total += segments[s].weight;
    return total;
}

Problem prepare(const Instance& instance, const Locate& locate) {
    reject_if_any(check_instance(instance, locate));
    Problem p;
    p.instance = &instance;
    std::vector<Period> periods;
    for (const auto& need : instance.needs) periods.push_back(period_of(need, instance.horizon));
    build_segments(p, periods);
    std::map<std::string, int> site_index;
    auto site_of = [&](const std::string& commune) {
        auto [it, fresh] = site_index.emplace(commune, int(p.site_communes.size()));
        if (fresh) p.site_communes.push_back(commune);
        return it->second;
    };
    p.needs.resize(instance.needs.size());
    for (std::size_t i = 0; i < instance.needs.size(); ++i)
        p.needs[i].site = site_of(instance.needs[i].commune);
    for (const auto& w : instance.workers) p.worker_home.push_back(site_of(w.home_commune));
    build_travel(p, locate);
    build_tasks(p, periods);
    build_eligibility(p);
    std::int64_t total_value = 0, total_employers = 0;
    for (const auto& need : instance.needs)
        total_value += std::int64_t(need.weekly_minutes) *
                       p.weight_of(p.needs[&need - instance.needs.data()].segments);
    for (const auto& w : instance.workers) total_employers += w.max_employers;
    p.coverage_weight = total_value + 1;
    p.cost_weight = total_employers + 1;
    return p;
}

}  // namespace maillage::sharedjobs
