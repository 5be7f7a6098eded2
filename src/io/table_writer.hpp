#pragma once
// Writing tabular exports as CSV or XLSX through one interface. Writers stream: rows go out
// as they come and are not kept.
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace maillage::io {

class TableWriter {
  public:
    virtual ~TableWriter();
    // Once, before any row.
    virtual void write_header(const std::vector<std::string>& names) = 0;
    // Each row has as many cells as the header, so that the file reads back without problems;
    // a mismatch is a programming error and throws ErrorCode::internal.
    virtual void write_row(const std::vector<std::string>& cells) = 0;
    // Completes the file; nothing may be written afterwards. Errors (disk full...) throw here.
    virtual void finish() = 0;
};

// RFC 4180 CSV in UTF-8 with CRLF line endings; cells holding the separator, a quote or a line
// break are quoted. `byte_order_mark` starts the file with a UTF-8 BOM, without which Excel
// reads UTF-8 CSV as Windows-1252 and garbles accents.
std::unique_ptr<TableWriter> make_csv_writer(std::ostream& out, char separator = ',',
                                             bool byte_order_mark = false);

// An XLSX workbook with one sheet: bold, frozen header row; a cell whose text is a number that
// a spreadsheet holds without loss (see detail::lossless_number: "1250", "-3.75", but not
// "01000" or "0612345678") is written as a number, anything else as text. The sheet name is
// made acceptable to Excel (31 characters, no []:*?/\). Uses little memory whatever the size.
std::unique_ptr<TableWriter> make_xlsx_writer(const std::string& path, std::string sheet_name);

// An XLSX workbook in memory, for an HTTP response: `write` receives the writer and writes the
// header and rows (without calling finish). Goes through a temporary file, removed afterwards.
std::string xlsx_to_bytes(std::string sheet_name, const std::function<void(TableWriter&)>& write);

}  // namespace maillage::io
