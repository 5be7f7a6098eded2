// What only the PostgreSQL backend does: placeholder translation, type mapping, error
// mapping, and keeping secrets out of messages. The generic behaviour is in store_test.cpp.
#include <gtest/gtest.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "core/error.hpp"
#include "store/postgres_sql.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::store;

TEST(PostgresPlaceholders, NumbersEachQuestionMarkInOrder) {
    EXPECT_EQ(postgres::numbered_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
              "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT 1"), "SELECT 1");
}

TEST(PostgresPlaceholders, LeavesQuotedTextAndCommentsAlone) {
    EXPECT_EQ(postgres::numbered_placeholders("SELECT '?', ?, 'it''s ?', ?"),
              "SELECT '?', $1, 'it''s ?', $2");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT \"odd?name\" FROM t WHERE a = ?"),
              "SELECT \"odd?name\" FROM t WHERE a = $1");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT E'\\'?', ?"), "SELECT E'\\'?', $1");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT ? -- why?\n, ?"), "SELECT $1 -- why?\n, $2");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT /* a? /* b? */ c? */ ?"),
              "SELECT /* a? /* b? */ c? */ $1");
    EXPECT_EQ(postgres::numbered_placeholders("SELECT $$?$$, $x$ ? $x$, ?"),
              "SELECT $$?$$, $x$ ? $x$, $1");
}

TEST(PostgresPlaceholders, BackslashesOnlyEscapeInEStrings) {
    // In a standard string the backslash is a plain character: the literal ends after it.
    EXPECT_EQ(postgres::numbered_placeholders("SELECT '\\', ?"), "SELECT '\\', $1");
}

TEST(PostgresUrl, PasswordIsHidden) {
    EXPECT_EQ(postgres::without_password("postgresql://me:s3cret@db.example:5432/app"),
              "postgresql://me:***@db.example:5432/app");
    EXPECT_EQ(postgres::without_password("postgresql://db/app?user=me&password=s3cret&x=1"),
              "postgresql://db/app?user=me&password=***&x=1");
    EXPECT_EQ(postgres::without_password("postgresql://me@db/app"), "postgresql://me@db/app");
    EXPECT_EQ(postgres::hide_password("bad token \"s3cret\"", "postgresql://me:s3cret@db/app"),
              "bad token \"***\"");
}

TEST(PostgresConnect, UnreachableServerIsAnErrorNamingItButNotThePassword) {
    try {
        Database::open("postgresql://maillage:s3cret@127.0.0.1:1/nowhere");
        FAIL() << "opened a database on a closed port";
    } catch (const Error& e) {
        std::string message = e.what();
        EXPECT_EQ(e.code(), ErrorCode::internal);
        EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
        EXPECT_NE(message.find("nowhere"), std::string::npos) << message;
        EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
    }
}

TEST(PostgresConnect, MalformedUrlIsAnErrorWithoutThePassword) {
    // libpq quotes the URL part it cannot decode: here, the password.
    try {
        Database::open("postgresql://maillage:s3%zzcret@127.0.0.1:1/nowhere");
        FAIL() << "opened a database with a malformed URL";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::internal);
        EXPECT_EQ(std::string(e.what()).find("s3%zz"), std::string::npos) << e.what();
    }
}

// libpqxx 6.4.5 leaks one PGresult when it finds a connection broken (connection_base::exec
// throws from make_result before owning it): keep that known leak out of sanitizer builds.
struct IgnoringLibpqxxLeaks {
#if defined(__SANITIZE_ADDRESS__)
    IgnoringLibpqxxLeaks() {
        __lsan_disable();
    }
    ~IgnoringLibpqxxLeaks() {
        __lsan_enable();
    }
#endif
};

class PostgresTest : public ::testing::Test {
  protected:
    void SetUp() override {
        fixture_ = testdb::fresh("postgresql");
        if (!fixture_) GTEST_SKIP() << "MAILLAGE_TEST_PG is not set";
    }
    Database& db() { return fixture_->database(); }
    std::unique_ptr<testdb::TestDatabase> fixture_;
};

