#pragma once
// Files out of the observatory, shared by the API and the CLI: records (CSV, XLSX, JSON, with
// the import's columns), the diagnostic (CSV, XLSX, JSON, small cells suppressed), proposal
// groups (JSON) and calls (JSON, HTML, PDF).
#include <string>

#include "needs/call.hpp"
#include "needs/diagnostic.hpp"
#include "needs/needs_service.hpp"

namespace maillage::needs {

std::string export_records(NeedsService& service, std::int64_t pole_id,
                           std::optional<std::int64_t> user_id, const std::string& format);
std::string export_diagnostic(const Diagnostic& diagnostic, const Taxonomy& taxonomy,
                              const std::string& format);
// Every group with its id, title, representative text, size and members' record ids.
Json groups_document(NeedsService& service, std::int64_t pole_id);
// `with_record_ids`: keep the records behind each group (for readers of records only).
std::string export_call(const Call& call, const Taxonomy& taxonomy, const std::string& format,
                        bool with_record_ids);

// The MIME type and file extension of an export format.
std::string content_type_of(const std::string& format);

}  // namespace maillage::needs
