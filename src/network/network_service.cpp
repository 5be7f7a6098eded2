#include "network/network_service.hpp"

#include <algorithm>

#include "actors/actor_store.hpp"
#include "actors/validation.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "network/network_store.hpp"
#include "network/validation.hpp"

namespace maillage::network {

using store::Connection;

namespace {

// The name a user signs entries with; the CLI and imports write as the platform.
constexpr const char* kPlatformAuthor = "Maillage";

std::string relation_summary(const RelationInput& x) {
    return std::to_string(x.from_actor) + " → " + std::to_string(x.to_actor) + ": " + x.nature +
           " (" + std::to_string(x.year) + ", " + x.mission + ")";
}

}  // namespace

NetworkService::NetworkService(store::Database& database, const Vocabulary& vocabulary,
                               const NetworkRules& rules, actors::ActorService& actors,
                               accounts::AccountService& accounts)
    : database_(database),
      vocabulary_(vocabulary),
      rules_(rules),
      actors_(actors),
      accounts_(accounts) {
    add_evidence_source("actors", co_membership_source(actors_, rules_.co_membership_max_group));
}

void NetworkService::add_evidence_source(std::string name, EvidenceSource source) {
    sources_.push_back({std::move(name), std::move(source)});
}

std::string NetworkService::author_name(std::optional<std::int64_t> user_id) {
    if (!user_id) return kPlatformAuthor;
    return accounts_.caller(*user_id).name;
}

void NetworkService::require_actor(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                                   const std::string& field) {
    if (actors::storage::in_pole(c, actor_id, pole_id)) return;
    // The same answer whether the actor exists elsewhere or not at all.
    throw Error(ErrorCode::invalid_input,
                field + ": no actor " + std::to_string(actor_id) + " in this pole", field);
}

void NetworkService::check_scope(const Scope& scope) const {
    actors::reject_if_any(check_year(scope.year));
    if (scope.mission) actors::reject_if_any(check_mission(*scope.mission, vocabulary_));
}

std::vector<Nature> NetworkService::natures(std::int64_t pole_id) {
    auto all = rules_.natures;
    for (auto& n : database_.read([&](Connection& c) { return storage::pole_natures(c, pole_id); }))
        all.push_back(std::move(n));
    return all;
}

Nature NetworkService::add_nature(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                  NatureInput input) {
    return database_.write([&](Connection& c) {
        auto existing = rules_.natures;
        for (auto& n : storage::pole_natures(c, pole_id)) existing.push_back(std::move(n));
        auto problems = check_nature(input, existing);
        if (!problems.empty() &&
            problems.front().reason.find("already exists") != std::string::npos)
            throw Error(ErrorCode::conflict, "code: " + problems.front().reason, "code");
        actors::reject_if_any(problems);
        storage::insert_nature(c, pole_id, user_id, input);
        accounts::record_activity(c, pole_id, user_id, "create", "network_nature", std::nullopt,
                                  input.code);
        return Nature{input.code,         input.weight, input.colour, input.line,
                      input.abbreviation, input.label,  pole_id};
    });
}

std::vector<int> NetworkService::years(std::int64_t pole_id) {
    return database_.read([&](Connection& c) { return storage::years(c, pole_id); });
}

storage::Counts NetworkService::counts(std::int64_t pole_id, int year) {
    return database_.read([&](Connection& c) { return storage::counts(c, pole_id, year); });
}

LogicCard NetworkService::card(std::int64_t pole_id, std::int64_t actor_id, int year,
                               const std::string& mission) {
    check_scope({year, mission});
    LogicCard result = database_.read([&](Connection& c) {
        if (!actors::storage::in_pole(c, actor_id, pole_id))
            throw Error(ErrorCode::not_found, "no such actor in this pole", "id");
        LogicCard card;
        card.actor_id = actor_id;
        card.mission = mission;
        card.year = year;
        auto entries = storage::logic_entries(c, pole_id, actor_id, mission, year);
        for (const auto& f : rules_.grid) {
            if (f.group.empty()) continue;
            LogicField field{f.code, {}, {}};
            for (const auto& e : entries) {
                if (e.field != f.code) continue;
                if (e.year == year)
                    field.history.push_back(e);
                else if (!field.earlier && field.history.empty())
                    field.earlier = e;  // entries come newest first: the latest earlier year
            }
            card.fields.push_back(std::move(field));
        }
        return card;
    });
    result.actor_name = actors_.get(actor_id).name;
    return result;
}

LogicCard NetworkService::write_card(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                     std::int64_t actor_id, int year, const std::string& mission,
                                     std::vector<LogicEntryInput> entries) {
    check_scope({year, mission});
    actors::reject_if_any(check_logic_entries(entries, rules_));
    auto author = author_name(user_id);
    database_.write([&](Connection& c) {
        if (!actors::storage::in_pole(c, actor_id, pole_id))
            throw Error(ErrorCode::not_found, "no such actor in this pole", "id");
        auto current = storage::logic_entries(c, pole_id, actor_id, mission, year);
        std::size_t written = 0;
        for (const auto& e : entries) {
            // An unchanged text adds nothing to the history.
            auto latest = std::find_if(current.begin(), current.end(), [&](const LogicEntry& x) {
                return x.field == e.field && x.year == year;
            });
            if (latest != current.end() ? latest->text == e.text : e.text.empty()) continue;
            storage::insert_logic_entry(c, pole_id, actor_id, mission, year, e, user_id, author);
            ++written;
        }
        if (written)
            accounts::record_activity(
                c, pole_id, user_id, "update", "network_card", actor_id,
                std::to_string(written) + " field(s), " + mission + " " + std::to_string(year));
    });
    return card(pole_id, actor_id, year, mission);
}

Relation NetworkService::set_relation(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                      RelationInput input, bool* created) {
    actors::reject_if_any(check_relation(input, rules_, natures(pole_id), vocabulary_));
    auto author = author_name(user_id);
    auto id = database_.write([&](Connection& c) {
        require_actor(c, pole_id, input.from_actor, "from_actor");
        require_actor(c, pole_id, input.to_actor, "to_actor");
        auto existing = storage::relation_at(c, pole_id, input);
        std::int64_t id = 0;
        if (existing) {
            id = existing->id;
            storage::update_relation(c, pole_id, id, input, user_id, author);
        } else {
            id = storage::insert_relation(c, pole_id, input, user_id, author);
        }
        if (created) *created = !existing;
        storage::insert_version(c, pole_id, id, "set", input, user_id, author);
        accounts::record_activity(c, pole_id, user_id, existing ? "update" : "create",
                                  "network_relation", id, relation_summary(input));
        return id;
    });
    return relation(pole_id, id);
}

void NetworkService::remove_relation(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                     std::int64_t id) {
    auto author = author_name(user_id);
    database_.write([&](Connection& c) {
        auto existing = storage::relation(c, pole_id, id);
        if (!existing) throw Error(ErrorCode::not_found, "no such relation in this pole", "id");
        storage::insert_version(c, pole_id, id, "delete", *existing, user_id, author);
        storage::delete_relation(c, pole_id, id);
        accounts::record_activity(c, pole_id, user_id, "delete", "network_relation", id,
                                  relation_summary(*existing));
    });
}

Relation NetworkService::relation(std::int64_t pole_id, std::int64_t id) {
    auto found = database_.read([&](Connection& c) { return storage::relation(c, pole_id, id); });
    if (!found) throw Error(ErrorCode::not_found, "no such relation in this pole", "id");
    return *found;
}

std::vector<RelationVersion> NetworkService::history(std::int64_t pole_id, std::int64_t id) {
    return database_.read([&](Connection& c) {
        auto versions = storage::versions(c, pole_id, id);
        if (versions.empty())
            throw Error(ErrorCode::not_found, "no such relation in this pole", "id");
        return versions;
    });
}

std::int64_t NetworkService::copy_year(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                       int from_year, int to_year) {
    actors::reject_if_any(check_year(from_year, "from_year"));
    actors::reject_if_any(check_year(to_year, "to_year"));
    if (from_year == to_year) throw invalid("to_year", "must differ from from_year");
    auto author = author_name(user_id);
    return database_.write([&](Connection& c) {
        std::int64_t copied = 0;
        for (auto r : storage::relations(c, pole_id, from_year, std::nullopt)) {
            if (!actors::storage::in_pole(c, r.from_actor, pole_id) ||
                !actors::storage::in_pole(c, r.to_actor, pole_id))
                continue;
            r.year = to_year;
            if (storage::relation_at(c, pole_id, r))
                continue;  // the new year's own assessment wins
            auto id = storage::insert_relation(c, pole_id, r, user_id, author);
            storage::insert_version(c, pole_id, id, "set", r, user_id, author);
            ++copied;
        }
        accounts::record_activity(c, pole_id, user_id, "copy", "network_relation", std::nullopt,
                                  std::to_string(copied) + " relation(s) " +
                                      std::to_string(from_year) + " → " + std::to_string(to_year));
        return copied;
    });
}

}  // namespace maillage::network
