#pragma once
// Creates a bulk import's new actors, with their name words and their link to the importing
// pole, inside the caller's write transaction.
#include <cstdint>
#include <string>
#include <vector>

#include "actors/actor_rows.hpp"
#include "store/database.hpp"
#include "store/set_aside_indexes.hpp"

namespace maillage::actors::storage {

// What makes a bulk import slow on SQLite is B-tree work: each new actor goes into the table
// and its indexes, each name word into `actor_words` and its index, at random places. So, on
// SQLite (figures in bench/README.md):
// - once the import has written as many actors as the directory held before it, the
//   secondary indexes of `actors` and `actor_words` are dropped and created again by
//   finish(), in the same transaction (CREATE INDEX sorts once; readers keep seeing the old
//   snapshot meanwhile). An import into an empty directory drops them before its first row;
// - the name words are held in memory and written at the end in the order of their key.
// PostgreSQL: the rows are written as they come, in multi-row statements (its cost is the
// round trips, which those already cut).
class ActorBulkInsert {
  public:
    ActorBulkInsert(store::Connection& c, std::int64_t pole_id, std::string now);
    ActorBulkInsert(const ActorBulkInsert&) = delete;
    ActorBulkInsert& operator=(const ActorBulkInsert&) = delete;

    // Creates these actors (none holds an identifier already in the directory) in the pole,
    // created at `now`; their ids, in order.
    std::vector<std::int64_t> add(NewActors rows);
    // True when no actor was in the directory before the import and none can be written by
    // others meanwhile (SQLite's write lock): no line can name an existing actor then, since
    // the reader rejects a file in which two lines share an identifier.
    bool directory_was_empty() const { return staged_ && before_ == 0; }
    // Writes what is held and restores the indexes: call it once, before the transaction
    // commits.
    void finish();

  private:
    store::Connection& connection_;
    std::int64_t pole_id_;
    std::string now_;
    bool staged_;              // SQLite
    std::int64_t before_ = 0;  // actors in the directory before the import (SQLite)
    std::int64_t added_ = 0;   // actors this import created so far
    bool dropped_ = false;     // the indexes are dropped
    store::SetAsideIndexes indexes_;
    std::vector<NameWord> words_;  // held until finish()
};

}  // namespace maillage::actors::storage
