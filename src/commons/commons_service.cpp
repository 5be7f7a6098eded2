#include "commons/commons_service.hpp"

#include <algorithm>

#include "accounts/account_service.hpp"
#include "commons/tender_store.hpp"
#include "commons/validation.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::commons {

using store::Connection;

namespace {

Error not_found(const std::string& what) {
    return Error(ErrorCode::not_found, "no such " + what + " in this pole", "id");
}

void require_actor(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                   const std::string& field) {
    if (!storage::actor_in_pole(c, pole_id, actor_id))
        throw invalid(field, "actor " + std::to_string(actor_id) + " is not an actor of the pole");
}

Tender load_tender(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto found = storage::tenders(c, pole_id, id);
    if (found.empty()) throw not_found("tender");
    return std::move(found.front());
}

Member load_member(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto found = storage::member(c, pole_id, id);
    if (!found) throw not_found("consortium member");
    return std::move(*found);
}

std::string label_of(const TenderInput& t) {
    return t.reference ? t.title + " (" + *t.reference + ")" : t.title;
}

// The rules that span records (the consortium as a whole, members' lots after the lots
// changed, realised hours after the status or the contract changed), checked after every
// change inside its transaction: a breach rolls the change back.
void verify(Connection& c, std::int64_t pole_id, std::int64_t tender_id,
            const Vocabulary& vocabulary) {
    auto tender = load_tender(c, pole_id, tender_id);
    auto members = storage::members(c, pole_id, tender_id);
    std::vector<MemberInput> inputs(members.begin(), members.end());
    reject_if_any(check_consortium(tender, inputs), ErrorCode::conflict);
    for (auto& m : inputs)
        reject_if_any(check_member(m, tender.lots, vocabulary), ErrorCode::conflict);
    for (auto& h : storage::hours_of_tender(c, pole_id, tender_id)) {
        HoursInput copy = h;
        reject_if_any(check_hours(copy, tender), ErrorCode::conflict);
    }
}

TenderDetail load_detail(Connection& c, std::int64_t pole_id, std::int64_t id) {
    TenderDetail d{load_tender(c, pole_id, id), storage::members(c, pole_id, id),
                   storage::hours_of_tender(c, pole_id, id)};
    return d;
}

}  // namespace

CommonsService::CommonsService(store::Database& database, const Vocabulary& vocabulary)
    : database_(database), vocabulary_(vocabulary) {}

std::vector<Tender> CommonsService::tenders(std::int64_t pole_id, const TenderFilter& filter) {
    if (filter.status && !vocabulary_.contains(kStatusEnumeration, *filter.status))
        throw invalid("status", "unknown code '" + *filter.status + "' (expected one of " +
                                    vocabulary_.codes(kStatusEnumeration) + ")");
    auto all = database_.read([&](Connection& c) { return storage::tenders(c, pole_id); });
    std::vector<Tender> out;
    auto needle = filter.text ? text::fold(*filter.text) : std::string();
    for (auto& t : all) {
        if (filter.status && t.status != *filter.status) continue;
        if (filter.year && !concerns_year(t, *filter.year)) continue;
        if (!needle.empty()) {
            auto haystack = text::fold(t.title + " " + t.reference.value_or("") + " " +
                                       t.buyer_name.value_or(t.buyer_actor_name.value_or("")));
            if (haystack.find(needle) == std::string::npos) continue;
        }
        out.push_back(std::move(t));
    }
    return out;
}

TenderDetail CommonsService::detail(std::int64_t pole_id, std::int64_t id) {
    return database_.read([&](Connection& c) { return load_detail(c, pole_id, id); });
}

TenderDetail CommonsService::create(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                    TenderInput input, std::vector<MemberInput> members) {
    reject_if_any(check_tender(input, vocabulary_));
    for (auto& m : members) reject_if_any(check_member(m, input.lots, vocabulary_));
    return database_.write([&](Connection& c) {
        if (input.buyer_actor_id)
            require_actor(c, pole_id, *input.buyer_actor_id, "buyer_actor_id");
        auto id = storage::insert_tender(c, pole_id, input);
        for (const auto& m : members) {
            require_actor(c, pole_id, m.actor_id, "actor_id");
            storage::insert_member(c, pole_id, id, m);
        }
        verify(c, pole_id, id, vocabulary_);
        accounts::record_activity(c, pole_id, user_id, "create", "tender", id, label_of(input));
        return load_detail(c, pole_id, id);
    });
}

