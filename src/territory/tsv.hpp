#pragma once
// Reading of the reference TSV files: a fixed header, one record a line, no quoting.
// Every error is a maillage::Error whose message names the file, the line and the column.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::territory {

class TsvFile {
  public:
    // Reads the whole file and checks that its first line is exactly `columns`.
    TsvFile(std::string path, std::vector<std::string> columns);

    // Moves to the next non-blank line; false at the end of the file.
    bool next();
    std::size_t line() const { return line_number_; }
    const std::string& path() const { return path_; }

    // The raw value of a column of the current line.
    std::string_view field(std::size_t column) const { return fields_[column]; }
    // A value that must not be empty.
    std::string required(std::size_t column) const;
    // A value that must be one of `allowed`.
    std::string one_of(std::size_t column, const std::vector<std::string_view>& allowed) const;
    // A whole number >= 0, or nothing when the value is empty.
    std::optional<std::int64_t> optional_count(std::size_t column) const;
    // A decimal number within [min, max].
    double number(std::size_t column, double min, double max) const;
    // "0" or "1".
    bool flag(std::size_t column) const;
    // Comma-separated values, none empty; an empty value gives an empty list.
    std::vector<std::string> list(std::size_t column) const;

    // Throws the error for a column of the current line.
    [[noreturn]] void fail(std::size_t column, const std::string& reason) const;

  private:
    [[noreturn]] void fail_line(const std::string& reason) const;

    std::string path_;
    std::vector<std::string> columns_;
    std::string content_;
    std::size_t position_ = 0;
    std::size_t line_number_ = 0;
    bool header_read_ = false;
    std::vector<std::string_view> fields_;
};

}  // namespace maillage::territory
