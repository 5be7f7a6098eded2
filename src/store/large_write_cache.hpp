#pragma once
#include <cstdint>
#include <optional>

#include "store/database.hpp"

namespace maillage::store {

// SQLite's page cache defaults to 2 MB per connection. A bulk write inserts into several
// B-trees (a table, its indexes, a word index) at random positions, so with the default cache
// nearly every insert evicts a page, spills it to the WAL and reads another back: writing
// 100,000 actors took 19 s, 11 s with a cache that holds them (bench/README.md). The connection
// gets a larger cap for the duration of the write (memory is only taken as pages are used) and
// its old setting back afterwards. Nothing on PostgreSQL.
class LargeWriteCache {
  public:
    explicit LargeWriteCache(Connection& connection);
    ~LargeWriteCache();
    LargeWriteCache(const LargeWriteCache&) = delete;
    LargeWriteCache& operator=(const LargeWriteCache&) = delete;

  private:
    Connection& connection_;
    std::optional<std::int64_t> previous_;
};

}  // namespace maillage::store
