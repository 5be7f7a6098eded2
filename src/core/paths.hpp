#pragma once
// Where shipped and generated files live. Each can be overridden by an environment
// variable (MAILLAGE_DATA_DIR, MAILLAGE_REFERENCE_DIR, MAILLAGE_WEB_DIR) for packaging.
#include <string>

namespace maillage::paths {

std::string data_dir();
std::string reference_dir();
std::string web_dir();

}  // namespace maillage::paths
