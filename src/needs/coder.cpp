#include "needs/coder.hpp"

#include <algorithm>

#include "needs/record_input.hpp"

namespace maillage::needs {

Coder::Coder(const Taxonomy& taxonomy)
    : analyzer_(taxonomy.languages()),
      matcher_(taxonomy.rules(), taxonomy.languages(), analyzer_) {}

std::vector<CodeHit> Coder::rule_hits(std::size_t language, const RecordInput& record) {
    std::vector<CodeHit> hits;
    for (const auto* text : {&record.need_text, &record.proposal_text}) {
        if (!*text) continue;
        words_.clear();
        analyzer_.analyse(**text, language, words_);
        matcher_.match(language, **text, words_, hits);
    }
    return hits;
}

std::vector<RecordCode> merge_codes(const std::vector<CodeHit>& hits, const RecordInput& record,
                                    const std::vector<Correction>& corrections,
                                    const territory::Territory& territory) {
    std::vector<RecordCode> codes;
    auto entry = [&](CodeKind kind, const std::string& code) -> RecordCode& {
        for (auto& c : codes)
            if (c.kind == kind && c.code == code) return c;
        codes.push_back({kind, code, {}, false, std::nullopt});
        return codes.back();
    };
    for (const auto& hit : hits) entry(hit.kind, hit.code).matched = hit.matched;
    for (const auto& code : record.need_codes) entry(CodeKind::need, code).declared = true;
    for (const auto& sector : record.sectors)
        if (auto section = section_of(sector, territory))
            entry(CodeKind::sector, *section).declared = true;
    for (const auto& correction : corrections)
        entry(correction.kind, correction.code).correction = correction.action;
    std::sort(codes.begin(), codes.end(), [](const RecordCode& a, const RecordCode& b) {
        return a.kind != b.kind ? a.kind < b.kind : a.code < b.code;
    });
    return codes;
}

bool has_need_category(const std::vector<RecordCode>& codes) {
    return std::any_of(codes.begin(), codes.end(), [](const RecordCode& c) {
        return c.kind == CodeKind::need && c.effective();
    });
}

namespace {

class Fnv1a {
  public:
    void add(std::string_view bytes) {
        for (char c : bytes) hash_ = (hash_ ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        hash_ = (hash_ ^ 0xFFu) * 1099511628211ull;  // a byte no UTF-8 text holds: a separator
    }
    std::uint64_t value() const { return hash_; }

  private:
    std::uint64_t hash_ = 1469598103934665603ull;
};

}  // namespace

std::int64_t codes_fingerprint(const std::vector<RecordCode>& codes) {
    Fnv1a h;
    for (const auto& c : codes) {
        h.add(to_string(c.kind));
        h.add(c.code);
        for (const auto& m : c.matched) h.add(m);
        h.add(c.declared ? "d" : "-");
        h.add(c.correction ? *c.correction : "");
    }
    auto value = static_cast<std::int64_t>(h.value());
    return value == 0 ? 1 : value;
}

}  // namespace maillage::needs
