#include "actors/actor_bulk_insert.hpp"

#include "actors/actor_rows.hpp"
#include "actors/actor_store.hpp"
#include "core/text.hpp"

namespace maillage::actors::storage {

ActorBulkInsert::ActorBulkInsert(store::Connection& c, const territory::Territory& territory,
                                 std::int64_t pole_id, std::string now, std::size_t rows)
    : connection_(c),
      territory_(territory),
      pole_id_(pole_id),
      now_(std::move(now)),
      staged_(c.dialect() == store::Dialect::sqlite) {
    if (!staged_) return;
    // Temporary tables are this connection's, and a rolled-back transaction takes their
    // creation with it (as it takes back the dropped indexes).
    c.execute_script(
        "DROP TABLE IF EXISTS temp.import_words; CREATE TEMP TABLE import_words (word, "
        "actor_id)");
    auto present = c.query("SELECT COUNT(*) FROM actors")[0].integer(0);
    if (std::int64_t(rows) < present) return;
    // The indexes are those the migrations created (UNIQUE constraints and primary keys,
    // which have no SQL, stay): the same ones are created again.
    for (auto& r : c.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name IN ('actors', 'actor_words') AND sql IS NOT NULL "
                           "ORDER BY name")) {
        c.execute_script("DROP INDEX " + r.text(0));
        dropped_indexes_.push_back(r.take_text(1));
    }
}

std::vector<std::int64_t> ActorBulkInsert::add(const std::vector<const ActorInput*>& inputs) {
    auto ids = insert_actors(connection_, inputs, territory_, now_,
                             staged_ ? "temp.import_words" : "actor_words");
    link_poles(connection_, ids, pole_id_, now_);
    return ids;
}

void ActorBulkInsert::finish() {
    if (!staged_) return;
    connection_.execute(
        "INSERT INTO actor_words (word, actor_id) SELECT word, actor_id FROM temp.import_words "
        "ORDER BY word, actor_id");
    connection_.execute_script("DROP TABLE temp.import_words");
    for (const auto& sql : dropped_indexes_) connection_.execute_script(sql);
    dropped_indexes_.clear();
}

}  // namespace maillage::actors::storage
