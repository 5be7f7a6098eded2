#include "actors/actor_bulk_insert.hpp"

#include <algorithm>
#include <future>
#include <tuple>

#include "actors/actor_store.hpp"

namespace maillage::actors::storage {

ActorBulkInsert::ActorBulkInsert(store::Connection& c, std::int64_t pole_id, std::string now)
    : connection_(c),
      pole_id_(pole_id),
      now_(std::move(now)),
      staged_(c.dialect() == store::Dialect::sqlite) {
    if (staged_) before_ = c.query("SELECT COUNT(*) FROM actors")[0].integer(0);
}

std::vector<std::int64_t> ActorBulkInsert::add(NewActors rows) {
    if (staged_ && !dropped_ && added_ >= before_) drop_indexes();
    added_ += std::int64_t(rows.size());
    auto ids = insert_actors(connection_, std::move(rows), staged_ ? &words_ : nullptr);
    link_poles(connection_, ids, pole_id_, now_);
    return ids;
}

// The indexes are those the migrations created (UNIQUE constraints and primary keys, which
// have no SQL, stay): the same ones are created again. A rolled-back transaction takes the
// drops back.
void ActorBulkInsert::drop_indexes() {
    dropped_ = true;
    for (auto& r : connection_.query("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = "
                                     "'index' AND tbl_name IN ('actors', 'actor_words') AND sql "
                                     "IS NOT NULL ORDER BY name")) {
        connection_.execute_script("DROP INDEX " + r.text(0));
        (r.text(1) == "actors" ? actor_indexes_ : word_indexes_).push_back(r.take_text(2));
    }
}

void ActorBulkInsert::finish() {
    if (!staged_) return;
    // In key order each word goes to the right edge of the B-tree: 0.2 s for 466,000 words
    // where the same rows in the order of their actors, sorted by an INSERT … SELECT … ORDER
    // BY, took 0.8 s (bench/README.md). They are sorted on another thread while this one
    // creates the indexes of `actors` again.
    auto sorted = std::async(std::launch::async, [words = std::move(words_)]() mutable {
        std::sort(words.begin(), words.end(), [](const NameWord& x, const NameWord& y) {
            return std::tie(x.word, x.actor_id) < std::tie(y.word, y.actor_id);
        });
        store::Params rows;
        rows.reserve(words.size() * 2);
        for (auto& w : words) {
            rows.emplace_back(std::move(w.word));
            rows.emplace_back(w.actor_id);
        }
        return rows;
    });
    create_again(actor_indexes_);
    insert_rows(connection_, "INSERT INTO actor_words (word, actor_id)", 2, sorted.get());
    create_again(word_indexes_);
}

void ActorBulkInsert::create_again(std::vector<std::string>& indexes) {
    for (const auto& sql : indexes) connection_.execute_script(sql);
    indexes.clear();
}

}  // namespace maillage::actors::storage
