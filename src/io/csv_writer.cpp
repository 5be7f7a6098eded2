#include <string_view>

#include "core/error.hpp"
#include "io/table_writer.hpp"

namespace maillage::io {
namespace {

class CsvWriter final : public TableWriter {
  public:
    CsvWriter(std::ostream& out, char separator, bool byte_order_mark)
        : out_(out), separator_(separator) {
        if (byte_order_mark) out_ << "\xEF\xBB\xBF";
    }

    void write_header(const std::vector<std::string>& names) override {
        if (columns_ != 0) throw Error(ErrorCode::internal, "CSV header written twice");
        columns_ = names.size();
        write_line(names);
    }

    void write_row(const std::vector<std::string>& cells) override {
        if (cells.size() != columns_) {
            throw Error(ErrorCode::internal, "CSV row has " + std::to_string(cells.size()) +
                                                 " cells but the header has " +
                                                 std::to_string(columns_));
        }
        write_line(cells);
    }

    void finish() override {
        out_.flush();
        if (!out_) throw Error(ErrorCode::internal, "writing the CSV file failed");
    }

  private:
    // Any of the separators a reader might detect is quoted, not only ours: a one-column file
    // gives the reader no separator to detect.
    static bool needs_quotes(std::string_view cell) {
        return cell.find_first_of(";,\t\"\r\n") != std::string_view::npos;
    }

    void write_cell(std::string_view cell) {
        if (!needs_quotes(cell)) {
            out_ << cell;
            return;
        }
        out_ << '"';
        for (char c : cell) {
            if (c == '"') out_ << '"';
            out_ << c;
        }
        out_ << '"';
    }

    void write_line(const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out_ << separator_;
            write_cell(cells[i]);
        }
        out_ << "\r\n";
    }

    std::ostream& out_;
    char separator_;
    std::size_t columns_ = 0;
};

}  // namespace

TableWriter::~TableWriter() = default;

std::unique_ptr<TableWriter> make_csv_writer(std::ostream& out, char separator,
                                             bool byte_order_mark) {
    return std::make_unique<CsvWriter>(out, separator, byte_order_mark);
}

}  // namespace maillage::io
