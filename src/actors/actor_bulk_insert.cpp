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
      staged_(c.dialect() == store::Dialect::sqlite),
      indexes_(c) {
    if (staged_) before_ = c.query("SELECT COUNT(*) FROM actors")[0].integer(0);
}

std::vector<std::int64_t> ActorBulkInsert::add(NewActors rows) {
    if (staged_ && !dropped_ && added_ >= before_) {
        dropped_ = true;
        indexes_.drop({"actors", "actor_words"});
    }
    added_ += std::int64_t(rows.size());
    auto ids = insert_actors(connection_, std::move(rows), staged_ ? &words_ : nullptr);
    link_poles(connection_, ids, pole_id_, now_);
    return ids;
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
    indexes_.create_again("actors");
    insert_rows(connection_, "INSERT INTO actor_words (word, actor_id)", 2, sorted.get());
    indexes_.create_all_again();
}

}  // namespace maillage::actors::storage
