#include "commons/tender_store.hpp"

#include <map>
#include <sstream>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace maillage::commons::storage {

using store::nullable;
using store::Params;

namespace {

constexpr const char* kTenderColumns =
    "t.id, t.buyer_actor_id, a.name, t.buyer_name, t.title, t.reference, t.procedure_kind, "
    "t.published_on, t.deadline_on, t.estimated_amount, t.status, t.awarded_on, "
    "t.contract_start, t.contract_end, t.note, t.created_at, t.updated_at";

Params tender_values(const TenderInput& in) {
    return {nullable(in.buyer_actor_id),
            nullable(in.buyer_name),
            in.title,
            text::fold(in.title),
            nullable(in.reference),
            nullable(in.procedure),
            nullable(in.published_on),
            nullable(in.deadline_on),
            nullable(in.estimated_amount),
            in.status,
            nullable(in.awarded_on),
            nullable(in.contract_start),
            nullable(in.contract_end),
            nullable(in.note),
            clock::now_iso()};
}

void write_lots(Connection& c, std::int64_t pole_id, std::int64_t tender_id,
                const std::vector<LotInput>& lots) {
    c.execute("DELETE FROM commons_lots WHERE tender_id = ? AND pole_id = ?", {tender_id, pole_id});
    for (const auto& lot : lots)
        c.execute(
            "INSERT INTO commons_lots (pole_id, tender_id, number, title, "
            "insertion_hours_required) VALUES (?, ?, ?, ?, ?)",
            {pole_id, tender_id, lot.number, lot.title, lot.insertion_hours_required});
}

Tender tender_from(store::Row& r) {
    Tender t;
    t.id = r.integer(0);
    t.buyer_actor_id = r.optional_integer(1);
    t.buyer_actor_name = r.take_optional_text(2);
    t.buyer_name = r.take_optional_text(3);
    t.title = r.take_text(4);
    t.reference = r.take_optional_text(5);
    t.procedure = r.take_optional_text(6);
    t.published_on = r.take_optional_text(7);
    t.deadline_on = r.take_optional_text(8);
    t.estimated_amount = r.optional_real(9);
    t.status = r.take_text(10);
    t.awarded_on = r.take_optional_text(11);
    t.contract_start = r.take_optional_text(12);
    t.contract_end = r.take_optional_text(13);
    t.note = r.take_optional_text(14);
    t.created_at = r.take_text(15);
    t.updated_at = r.take_text(16);
    return t;
}

std::string lots_text(const std::vector<std::int64_t>& lots) {
    std::string out;
    for (auto n : lots) out += (out.empty() ? "" : ",") + std::to_string(n);
    return out;
}

std::vector<std::int64_t> lots_from(const std::string& text) {
    std::vector<std::int64_t> lots;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) lots.push_back(std::stoll(part));
    return lots;
}

// " AND x = ?" with its parameter when `id` is set.
std::string only(const char* column, std::optional<std::int64_t> id, Params& params) {
    if (!id) return "";
    params.push_back(*id);
    return std::string(" AND ") + column + " = ?";
}

constexpr const char* kMemberColumns =
    "m.id, m.tender_id, m.actor_id, a.name, m.role, m.lots, m.share_percent, "
    "m.insertion_hours_committed, "
    "(SELECT COALESCE(SUM(h.hours), 0) FROM commons_realised_hours h WHERE h.member_id = m.id)";

Member member_from(store::Row& r) {
    Member m;
    m.id = r.integer(0);
    m.tender_id = r.integer(1);
    m.actor_id = r.integer(2);
    m.actor_name = r.take_text(3);
    m.role = r.take_text(4);
    m.lots = lots_from(r.text(5));
    m.share_percent = r.optional_real(6);
    m.insertion_hours_committed = r.real(7);
    m.hours_realised = r.real(8);
    return m;
}

RealisedHours hours_from(store::Row& r) {
    RealisedHours h;
    h.id = r.integer(0);
    h.member_id = r.integer(1);
    h.period = r.take_text(2);
    h.hours = r.real(3);
    h.note = r.take_optional_text(4);
    return h;
}

}  // namespace

std::int64_t insert_tender(Connection& c, std::int64_t pole_id, const TenderInput& input) {
    Params params = {pole_id};
    for (auto& v : tender_values(input)) params.push_back(std::move(v));
    params.push_back(clock::now_iso());
    auto id = c.query(
                   "INSERT INTO commons_tenders (pole_id, buyer_actor_id, buyer_name, title, "
                   "title_folded, reference, procedure_kind, published_on, deadline_on, "
                   "estimated_amount, status, awarded_on, contract_start, contract_end, note, "
                   "updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?) RETURNING id",
                   params)[0]
                  .integer(0);
    write_lots(c, pole_id, id, input.lots);
    return id;
}

