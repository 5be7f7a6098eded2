#include "store/migrations.hpp"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/clock.hpp"

namespace maillage::store {
namespace {

const char* dialect_folder(Dialect dialect) {
    return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

void ensure_ledger(Connection& c) {
    c.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
        "applied_at TEXT NOT NULL)");
}

}  // namespace

std::vector<MigrationFile> migrations_for(Dialect dialect) {
    std::vector<MigrationFile> result;
    for (const auto& file : embedded_migration_files())
        if (std::strcmp(file.dialect, dialect_folder(dialect)) == 0) result.push_back(file);
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return std::strcmp(a.name, b.name) < 0; });
    return result;
}

std::vector<std::string> applied_migrations(Database& database) {
    return database.write([](Connection& c) {
        ensure_ledger(c);
        std::vector<std::string> names;
        for (const auto& row : c.query("SELECT name FROM schema_migrations ORDER BY name"))
            names.push_back(row.text(0));
        return names;
    });
}

std::vector<std::string> migrate(Database& database) {
    std::vector<std::string> applied_now;
    for (const auto& migration : migrations_for(database.dialect())) {
        bool applied = database.write([&](Connection& c) {
            ensure_ledger(c);
            // Several servers may start at once on one PostgreSQL: serialise them here.
            if (c.dialect() == Dialect::postgresql)
                c.execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
            if (!c.query("SELECT 1 FROM schema_migrations WHERE name = ?", {migration.name})
                     .empty())
                return false;
            c.execute_script(migration.sql);
            c.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                      {std::string(migration.name), clock::now_iso()});
            return true;
        });
        if (applied) applied_now.emplace_back(migration.name);
    }
    return applied_now;
}

}  // namespace maillage::store
