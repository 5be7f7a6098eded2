#pragma once
// Grille II as a spreadsheet, as the seed draws it: actors in rows and in columns (row A,
// column B: how A relates to B), each cell filled with its nature's colour and holding the
// nature's abbreviation and the object, so that colour is not the only cue; a legend sheet and
// a sheet listing every relation.
#include <map>
#include <string>

#include "network/graph.hpp"

namespace maillage::network {

struct MatrixLabels {
    std::string language = "fr";  // fr, it or en: the sheets' own headings
    struct NatureLook {
        std::string label, abbreviation, colour;
        double weight = 0;
    };
    std::map<std::string, NatureLook> natures;
    std::map<std::string, std::string> objects, missions, intensities;
};

// The workbook's bytes. Actors come in the graph's node order.
std::string matrix_xlsx(const Graph& graph, const MatrixLabels& labels);

}  // namespace maillage::network
