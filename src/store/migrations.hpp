#pragma once
// Versioned migrations, one file per dialect with the same id in each
// (src/<module>/migrations/{sqlite,postgresql}/<id>_<name>.sql), applied in id order.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace maillage::store {

struct MigrationFile {
    const char* module;
    const char* dialect;
    const char* name;  // "<id>_<name>", e.g. "0003_actors"
    const char* sql;
};

const std::vector<MigrationFile>& embedded_migration_files();

// The migrations of one dialect, sorted by name.
std::vector<MigrationFile> migrations_for(Dialect dialect);

// Applies the pending migrations, each in its own transaction. Returns the names applied.
std::vector<std::string> migrate(Database& database);

// Names of the migrations already applied.
std::vector<std::string> applied_migrations(Database& database);

}  // namespace maillage::store
