#pragma once
#include <cstdint>
#include <optional>

#include "store/database.hpp"

namespace maillage::accounts {

// What the foreign keys of a bulk write's rows to the pole and the user would check, checked
// once, for writes with foreign keys unchecked (store::Database::write_unchecked); throws
// not_found.
void require_pole_and_user(store::Connection& c, std::int64_t pole_id,
                           std::optional<std::int64_t> user_id);

}  // namespace maillage::accounts
