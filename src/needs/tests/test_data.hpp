#pragma once
// Where the tests find the shipped data files (data/needs, data/enumerations).
#include <string>

namespace maillage::needs::test_support {

inline std::string data_dir() {
    return std::string(MAILLAGE_SOURCE_DIR) + "/data";
}
inline std::string needs_data_dir() {
    return data_dir() + "/needs";
}

}  // namespace maillage::needs::test_support
