#pragma once
// The shipped data files (data/needs, data/enumerations) and the small test territory, as the
// tests of this module read them.
#include <string>

#include "app/reference_data.hpp"
#include "needs/taxonomy.hpp"
#include "territory/territory.hpp"

namespace maillage::needs::test_support {

inline std::string data_dir() {
    return std::string(MAILLAGE_SOURCE_DIR) + "/data";
}
inline std::string needs_data_dir() {
    return data_dir() + "/needs";
}

inline const Vocabulary& vocabulary() {
    static const Vocabulary loaded = app::load_shipped_vocabulary(data_dir());
    return loaded;
}

inline const Taxonomy& taxonomy() {
    static const Taxonomy loaded = Taxonomy::load(data_dir(), vocabulary());
    return loaded;
}

// The territory of the app tests (src/territory/tests/data): a few communes of the Landes,
// the Pays basque, Paris, Firenze and Cagliari, and some NAF codes.
inline const territory::Territory& small_territory() {
    static const territory::Territory loaded =
        territory::Territory::load(std::string(MAILLAGE_SOURCE_DIR) + "/src/territory/tests/data");
    return loaded;
}

}  // namespace maillage::needs::test_support
