#pragma once
// A bulk write's code rows, held until the end of the write and then inserted in needs_codes'
// key order (pole, kind, code, record): each insert appends at the end of its code's range
// instead of landing at a random place, and the table's only secondary index (by record) is
// built once, on integer keys (bench/needs/README.md, "Fourth session").
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "needs/model.hpp"
#include "store/database.hpp"

namespace maillage::needs::storage {

class CodeRows {
  public:
    // Adds the codes of the record `record` (an id, or a position the caller numbers later).
    void add(std::int64_t record, std::vector<RecordCode>&& codes);
    // Moves `other`'s rows here, adding `first_record` to their records.
    void append(CodeRows&& other, std::int64_t first_record);
    // Inserts every row, in key order, and empties the collection.
    void write(store::Connection& c, std::int64_t pole_id);
    std::size_t size() const { return size_; }

  private:
    struct Row {
        std::int64_t record = 0;
        std::string matched;
        std::optional<std::string> correction;
        bool declared = false, effective = false;
    };
    // By (kind, code) as SQLite orders them (byte order, as std::string's operator<).
    std::map<std::pair<std::string, std::string>, std::vector<Row>> by_code_;
    std::size_t size_ = 0;
};

}  // namespace maillage::needs::storage
