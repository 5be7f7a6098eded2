#pragma once
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "io/table_reader.hpp"

namespace maillage::io::testing {

inline std::string data_path(const std::string& file) {
    return std::string(MAILLAGE_TEST_DATA_DIR) + "/" + file;
}

inline std::unique_ptr<TableReader> csv_from(std::string content, std::string name = "test.csv") {
    std::size_t size = content.size();
    return open_csv_stream(std::make_unique<std::istringstream>(std::move(content)),
                           std::move(name), size);
}

inline std::vector<TableRow> read_all(TableReader& reader) {
    std::vector<TableRow> rows;
    TableRow row;
    while (reader.next(row)) rows.push_back(row);
    return rows;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A directory of its own for a test's files, removed afterwards.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "maillage-io-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

// Builds a zip archive in memory from (entry name, content) pairs, for hand-made XLSX files.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip_open_from_source failed");
    zip_source_keep(buffer);
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
    std::string bytes;
    zip_stat_t stat;
    zip_source_stat(buffer, &stat);
    bytes.resize(static_cast<std::size_t>(stat.size));
    zip_source_open(buffer);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    return bytes;
}

// The content of one entry of a zip archive held in memory.
inline std::string zip_entry(const std::string& bytes, const std::string& name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) throw std::runtime_error("not a zip archive");
    zip_stat_t stat;
    if (zip_stat(archive, name.c_str(), 0, &stat) != 0) {
        zip_discard(archive);
        throw std::runtime_error("no entry " + name);
    }
    std::string content(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    zip_fread(file, content.data(), content.size());
    zip_fclose(file);
    zip_discard(archive);
    return content;
}

}  // namespace maillage::io::testing
