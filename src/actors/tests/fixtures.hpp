#pragma once
// Shared by the actors tests.
#include <string>

namespace maillage::actors {

// The territory tests' small reference territory.
inline const std::string kTerritoryFixture =
    std::string(MAILLAGE_SOURCE_DIR) + "/src/territory/tests/data";

}  // namespace maillage::actors