TEST_F(PostgresTest, QuestionMarkInsideAStringLiteralIsNotAParameter) {
    auto row = db().read([](Connection& c) {
        return c.query("SELECT '?', CAST(? AS TEXT), 'it''s ?'", {std::string("x")})[0];
    });
    EXPECT_EQ(row.text(0), "?");
    EXPECT_EQ(row.text(1), "x");
    EXPECT_EQ(row.text(2), "it's ?");
}

// Whether VACUUM marks the pages all-visible depends on other sessions' snapshots (tests run in
// parallel on one server), so the test checks what it always does: count the rows for the
// planner.
TEST_F(PostgresTest, RefreshAfterBulkLoadGivesThePlannerTheLoadedRows) {
    db().write([](Connection& c) {
        c.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)");
        c.execute("INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 5000) g");
    });
    auto state = [&] {
        return db().read([](Connection& c) {
            return c.query(
                "SELECT relpages, reltuples FROM pg_class WHERE relname = 't' AND "
                "relnamespace = CAST(current_schema() AS regnamespace)")[0];
        });
    };
    auto before = state();
    EXPECT_EQ(before.real(1), -1.0) << "never vacuumed nor analysed: the row count is unknown";
    db().refresh_after_bulk_load({"t"}, Database::kBulkLoadRows - 1);
    EXPECT_EQ(state().real(1), -1.0) << "a load under the bulk threshold leaves the statistics";
    db().refresh_after_bulk_load({"t"}, 5000);
    auto after = state();
    EXPECT_GT(after.integer(0), 0);
    EXPECT_EQ(after.real(1), 5000.0);
}

TEST_F(PostgresTest, NullsBindAsSqlNull) {
    db().write([](Connection& c) {
        c.execute("CREATE TABLE t (a INTEGER, b TEXT, c DOUBLE PRECISION)");
        c.execute("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", {nullptr, nullptr, nullptr});
        c.execute("INSERT INTO t (a, b, c) VALUES (?, ?, ?)",
                  {std::int64_t(0), std::string(), 0.0});
    });
    auto rows = db().read([](Connection& c) {
        return c.query("SELECT a IS NULL, b IS NULL, c IS NULL FROM t ORDER BY a NULLS FIRST");
    });
    ASSERT_EQ(rows.size(), 2u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(rows[0].integer(i), 1) << "column " << i;
        EXPECT_EQ(rows[1].integer(i), 0) << "column " << i << ": zero or empty is not null";
    }
}

TEST_F(PostgresTest, ColumnTypesMapToValues) {
    auto row = db().read([](Connection& c) {
        return c.query(
            "SELECT true, false, CAST(7 AS SMALLINT), 8, CAST(9000000000 AS BIGINT), "
            "CAST(1.25 AS REAL), CAST(2.5 AS DOUBLE PRECISION), CAST(3.75 AS NUMERIC), "
            "CAST('x' AS VARCHAR), CAST(NULL AS INTEGER), DATE '2024-05-01'")[0];
    });
    auto holds_integer = [&](std::size_t i, std::int64_t expected) {
        ASSERT_TRUE(std::holds_alternative<std::int64_t>(row.value(i))) << "column " << i;
        EXPECT_EQ(row.integer(i), expected) << "column " << i;
    };
    auto holds_real = [&](std::size_t i, double expected) {
        ASSERT_TRUE(std::holds_alternative<double>(row.value(i))) << "column " << i;
        EXPECT_DOUBLE_EQ(row.real(i), expected) << "column " << i;
    };
    holds_integer(0, 1);
    holds_integer(1, 0);
    holds_integer(2, 7);
    holds_integer(3, 8);
    holds_integer(4, 9000000000);
    holds_real(5, 1.25);
    holds_real(6, 2.5);
    holds_real(7, 3.75);
    ASSERT_TRUE(std::holds_alternative<std::string>(row.value(8)));
    EXPECT_EQ(row.text(8), "x");
    EXPECT_TRUE(row.is_null(9));
    ASSERT_TRUE(std::holds_alternative<std::string>(row.value(10)));
    EXPECT_EQ(row.text(10), "2024-05-01");
}