bool update_tender(Connection& c, std::int64_t pole_id, std::int64_t id, const TenderInput& input) {
    Params params = tender_values(input);
    params.push_back(id);
    params.push_back(pole_id);
    if (c.execute("UPDATE commons_tenders SET buyer_actor_id = ?, buyer_name = ?, title = ?, "
                  "title_folded = ?, reference = ?, procedure_kind = ?, published_on = ?, "
                  "deadline_on = ?, estimated_amount = ?, status = ?, awarded_on = ?, "
                  "contract_start = ?, contract_end = ?, note = ?, updated_at = ? "
                  "WHERE id = ? AND pole_id = ?",
                  params) == 0)
        return false;
    write_lots(c, pole_id, id, input.lots);
    return true;
}

bool delete_tender(Connection& c, std::int64_t pole_id, std::int64_t id) {
    // Children first: SQLite enforces the cascades only when foreign keys are switched on.
    c.execute(
        "DELETE FROM commons_realised_hours WHERE pole_id = ? AND member_id IN (SELECT id FROM "
        "commons_members WHERE tender_id = ?)",
        {pole_id, id});
    c.execute("DELETE FROM commons_members WHERE pole_id = ? AND tender_id = ?", {pole_id, id});
    c.execute("DELETE FROM commons_lots WHERE pole_id = ? AND tender_id = ?", {pole_id, id});
    return c.execute("DELETE FROM commons_tenders WHERE pole_id = ? AND id = ?", {pole_id, id}) > 0;
}

std::vector<Tender> tenders(Connection& c, std::int64_t pole_id, std::optional<std::int64_t> id) {
    Params params = {pole_id};
    auto where = only("t.id", id, params);
    std::vector<Tender> out;
    std::map<std::int64_t, std::size_t> index;
    for (auto& r : c.query(std::string("SELECT ") + kTenderColumns +
                               " FROM commons_tenders t LEFT JOIN actors a ON a.id = "
                               "t.buyer_actor_id WHERE t.pole_id = ?" +
                               where + " ORDER BY t.deadline_on DESC, t.id DESC",
                           params)) {
        index[r.integer(0)] = out.size();
        out.push_back(tender_from(r));
    }
    if (out.empty()) return out;
    params = {pole_id};
    where = only("tender_id", id, params);
    for (auto& r : c.query("SELECT tender_id, number, title, insertion_hours_required FROM "
                           "commons_lots WHERE pole_id = ?" +
                               where + " ORDER BY tender_id, number",
                           params)) {
        auto& t = out[index.at(r.integer(0))];
        t.lots.push_back({r.integer(1), r.take_text(2), r.real(3)});
        t.hours_required += r.real(3);
    }
    params = {pole_id};
    where = only("m.tender_id", id, params);
    for (auto& r : c.query("SELECT m.tender_id, COUNT(*), SUM(m.insertion_hours_committed), "
                           "(SELECT COALESCE(SUM(h.hours), 0) FROM commons_realised_hours h JOIN "
                           "commons_members hm ON hm.id = h.member_id WHERE hm.tender_id = "
                           "m.tender_id) FROM commons_members m WHERE m.pole_id = ?" +
                               where + " GROUP BY m.tender_id",
                           params)) {
        auto& t = out[index.at(r.integer(0))];
        t.members = r.integer(1);
        t.hours_committed = r.real(2);
        t.hours_realised = r.real(3);
    }
    return out;
}

std::int64_t insert_member(Connection& c, std::int64_t pole_id, std::int64_t tender_id,
                           const MemberInput& in) {
    return c
        .query(
            "INSERT INTO commons_members (pole_id, tender_id, actor_id, role, lots, "
            "share_percent, insertion_hours_committed) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            {pole_id, tender_id, in.actor_id, in.role, lots_text(in.lots),
             nullable(in.share_percent), in.insertion_hours_committed})[0]
        .integer(0);
}

bool update_member(Connection& c, std::int64_t pole_id, std::int64_t id, const MemberInput& in) {
    return c.execute(
               "UPDATE commons_members SET actor_id = ?, role = ?, lots = ?, "
               "share_percent = ?, insertion_hours_committed = ? WHERE id = ? AND "
               "pole_id = ?",
               {in.actor_id, in.role, lots_text(in.lots), nullable(in.share_percent),
                in.insertion_hours_committed, id, pole_id}) > 0;
}

