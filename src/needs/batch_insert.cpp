#include "needs/batch_insert.hpp"

#include <algorithm>
#include <bit>
#include <iterator>

#include "core/error.hpp"

namespace maillage::needs {
namespace {

// SQLite allows 32,766 bound parameters per statement (since 3.32), PostgreSQL 65,535; a few
// hundred rows per statement already make the per-statement cost negligible.
constexpr std::size_t kMaxParameters = 30000;
constexpr std::size_t kMaxRows = 400;

}  // namespace

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

std::string contains_pattern(const std::string& text) {
    std::string lowered;
    for (char c : text) lowered.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    return "%" + lowered + "%";
}

BatchInsert::BatchInsert(store::Connection& connection, std::string table,
                         std::vector<std::string> columns, BatchInsert* parent)
    : connection_(connection),
      parent_(parent),
      table_(std::move(table)),
      columns_(std::move(columns)),
      rows_per_statement_(
          std::max<std::size_t>(1, std::min(kMaxRows, kMaxParameters / columns_.size()))) {
    full_statement_ = statement(rows_per_statement_);
    pending_.reserve(rows_per_statement_ * columns_.size());
}

std::string BatchInsert::statement(std::size_t rows) const {
    std::string sql = "INSERT INTO " + table_ + " (";
    std::string tuple = "(";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        sql += (i ? ", " : "") + columns_[i];
        tuple += i ? ", ?" : "?";
    }
    tuple += ")";
    sql += ") VALUES ";
    sql.reserve(sql.size() + rows * (tuple.size() + 2));
    for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + tuple;
    return sql;
}

void BatchInsert::add(store::Params row) {
    if (row.size() != columns_.size())
        throw Error(ErrorCode::internal, "BatchInsert into " + table_ + ": wrong number of values");
    for (auto& v : row) pending_.push_back(std::move(v));
    if (++pending_rows_ == rows_per_statement_) flush();
}

// A partial batch goes out in pieces of 256, 128, ..., 1 rows: each connection then prepares
// at most nine statement texts per table, once, instead of one per remainder (a member writer
// flushes its parent's groups at every one of its own flushes: at 20,000 records that was 50
// distinct group statements of up to 400 rows, 180 M instructions of SQLite parsing).
void BatchInsert::flush() {
    if (pending_rows_ == 0) return;
    if (parent_) parent_->flush();
    if (pending_rows_ == rows_per_statement_) {
        connection_.execute(full_statement_, pending_);
    } else {
        std::size_t sent = 0;
        store::Params piece;
        for (std::size_t size = std::bit_floor(pending_rows_); size > 0; size /= 2) {
            if ((pending_rows_ - sent) < size) continue;
            auto first = pending_.begin() + std::ptrdiff_t(sent * columns_.size());
            piece.assign(std::make_move_iterator(first),
                         std::make_move_iterator(first + std::ptrdiff_t(size * columns_.size())));
            connection_.execute(piece_statement(size), piece);
            sent += size;
        }
    }
    written_ += pending_rows_;
    pending_.clear();
    pending_rows_ = 0;
}

const std::string& BatchInsert::piece_statement(std::size_t rows) {
    auto& sql = piece_statements_[std::size_t(std::countr_zero(rows))];
    if (sql.empty()) sql = statement(rows);
    return sql;
}

}  // namespace maillage::needs
