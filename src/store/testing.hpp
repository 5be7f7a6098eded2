#pragma once
// Fresh, empty, migrated databases for tests, on either backend, so that every storage
// test runs against both. PostgreSQL tests need MAILLAGE_TEST_PG, a server URL such as
// "postgresql://maillage@127.0.0.1:5432/maillage_test" (scripts/postgres.sh starts one).
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace maillage::store::testdb {

class TestDatabase {
  public:
    virtual ~TestDatabase() = default;
    Database& database() { return *database_; }
    std::unique_ptr<Database> database_;
};

// The backends to run storage tests on: always "sqlite", and "postgresql".
std::vector<std::string> backends();

// A new database on `backend` ("sqlite" or "postgresql"), with every migration applied.
// Returns null when the backend is not configured (the caller then skips the test);
// scripts/test.sh always configures PostgreSQL, so CI never skips.
std::unique_ptr<TestDatabase> fresh(const std::string& backend);

}  // namespace maillage::store::testdb
