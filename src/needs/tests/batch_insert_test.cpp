#include "needs/batch_insert.hpp"

#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::needs;
using test_support::ServiceTest;

namespace {

class BatchInsertTest : public ServiceTest {};

// Every row arrives once, with its own values, whatever the size of the flushes: full
// statements (400 rows), remainders sent in power-of-two pieces, and a parent flushed first.
TEST_P(BatchInsertTest, WritesEveryRowOnceWhateverTheFlushes) {
    const std::int64_t sizes[] = {1, 3, 255, 256, 299, 400, 401, 1203};
    fixture_->database().write([&](store::Connection& c) {
        c.execute_script(
            "CREATE TABLE bi_parent (id BIGINT PRIMARY KEY, t TEXT);"
            "CREATE TABLE bi_child (id BIGINT PRIMARY KEY, parent BIGINT REFERENCES "
            "bi_parent(id), t TEXT)");
        BatchInsert parents(c, "bi_parent", {"id", "t"});
        BatchInsert children(c, "bi_child", {"id", "parent", "t"}, &parents);
        std::int64_t next = 0;
        for (auto n : sizes) {
            for (std::int64_t i = 0; i < n; ++i, ++next) {
                parents.add({next, "p" + std::to_string(next)});
                children.add({next, next, "c" + std::to_string(next)});
            }
            children.flush();  // flushes the parent's remainder first
        }
        parents.flush();
    });
    std::int64_t total = 0;
    for (auto n : sizes) total += n;
    EXPECT_EQ(count("SELECT COUNT(*) FROM bi_parent"), total);
    EXPECT_EQ(count("SELECT COUNT(*) FROM bi_child"), total);
    EXPECT_EQ(count("SELECT SUM(id) FROM bi_child"), total * (total - 1) / 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM bi_parent WHERE t <> 'p' || CAST(id AS TEXT)"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM bi_child WHERE parent <> id OR t <> 'c' || CAST(id AS "
                    "TEXT)"),
              0);
}

INSTANTIATE_TEST_SUITE_P(Backends, BatchInsertTest, ::testing::ValuesIn(store::testdb::backends()));

}  // namespace
