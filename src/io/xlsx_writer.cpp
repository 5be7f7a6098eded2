#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "io/detail.hpp"
#include "io/table_writer.hpp"

namespace maillage::io {
namespace {

constexpr std::size_t max_sheet_name_length = 31;
constexpr double min_column_width = 10;
constexpr double max_column_width = 50;

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Excel refuses sheet names longer than 31 characters, containing []:*?/\ or starting or
// ending with an apostrophe.
std::string excel_sheet_name(std::string_view wanted) {
    std::string name;
    std::size_t characters = 0;
    for (char c : wanted) {
        bool starts_character = (c & 0xC0) != 0x80;
        if (starts_character && ++characters > max_sheet_name_length) break;
        name.push_back(std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_');
    }
    while (!name.empty() && name.front() == '\'') name.erase(0, 1);
    while (!name.empty() && name.back() == '\'') name.pop_back();
    return name.empty() ? "Sheet1" : name;
}

class XlsxWriter final : public TableWriter {
  public:
    XlsxWriter(const std::string& path, std::string_view sheet_name) : path_(path) {
        // Constant memory: rows are flushed to a temporary file as they are written.
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        workbook_ = workbook_new_opt(path.c_str(), &options);
        if (!workbook_) throw Error(ErrorCode::internal, path + ": cannot create the XLSX file");
        worksheet_ = workbook_add_worksheet(workbook_, excel_sheet_name(sheet_name).c_str());
        bold_ = workbook_add_format(workbook_);
        integer_ = workbook_add_format(workbook_);
        if (!worksheet_ || !bold_ || !integer_) {
            lxw_workbook_free(workbook_);
            throw Error(ErrorCode::internal, path + ": cannot create the XLSX sheet");
        }
        format_set_bold(bold_);
        // Without it Excel shows integers of 12 or more digits (SIRET) in scientific notation.
        format_set_num_format(integer_, "0");
    }

    ~XlsxWriter() override {
        if (workbook_) lxw_workbook_free(workbook_);
    }

    void write_header(const std::vector<std::string>& names) override {
        require_open();
        if (header_written_) throw Error(ErrorCode::internal, "XLSX header written twice");
        header_written_ = true;
        columns_ = names.size();
        for (std::size_t column = 0; column < names.size(); ++column) {
            std::string name = detail::protect_ooxml_escapes(names[column]);
            check(worksheet_write_string(worksheet_, 0, to_column(column), name.c_str(), bold_));
            double width = std::clamp(static_cast<double>(utf8_length(names[column]) + 4),
                                      min_column_width, max_column_width);
            worksheet_set_column(worksheet_, to_column(column), to_column(column), width, nullptr);
        }
        worksheet_freeze_panes(worksheet_, 1, 0);
        next_row_ = 1;
    }

    void write_row(const std::vector<std::string>& cells) override {
        require_open();
        if (cells.size() != columns_) {
            throw Error(ErrorCode::internal, "XLSX row has " + std::to_string(cells.size()) +
                                                 " cells but the header has " +
                                                 std::to_string(columns_));
        }
        for (std::size_t column = 0; column < cells.size(); ++column)
            write_cell(next_row_, to_column(column), cells[column]);
        ++next_row_;
    }

    void finish() override {
        if (!workbook_) return;
        lxw_error result = workbook_close(workbook_);  // frees the workbook whatever happens
        workbook_ = nullptr;
        if (result != LXW_NO_ERROR) {
            throw Error(ErrorCode::internal,
                        path_ + ": writing the XLSX file failed: " + lxw_strerror(result));
        }
    }

  private:
    void require_open() const {
        if (!workbook_) throw Error(ErrorCode::internal, path_ + ": written after finish()");
    }

    static lxw_col_t to_column(std::size_t column) { return static_cast<lxw_col_t>(column); }

    void write_cell(lxw_row_t row, lxw_col_t column, const std::string& text) {
        if (text.empty()) return;  // an absent cell reads back as empty
        if (auto number = detail::lossless_number(text)) {
            bool integer = text.find('.') == std::string::npos;
            check(worksheet_write_number(worksheet_, row, column, *number,
                                         integer ? integer_ : nullptr));
        } else {
            std::string protected_text = detail::protect_ooxml_escapes(text);
            check(worksheet_write_string(worksheet_, row, column, protected_text.c_str(), nullptr));
        }
    }

    void check(lxw_error result) const {
        switch (result) {
            case LXW_NO_ERROR:
                return;
            case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
                throw Error(ErrorCode::invalid_input,
                            "a cell holds more than 32767 characters, the XLSX limit; export as "
                            "CSV instead");
            case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
                throw Error(ErrorCode::invalid_input,
                            "more than 1048576 rows or 16384 columns, the XLSX limits; export as "
                            "CSV instead");
            default:
                throw Error(ErrorCode::internal,
                            path_ + ": writing the XLSX file failed: " + lxw_strerror(result));
        }
    }

    std::string path_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* worksheet_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_format* integer_ = nullptr;
    bool header_written_ = false;
    std::size_t columns_ = 0;
    lxw_row_t next_row_ = 0;
};

// A file in the temporary directory, removed when this goes out of scope.
class TemporaryFile {
  public:
    explicit TemporaryFile(std::string_view suffix) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "maillage-XXXXXX").string() +
            std::string(suffix);
        int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
        if (fd < 0) throw Error(ErrorCode::internal, "cannot create a temporary file");
        close(fd);
        path_ = pattern;
    }
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace

std::unique_ptr<TableWriter> make_xlsx_writer(const std::string& path, std::string sheet_name) {
    return std::make_unique<XlsxWriter>(path, sheet_name);
}

std::string xlsx_to_bytes(std::string sheet_name, const std::function<void(TableWriter&)>& write) {
    TemporaryFile file(".xlsx");
    {
        auto writer = make_xlsx_writer(file.path(), std::move(sheet_name));
        write(*writer);
        writer->finish();
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw Error(ErrorCode::internal, "cannot read back the XLSX export");
    return bytes;
}

}  // namespace maillage::io
