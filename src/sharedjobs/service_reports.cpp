// What is read from the groups' current plans: the hours ledger, the billing export and the
// figures other modules use (links between member firms, hours per member).
#include <algorithm>
#include <map>
#include <set>

#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "io/table_writer.hpp"
#include "sharedjobs/calendar.hpp"
#include "sharedjobs/dates.hpp"
#include "sharedjobs/service.hpp"
#include "sharedjobs/store.hpp"

namespace maillage::sharedjobs {

using store::Connection;

namespace {

struct CurrentPlan {
    GroupRecord group;
    std::vector<storage::StoredAssignment> assignments;
};

std::vector<CurrentPlan> current_plans(Connection& c, std::int64_t pole,
                                       std::optional<std::int64_t> only_group = std::nullopt) {
    std::vector<CurrentPlan> out;
    for (auto& g : storage::groups(c, pole)) {
        if (only_group && g.id != *only_group) continue;
        if (!g.current_plan) {
            out.push_back({g, {}});
            continue;
        }
        out.push_back({g, storage::assignments(c, pole, *g.current_plan)});
    }
    return out;
}

WeeklyShift shift_of(const storage::StoredAssignment& a, std::string key) {
    return {std::move(key), a.day, a.end - a.start, *dates::parse(a.period_start),
            *dates::parse(a.period_end)};
}

std::string ledger_key(std::int64_t worker, std::int64_t member) {
    return std::to_string(worker) + "|" + std::to_string(member);
}

}  // namespace

std::vector<LedgerRow> SharedJobsService::ledger(std::int64_t pole, std::int64_t user,
                                                 std::int64_t group, const std::string& from,
                                                 const std::string& to) {
    if (!dates::valid_month(from)) throw invalid("from", "must be a month YYYY-MM");
    if (!dates::valid_month(to)) throw invalid("to", "must be a month YYYY-MM");
    return database_.write([&](Connection& c) {
        auto g = storage::group(c, pole, group);
        if (!g) throw Error(ErrorCode::not_found, "no such employer group in this pole", "id");
        accounts::record_access(c, pole, user, "read", "sharedjobs_ledger", group);
        std::vector<WeeklyShift> shifts;
        for (const auto& plan : current_plans(c, pole, group))
            for (const auto& a : plan.assignments)
                shifts.push_back(shift_of(a, ledger_key(a.worker_id, a.member_id)));
        int first = *dates::parse(from + "-01");
        int last = *dates::parse(to + "-01") + 31;
        auto planned =
            minutes_by_month(shifts, holiday_days(settings_.rules.public_holidays), first, last);
        std::map<std::pair<std::string, std::string>, LedgerRow> rows;
        for (const auto& [key, minutes] : planned) {
            if (key.second < from || key.second > to) continue;
            auto bar = key.first.find('|');
            LedgerRow row;
            row.worker_id = std::stoll(key.first.substr(0, bar));
            row.member_id = std::stoll(key.first.substr(bar + 1));
            row.month = key.second;
            row.planned_minutes = minutes;
            rows[{key.second, key.first}] = row;
        }
        for (auto& realised : storage::ledger(c, pole, group, from, to)) {
            auto& row = rows[{realised.month, ledger_key(realised.worker_id, realised.member_id)}];
            int planned = row.planned_minutes;
            row = realised;
            row.planned_minutes = planned;
        }
        std::vector<LedgerRow> out;
        for (auto& [key, row] : rows) out.push_back(std::move(row));
        return out;
    });
}

std::string SharedJobsService::billing_xlsx(std::int64_t pole, std::int64_t plan_id) {
    auto rows = billing(pole, plan_id);
    auto summary = plan(pole, plan_id);
    auto g = group(pole, summary.group_id);
    std::map<std::string, std::string> names;
    for (const auto& m : members(pole, g.id)) names["m" + std::to_string(m.id)] = m.name;
    return io::xlsx_to_bytes("facturation", [&](io::TableWriter& writer) {
        writer.write_header(
            {"membre", "mois", "heures prévues", "taux horaire", "coefficient", "montant"});
        auto text = [](double v) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", v);
            return std::string(buf);
        };
        for (const auto& r : rows)
            writer.write_row({names.count(r.member) ? names[r.member] : r.member, r.month,
                              text(r.planned_minutes / 60.0), text(r.rate), text(g.coefficient),
                              text(r.amount)});
    });
}

