#pragma once
// Streaming reading of tabular files (CSV and XLSX) through one interface, so that imports
// neither care about the format nor hold the file in memory.
//
// Every reader yields a header (names trimmed and lower-cased) and then one TableRow per data
// row. A malformed row does not throw: it comes back with `problem` set, so that an import can
// report every bad line of a file at once. Errors that make the whole file unreadable (not a
// spreadsheet, no header, zip bomb...) throw maillage::Error.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace maillage::io {

struct TableRow {
    // 1-based line number in the file where the row starts (CSV; the header is line 1), or
    // the spreadsheet row number (XLSX).
    std::int64_t line = 0;
    // As many cells as the header has columns, except in a malformed CSV row.
    std::vector<std::string> cells;
    // Empty for a well-formed row; otherwise why the row is malformed, in plain English
    // ("has 3 cells but the header has 5"). The cells are then whatever could be read.
    std::string problem;
};

class TableReader {
  public:
    virtual ~TableReader();
    virtual const std::vector<std::string>& header() const = 0;
    // Fills `row` with the next data row and returns true, or returns false at the end.
    // Rows whose cells are all empty (blank lines) are skipped.
    virtual bool next(TableRow& row) = 0;
    // Progress through the file: bytes consumed so far out of the total (for XLSX, bytes of
    // the uncompressed worksheet). total_bytes() is 0 when unknown.
    virtual std::size_t bytes_read() const = 0;
    virtual std::size_t total_bytes() const = 0;
    // The file name used in messages.
    virtual const std::string& name() const = 0;
};

// The zip-bomb guard: an XLSX whose worksheet or shared strings inflate beyond this is refused.
inline constexpr std::size_t default_max_xlsx_uncompressed_bytes = 512u * 1024 * 1024;

// Opens a file by its extension: .csv, .tsv, .txt (CSV with a detected separator) or .xlsx,
// case-insensitively. Anything else is refused with unsupported_media_type.
std::unique_ptr<TableReader> open_table(const std::string& path);

// CSV from any stream. `total_bytes` is only used for progress (0 when unknown).
//
// The separator (';', ',' or tab) is the one occurring most often outside quotes in the header
// line. Quoting follows RFC 4180 (a row's line is the line where it starts). The encoding is
// decided once per file: UTF-8 (a BOM is stripped) when the first 64 KiB are valid UTF-8,
// otherwise Windows-1252, converted to UTF-8; UTF-16 is refused with a hint. Cells are returned
// as written, untrimmed.
std::unique_ptr<TableReader> open_csv_stream(std::unique_ptr<std::istream> in, std::string name,
                                             std::size_t total_bytes);

// XLSX from a file or from bytes (an HTTP upload). Reads the first visible sheet. Numbers are
// rendered as text: integers without ".0", others as the shortest text that reads back to the
// same value. Dates are stored by spreadsheets as numbers of days and stay numbers ("45306" for
// 2024-01-15): the caller knows which columns hold dates. Booleans become "TRUE" / "FALSE",
// formulas give their cached value. The line of a row is its spreadsheet row number.
std::unique_ptr<TableReader> open_xlsx_file(
    const std::string& path,
    std::size_t max_uncompressed_bytes = default_max_xlsx_uncompressed_bytes);
std::unique_ptr<TableReader> open_xlsx_bytes(
    std::string bytes, std::string name,
    std::size_t max_uncompressed_bytes = default_max_xlsx_uncompressed_bytes);

// Bytes received over HTTP: XLSX when they start with the zip signature or the content type
// says spreadsheetml, CSV for text content types (and application/octet-stream, or none).
// Other content types, and the old binary .xls format, are refused with unsupported_media_type.
std::unique_ptr<TableReader> open_table_bytes(std::string bytes, std::string name,
                                              std::string_view content_type);

// For callers that do not collect problems: throws
// Error(invalid_input, "<file>: line N: <problem>") when the row is malformed.
void require_well_formed(const TableReader& reader, const TableRow& row);

// The row's problem as a LineProblem for an ImportRejected report.
LineProblem to_line_problem(const TableRow& row);

}  // namespace maillage::io
