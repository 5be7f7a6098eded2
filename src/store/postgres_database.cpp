// PostgreSQL backend (libpqxx 6.4). Every statement runs through a pqxx::nontransaction and
// the transaction itself is plain SQL (BEGIN ... COMMIT), because the Connection interface
// opens and closes transactions in separate calls, which libpqxx's transaction objects cannot
// span. Statements are prepared once per connection, keyed by their portable SQL.
#include <pqxx/pqxx>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/postgres_sql.hpp"

namespace maillage::store {
namespace {

// Beyond this many distinct statements on one connection (SQL built on the fly), the rest run
// unprepared instead of growing the server's memory without bound.
constexpr std::size_t kMaxPreparedStatements = 1000;

// Type OIDs from pg_type, fixed since PostgreSQL 7.
constexpr pqxx::oid kBoolOid = 16;
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;
constexpr pqxx::oid kFloat4Oid = 700;
constexpr pqxx::oid kFloat8Oid = 701;
constexpr pqxx::oid kNumericOid = 1700;

// libpq messages end with newlines and put DETAIL on a line of its own: make them one line.
std::string one_line(std::string_view message) {
    constexpr std::string_view prefix = "ERROR:  ";
    if (message.starts_with(prefix)) message.remove_prefix(prefix.size());
    std::string line;
    for (char c : message) {
        bool blank = c == ' ' || c == '\n' || c == '\t';
        if (!blank)
            line += c;
        else if (!line.empty() && line.back() != ' ')
            line += ' ';
    }
    if (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

Error error_from(const pqxx::sql_error& error, std::string_view sql) {
    std::string message = one_line(error.what());
    const std::string& state = error.sqlstate();
    if (state == "23505") return Error(ErrorCode::conflict, "already exists (" + message + ")");
    if (state.starts_with("23")) return Error(ErrorCode::invalid_input, message);
    return Error(ErrorCode::internal, "PostgreSQL: " + message + " in: " + std::string(sql));
}

// Runs `work`, turning libpqxx's exceptions into the platform's errors.
template <class Work>
auto translating_errors(std::string_view sql, Work&& work) {
    try {
        return work();
    } catch (const pqxx::sql_error& e) {
        throw error_from(e, sql);
    } catch (const pqxx::pqxx_exception& e) {
        throw Error(ErrorCode::internal,
                    "PostgreSQL: " + one_line(e.base().what()) + " in: " + std::string(sql));
    }
}

std::unique_ptr<pqxx::connection> open_session(const std::string& url) {
    try {
        auto session = std::make_unique<pqxx::connection>(url);
        // Otherwise libpqxx silently reconnects a broken connection, and the rest of a
        // transaction would then run in autocommit on the new session.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        session->inhibit_reactivation(true);
#pragma GCC diagnostic pop
        return session;
    } catch (const std::exception& e) {
        throw Error(ErrorCode::internal, "cannot connect to PostgreSQL at " +
                                             postgres::without_password(url) + ": " +
                                             postgres::hide_password(one_line(e.what()), url));
    }
}

std::string real_text(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
    return std::string(buffer, result.ptr);
}

std::optional<std::string> parameter_text(const Value& value) {
    return std::visit(
        [](const auto& v) -> std::optional<std::string> {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
                return std::nullopt;
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>)
                return real_text(v);
            else if (v.find('\0') != std::string::npos)
                // libpq passes text parameters as C strings: it would silently cut here.
                throw Error(ErrorCode::invalid_input, "text contains a NUL character");
            else
                return v;
        },
        value);
}

// Statement parameters in libpq's text format, where a null pointer is SQL NULL.
class TextParameters {
  public:
    explicit TextParameters(const Params& params) {
        texts_.reserve(params.size());
        for (const auto& value : params) texts_.push_back(parameter_text(value));
        pointers_.reserve(texts_.size());
        for (const auto& text : texts_) pointers_.push_back(text ? text->c_str() : nullptr);
    }
    auto dynamic() const { return pqxx::prepare::make_dynamic_params(pointers_); }

  private:
    std::vector<std::optional<std::string>> texts_;
    std::vector<const char*> pointers_;
};

enum class ColumnKind { integer, real, boolean, text };

ColumnKind kind_of(pqxx::oid type) {
    switch (type) {
        case kInt8Oid:
        case kInt2Oid:
        case kInt4Oid:
            return ColumnKind::integer;
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid:
            return ColumnKind::real;
        case kBoolOid:
            return ColumnKind::boolean;
        default:
            return ColumnKind::text;
    }
}

template <class Number>
Number parse_number(std::string_view text) {
    Number number{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
        throw Error(ErrorCode::internal,
                    "PostgreSQL returned \"" + std::string(text) + "\" for a number");
    return number;
}

Value value_of(const pqxx::field& field, ColumnKind kind) {
    if (field.is_null()) return nullptr;
    std::string_view text(field.c_str(), field.size());
    switch (kind) {
        case ColumnKind::integer:
            return parse_number<std::int64_t>(text);
        case ColumnKind::real:
            return parse_number<double>(text);
        case ColumnKind::boolean:
            return std::int64_t(text == "t" ? 1 : 0);
        case ColumnKind::text:
            break;
    }
    return std::string(text);
}

std::vector<Row> rows_of(const pqxx::result& result) {
    std::vector<ColumnKind> kinds;
    for (pqxx::row::size_type c = 0; c < result.columns(); ++c)
        kinds.push_back(kind_of(result.column_type(c)));
    std::vector<Row> rows;
    rows.reserve(result.size());
    for (const auto& row : result) {
        std::vector<Value> values;
        values.reserve(kinds.size());
        for (std::size_t c = 0; c < kinds.size(); ++c)
            values.push_back(value_of(row[pqxx::row::size_type(c)], kinds[c]));
        rows.emplace_back(std::move(values));
    }
    return rows;
}

// Lets the statement cache look up a string_view without building a string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        return std::hash<std::string_view>{}(text);
    }
};

class PostgresConnection final : public Connection {
  public:
    explicit PostgresConnection(std::string url)
        : url_(std::move(url)), session_(open_session(url_)) {}

