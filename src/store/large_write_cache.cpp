#include "store/large_write_cache.hpp"

#include <string>

namespace maillage::store {

LargeWriteCache::LargeWriteCache(Connection& connection) : connection_(connection) {
    if (connection.dialect() != Dialect::sqlite) return;
    previous_ = connection.query("PRAGMA cache_size")[0].integer(0);
    connection.execute_script("PRAGMA cache_size = -262144");  // KiB: 256 MiB at most
}

LargeWriteCache::~LargeWriteCache() {
    if (!previous_) return;
    try {
        connection_.execute_script("PRAGMA cache_size = " + std::to_string(*previous_));
    } catch (...) {
        // The cache stays larger on this connection; nothing else changes.
    }
}

}  // namespace maillage::store