bool delete_member(Connection& c, std::int64_t pole_id, std::int64_t id) {
    c.execute("DELETE FROM commons_realised_hours WHERE member_id = ? AND pole_id = ?",
              {id, pole_id});
    return c.execute("DELETE FROM commons_members WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

std::vector<Member> members(Connection& c, std::int64_t pole_id,
                            std::optional<std::int64_t> tender_id) {
    Params params = {pole_id};
    auto where = only("m.tender_id", tender_id, params);
    std::vector<Member> out;
    // The mandataire first, then co-traitants and sous-traitants, by name.
    for (auto& r : c.query(std::string("SELECT ") + kMemberColumns +
                               " FROM commons_members m JOIN actors a ON a.id = m.actor_id "
                               "WHERE m.pole_id = ?" +
                               where +
                               " ORDER BY m.tender_id, CASE m.role WHEN 'mandataire' THEN 0 "
                               "WHEN 'co_traitant' THEN 1 ELSE 2 END, a.name_folded, m.id",
                           params))
        out.push_back(member_from(r));
    return out;
}

std::optional<Member> member(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(std::string("SELECT ") + kMemberColumns +
                            " FROM commons_members m JOIN actors a ON a.id = m.actor_id "
                            "WHERE m.pole_id = ? AND m.id = ?",
                        {pole_id, id});
    if (rows.empty()) return std::nullopt;
    return member_from(rows[0]);
}

std::int64_t upsert_hours(Connection& c, std::int64_t pole_id, std::int64_t member_id,
                          const HoursInput& in) {
    auto existing = c.query(
        "SELECT id FROM commons_realised_hours WHERE member_id = ? AND period = ? AND pole_id = ?",
        {member_id, in.period, pole_id});
    if (!existing.empty()) {
        auto id = existing[0].integer(0);
        c.execute("UPDATE commons_realised_hours SET hours = ?, note = ? WHERE id = ?",
                  {in.hours, nullable(in.note), id});
        return id;
    }
    return c
        .query(
            "INSERT INTO commons_realised_hours (pole_id, member_id, period, hours, note) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            {pole_id, member_id, in.period, in.hours, nullable(in.note)})[0]
        .integer(0);
}

bool delete_hours(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM commons_realised_hours WHERE id = ? AND pole_id = ?",
                     {id, pole_id}) > 0;
}

std::vector<RealisedHours> hours_of_tender(Connection& c, std::int64_t pole_id,
                                           std::int64_t tender_id) {
    std::vector<RealisedHours> out;
    for (auto& r : c.query("SELECT h.id, h.member_id, h.period, h.hours, h.note FROM "
                           "commons_realised_hours h JOIN commons_members m ON m.id = "
                           "h.member_id WHERE h.pole_id = ? AND m.tender_id = ? ORDER BY "
                           "h.member_id, h.period",
                           {pole_id, tender_id}))
        out.push_back(hours_from(r));
    return out;
}

std::optional<RealisedHours> hours(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(
        "SELECT id, member_id, period, hours, note FROM commons_realised_hours WHERE pole_id = ? "
        "AND id = ?",
        {pole_id, id});
    if (rows.empty()) return std::nullopt;
    return hours_from(rows[0]);
}

std::int64_t count_hours_of_tender(Connection& c, std::int64_t pole_id, std::int64_t tender_id) {
    return c
        .query(
            "SELECT COUNT(*) FROM commons_realised_hours h JOIN commons_members m ON m.id = "
            "h.member_id WHERE h.pole_id = ? AND m.tender_id = ?",
            {pole_id, tender_id})[0]
        .integer(0);
}

bool actor_in_pole(Connection& c, std::int64_t pole_id, std::int64_t actor_id) {
    return !c.query("SELECT 1 FROM actor_poles WHERE actor_id = ? AND pole_id = ?",
                    {actor_id, pole_id})
                .empty();
}

std::optional<std::int64_t> pole_actor_by_siret(Connection& c, std::int64_t pole_id,
                                                const std::string& siret) {
    auto rows = c.query(
        "SELECT a.id FROM actors a JOIN actor_poles p ON p.actor_id = a.id WHERE a.siret = ? AND "
        "p.pole_id = ?",
        {siret, pole_id});
    if (rows.empty()) return std::nullopt;
    return rows[0].integer(0);
}

}  // namespace maillage::commons::storage
