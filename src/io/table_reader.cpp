#include "io/table_reader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace maillage::io {
namespace {

constexpr std::string_view zip_signature = "PK\x03\x04";
// The old binary Excel format (an OLE compound document).
constexpr std::string_view ole_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view xlsx_media_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Error old_excel_format(const std::string& name) {
    return Error(ErrorCode::unsupported_media_type,
                 name +
                     ": the old Excel format (.xls) is not supported; save the file as .xlsx "
                     "or CSV");
}

std::string extension_of(const std::string& path) {
    return text::to_lower_ascii(std::filesystem::path(path).extension().string());
}

// "text/csv; charset=utf-8" -> "text/csv"
std::string media_type_of(std::string_view content_type) {
    auto semicolon = content_type.find(';');
    return text::to_lower_ascii(text::trim(content_type.substr(0, semicolon)));
}

bool is_csv_media_type(std::string_view media_type) {
    // Browsers on Windows send CSV files as application/vnd.ms-excel.
    for (std::string_view accepted :
         {"", "text/csv", "text/plain", "text/tab-separated-values", "application/csv",
          "text/comma-separated-values", "application/vnd.ms-excel", "application/octet-stream"}) {
        if (media_type == accepted) return true;
    }
    return false;
}

}  // namespace

TableReader::~TableReader() = default;

std::unique_ptr<TableReader> open_table(const std::string& path) {
    std::string extension = extension_of(path);
    if (extension == ".xlsx") return open_xlsx_file(path);
    if (extension == ".xls") throw old_excel_format(path);
    if (extension != ".csv" && extension != ".tsv" && extension != ".txt") {
        throw Error(ErrorCode::unsupported_media_type,
                    path + ": unknown file type; expected .csv, .tsv, .txt or .xlsx");
    }
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw Error(ErrorCode::invalid_input, path + ": cannot be opened");
    std::error_code ignored;
    auto size = std::filesystem::file_size(path, ignored);
    return open_csv_stream(std::move(in), path, ignored ? 0 : static_cast<std::size_t>(size));
}

std::unique_ptr<TableReader> open_table_bytes(std::string bytes, std::string name,
                                              std::string_view content_type) {
    std::string media_type = media_type_of(content_type);
    if (std::string_view(bytes).starts_with(ole_signature)) throw old_excel_format(name);
    if (std::string_view(bytes).starts_with(zip_signature) || media_type == xlsx_media_type)
        return open_xlsx_bytes(std::move(bytes), std::move(name));
    if (!is_csv_media_type(media_type)) {
        throw Error(ErrorCode::unsupported_media_type, name + ": unsupported content type " +
                                                           media_type + "; send text/csv or " +
                                                           std::string(xlsx_media_type));
    }
    std::size_t size = bytes.size();
    return open_csv_stream(std::make_unique<std::istringstream>(std::move(bytes)), std::move(name),
                           size);
}

void require_well_formed(const TableReader& reader, const TableRow& row) {
    if (row.problem.empty()) return;
    throw Error(ErrorCode::invalid_input,
                reader.name() + ": line " + std::to_string(row.line) + ": " + row.problem);
}

LineProblem to_line_problem(const TableRow& row) {
    return LineProblem{row.line, {}, row.problem};
}

}  // namespace maillage::io
