#pragma once
// Secondary indexes set aside during a bulk write on SQLite, as the actors import does
// (src/actors/actor_bulk_insert.hpp): inserting rows at random places of several B-trees
// costs more than one sort per index afterwards, once the write is at least as large as what
// the tables hold. The indexes are dropped inside the caller's write transaction and created
// again by restore() in the same transaction (readers keep the old snapshot; a rollback takes
// the drop back). Nothing on PostgreSQL. A helper of general use that could move to src/store.
#include <cstddef>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace maillage::needs {

class BulkIndexes {
  public:
    // Drops the secondary indexes of `tables` when `rows` (the rows about to be written) is at
    // least the number of rows `count_table` holds now.
    BulkIndexes(store::Connection& c, const std::vector<std::string>& tables,
                const std::string& count_table, std::size_t rows);
    BulkIndexes(const BulkIndexes&) = delete;
    BulkIndexes& operator=(const BulkIndexes&) = delete;
    // Creates the dropped indexes again; call it once, before the transaction commits.
    void restore();
    bool dropped() const { return !dropped_.empty(); }

  private:
    store::Connection& connection_;
    std::vector<std::string> dropped_;  // their CREATE INDEX statements
};

}  // namespace maillage::needs
