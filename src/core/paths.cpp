#include "core/paths.hpp"

#include <cstdlib>

namespace maillage::paths {
namespace {
std::string from_env(const char* variable, const char* fallback) {
    const char* value = std::getenv(variable);
    return value && *value ? value : fallback;
}
}  // namespace

std::string data_dir() {
    return from_env("MAILLAGE_DATA_DIR", MAILLAGE_DEFAULT_DATA_DIR);
}
std::string reference_dir() {
    return from_env("MAILLAGE_REFERENCE_DIR", MAILLAGE_DEFAULT_REFERENCE_DIR);
}
std::string web_dir() {
    return from_env("MAILLAGE_WEB_DIR", MAILLAGE_DEFAULT_WEB_DIR);
}

}  // namespace maillage::paths