TenderDetail CommonsService::update(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                    TenderInput input) {
    reject_if_any(check_tender(input, vocabulary_));
    return database_.write([&](Connection& c) {
        load_tender(c, pole_id, id);  // another pole's id is not found, whatever the input
        if (input.buyer_actor_id)
            require_actor(c, pole_id, *input.buyer_actor_id, "buyer_actor_id");
        storage::update_tender(c, pole_id, id, input);
        verify(c, pole_id, id, vocabulary_);
        accounts::record_activity(c, pole_id, user_id, "update", "tender", id, label_of(input));
        return load_detail(c, pole_id, id);
    });
}

void CommonsService::remove(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto label = label_of(load_tender(c, pole_id, id));
        storage::delete_tender(c, pole_id, id);
        accounts::record_activity(c, pole_id, user_id, "delete", "tender", id, label);
    });
}

Member CommonsService::add_member(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                  std::int64_t tender_id, MemberInput input) {
    return database_.write([&](Connection& c) {
        auto tender = load_tender(c, pole_id, tender_id);
        reject_if_any(check_member(input, tender.lots, vocabulary_));
        require_actor(c, pole_id, input.actor_id, "actor_id");
        auto existing = storage::members(c, pole_id, tender_id);
        if (std::any_of(existing.begin(), existing.end(),
                        [&](const Member& m) { return m.actor_id == input.actor_id; }))
            throw Error(ErrorCode::conflict, "this actor is already a member of the consortium",
                        "actor_id");
        auto id = storage::insert_member(c, pole_id, tender_id, input);
        verify(c, pole_id, tender_id, vocabulary_);
        accounts::record_activity(c, pole_id, user_id, "create", "tender_member", id,
                                  label_of(tender));
        return load_member(c, pole_id, id);
    });
}

Member CommonsService::update_member(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                     MemberInput input) {
    return database_.write([&](Connection& c) {
        auto before = load_member(c, pole_id, id);
        auto tender = load_tender(c, pole_id, before.tender_id);
        reject_if_any(check_member(input, tender.lots, vocabulary_));
        require_actor(c, pole_id, input.actor_id, "actor_id");
        for (const auto& m : storage::members(c, pole_id, before.tender_id))
            if (m.id != id && m.actor_id == input.actor_id)
                throw Error(ErrorCode::conflict, "this actor is already a member of the consortium",
                            "actor_id");
        storage::update_member(c, pole_id, id, input);
        verify(c, pole_id, before.tender_id, vocabulary_);
        accounts::record_activity(c, pole_id, user_id, "update", "tender_member", id,
                                  label_of(tender));
        return load_member(c, pole_id, id);
    });
}

void CommonsService::remove_member(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto before = load_member(c, pole_id, id);
        storage::delete_member(c, pole_id, id);
        verify(c, pole_id, before.tender_id, vocabulary_);
        accounts::record_activity(c, pole_id, user_id, "delete", "tender_member", id,
                                  before.actor_name);
    });
}

RealisedHours CommonsService::record_hours(std::int64_t pole_id,
                                           std::optional<std::int64_t> user_id,
                                           std::int64_t member_id, HoursInput input) {
    return database_.write([&](Connection& c) {
        auto member = load_member(c, pole_id, member_id);
        auto tender = load_tender(c, pole_id, member.tender_id);
        reject_if_any(check_hours(input, tender));
        auto id = storage::upsert_hours(c, pole_id, member_id, input);
        accounts::record_activity(c, pole_id, user_id, "record", "tender_hours", id,
                                  member.actor_name + " " + input.period);
        return *storage::hours(c, pole_id, id);
    });
}

void CommonsService::remove_hours(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_hours(c, pole_id, id)) throw not_found("realised hours");
        accounts::record_activity(c, pole_id, user_id, "delete", "tender_hours", id, "");
    });
}

std::vector<CoContractors> CommonsService::co_contractors(std::int64_t pole_id, int year) {
    return database_.read([&](Connection& c) {
        std::vector<CoContractors> pairs;
        auto all = storage::tenders(c, pole_id);
        auto members = storage::members(c, pole_id, std::nullopt);
        for (const auto& t : all) {
            if (!co_contracts_in(t, year)) continue;
            std::vector<std::int64_t> actors;
            for (const auto& m : members)
                if (m.tender_id == t.id) actors.push_back(m.actor_id);
            for (std::size_t i = 0; i < actors.size(); ++i)
                for (std::size_t j = i + 1; j < actors.size(); ++j)
                    pairs.push_back({actors[i], actors[j], label_of(t), t.awarded_on.value_or("")});
        }
        return pairs;
    });
}

}  // namespace maillage::commons
