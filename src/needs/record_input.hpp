#pragma once
// Checking an intake record before it is stored: the same rules for the form, the API and
// every line of an import. Pure functions: no database, no file.
#include <string>
#include <vector>

#include "needs/model.hpp"
#include "needs/taxonomy.hpp"
#include "territory/territory.hpp"

namespace maillage::needs {

struct Problem {
    std::string field;
    std::string reason;
};

// Puts values into their stored form: trims, NFC texts, ISO dates (also from DD/MM/YYYY and
// spreadsheet day numbers), enumeration codes from their labels in any language ("Oui",
// "sì" and "yes" are all "yes"), NAF codes written the nomenclature's way, lists without
// duplicates. Values it cannot read are left as they are for check_record to report.
void normalise(RecordInput& input, const Taxonomy& taxonomy);

// Every problem of the record, each naming its field.
std::vector<Problem> check_record(const RecordInput& input, const Taxonomy& taxonomy,
                                  const territory::Territory& territory);

// The record's language: its own, else the country of its commune, else French.
std::string resolve_language(const RecordInput& input, const Taxonomy& taxonomy,
                             const territory::Territory& territory);

// The NAF section of a section letter or of any NAF code of the territory's nomenclature.
std::optional<std::string> section_of(const std::string& sector,
                                      const territory::Territory& territory);

// Throws the first problem as an invalid_input Error naming its field.
void reject_if_any(const std::vector<Problem>& problems);

// The largest text the observatory keeps (characters of need_text or proposal_text).
inline constexpr std::size_t kMaxTextBytes = 8000;

}  // namespace maillage::needs
