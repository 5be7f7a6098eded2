#pragma once
// Actors as table rows: the columns of imports and exports are the same, so an export can
// be edited in a spreadsheet and imported back.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/model.hpp"
#include "core/error.hpp"

namespace maillage::actors {

const std::vector<std::string>& table_columns();

// Maps header names to column positions; unknown or duplicate columns and missing required
// ones are reported as problems on line 1.
class ColumnMap {
  public:
    ColumnMap(const std::vector<std::string>& header, std::vector<LineProblem>& problems);
    // Builds an input from a row, adding a problem for each unparsable cell.
    ActorInput read(const std::vector<std::string>& cells, std::int64_t line,
                    std::vector<LineProblem>& problems) const;

  private:
    std::optional<std::string> cell(const std::vector<std::string>& cells,
                                    std::string_view column) const;
    std::map<std::string, std::size_t, std::less<>> position_;
};

std::vector<std::string> to_row(const Actor& actor);

}  // namespace maillage::actors
