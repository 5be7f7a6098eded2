#pragma once
// Intake records from JSON, streamed: a JSON array of objects, or JSON Lines (one object per
// line), read through the same TableReader interface as CSV and XLSX so that the import is
// one code path. Memory stays constant whatever the file's size: arrays go through
// nlohmann's SAX parser on a reading thread, a few hundred records ahead of the import.
//
// Each object's fields are the import columns; lists may be JSON arrays of strings. A field
// that is not a column, or a nested object, makes that record's row carry a problem.
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "io/table_reader.hpp"

namespace maillage::needs {

std::unique_ptr<io::TableReader> open_json_records(std::unique_ptr<std::istream> in,
                                                   std::string name, std::size_t total_bytes);

// A file by its extension: .json, .jsonl, .ndjson as JSON; anything else through
// io::open_table (CSV, TSV, XLSX).
std::unique_ptr<io::TableReader> open_records_file(const std::string& path);
// Uploaded bytes: JSON when the content type says so (application/json, application/x-ndjson,
// application/jsonl) or the first non-blank byte is '[' or '{'; else io::open_table_bytes.
std::unique_ptr<io::TableReader> open_records_bytes(std::string bytes, std::string name,
                                                    std::string_view content_type);

}  // namespace maillage::needs
