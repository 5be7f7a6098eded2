#pragma once
// The loaded territory and its indexes: built once by load.cpp, then only read.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "territory/geo.hpp"
#include "territory/model.hpp"

namespace maillage::territory::detail {

// Lets the maps below be searched with a string_view without building a string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Regions and departments are identified by country and code ("FR|40", "IT|CA").
inline std::string country_key(std::string_view country, std::string_view code) {
    std::string key(country);
    key += '|';
    key += code;
    return key;
}

// One entry of the name index: a commune's folded name from the start of one of its
// words to the end ("martin de seignanx"), so that a prefix search finds inner words.
struct NameKey {
    std::string key;
    std::uint32_t commune = 0;
    bool whole_name = false;  // the key starts at the first word
};

struct TerritoryData {
    std::vector<Region> regions;
    std::vector<Department> departments;
    std::vector<Epci> epcis;
    std::vector<Commune> communes;
    std::vector<NafCode> naf;

    StringMap<std::uint32_t> region_by_key;
    StringMap<std::uint32_t> department_by_key;
    StringMap<std::uint32_t> epci_by_code;
    StringMap<std::uint32_t> commune_by_code;
    StringMap<std::uint32_t> naf_by_code;

    std::vector<std::vector<std::uint32_t>> epci_members;           // parallel to epcis, by code
    StringMap<std::vector<std::uint32_t>> communes_by_postal_code;  // by code

    std::vector<std::string> folded_names;  // parallel to communes
    std::vector<NameKey> name_keys;         // sorted by key
    GeoGrid grid;

    std::vector<std::string> naf_folded_labels;             // parallel to naf
    std::vector<std::vector<std::string>> naf_label_words;  // parallel to naf
};

}  // namespace maillage::territory::detail
