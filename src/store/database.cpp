#include "store/database.hpp"

#include "core/error.hpp"

namespace maillage::store {

namespace {
[[noreturn]] void type_error(std::size_t i, const char* expected) {
    throw Error(ErrorCode::internal,
                "column " + std::to_string(i) + " is not " + expected + " as expected");
}
}  // namespace

bool Row::is_null(std::size_t i) const {
    return std::holds_alternative<std::nullptr_t>(values_.at(i));
}

std::int64_t Row::integer(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<std::int64_t>(&v)) return *p;
    if (auto s = std::get_if<std::string>(&v)) return std::stoll(*s);
    if (auto d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    type_error(i, "an integer");
}

double Row::real(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto d = std::get_if<double>(&v)) return *d;
    if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
    if (auto s = std::get_if<std::string>(&v)) return std::stod(*s);
    type_error(i, "a number");
}

std::string Row::text(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto s = std::get_if<std::string>(&v)) return *s;
    if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
    if (auto d = std::get_if<double>(&v)) return std::to_string(*d);
    type_error(i, "text");
}

std::string Row::take_text(std::size_t i) {
    if (auto s = std::get_if<std::string>(&values_.at(i))) return std::move(*s);
    return text(i);
}

std::optional<std::string> Row::take_optional_text(std::size_t i) {
    if (is_null(i)) return std::nullopt;
    return take_text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return integer(i);
}
std::optional<double> Row::optional_real(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return real(i);
}
std::optional<std::string> Row::optional_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t max_connections) {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return open_postgresql(url, max_connections);
    return open_sqlite(url, max_connections);
}

Database::Database(Dialect dialect, std::string url, std::size_t max_connections)
    : dialect_(dialect),
      url_(std::move(url)),
      max_connections_(max_connections ? max_connections : 1) {}

Database::~Database() = default;

void Database::refresh_after_bulk_load(const std::vector<std::string>& tables,
                                       std::int64_t rows_written) {
    if (dialect_ != Dialect::postgresql || tables.empty() || rows_written < kBulkLoadRows) return;
    std::string sql = "VACUUM (ANALYZE)";
    for (std::size_t i = 0; i < tables.size(); ++i) sql += (i ? ", " : " ") + tables[i];
    auto connection = acquire();
    try {
        connection->execute_script(sql);  // no BEGIN was sent: VACUUM cannot run in one
    } catch (...) {
        release(std::move(connection), false);
        throw;
    }
    release(std::move(connection), true);
}

std::unique_ptr<Connection> Database::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
    }
    ++open_;
    lock.unlock();
    try {
        return connect();
    } catch (...) {
        std::lock_guard relock(mutex_);
        --open_;
        available_.notify_one();
        throw;
    }
}

void Database::release(std::unique_ptr<Connection> connection, bool healthy) {
    std::lock_guard lock(mutex_);
    if (healthy)
        idle_.push_back(std::move(connection));
    else
        --open_;
    available_.notify_one();
}

}  // namespace maillage::store
