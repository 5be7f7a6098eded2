#include "evaluation/grid_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace maillage::evaluation {

namespace fs = std::filesystem;

Grid read_grid_file(const std::string& path, const GridVocabulary& vocabulary) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::invalid_input, path + ": cannot be read");
    std::stringstream bytes;
    bytes << in.rdbuf();
    Json document;
    try {
        document = Json::parse(bytes.str());
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, path + ": not valid JSON: " + e.what());
    }
    return parse_grid_or_throw(document, vocabulary, path);
}

std::vector<GridFile> read_grid_files(const std::string& folder, const GridVocabulary& vocabulary) {
    std::vector<GridFile> files;
    if (!fs::is_directory(folder)) return files;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        Grid grid = read_grid_file(p.string(), vocabulary);
        for (const auto& other : files)
            if (other.grid.code == grid.code && other.grid.version == grid.version)
                throw Error(ErrorCode::invalid_input,
                            p.string() + ": grid '" + grid.code + "' version " +
                                std::to_string(grid.version) + " is also in " + other.path);
        Json document = grid_to_json(grid);
        files.push_back({p.string(), std::move(grid), std::move(document)});
    }
    return files;
}

}  // namespace maillage::evaluation
