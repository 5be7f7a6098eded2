#pragma once
// The shared-time rules a territory holds as data (data/sharedjobs/, data/enumerations/):
// labour rules and composer settings, public holidays, billing defaults, occupation codes.
#include <set>
#include <string>

#include "sharedjobs/model.hpp"

namespace maillage::sharedjobs {

struct Settings {
    Rules rules;  // with the public holidays of every year the file lists
    double coefficient = 1.0;
    double default_rate = 0.0;
    std::set<std::string> occupations;  // codes of data/enumerations/occupation.csv
};

// Reads data_dir/sharedjobs/{rules.json,billing.json,public_holidays_fr.csv} and
// data_dir/enumerations/occupation.csv. A missing or malformed file throws a maillage::Error
// naming it.
Settings load_settings(const std::string& data_dir);

}  // namespace maillage::sharedjobs
