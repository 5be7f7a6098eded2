#include <filesystem>
#include <random>

#include "store/migrations.hpp"
#include "store/testing.hpp"

namespace maillage::store::testdb {

std::unique_ptr<TestDatabase> fresh_postgresql();

namespace {

class SqliteTestDatabase final : public TestDatabase {
  public:
    SqliteTestDatabase() {
        std::random_device seed;
        directory_ = std::filesystem::temp_directory_path() /
                     ("maillage-test-" + std::to_string(seed()) + std::to_string(seed()));
        std::filesystem::create_directories(directory_);
        database_ = Database::open((directory_ / "test.db").string(), 8);
        migrate(*database_);
    }
    ~SqliteTestDatabase() override {
        database_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
    }

  private:
    std::filesystem::path directory_;
};

}  // namespace

std::vector<std::string> backends() {
    return {"sqlite", "postgresql"};
}

std::unique_ptr<TestDatabase> fresh(const std::string& backend) {
    if (backend == "sqlite") return std::make_unique<SqliteTestDatabase>();
    return fresh_postgresql();
}

}  // namespace maillage::store::testdb