std::vector<SharedWorkerLink> SharedJobsService::shared_worker_links(std::int64_t pole, int year) {
    int first = *dates::parse(std::to_string(year) + "-01-01");
    int last = *dates::parse(std::to_string(year) + "-12-31");
    return database_.read([&](Connection& c) {
        std::vector<SharedWorkerLink> links;
        for (const auto& plan : current_plans(c, pole)) {
            std::map<std::int64_t, std::int64_t> actor_of;  // member id → actor id
            for (const auto& m : storage::members(c, pole, plan.group.id)) {
                actor_of[m.id] = m.actor_id;
                links.push_back({std::min(plan.group.actor_id, m.actor_id),
                                 std::max(plan.group.actor_id, m.actor_id), "same_group",
                                 plan.group.actor_id, 0, 0});
            }
            // Weekly minutes of each worker at each member, over assignments active that year.
            std::map<std::int64_t, std::map<std::int64_t, int>> minutes;
            for (const auto& a : plan.assignments) {
                if (*dates::parse(a.period_end) < first || *dates::parse(a.period_start) > last)
                    continue;
                if (!actor_of.count(a.member_id)) continue;
                minutes[a.worker_id][actor_of[a.member_id]] += a.end - a.start;
            }
            std::map<std::pair<std::int64_t, std::int64_t>, SharedWorkerLink> pairs;
            for (const auto& [worker, at] : minutes)
                for (auto i = at.begin(); i != at.end(); ++i)
                    for (auto j = std::next(i); j != at.end(); ++j) {
                        auto& link = pairs[{i->first, j->first}];
                        link.member_a = i->first;
                        link.member_b = j->first;
                        link.kind = "shares_worker";
                        link.group_actor_id = plan.group.actor_id;
                        link.weekly_hours += (i->second + j->second) / 60.0;
                        ++link.workers;
                    }
            for (auto& [key, link] : pairs) links.push_back(link);
        }
        return links;
    });
}

std::vector<MemberHours> SharedJobsService::member_hours(std::int64_t pole, const std::string& from,
                                                         const std::string& to) {
    auto first = dates::parse(from), last = dates::parse(to);
    if (!first) throw invalid("from", "is not a date YYYY-MM-DD");
    if (!last) throw invalid("to", "is not a date YYYY-MM-DD");
    return database_.read([&](Connection& c) {
        std::map<std::int64_t, MemberHours> by_actor;
        for (const auto& plan : current_plans(c, pole)) {
            std::map<std::int64_t, std::int64_t> actor_of;
            for (const auto& m : storage::members(c, pole, plan.group.id))
                actor_of[m.id] = m.actor_id;
            std::vector<WeeklyShift> shifts;
            for (const auto& a : plan.assignments)
                if (actor_of.count(a.member_id))
                    shifts.push_back(shift_of(a, std::to_string(actor_of[a.member_id])));
            for (const auto& [key, minutes] : minutes_by_month(
                     shifts, holiday_days(settings_.rules.public_holidays), *first, *last)) {
                auto actor = std::stoll(key.first);
                by_actor[actor].actor_id = actor;
                by_actor[actor].planned_minutes += minutes;
            }
            for (const auto& row :
                 storage::ledger(c, pole, plan.group.id, from.substr(0, 7), to.substr(0, 7))) {
                if (!actor_of.count(row.member_id)) continue;
                auto actor = actor_of[row.member_id];
                by_actor[actor].actor_id = actor;
                by_actor[actor].realised_minutes += row.realised_minutes.value_or(0);
            }
        }
        std::vector<MemberHours> out;
        for (auto& [actor, hours] : by_actor) out.push_back(hours);
        return out;
    });
}

}  // namespace maillage::sharedjobs