    Dialect dialect() const override { return Dialect::postgresql; }

    std::vector<Row> query(std::string_view sql, const Params& params) override {
        return rows_of(run(sql, params));
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        return std::int64_t(run(sql, params).affected_rows());
    }

    void execute_script(std::string_view sql) override {
        guarded(sql, [&] { run_plain(std::string(sql)); });
    }

    void begin_write() override { begin("BEGIN ISOLATION LEVEL READ COMMITTED"); }

    // REPEATABLE READ gives the whole transaction one snapshot, as Database::read promises;
    // read-only, it never fails to serialise.
    void begin_read() override { begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

    void commit() override {
        // PostgreSQL aborts a transaction at its first failed statement and would answer
        // COMMIT with a silent rollback: when the caller went on after such an error, say so.
        if (statement_failed_) {
            rollback();
            throw Error(ErrorCode::internal,
                        "PostgreSQL rolled the transaction back: one of its statements failed");
        }
        in_transaction_ = false;
        guarded("COMMIT", [&] { run_plain("COMMIT"); });
    }

    void rollback() override {
        if (!in_transaction_) return;
        in_transaction_ = false;
        guarded("ROLLBACK", [&] { run_plain("ROLLBACK"); });
    }

  private:
    void begin(const char* sql) {
        guarded(sql, [&] {
            try {
                run_plain(sql);
            } catch (const pqxx::broken_connection&) {
                // No transaction is open yet, so a new session loses nothing: this heals the
                // pool after a server restart instead of failing a request per old connection.
                reopen();
                run_plain(sql);
            }
        });
        in_transaction_ = true;
        statement_failed_ = false;
    }

    // Runs `work`, turning libpqxx's exceptions into the platform's errors, and remembers
    // that a statement failed.
    template <class Work>
    std::invoke_result_t<Work&> guarded(std::string_view sql, Work&& work) {
        try {
            return translating_errors(sql, std::forward<Work>(work));
        } catch (const Error&) {
            statement_failed_ = true;
            throw;
        }
    }

    void reopen() {
        session_ = open_session(url_);
        prepared_.clear();  // they lived in the old session
    }

    // Runs SQL without parameters, possibly several statements.
    void run_plain(const std::string& sql) {
        pqxx::nontransaction statement(*session_);
        statement.exec(sql);
    }

    pqxx::result run(std::string_view sql, const Params& params) {
        TextParameters parameters(params);
        return guarded(sql, [&] {
            pqxx::nontransaction statement(*session_);
            if (const std::string* name = prepared_name(sql))
                return statement.exec_prepared(*name, parameters.dynamic());
            return statement.exec_params(postgres::numbered_placeholders(sql),
                                         parameters.dynamic());
        });
    }

    // The name of `sql` prepared on this connection (libpqxx sends it to the server on first
    // use), or null when the cache is full.
    const std::string* prepared_name(std::string_view sql) {
        if (auto found = prepared_.find(sql); found != prepared_.end()) return &found->second;
        if (prepared_.size() >= kMaxPreparedStatements) return nullptr;
        std::string name = "maillage_" + std::to_string(prepared_.size() + 1);
        session_->prepare(name, postgres::numbered_placeholders(sql));
        return &prepared_.emplace(std::string(sql), std::move(name)).first->second;
    }

    std::string url_;
    std::unique_ptr<pqxx::connection> session_;
    bool in_transaction_ = false;
    bool statement_failed_ = false;  // in the current transaction
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> prepared_;
};

class PostgresDatabase final : public Database {
  public:
    PostgresDatabase(const std::string& url, std::size_t max_connections)
        : Database(Dialect::postgresql, url, max_connections) {}

  protected:
    std::unique_ptr<Connection> connect() override {
        return std::make_unique<PostgresConnection>(url());
    }
};

}  // namespace

std::unique_ptr<Database> open_postgresql(const std::string& url, std::size_t max_connections) {
    auto database = std::make_unique<PostgresDatabase>(url, max_connections);
    // Open one connection now so that a bad URL fails at start, not at the first request.
    database->read([](Connection&) {});
    return database;
}

}  // namespace maillage::store
