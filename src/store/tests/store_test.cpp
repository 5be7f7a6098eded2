#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/error.hpp"
#include "store/migrations.hpp"
#include "store/set_aside_indexes.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::store;

class StoreTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend " << GetParam() << " not configured";
        db().write([](Connection& c) {
            c.execute(
                "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                "score DOUBLE PRECISION)");
        });
    }
    Database& db() { return fixture_->database(); }
    std::unique_ptr<testdb::TestDatabase> fixture_;
};

TEST_P(StoreTest, ValuesRoundTripWithTheirTypes) {
    db().write([](Connection& c) {
        c.execute("INSERT INTO items (id, name, score) VALUES (?, ?, ?)",
                  {std::int64_t(1), std::string("Tarnos"), 2.5});
        c.execute("INSERT INTO items (id, name, score) VALUES (?, ?, ?)",
                  {std::int64_t(2), std::string("Ondres"), nullptr});
    });
    auto rows = db().read(
        [](Connection& c) { return c.query("SELECT id, name, score FROM items ORDER BY id"); });
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].integer(0), 1);
    EXPECT_EQ(rows[0].text(1), "Tarnos");
    EXPECT_DOUBLE_EQ(rows[0].real(2), 2.5);
    EXPECT_TRUE(rows[1].is_null(2));
    EXPECT_EQ(rows[1].optional_real(2), std::nullopt);
}

TEST_P(StoreTest, FailedTransactionLeavesNothingWritten) {
    EXPECT_THROW(db().write([](Connection& c) {
        c.execute("INSERT INTO items (id, name) VALUES (1, 'a')");
        c.execute("INSERT INTO items (id, name) VALUES (2, 'a')");  // violates UNIQUE
    }),
                 Error);
    auto count = db().read(
        [](Connection& c) { return c.query("SELECT COUNT(*) FROM items")[0].integer(0); });
    EXPECT_EQ(count, 0);
}

TEST_P(StoreTest, UniqueViolationIsAConflict) {
    db().write([](Connection& c) { c.execute("INSERT INTO items (id, name) VALUES (1, 'a')"); });
    try {
        db().write(
            [](Connection& c) { c.execute("INSERT INTO items (id, name) VALUES (2, 'a')"); });
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::conflict);
    }
}

TEST_P(StoreTest, ExecuteCountsChangedRowsAndReturningGivesIds) {
    auto id = db().write([](Connection& c) {
        return c
            .query("INSERT INTO items (id, name) VALUES (?, ?) RETURNING id",
                   {std::int64_t(42), std::string("x")})[0]
            .integer(0);
    });
    EXPECT_EQ(id, 42);
    auto changed = db().write(
        [](Connection& c) { return c.execute("UPDATE items SET score = 1 WHERE id >= 0"); });
    EXPECT_EQ(changed, 1);
}

// write_unchecked() turns the checks off for its own transaction only: whether it commits or
// rolls back, the connection goes back to the pool checking foreign keys again.
TEST_P(StoreTest, ForeignKeysAreCheckedAgainAfterAnUncheckedWrite) {
    db().write([](Connection& c) {
        c.execute(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id))");
    });
    db().write_unchecked([](Connection& c) {
        c.execute("INSERT INTO items (id, name) VALUES (1, 'a')");
        c.execute("INSERT INTO notes (id, item_id) VALUES (1, 1)");
    });
    auto dangling = [](Connection& c) {
        c.execute("INSERT INTO notes (id, item_id) VALUES (2, 9)");
    };
    EXPECT_THROW(db().write(dangling), Error);
    EXPECT_THROW(db().write_unchecked([](Connection& c) {
        c.execute("INSERT INTO items (id, name) VALUES (2, 'b')");
        throw Error(ErrorCode::invalid_input, "rolled back");
    }),
                 Error);
    EXPECT_THROW(db().write(dangling), Error);
    auto rows = db().read([](Connection& c) {
        return c.query("SELECT (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM notes)");
    });
    EXPECT_EQ(rows[0].integer(0), 1);
    EXPECT_EQ(rows[0].integer(1), 1);
}

