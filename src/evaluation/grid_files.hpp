#pragma once
// The shipped grids: data/evaluation/grids/*.json, each validated when it is read.
#include <string>
#include <vector>

#include "evaluation/grid.hpp"

namespace maillage::evaluation {

struct GridFile {
    std::string path;
    Grid grid;
    Json document;  // canonical (grid_to_json)
};

// Every *.json file of `folder`, in name order. A bad file throws an invalid_input Error
// naming the file and each problem's item; two files with the same code and version too.
std::vector<GridFile> read_grid_files(const std::string& folder, const GridVocabulary& vocabulary);

// One grid document from a file (import), validated the same way.
Grid read_grid_file(const std::string& path, const GridVocabulary& vocabulary);

}  // namespace maillage::evaluation
