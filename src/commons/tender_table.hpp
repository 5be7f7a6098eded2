#pragma once
// Tenders and consortium members as table rows, for imports: one row per member, the tender's
// columns on the first row of its reference (later rows may repeat them, identically).
#include <optional>
#include <string>
#include <vector>

#include "commons/model.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "io/table_reader.hpp"

namespace maillage::commons {

const std::vector<std::string>& table_columns();

struct ImportedMember {
    std::int64_t line = 0;
    std::optional<std::int64_t> actor_id;  // member_id column
    std::optional<std::string> siret;      // member_siret column
    MemberInput input;
};

struct ImportedTender {
    std::int64_t line = 0;  // the first line of its reference
    std::int64_t rows = 0;
    TenderInput input;
    std::optional<std::string> buyer_siret;
    std::vector<ImportedMember> members;
};

// Reads every row, grouping them by tender_reference in the order of the file. Unparsable
// cells, unknown columns and rows disagreeing with their tender's first row are problems.
std::vector<ImportedTender> read_tender_table(io::TableReader& reader,
                                              std::vector<LineProblem>& problems,
                                              Progress& progress);

}  // namespace maillage::commons
