#include "commons/tender_table.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/text.hpp"

namespace maillage::commons {

namespace {

// Columns describing the tender, in the order of table_columns(); the member's follow.
const std::vector<std::string> kTenderColumns = {
    "tender_reference", "title",        "buyer",          "buyer_siret",
    "procedure",        "published_on", "deadline_on",    "estimated_amount",
    "status",           "awarded_on",   "contract_start", "contract_end"};
const std::vector<std::string> kMemberColumns = {"member_siret", "member_id", "role",
                                                 "share_percent", "insertion_hours_committed"};

class Cells {
  public:
    Cells(const std::map<std::string, std::size_t>& position, const io::TableRow& row,
          std::vector<LineProblem>& problems)
        : position_(position), row_(row), problems_(problems) {}

    std::optional<std::string> text(const std::string& column) const {
        auto it = position_.find(column);
        if (it == position_.end() || it->second >= row_.cells.size()) return std::nullopt;
        auto value = text::trim(row_.cells[it->second]);
        if (value.empty()) return std::nullopt;
        return value;
    }

    // Decimal numbers in either notation: "1234.5" or the French "1 234,5".
    std::optional<double> number(const std::string& column) const {
        auto value = text(column);
        if (!value) return std::nullopt;
        std::string clean;
        for (char ch : *value)
            if (ch != ' ') clean += ch == ',' ? '.' : ch;
        double out = 0;
        auto [end, error] = std::from_chars(clean.data(), clean.data() + clean.size(), out);
        if (error != std::errc() || end != clean.data() + clean.size()) {
            problems_.push_back({row_.line, column, "'" + *value + "' is not a number"});
            return std::nullopt;
        }
        return out;
    }

    std::optional<std::int64_t> integer(const std::string& column) const {
        auto value = text(column);
        if (!value) return std::nullopt;
        std::int64_t out = 0;
        auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), out);
        if (error != std::errc() || end != value->data() + value->size()) {
            problems_.push_back({row_.line, column, "'" + *value + "' is not a whole number"});
            return std::nullopt;
        }
        return out;
    }

  private:
    const std::map<std::string, std::size_t>& position_;
    const io::TableRow& row_;
    std::vector<LineProblem>& problems_;
};

ImportedTender tender_of(const Cells& cells, std::int64_t line) {
    ImportedTender t;
    t.line = line;
    auto& in = t.input;
    in.reference = cells.text("tender_reference");
    in.title = cells.text("title").value_or("");
    in.buyer_name = cells.text("buyer");
    t.buyer_siret = cells.text("buyer_siret");
    in.procedure = cells.text("procedure");
    in.published_on = cells.text("published_on");
    in.deadline_on = cells.text("deadline_on");
    in.estimated_amount = cells.number("estimated_amount");
    in.status = cells.text("status").value_or("watch");
    in.awarded_on = cells.text("awarded_on");
    in.contract_start = cells.text("contract_start");
    in.contract_end = cells.text("contract_end");
    return t;
}

// A later row of the same reference may leave the tender's cells empty or repeat them.
void check_same_tender(const Cells& cells, const io::TableRow& first_row,
                       const std::map<std::string, std::size_t>& position, std::int64_t first_line,
                       std::int64_t line, std::vector<LineProblem>& problems) {
    for (const auto& column : kTenderColumns) {
        auto value = cells.text(column);
        auto it = position.find(column);
        if (!value || it == position.end()) continue;
        auto first = it->second < first_row.cells.size() ? text::trim(first_row.cells[it->second])
                                                         : std::string();
        if (*value != first)
            problems.push_back({line, column,
                                "differs from line " + std::to_string(first_line) +
                                    " of the same tender_reference"});
    }
}

}  // namespace

const std::vector<std::string>& table_columns() {
    static const std::vector<std::string> columns = [] {
        auto all = kTenderColumns;
        all.insert(all.end(), kMemberColumns.begin(), kMemberColumns.end());
        return all;
    }();
    return columns;
}

std::vector<ImportedTender> read_tender_table(io::TableReader& reader,
                                              std::vector<LineProblem>& problems,
                                              Progress& progress) {
    std::map<std::string, std::size_t> position;
    const auto& known = table_columns();
    for (std::size_t i = 0; i < reader.header().size(); ++i) {
        const auto& name = reader.header()[i];
        if (std::find(known.begin(), known.end(), name) == known.end())
            problems.push_back({1, name,
                                "unknown column (expected some of the columns of "
                                "docs/commons.md)"});
        else if (!position.emplace(name, i).second)
            problems.push_back({1, name, "column given twice"});
    }
    for (const char* required : {"tender_reference", "title"})
        if (!position.count(required)) problems.push_back({1, required, "missing column"});

    std::vector<ImportedTender> tenders;
    std::map<std::string, std::pair<std::size_t, io::TableRow>> first_rows;
    io::TableRow row;
    std::size_t count = 0;
    while (reader.next(row)) {
        if (++count % 200 == 0)
            progress.update("reading", reader.bytes_read(), reader.total_bytes());
        if (!row.problem.empty()) {
            problems.push_back(io::to_line_problem(row));
            continue;
        }
        Cells cells(position, row, problems);
        auto reference = cells.text("tender_reference");
        if (!reference) {
            problems.push_back({row.line, "tender_reference", "is required"});
            continue;
        }
        auto found = first_rows.find(*reference);
        if (found == first_rows.end()) {
            found = first_rows.emplace(*reference, std::pair{tenders.size(), row}).first;
            tenders.push_back(tender_of(cells, row.line));
        } else {
            check_same_tender(cells, found->second.second, position,
                              tenders[found->second.first].line, row.line, problems);
        }
        ++tenders[found->second.first].rows;
        auto siret = cells.text("member_siret");
        auto actor = cells.integer("member_id");
        auto role = cells.text("role");
        if (!siret && !actor && !role) continue;  // a tender without a member on this row
        ImportedMember m;
        m.line = row.line;
        m.siret = siret;
        m.actor_id = actor;
        m.input.role = role.value_or("");
        m.input.share_percent = cells.number("share_percent");
        m.input.insertion_hours_committed = cells.number("insertion_hours_committed").value_or(0);
        if (!siret && !actor)
            problems.push_back(
                {row.line, "member_siret", "a member needs member_siret or member_id"});
        tenders[found->second.first].members.push_back(std::move(m));
    }
    progress.update("reading", reader.total_bytes(), reader.total_bytes());
    return tenders;
}

}  // namespace maillage::commons
