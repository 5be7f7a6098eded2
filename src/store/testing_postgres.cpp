// Fresh PostgreSQL databases for tests: one new schema per test on the server named by
// MAILLAGE_TEST_PG, dropped afterwards. Tests run in parallel processes, so schema names
// combine the process id, a counter and randomness.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "store/migrations.hpp"
#include "store/testing.hpp"

namespace maillage::store::testdb {
namespace {

std::string unique_schema_name() {
    static std::atomic<int> counter{0};
    std::random_device seed;
    return "t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
           std::to_string(seed() % 1000000);
}

// The server URL with every connection's search_path set to `schema`, so that the tests'
// unqualified table names land there.
std::string url_in_schema(const std::string& url, const std::string& schema) {
    char separator = url.find('?') == std::string::npos ? '?' : '&';
    return url + separator + "options=-csearch_path%3D" + schema;
}

void run_on(Database& server, const std::string& sql) {
    server.write([&](Connection& c) { c.execute_script(sql); });
}

class PostgresTestDatabase final : public TestDatabase {
  public:
    explicit PostgresTestDatabase(const std::string& url)
        : server_(Database::open(url, 1)), schema_(unique_schema_name()) {
        run_on(*server_, "CREATE SCHEMA " + schema_);
        try {
            database_ = Database::open(url_in_schema(url, schema_), 8);
            migrate(*database_);
        } catch (...) {
            drop_schema();
            throw;
        }
    }

    ~PostgresTestDatabase() override { drop_schema(); }

  private:
    void drop_schema() noexcept {
        database_.reset();  // close its connections first
        try {
            run_on(*server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
        } catch (...) {
            // A leftover schema on a throwaway test server is harmless.
        }
    }

    std::unique_ptr<Database> server_;
    std::string schema_;
};

}  // namespace

std::unique_ptr<TestDatabase> fresh_postgresql() {
    const char* url = std::getenv("MAILLAGE_TEST_PG");
    if (!url || !*url) return nullptr;
    return std::make_unique<PostgresTestDatabase>(url);
}

}  // namespace maillage::store::testdb
