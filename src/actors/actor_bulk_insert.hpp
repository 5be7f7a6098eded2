#pragma once
// Creates a bulk import's new actors, with their name words and their link to the importing
// pole, inside the caller's write transaction.
#include <cstdint>
#include <string>
#include <vector>

#include "actors/model.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::actors::storage {

// What makes a bulk import slow on SQLite is B-tree work: each new actor goes into the table
// and its nine indexes, each name word into `actor_words` and its index, at random places.
// So, on SQLite (figures in bench/README.md, 2026-12-01):
// - when the import is at least as large as the directory, the secondary indexes of `actors`
//   and `actor_words` are dropped at the start and created again by finish(), in the same
//   transaction (CREATE INDEX sorts once; readers keep seeing the old snapshot meanwhile);
// - the name words are staged in a temporary table without index (in memory:
//   temp_store=MEMORY) and written by one INSERT … SELECT in the order of their key.
// PostgreSQL: the rows are written as they come, in multi-row statements (its cost is the
// round trips, which those already cut).
class ActorBulkInsert {
  public:
    // `rows`: how many actors the import may create at most.
    ActorBulkInsert(store::Connection& c, const territory::Territory& territory,
                    std::int64_t pole_id, std::string now, std::size_t rows);
    ActorBulkInsert(const ActorBulkInsert&) = delete;
    ActorBulkInsert& operator=(const ActorBulkInsert&) = delete;

    // Creates these actors (none holds an identifier already in the directory) in the pole,
    // created at `now`; their ids, in order.
    std::vector<std::int64_t> add(const std::vector<const ActorInput*>& inputs);
    // Writes what is staged and restores the indexes: call it once, before the transaction
    // commits.
    void finish();

  private:
    store::Connection& connection_;
    const territory::Territory& territory_;
    std::int64_t pole_id_;
    std::string now_;
    bool staged_;                               // SQLite
    std::vector<std::string> dropped_indexes_;  // their CREATE INDEX statements
};

}  // namespace maillage::actors::storage
