#pragma once
// SQL for tenders, lots, consortium members and realised hours, portable across SQLite and
// PostgreSQL. Every function runs inside the caller's transaction and only sees `pole_id`'s
// rows.
#include <optional>
#include <vector>

#include "commons/model.hpp"
#include "store/database.hpp"

namespace maillage::commons::storage {

using store::Connection;

std::int64_t insert_tender(Connection& c, std::int64_t pole_id, const TenderInput& input);
bool update_tender(Connection& c, std::int64_t pole_id, std::int64_t id, const TenderInput& input);
bool delete_tender(Connection& c, std::int64_t pole_id, std::int64_t id);
// The pole's tenders with their lots, buyer names and hour totals, by deadline (latest first);
// only `id` when given.
std::vector<Tender> tenders(Connection& c, std::int64_t pole_id,
                            std::optional<std::int64_t> id = std::nullopt);

std::int64_t insert_member(Connection& c, std::int64_t pole_id, std::int64_t tender_id,
                           const MemberInput& input);
bool update_member(Connection& c, std::int64_t pole_id, std::int64_t id, const MemberInput& input);
bool delete_member(Connection& c, std::int64_t pole_id, std::int64_t id);
// The members of one tender (all the pole's when `tender_id` is absent), mandataire first.
std::vector<Member> members(Connection& c, std::int64_t pole_id,
                            std::optional<std::int64_t> tender_id);
std::optional<Member> member(Connection& c, std::int64_t pole_id, std::int64_t id);

// Inserts or replaces the member's hours for the period.
std::int64_t upsert_hours(Connection& c, std::int64_t pole_id, std::int64_t member_id,
                          const HoursInput& input);
bool delete_hours(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<RealisedHours> hours_of_tender(Connection& c, std::int64_t pole_id,
                                           std::int64_t tender_id);
std::optional<RealisedHours> hours(Connection& c, std::int64_t pole_id, std::int64_t id);
std::int64_t count_hours_of_tender(Connection& c, std::int64_t pole_id, std::int64_t tender_id);

// The actor's id when it belongs to the pole.
bool actor_in_pole(Connection& c, std::int64_t pole_id, std::int64_t actor_id);
// The pole's actor holding this SIRET.
std::optional<std::int64_t> pole_actor_by_siret(Connection& c, std::int64_t pole_id,
                                                const std::string& siret);

}  // namespace maillage::commons::storage
