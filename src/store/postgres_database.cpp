// PostgreSQL backend (libpqxx). Placeholder until the backend lands.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/testing.hpp"

namespace maillage::store {
std::unique_ptr<Database> open_postgresql(const std::string&, std::size_t) {
    throw Error(ErrorCode::internal, "PostgreSQL backend not built yet");
}
namespace testdb {
std::unique_ptr<TestDatabase> fresh_postgresql() { return nullptr; }
}  // namespace testdb
}  // namespace maillage::store
