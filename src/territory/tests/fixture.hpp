#pragma once
// The hand-made territory in tests/data, loaded once for all the tests.
#include <string>
#include <vector>

#include "territory/territory.hpp"

namespace maillage::territory::testing {

inline const Territory& fixture() {
    static const Territory territory = Territory::load(MAILLAGE_TEST_DATA_DIR);
    return territory;
}

template <class Item>
std::vector<std::string> codes_of(const std::vector<const Item*>& items) {
    std::vector<std::string> codes;
    for (const auto* item : items) codes.push_back(item->code);
    return codes;
}

}  // namespace maillage::territory::testing
