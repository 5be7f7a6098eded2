#pragma once
// The module's rules held as data (data/network/): relation natures with their sign and
// colour, the fields of Grille I, the intensity scale, the kinds of evidence that derive
// relations, and the analysis settings. Missions and objects are enumerations
// (data/enumerations/network_mission.csv, network_object.csv) extended by `maillage enum add`.
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/vocabulary.hpp"
#include "network/analysis.hpp"

namespace maillage::network {

inline constexpr const char* kMissionEnumeration = "network_mission";
inline constexpr const char* kObjectEnumeration = "network_object";

struct Nature {
    std::string code;
    double weight = 0;   // sign and strength: alliance +1, opposition −1…
    std::string colour;  // #rrggbb, in the matrix and the graph
    std::string line;    // solid, dashed or dotted: so that colour is not the only cue
    Label abbreviation;  // in the matrix's cells
    Label label;
    std::optional<std::int64_t> pole_id;  // set for a pole's own extension
};

struct GridField {
    std::string code;
    std::string group;  // empty for a group heading, which holds no text
    Label label;
    Label hint;
};

struct Intensity {
    int level = 1;
    Label label;
};

struct EvidenceKind {
    std::string code;
    std::string nature, object;  // what the evidence implies when its source says nothing
    Label label;
};

struct NetworkRules {
    std::vector<Nature> natures;  // shipped ones; poles add their own (NetworkService)
    std::vector<GridField> grid;
    std::vector<Intensity> intensities;
    std::vector<EvidenceKind> evidence_kinds;
    AnalysisSettings analysis;
    std::size_t co_membership_max_group = 50;  // larger shared poles prove nothing

    const Nature* nature(const std::string& code) const;
    const GridField* field(const std::string& code) const;  // a writable field, not a group
    const EvidenceKind* evidence_kind(const std::string& code) const;
    bool valid_intensity(int level) const;
};

// Reads data_dir/network/*. Errors name the file, the line and the field.
NetworkRules load_rules(const std::string& data_dir);

// Reads analysis settings from a JSON object (data/network/analysis.json's shape); absent keys
// keep their defaults, unknown ones are refused.
AnalysisSettings analysis_settings_from(const Json& document, const std::string& source,
                                        std::size_t* co_membership_max_group = nullptr);

// "#rrggbb": what a nature's colour must look like.
bool is_colour(const std::string& text);

}  // namespace maillage::network
