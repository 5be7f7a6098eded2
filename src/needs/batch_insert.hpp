#pragma once
// Multi-row INSERTs for bulk writes: rows are buffered and sent a few hundred at a time, with
// one statement text per batch size, so that both backends prepare it once and the per-row
// cost is binding, not parsing (the actors import spends most of its time in per-statement
// overhead). A helper of general use that could move to src/store.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace maillage::needs {

// "?, ?, ?" for an IN list of n values.
std::string placeholders(std::size_t n);
// A LIKE pattern matching `text` anywhere, lower-cased (compare with LOWER(column)).
std::string contains_pattern(const std::string& text);

class BatchInsert {
  public:
    // A `parent` is flushed before this batch, for rows that reference the parent's rows.
    BatchInsert(store::Connection& connection, std::string table, std::vector<std::string> columns,
                BatchInsert* parent = nullptr);
    // `row` has one value per column.
    void add(store::Params row);
    // Sends what is buffered; call it before the transaction commits (the destructor does not,
    // since it may not throw).
    void flush();
    std::size_t rows_written() const { return written_; }

  private:
    std::string statement(std::size_t rows) const;
    const std::string& piece_statement(std::size_t rows);  // rows: a power of two
    store::Connection& connection_;
    BatchInsert* parent_ = nullptr;
    std::string table_;
    std::vector<std::string> columns_;
    std::size_t rows_per_statement_;
    store::Params pending_;
    std::size_t pending_rows_ = 0;
    std::size_t written_ = 0;
    std::string full_statement_;
    std::array<std::string, 16> piece_statements_;  // by log2 of their rows
};

}  // namespace maillage::needs
