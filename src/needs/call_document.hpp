#pragma once
// A call for projects as a document for people: HTML and PDF through src/report, in the
// call's language, with its small cells shown as "fewer than N".
#include <string>

#include "needs/call.hpp"
#include "needs/taxonomy.hpp"
#include "report/document.hpp"

namespace maillage::needs {

report::Document call_report(const CallDocument& call, const Taxonomy& taxonomy,
                             const std::string& date);
std::string call_html(const CallDocument& call, const Taxonomy& taxonomy, const std::string& date);
std::string call_pdf(const CallDocument& call, const Taxonomy& taxonomy, const std::string& date);

}  // namespace maillage::needs
