#include "network/network_store.hpp"

#include "core/clock.hpp"

namespace maillage::network::storage {

using store::nullable;
using store::Params;
using store::Row;

namespace {

constexpr const char* kRelationColumns =
    "id, year, mission, from_actor, to_actor, nature, object, intensity, note, author_id, "
    "author_name, created_at, updated_at";

Relation relation_from(const Row& r) {
    Relation x;
    x.id = r.integer(0);
    x.year = int(r.integer(1));
    x.mission = r.text(2);
    x.from_actor = r.integer(3);
    x.to_actor = r.integer(4);
    x.nature = r.text(5);
    x.object = r.optional_text(6);
    x.intensity = int(r.integer(7));
    x.note = r.optional_text(8);
    x.author_id = r.optional_integer(9);
    x.author_name = r.text(10);
    x.created_at = r.text(11);
    x.updated_at = r.text(12);
    return x;
}

std::optional<Relation> first_relation(const std::vector<Row>& rows) {
    if (rows.empty()) return std::nullopt;
    return relation_from(rows.front());
}

// "AND mission = ?" when a mission is given, with its parameter appended.
std::string mission_clause(const std::optional<std::string>& mission, Params& params) {
    if (!mission) return "";
    params.push_back(*mission);
    return " AND mission = ?";
}

}  // namespace

std::vector<Nature> pole_natures(Connection& c, std::int64_t pole_id) {
    std::vector<Nature> out;
    for (const auto& r : c.query(
             "SELECT code, weight, colour, line, abbr_fr, abbr_it, abbr_en, label_fr, label_it, "
             "label_en FROM network_natures WHERE pole_id = ? ORDER BY created_at, code",
             {pole_id}))
        out.push_back({r.text(0),
                       r.real(1),
                       r.text(2),
                       r.text(3),
                       {r.text(4), r.text(5), r.text(6)},
                       {r.text(7), r.text(8), r.text(9)},
                       pole_id});
    return out;
}

void insert_nature(Connection& c, std::int64_t pole_id, std::optional<std::int64_t> user_id,
                   const NatureInput& n) {
    c.execute(
        "INSERT INTO network_natures (pole_id, code, weight, colour, line, abbr_fr, abbr_it, "
        "abbr_en, label_fr, label_it, label_en, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?)",
        {pole_id, n.code, n.weight, n.colour, n.line, n.abbreviation.fr, n.abbreviation.it,
         n.abbreviation.en, n.label.fr, n.label.it, n.label.en, nullable(user_id),
         clock::now_iso()});
}

void insert_logic_entry(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                        const std::string& mission, int year, const LogicEntryInput& entry,
                        std::optional<std::int64_t> author_id, const std::string& author_name) {
    c.execute(
        "INSERT INTO network_logic_entries (pole_id, actor_id, mission, year, field, text, "
        "author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {pole_id, actor_id, mission, std::int64_t(year), entry.field, entry.text,
         nullable(author_id), author_name, clock::now_iso()});
}

std::vector<LogicEntry> logic_entries(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                                      const std::string& mission, int year) {
    std::vector<LogicEntry> out;
    for (const auto& r : c.query(
             "SELECT id, year, field, text, author_id, author_name, created_at FROM "
             "network_logic_entries WHERE pole_id = ? AND actor_id = ? AND mission = ? AND year "
             "<= ? ORDER BY year DESC, id DESC",
             {pole_id, actor_id, mission, std::int64_t(year)}))
        out.push_back({r.integer(0), actor_id, mission, int(r.integer(1)), r.text(2), r.text(3),
                       r.optional_integer(4), r.text(5), r.text(6)});
    return out;
}

std::vector<std::int64_t> actors_with_logic(Connection& c, std::int64_t pole_id, int year,
                                            const std::optional<std::string>& mission) {
    Params params = {pole_id, std::int64_t(year)};
    std::string sql =
        "SELECT DISTINCT actor_id FROM network_logic_entries WHERE pole_id = ? AND year = ?" +
        mission_clause(mission, params) + " ORDER BY actor_id";
    std::vector<std::int64_t> ids;
    for (const auto& r : c.query(sql, params)) ids.push_back(r.integer(0));
    return ids;
}

std::optional<Relation> relation(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return first_relation(c.query(std::string("SELECT ") + kRelationColumns +
                                      " FROM network_relations WHERE pole_id = ? AND id = ?",
                                  {pole_id, id}));
}

std::optional<Relation> relation_at(Connection& c, std::int64_t pole_id, const RelationInput& k) {
    return first_relation(
        c.query(std::string("SELECT ") + kRelationColumns +
                    " FROM network_relations WHERE pole_id = ? AND year = ? AND mission = ? AND "
                    "from_actor = ? AND to_actor = ?",
                {pole_id, std::int64_t(k.year), k.mission, k.from_actor, k.to_actor}));
}

