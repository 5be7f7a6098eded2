#pragma once
// The one storage interface. Repositories write portable SQL with `?` placeholders and
// run it on a Connection; the SQLite and PostgreSQL backends differ only below this line.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace maillage::store {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

template <class T>
Value nullable(const std::optional<T>& v) {
    if (!v) return nullptr;
    if constexpr (std::is_same_v<T, bool>)
        return std::int64_t(*v ? 1 : 0);
    else if constexpr (std::is_integral_v<T>)
        return std::int64_t(*v);
    else
        return Value(*v);
}

class Row {
  public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool is_null(std::size_t i) const;
    std::int64_t integer(std::size_t i) const;
    double real(std::size_t i) const;
    std::string text(std::size_t i) const;
    std::optional<std::int64_t> optional_integer(std::size_t i) const;
    std::optional<double> optional_real(std::size_t i) const;
    std::optional<std::string> optional_text(std::size_t i) const;
    // As text() and optional_text(), moving the value out of the row (which keeps an empty
    // string): for rows read once into larger structures.
    std::string take_text(std::size_t i);
    std::optional<std::string> take_optional_text(std::size_t i);
    const Value& value(std::size_t i) const { return values_.at(i); }

  private:
    std::vector<Value> values_;
};

enum class Dialect { sqlite, postgresql };

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;
    // Runs one statement and returns its rows (use RETURNING to read generated ids).
    virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
    // Runs one statement and returns the number of rows it changed.
    virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
    // Runs several statements without parameters (migrations).
    virtual void execute_script(std::string_view sql) = 0;
    virtual void begin_write() = 0;
    // A write transaction in which the database does not check foreign keys (see
    // Database::write_unchecked). Backends that cannot turn the checks off begin_write().
    virtual void begin_unchecked_write() { begin_write(); }
    virtual void begin_read() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
};

// A pool of connections to one database, handed out one per running transaction.
class Database {
  public:
    // `url` is "postgresql://..." (or "postgres://...") for PostgreSQL, else a SQLite file path.
    static std::unique_ptr<Database> open(const std::string& url, std::size_t max_connections = 16);
    virtual ~Database();

    Dialect dialect() const { return dialect_; }
    const std::string& url() const { return url_; }

    // Runs `work(Connection&)` in a write transaction (SQLite: BEGIN IMMEDIATE). Commits when
    // it returns, rolls back when it throws: nothing is ever half-written.
    template <class F>
    auto write(F&& work) {
        return in_transaction(Mode::write, std::forward<F>(work));
    }
    // As write(), but foreign keys are not checked statement by statement (SQLite: the
    // connection's foreign_keys is off until the transaction ends; PostgreSQL checks them as
    // usual). For bulk writes whose every reference holds by construction: each row they write
    // refers only to rows written or read in the same transaction. The caller says how.
    template <class F>
    auto write_unchecked(F&& work) {
        return in_transaction(Mode::unchecked_write, std::forward<F>(work));
    }
    // Runs `work(Connection&)` in a read transaction (one consistent snapshot).
    template <class F>
    auto read(F&& work) {
        return in_transaction(Mode::read, std::forward<F>(work));
    }

    // After a load that wrote `rows_written` rows into `tables`, brings the planner up to date
    // when the load was a bulk one (kBulkLoadRows or more). PostgreSQL: VACUUM (ANALYZE),
    // outside any transaction. The statistics then describe the new rows, which autovacuum
    // would only notice on its next round (up to a minute later), and the visibility map lets
    // the covering indexes answer index-only (bench/README.md, "Sixth session", has the
    // figures). SQLite: nothing; its planner needs no statistics for these queries.
    static constexpr std::int64_t kBulkLoadRows = 1000;
    void refresh_after_bulk_load(const std::vector<std::string>& tables,
                                 std::int64_t rows_written);

  protected:
    Database(Dialect dialect, std::string url, std::size_t max_connections);
    virtual std::unique_ptr<Connection> connect() = 0;

  private:
    enum class Mode { read, write, unchecked_write };
    std::unique_ptr<Connection> acquire();
    void release(std::unique_ptr<Connection> connection, bool healthy);

    template <class F>
    auto in_transaction(Mode mode, F&& work) {
        auto connection = acquire();
        bool healthy = true;
        try {
            if (mode == Mode::read)
                connection->begin_read();
            else if (mode == Mode::write)
                connection->begin_write();
            else
                connection->begin_unchecked_write();
        } catch (...) {
            release(std::move(connection), false);
            throw;
        }
        try {
            if constexpr (std::is_void_v<decltype(work(*connection))>) {
                work(*connection);
                connection->commit();
                release(std::move(connection), true);
            } else {
                auto result = work(*connection);
                connection->commit();
                release(std::move(connection), true);
                return result;
            }
        } catch (...) {
            try {
                if (connection) connection->rollback();
            } catch (...) {
                healthy = false;
            }
            if (connection) release(std::move(connection), healthy);
            throw;
        }
    }

    Dialect dialect_;
    std::string url_;
    std::size_t max_connections_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t open_ = 0;
};

// Backend factories, defined in sqlite_database.cpp and postgres_database.cpp.
std::unique_ptr<Database> open_sqlite(const std::string& path, std::size_t max_connections);
std::unique_ptr<Database> open_postgresql(const std::string& url, std::size_t max_connections);

}  // namespace maillage::store