TEST_F(PostgresTest, NumbersRoundTripExactly) {
    db().write([](Connection& c) {
        c.execute("CREATE TABLE n (i BIGINT, d DOUBLE PRECISION)");
        c.execute("INSERT INTO n VALUES (?, ?)", {std::int64_t(9007199254740993), 0.1});
        c.execute("INSERT INTO n VALUES (?, ?)", {std::int64_t(-1), 1e300});
    });
    auto rows =
        db().read([](Connection& c) { return c.query("SELECT i, d FROM n ORDER BY i DESC"); });
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].integer(0), 9007199254740993);
    EXPECT_EQ(rows[0].real(1), 0.1);  // exactly, not nearly
    EXPECT_EQ(rows[1].real(1), 1e300);
}

TEST_F(PostgresTest, ConstraintViolationsMapToErrorCodes) {
    db().write([](Connection& c) {
        c.execute("CREATE TABLE u (k TEXT PRIMARY KEY, v INTEGER NOT NULL CHECK (v > 0))");
        c.execute("INSERT INTO u VALUES ('a', 1)");
    });
    auto code_of = [&](const std::string& sql) {
        try {
            db().write([&](Connection& c) { c.execute(sql); });
        } catch (const Error& e) {
            return e.code();
        }
        ADD_FAILURE() << "no error from " << sql;
        return ErrorCode::internal;
    };
    EXPECT_EQ(code_of("INSERT INTO u VALUES ('a', 2)"), ErrorCode::conflict);
    EXPECT_EQ(code_of("INSERT INTO u VALUES ('b', NULL)"), ErrorCode::invalid_input);
    EXPECT_EQ(code_of("INSERT INTO u VALUES ('b', -1)"), ErrorCode::invalid_input);
    EXPECT_EQ(code_of("INSERT INTO nowhere VALUES (1)"), ErrorCode::internal);
}

TEST_F(PostgresTest, CommitAfterACaughtErrorFailsAndWritesNothing) {
    db().write([](Connection& c) { c.execute("CREATE TABLE w (k INTEGER PRIMARY KEY)"); });
    try {
        db().write([](Connection& c) {
            c.execute("INSERT INTO w VALUES (1)");
            try {
                c.execute("INSERT INTO w VALUES (1)");
            } catch (const Error&) {
                // Going on is fine on SQLite; PostgreSQL has aborted the transaction.
            }
        });
        FAIL() << "the transaction claimed to commit";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::internal);
    }
    auto count =
        db().read([](Connection& c) { return c.query("SELECT COUNT(*) FROM w")[0].integer(0); });
    EXPECT_EQ(count, 0);
}

TEST_F(PostgresTest, ReadTransactionsCannotWrite) {
    db().write([](Connection& c) { c.execute("CREATE TABLE r (k INTEGER)"); });
    EXPECT_THROW(db().read([](Connection& c) { c.execute("INSERT INTO r VALUES (1)"); }), Error);
    auto count =
        db().read([](Connection& c) { return c.query("SELECT COUNT(*) FROM r")[0].integer(0); });
    EXPECT_EQ(count, 0);
}

TEST_F(PostgresTest, TextWithANulCharacterIsRefused) {
    try {
        db().read(
            [](Connection& c) { c.query("SELECT CAST(? AS TEXT)", {std::string("a\0b", 3)}); });
        FAIL() << "a NUL character went through";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    }
}

TEST_F(PostgresTest, PoolRecoversWhenTheServerDropsAnIdleConnection) {
    auto backend = [&] {
        return db()
            .read([](Connection& c) { return c.query("SELECT pg_backend_pid()")[0]; })
            .integer(0);
    };
    std::int64_t before = backend();
    auto other = Database::open(db().url(), 1);
    other->write([&](Connection& c) { c.query("SELECT pg_terminate_backend(?)", {before}); });
    // The same statement again: it must be prepared anew on the new session.
    std::int64_t after = 0;
    {
        [[maybe_unused]] IgnoringLibpqxxLeaks known_leak;
        ASSERT_NO_THROW(after = backend());
    }
    EXPECT_NE(after, before);
}

TEST_F(PostgresTest, ManyDistinctStatementsStillRunOnceTheCacheIsFull) {
    auto sum = db().read([](Connection& c) {
        std::int64_t total = 0;
        for (int i = 0; i < 1100; ++i)
            total +=
                c.query("SELECT CAST(? AS INTEGER) + " + std::to_string(i), {std::int64_t(1)})[0]
                    .integer(0);
        return total;
    });
    EXPECT_EQ(sum, 1100 + 1100 * 1099 / 2);
}
