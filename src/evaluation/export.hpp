#pragma once
// An assessment's data as a table (XLSX): one row per answer, per argument of the log and per
// piece of evidence, with a "record" column saying which.
#include <string>
#include <vector>

#include "evaluation/model.hpp"

namespace maillage::evaluation {

std::vector<std::string> export_columns();
std::vector<std::vector<std::string>> export_rows(const Assessment& a, const std::string& language);
std::string assessment_xlsx(const Assessment& a, const std::string& language);

}  // namespace maillage::evaluation