std::int64_t insert_relation(Connection& c, std::int64_t pole_id, const RelationInput& x,
                             std::optional<std::int64_t> author_id,
                             const std::string& author_name) {
    auto now = clock::now_iso();
    return c
        .query(
            "INSERT INTO network_relations (pole_id, year, mission, from_actor, to_actor, nature, "
            "object, intensity, note, author_id, author_name, created_at, updated_at) VALUES (?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, std::int64_t(x.year), x.mission, x.from_actor, x.to_actor, x.nature,
             nullable(x.object), std::int64_t(x.intensity), nullable(x.note), nullable(author_id),
             author_name, now, now})[0]
        .integer(0);
}

void update_relation(Connection& c, std::int64_t pole_id, std::int64_t id, const RelationInput& x,
                     std::optional<std::int64_t> author_id, const std::string& author_name) {
    c.execute(
        "UPDATE network_relations SET nature = ?, object = ?, intensity = ?, note = ?, author_id "
        "= ?, author_name = ?, updated_at = ? WHERE pole_id = ? AND id = ?",
        {x.nature, nullable(x.object), std::int64_t(x.intensity), nullable(x.note),
         nullable(author_id), author_name, clock::now_iso(), pole_id, id});
}

void delete_relation(Connection& c, std::int64_t pole_id, std::int64_t id) {
    c.execute("DELETE FROM network_relations WHERE pole_id = ? AND id = ?", {pole_id, id});
}

void insert_version(Connection& c, std::int64_t pole_id, std::int64_t relation_id,
                    const std::string& action, const RelationInput& x,
                    std::optional<std::int64_t> author_id, const std::string& author_name) {
    c.execute(
        "INSERT INTO network_relation_history (relation_id, pole_id, action, nature, object, "
        "intensity, note, author_id, author_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {relation_id, pole_id, action, x.nature, nullable(x.object), std::int64_t(x.intensity),
         nullable(x.note), nullable(author_id), author_name, clock::now_iso()});
}

std::vector<RelationVersion> versions(Connection& c, std::int64_t pole_id,
                                      std::int64_t relation_id) {
    std::vector<RelationVersion> out;
    for (const auto& r :
         c.query("SELECT id, action, nature, object, intensity, note, author_name, at FROM "
                 "network_relation_history WHERE pole_id = ? AND relation_id = ? ORDER BY id DESC",
                 {pole_id, relation_id}))
        out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_text(3), int(r.integer(4)),
                       r.optional_text(5), r.text(6), r.text(7)});
    return out;
}

std::vector<Relation> relations(Connection& c, std::int64_t pole_id, int year,
                                const std::optional<std::string>& mission) {
    Params params = {pole_id, std::int64_t(year)};
    std::string sql = std::string("SELECT ") + kRelationColumns +
                      " FROM network_relations WHERE pole_id = ? AND year = ?" +
                      mission_clause(mission, params) + " ORDER BY from_actor, to_actor, mission";
    std::vector<Relation> out;
    for (const auto& r : c.query(sql, params)) out.push_back(relation_from(r));
    return out;
}

void delete_derived(Connection& c, std::int64_t pole_id, int year) {
    c.execute("DELETE FROM network_derived_relations WHERE pole_id = ? AND year = ?",
              {pole_id, std::int64_t(year)});
}

void insert_derived(Connection& c, std::int64_t pole_id, const DerivedRelation& d) {
    c.execute(
        "INSERT INTO network_derived_relations (pole_id, year, from_actor, to_actor, kind, source, "
        "nature, object, detail, evidence_date, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)",
        {pole_id, std::int64_t(d.year), d.from_actor, d.to_actor, d.kind, d.source, d.nature,
         nullable(d.object), d.detail, nullable(d.evidence_date), d.computed_at});
}

std::vector<DerivedRelation> derived(Connection& c, std::int64_t pole_id, int year) {
    std::vector<DerivedRelation> out;
    for (const auto& r :
         c.query("SELECT id, from_actor, to_actor, kind, source, nature, object, detail, "
                 "evidence_date, computed_at FROM network_derived_relations WHERE pole_id = ? AND "
                 "year = ? ORDER BY from_actor, to_actor, id",
                 {pole_id, std::int64_t(year)}))
        out.push_back({r.integer(0), year, r.integer(1), r.integer(2), r.text(3), r.text(4),
                       r.text(5), r.optional_text(6), r.text(7), r.optional_text(8), r.text(9)});
    return out;
}

std::vector<int> years(Connection& c, std::int64_t pole_id) {
    std::vector<int> out;
    for (const auto& r :
         c.query("SELECT year FROM network_relations WHERE pole_id = ? UNION SELECT year FROM "
                 "network_logic_entries WHERE pole_id = ? UNION SELECT year FROM "
                 "network_derived_relations WHERE pole_id = ? ORDER BY year DESC",
                 {pole_id, pole_id, pole_id}))
        out.push_back(int(r.integer(0)));
    return out;
}

Counts counts(Connection& c, std::int64_t pole_id, int year) {
    auto count = [&](const char* table) {
        return c
            .query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE pole_id = ? AND year = ?",
                   {pole_id, std::int64_t(year)})[0]
            .integer(0);
    };
    return {count("network_relations"), count("network_derived_relations"),
            count("network_logic_entries")};
}

}  // namespace maillage::network::storage
