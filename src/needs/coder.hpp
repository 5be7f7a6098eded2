#pragma once
// Coding one record: its texts through the rules, then the interview's own codes and a
// counsellor's corrections on top. One Coder per thread (it owns an Analyzer).
#include <vector>

#include "needs/analyzer.hpp"
#include "needs/model.hpp"
#include "needs/rules.hpp"
#include "needs/taxonomy.hpp"
#include "territory/territory.hpp"

namespace maillage::needs {

class Coder {
  public:
    explicit Coder(const Taxonomy& taxonomy);

    // The codes the rules find in the record's need and proposal texts.
    std::vector<CodeHit> rule_hits(std::size_t language, const RecordInput& record);
    Analyzer& analyzer() { return analyzer_; }

  private:
    Analyzer analyzer_;
    Matcher matcher_;
    std::vector<Word> words_;
};

// Every code of a record and why: rule hits, the record's declared need codes and sectors
// (reduced to NAF sections), and corrections, which win. Sorted by kind then code.
std::vector<RecordCode> merge_codes(const std::vector<CodeHit>& hits, const RecordInput& record,
                                    const std::vector<Correction>& corrections,
                                    const territory::Territory& territory);

// Whether a record has at least one effective need category.
bool has_need_category(const std::vector<RecordCode>& codes);

// A 64-bit fingerprint of a record's merged codes (every field), never 0, stable across
// processes (FNV-1a): stored with the codes, it lets a catalogue run rewrite only the records
// whose codes changed.
std::int64_t codes_fingerprint(const std::vector<RecordCode>& codes);

}  // namespace maillage::needs
