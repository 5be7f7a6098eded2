#pragma once
// Intake records as table rows: the documented import columns (docs/needs.md), read from CSV,
// XLSX or JSON rows alike, and written back the same way so that an export can be edited and
// imported again.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "needs/model.hpp"

namespace maillage::needs {

// Every column, in export order.
const std::vector<std::string>& record_columns();
// The columns a CSV or XLSX file must have (their cells may be empty).
const std::vector<std::string>& required_record_columns();

// Maps header names to positions; unknown, duplicate and missing columns, and columns that
// would carry a person's identity (name, e-mail, phone…), are reported on line 1.
class RecordColumns {
  public:
    RecordColumns(const std::vector<std::string>& header, std::vector<LineProblem>& problems,
                  bool require_all = true);
    RecordInput read(const std::vector<std::string>& cells) const;

  private:
    std::string cell(const std::vector<std::string>& cells, const char* column) const;
    std::map<std::string, std::size_t> position_;
};

// Why a column (or a JSON field) is refused, or "" when it is one of record_columns().
std::string column_problem(const std::string& name);

// Splits a list cell ("rsa|disability", "I, G", "cuisine; conduite").
std::vector<std::string> split_list(const std::string& cell);

std::vector<std::string> to_row(const RecordInput& record);

}  // namespace maillage::needs