// SQLite: the indexes written with SQL go and come back, per table; the UNIQUE constraint's
// own index stays, so the bulk write still checks it; a rollback takes the drops back.
// PostgreSQL: nothing is dropped.
TEST_P(StoreTest, SetAsideIndexesDropsAndCreatesAgainOnlyTheIndexesWrittenWithSql) {
    db().write([](Connection& c) {
        c.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, item_id INTEGER, label TEXT)");
        c.execute("CREATE INDEX items_score ON items (score)");
        c.execute("CREATE INDEX tags_item ON tags (item_id)");
        c.execute("CREATE INDEX tags_label ON tags (label, item_id)");
    });
    auto sqlite = db().read([](Connection& c) { return c.dialect() == Dialect::sqlite; });
    auto indexes = [&] {
        std::set<std::string> names;
        if (!sqlite) return names;
        for (auto& r : db().read([](Connection& c) {
                 return c.query("SELECT name FROM sqlite_master WHERE type = 'index'");
             }))
            names.insert(r.text(0));
        return names;
    };
    auto before = indexes();
    db().write([&](Connection& c) {
        SetAsideIndexes set_aside(c);
        set_aside.drop({"items", "tags"});
        EXPECT_EQ(set_aside.dropped(), sqlite);
        c.execute("INSERT INTO items (id, name) VALUES (1, 'a')");
        set_aside.create_again("items");
        if (sqlite) {
            auto present = c.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND "
                "name IN ('items_score', 'tags_item', 'tags_label') ORDER BY "
                "name");
            ASSERT_EQ(present.size(), 1u);
            EXPECT_EQ(present[0].text(0), "items_score");
        }
        set_aside.create_all_again();
        EXPECT_FALSE(set_aside.dropped());
    });
    EXPECT_EQ(indexes(), before);
    EXPECT_THROW(db().write([](Connection& c) {
        SetAsideIndexes(c).drop({"items", "tags"});
        c.execute("INSERT INTO items (id, name) VALUES (2, 'a')");  // UNIQUE still checked
    }),
                 Error);
    EXPECT_EQ(indexes(), before);
    EXPECT_THROW(db().write([](Connection& c) {
        SetAsideIndexes(c).drop({"tags"});
        throw Error(ErrorCode::invalid_input, "rolled back");
    }),
                 Error);
    EXPECT_EQ(indexes(), before);
    if (sqlite) {
        EXPECT_TRUE(before.count("tags_label") && before.count("items_score"));
    }
}

TEST_P(StoreTest, ConcurrentWritersAllLand) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i)
                db().write([&](Connection& c) {
                    c.execute("INSERT INTO items (id, name) VALUES (?, ?)",
                              {std::int64_t(t * 100 + i), "n" + std::to_string(t * 100 + i)});
                });
        });
    for (auto& thread : threads) thread.join();
    auto count = db().read(
        [](Connection& c) { return c.query("SELECT COUNT(*) FROM items")[0].integer(0); });
    EXPECT_EQ(count, 100);
}

TEST_P(StoreTest, MigrationsAreAppliedOnceAndRecorded) {
    auto before = applied_migrations(db());
    EXPECT_EQ(before.size(), migrations_for(db().dialect()).size());
    EXPECT_TRUE(migrate(db()).empty());  // idempotent
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(testdb::backends()));

TEST(Migrations, EveryDialectHasTheSameIdsInTheSameOrder) {
    auto sqlite = migrations_for(Dialect::sqlite);
    auto pg = migrations_for(Dialect::postgresql);
    ASSERT_EQ(sqlite.size(), pg.size());
    std::set<std::string> ids;
    for (std::size_t i = 0; i < sqlite.size(); ++i) {
        EXPECT_STREQ(sqlite[i].name, pg[i].name);
        std::string id = std::string(sqlite[i].name).substr(0, 4);
        EXPECT_TRUE(ids.insert(id).second) << "duplicate migration id " << id;
    }
}
