#pragma once
// Secondary indexes set aside during a bulk write on SQLite. Inserting rows at random places of
// several B-trees costs more than one sort per index afterwards, once the write is at least as
// large as what the tables hold (bench/README.md, bench/needs/README.md). The indexes are
// dropped inside the caller's write transaction and created again in the same transaction:
// readers keep the old snapshot meanwhile, and a rollback takes the drops back.
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace maillage::store {

class SetAsideIndexes {
  public:
    explicit SetAsideIndexes(Connection& c) : connection_(c) {}
    SetAsideIndexes(const SetAsideIndexes&) = delete;
    SetAsideIndexes& operator=(const SetAsideIndexes&) = delete;

    // Drops the indexes of `tables` that the migrations created with SQL; primary keys and
    // UNIQUE constraints (which have none) stay, so the write still checks them. Nothing on
    // PostgreSQL, whose cost is round trips rather than B-tree work.
    void drop(const std::vector<std::string>& tables);
    // Creates the dropped indexes of `table` again (a table's own before the next one's, so a
    // caller can write that next table in between).
    void create_again(const std::string& table);
    // Creates every dropped index again: call it before the transaction commits.
    void create_all_again();
    bool dropped() const { return !dropped_.empty(); }

  private:
    Connection& connection_;
    std::vector<std::pair<std::string, std::string>> dropped_;  // table, CREATE INDEX
};

}  // namespace maillage::store
