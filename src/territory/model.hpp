#pragma once
// The reference territory as plain values: regions, departments, EPCI, communes and NAF
// codes, as read from the TSV files that scripts/build-reference.mjs builds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::territory {

struct Region {
    std::string country;  // "FR" or "IT"
    std::string code;     // INSEE region code for FR ("75"), ISTAT region code for IT ("20")
    std::string name;
};

struct Department {
    std::string country;
    std::string code;  // INSEE code for FR ("40", "2A", "974"); province abbreviation for IT
    std::string region_code;
    std::string name;
};

// An EPCI à fiscalité propre (France only): the intercommunality a commune belongs to.
struct Epci {
    std::string code;  // SIREN
    std::string name;
    std::string kind;             // CC, CA, CU, METRO, MET69
    std::string department_code;  // where most of its inhabitants live
    std::int64_t population = 0;  // sum of the known populations of its member communes
};

struct Commune {
    std::string country;
    std::string code;  // INSEE code for FR ("40312"), ISTAT code for IT ("092009")
    std::string name;
    std::vector<std::string> postal_codes;
    std::string department_code;
    std::string region_code;
    std::string epci_code;  // empty when the commune belongs to none
    std::optional<std::int64_t> population;
    double lat = 0;
    double lon = 0;
    // The position was estimated from neighbouring communes, not located in a gazetteer.
    bool approximate = false;
};

// A code of the French NAF rév. 2 nomenclature of activities.
struct NafCode {
    std::string code;         // "F", "43", "43.9", "43.99", "43.99C"
    std::string level;        // section, division, group, class or subclass
    std::string parent_code;  // empty for a section
    std::string label;
};

}  // namespace maillage::territory
