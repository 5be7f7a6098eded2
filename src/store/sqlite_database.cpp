// SQLite backend: WAL, foreign keys on every connection, BEGIN IMMEDIATE for writes,
// a busy timeout, and prepared statements cached per connection.
#include <sqlite3.h>

#include <unordered_map>

#include "core/error.hpp"
#include "store/database.hpp"

namespace maillage::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(const std::string& path) {
        int rc = sqlite3_open_v2(path.c_str(), &db_,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
        if (rc != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw Error(ErrorCode::internal,
                        "cannot open SQLite database " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
        execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            "PRAGMA temp_store=MEMORY;");
    }

    ~SqliteConnection() override {
        for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
        sqlite3_close(db_);
    }

    Dialect dialect() const override { return Dialect::sqlite; }

    std::vector<Row> query(std::string_view sql, const Params& params) override {
        sqlite3_stmt* statement = prepare(sql, params);
        std::vector<Row> rows;
        int columns = sqlite3_column_count(statement);
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            std::vector<Value> values;
            values.reserve(columns);
            for (int c = 0; c < columns; ++c) values.push_back(column(statement, c));
            rows.emplace_back(std::move(values));
        }
        finish(statement, rc, sql);
        return rows;
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        sqlite3_stmt* statement = prepare(sql, params);
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        }
        finish(statement, rc, sql);
        return sqlite3_changes64(db_);
    }

    void execute_script(std::string_view sql) override {
        char* message = nullptr;
        std::string owned(sql);
        if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            throw Error(ErrorCode::internal, "SQLite: " + text);
        }
    }

    // Prepared once like any statement: sqlite3_exec would parse them for every transaction.
    void begin_write() override { execute("BEGIN IMMEDIATE", {}); }
    // foreign_keys can only change outside a transaction, so it is turned off just before
    // BEGIN and on again as soon as the transaction has ended, however it ends.
    void begin_unchecked_write() override {
        execute_script("PRAGMA foreign_keys=OFF");
        unchecked_ = true;
        try {
            begin_write();
        } catch (...) {
            check_foreign_keys_again();
            throw;
        }
    }
    void begin_read() override { execute("BEGIN", {}); }
    void commit() override {
        execute("COMMIT", {});
        check_foreign_keys_again();
    }
    void rollback() override {
        if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
        check_foreign_keys_again();
    }

  private:
    // If this throws, the transaction's rollback() tries again, and the pool drops the
    // connection if that fails too: no connection goes back unchecked.
    void check_foreign_keys_again() {
        if (!unchecked_) return;
        execute_script("PRAGMA foreign_keys=ON");
        unchecked_ = false;
    }

    sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
        auto it = statements_.find(std::string(sql));
        sqlite3_stmt* statement;
        if (it != statements_.end()) {
            statement = it->second;
        } else {
            if (sqlite3_prepare_v3(db_, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                   &statement, nullptr) != SQLITE_OK)
                throw Error(ErrorCode::internal, std::string("SQLite prepare: ") +
                                                     sqlite3_errmsg(db_) +
                                                     " in: " + std::string(sql));
            statements_.emplace(std::string(sql), statement);
        }
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        for (std::size_t i = 0; i < params.size(); ++i) bind(statement, int(i + 1), params[i]);
        return statement;
    }

    static void bind(sqlite3_stmt* statement, int index, const Value& value) {
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>)
                    sqlite3_bind_null(statement, index);
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    sqlite3_bind_int64(statement, index, v);
                else if constexpr (std::is_same_v<T, double>)
                    sqlite3_bind_double(statement, index, v);
                else  // not copied: `params` outlives the step, and finish() unbinds
                    sqlite3_bind_text(statement, index, v.data(), int(v.size()), SQLITE_STATIC);
            },
            value);
    }

    static Value column(sqlite3_stmt* statement, int c) {
        switch (sqlite3_column_type(statement, c)) {
            case SQLITE_INTEGER:
                return std::int64_t(sqlite3_column_int64(statement, c));
            case SQLITE_FLOAT:
                return sqlite3_column_double(statement, c);
            case SQLITE_NULL:
                return nullptr;
            default: {
                auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
                return std::string(text, std::size_t(sqlite3_column_bytes(statement, c)));
            }
        }
    }

    // Resets the statement and drops its bindings, which point into the caller's parameters.
    void finish(sqlite3_stmt* statement, int rc, std::string_view sql) {
        if (rc == SQLITE_DONE) {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
            return;
        }
        std::string message = sqlite3_errmsg(db_);
        int extended = sqlite3_extended_errcode(db_);
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        if ((extended & 0xff) == SQLITE_CONSTRAINT) {
            bool unique =
                extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY;
            throw Error(unique ? ErrorCode::conflict : ErrorCode::invalid_input,
                        unique ? "already exists (" + message + ")" : message);
        }
        throw Error(ErrorCode::internal, "SQLite: " + message + " in: " + std::string(sql));
    }

    sqlite3* db_ = nullptr;
    bool unchecked_ = false;  // foreign_keys is off for the current transaction
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
  public:
    SqliteDatabase(const std::string& path, std::size_t max_connections)
        : Database(Dialect::sqlite, path, max_connections), path_(path) {}

  protected:
    std::unique_ptr<Connection> connect() override {
        return std::make_unique<SqliteConnection>(path_);
    }

  private:
    std::string path_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, std::size_t max_connections) {
    // SQLite counts its allocations under one process-wide mutex unless told not to: a lock
    // per allocation, shared by every connection. Only possible before SQLite initialises;
    // if something initialised it already, the counting stays (SQLITE_MISUSE is ignored).
    static const int uncounted = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)uncounted;
    auto database = std::make_unique<SqliteDatabase>(path, max_connections);
    // Open one connection now so that a bad path fails at start, not at the first request.
    database->read([](Connection&) {});
    return database;
}

}  // namespace maillage::store
