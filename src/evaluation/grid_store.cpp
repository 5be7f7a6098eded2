// SQL for grids, démarches and rounds.
#include "core/clock.hpp"
#include "evaluation/evaluation_store.hpp"

namespace maillage::evaluation::storage {

using store::nullable;
using store::Row;

namespace {

constexpr const char* kGridColumns =
    "g.id, g.pole_id, g.derived_from, g.code, g.tool, g.title, g.definition, g.source_file, "
    "g.version, g.hidden, g.created_at, g.updated_at, "
    "(SELECT COUNT(*) FROM eval_assessments a WHERE a.grid_id = g.id), "
    "(SELECT COUNT(*) FROM eval_grids later WHERE later.code = g.code AND later.version > "
    "g.version AND ((later.pole_id IS NULL AND g.pole_id IS NULL) OR later.pole_id = g.pole_id))";

GridRow grid_from(const Row& r) {
    GridRow g;
    g.id = r.integer(0);
    g.pole_id = r.optional_integer(1);
    g.derived_from = r.optional_integer(2);
    g.code = r.text(3);
    g.tool = r.text(4);
    g.title = r.text(5);
    g.definition = r.text(6);
    g.source_file = r.optional_text(7).value_or("");
    g.version = r.integer(8);
    g.hidden = r.integer(9) != 0;
    g.created_at = r.text(10);
    g.updated_at = r.text(11);
    g.assessments = r.integer(12);
    g.latest = r.integer(13) == 0;
    return g;
}

store::Params grid_values(const NewGrid& g, const std::string& now) {
    return {nullable(g.pole_id),
            g.grid->code,
            g.grid->version,
            g.grid->tool,
            g.grid->title.fr,
            g.definition,
            nullable(g.derived_from),
            g.source_file.empty() ? store::Value(nullptr) : store::Value(g.source_file),
            std::int64_t(g.hidden ? 1 : 0),
            now,
            now};
}

constexpr const char* kInsertGrid =
    "INSERT INTO eval_grids (pole_id, code, version, tool, title, definition, derived_from, "
    "source_file, hidden, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

std::int64_t insert_grid(Connection& c, const NewGrid& g) {
    return c.query(std::string(kInsertGrid) + " RETURNING id", grid_values(g, clock::now_iso()))[0]
        .integer(0);
}

std::optional<std::string> insert_shipped_grid(Connection& c, const NewGrid& g) {
    // ON CONFLICT DO NOTHING: two servers starting at once on one PostgreSQL database both
    // try to record the same shipped grids, and the second must not fail.
    c.execute(std::string(kInsertGrid) + " ON CONFLICT DO NOTHING",
              grid_values(g, clock::now_iso()));
    auto rows = c.query(
        "SELECT definition FROM eval_grids WHERE pole_id IS NULL AND code = ? AND version = ?",
        {g.grid->code, g.grid->version});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}

void update_grid(Connection& c, std::int64_t id, const Grid& grid, const std::string& definition) {
    c.execute(
        "UPDATE eval_grids SET title = ?, tool = ?, definition = ?, updated_at = ? WHERE id = ?",
        {grid.title.fr, grid.tool, definition, clock::now_iso(), id});
}

void delete_grid(Connection& c, std::int64_t id) {
    c.execute("UPDATE eval_grids SET derived_from = NULL WHERE derived_from = ?", {id});
    c.execute("DELETE FROM eval_grids WHERE id = ?", {id});
}

std::optional<GridRow> grid_row(Connection& c, std::int64_t id, std::int64_t pole_id) {
    auto rows = c.query(std::string("SELECT ") + kGridColumns +
                            " FROM eval_grids g WHERE g.id = ? AND (g.pole_id IS NULL OR "
                            "g.pole_id = ?)",
                        {id, pole_id});
    if (rows.empty()) return std::nullopt;
    return grid_from(rows[0]);
}

std::vector<GridRow> visible_grids(Connection& c, std::int64_t pole_id, bool include_hidden) {
    std::vector<GridRow> out;
    for (const auto& r : c.query(std::string("SELECT ") + kGridColumns +
                                     " FROM eval_grids g WHERE (g.pole_id IS NULL OR g.pole_id = "
                                     "?) AND (g.hidden = 0 OR ? = 1) ORDER BY g.pole_id IS NULL "
                                     "DESC, g.code, g.version",
                                 {pole_id, std::int64_t(include_hidden ? 1 : 0)}))
        out.push_back(grid_from(r));
    return out;
}

std::int64_t next_version(Connection& c, std::int64_t pole_id, const std::string& code) {
    return c
        .query(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM eval_grids WHERE pole_id = ? AND "
            "code = ?",
            {pole_id, code})[0]
        .integer(0);
}

std::optional<std::int64_t> latest_shipped(Connection& c, const std::string& code) {
    auto rows = c.query(
        "SELECT id FROM eval_grids WHERE pole_id IS NULL AND code = ? ORDER BY version DESC "
        "LIMIT 1",
        {code});
    if (rows.empty()) return std::nullopt;
    return rows[0].integer(0);
}

// ---- démarches

std::int64_t insert_demarche(Connection& c, std::int64_t pole_id, const Demarche& d) {
    auto now = clock::now_iso();
    return c
        .query(
            "INSERT INTO eval_demarches (pole_id, name, description, actor_id, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, d.name, nullable(d.description), nullable(d.actor_id), now, now})[0]
        .integer(0);
}

bool update_demarche(Connection& c, std::int64_t pole_id, std::int64_t id, const Demarche& d) {
    return c.execute(
               "UPDATE eval_demarches SET name = ?, description = ?, actor_id = ?, "
               "updated_at = ? WHERE id = ? AND pole_id = ?",
               {d.name, nullable(d.description), nullable(d.actor_id), clock::now_iso(), id,
                pole_id}) > 0;
}

bool delete_demarche(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM eval_demarches WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

namespace {
Demarche demarche_from(const Row& r) {
    return {r.integer(0),          r.text(1), r.optional_text(2),
            r.optional_integer(3), r.text(4), r.text(5)};
}
constexpr const char* kDemarcheColumns =
    "SELECT id, name, description, actor_id, created_at, updated_at FROM eval_demarches ";
}  // namespace

std::vector<Demarche> demarches(Connection& c, std::int64_t pole_id) {
    std::vector<Demarche> out;
    for (const auto& r :
         c.query(std::string(kDemarcheColumns) + "WHERE pole_id = ? ORDER BY name, id", {pole_id}))
        out.push_back(demarche_from(r));
    return out;
}

std::optional<Demarche> demarche(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows =
        c.query(std::string(kDemarcheColumns) + "WHERE id = ? AND pole_id = ?", {id, pole_id});
    if (rows.empty()) return std::nullopt;
    return demarche_from(rows[0]);
}

// ---- rounds

std::int64_t insert_round(Connection& c, std::int64_t pole_id, const RoundInput& r) {
    auto now = clock::now_iso();
    auto id = c.query(
                   "INSERT INTO eval_rounds (pole_id, grid_id, title, year, notes, created_at, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {pole_id, r.grid_id, r.title, r.year, nullable(r.notes), now, now})[0]
                  .integer(0);
    set_round_members(c, id, r.members);
    return id;
}

void set_round_members(Connection& c, std::int64_t round_id, const std::vector<std::int64_t>& ids) {
    c.execute("DELETE FROM eval_round_members WHERE round_id = ?", {round_id});
    for (auto actor : ids)
        c.execute("INSERT INTO eval_round_members (round_id, actor_id) VALUES (?, ?)",
                  {round_id, actor});
}

bool update_round(Connection& c, std::int64_t pole_id, std::int64_t id, const RoundInput& r) {
    if (c.execute("UPDATE eval_rounds SET title = ?, year = ?, notes = ?, updated_at = ? WHERE "
                  "id = ? AND pole_id = ?",
                  {r.title, r.year, nullable(r.notes), clock::now_iso(), id, pole_id}) == 0)
        return false;
    set_round_members(c, id, r.members);
    return true;
}

bool delete_round(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM eval_rounds WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

namespace {
RoundRow round_from(Connection& c, const Row& r) {
    RoundRow out{r.integer(0), r.integer(1), r.integer(2),       r.text(3),
                 r.text(5),    r.text(6),    r.optional_text(4), {}};
    for (const auto& m :
         c.query("SELECT actor_id FROM eval_round_members WHERE round_id = ? ORDER BY actor_id",
                 {out.id}))
        out.members.push_back(m.integer(0));
    return out;
}
constexpr const char* kRoundColumns =
    "SELECT id, grid_id, year, title, notes, created_at, updated_at FROM eval_rounds ";
}  // namespace

std::optional<RoundRow> round(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(std::string(kRoundColumns) + "WHERE id = ? AND pole_id = ?", {id, pole_id});
    if (rows.empty()) return std::nullopt;
    return round_from(c, rows[0]);
}

std::vector<RoundRow> rounds(Connection& c, std::int64_t pole_id) {
    std::vector<RoundRow> out;
    for (const auto& r :
         c.query(std::string(kRoundColumns) + "WHERE pole_id = ? ORDER BY year DESC, title, id",
                 {pole_id}))
        out.push_back(round_from(c, r));
    return out;
}

}  // namespace maillage::evaluation::storage
