#pragma once
// Cataloguing rules held as data (data/needs/rules/<language>.csv, columns kind,code,pattern):
// a record is coded into a need category or a NAF section when one of the code's patterns
// occurs in its texts. A pattern is one or more words; it is read by the same Analyzer as the
// texts (stemmed, stop words dropped), so "épicerie" matches "épiceries" and "Epicerie", and
// "transport à la demande" matches "transports à la demande". A pattern of several words
// matches where its stems follow one another (stop words aside).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "needs/analyzer.hpp"
#include "needs/model.hpp"

namespace maillage::needs {

struct Rule {
    CodeKind kind = CodeKind::need;
    std::string code;
    std::string pattern;
    std::string language;   // a code of Languages
    std::int64_t line = 0;  // in its file, for messages
};

class RuleSet {
  public:
    // Reads <folder>/<language>.csv for every language; `known(kind, code)` says whether a
    // code exists (need categories of the taxonomy, NAF sections). Unknown codes, kinds,
    // languages or empty patterns throw an Error naming the file and line.
    static RuleSet load(const std::string& folder, const Languages& languages,
                        const std::function<bool(CodeKind, const std::string&)>& known);
    void add(Rule rule) { rules_.push_back(std::move(rule)); }
    const std::vector<Rule>& rules() const { return rules_; }

  private:
    std::vector<Rule> rules_;
};

// One code found in a text, with the words that matched as they were written.
struct CodeHit {
    CodeKind kind = CodeKind::need;
    std::string code;
    std::vector<std::string> matched;
};

// The rules compiled against one Analyzer's stem ids (so one Matcher per thread).
class Matcher {
  public:
    Matcher(const RuleSet& rules, const Languages& languages, Analyzer& analyzer);

    // Adds to `hits` the codes whose patterns occur in `text`, read as `words` (the
    // Analyzer's output for that text). A code met in several places or texts appears once,
    // with all its matched words.
    void match(std::size_t language, std::string_view text, const std::vector<Word>& words,
               std::vector<CodeHit>& hits) const;

  private:
    struct Pattern {
        std::vector<std::uint32_t> stems;
        std::size_t code = 0;  // index in codes_
    };
    std::vector<std::pair<CodeKind, std::string>> codes_;
    // Per language: patterns by their first stem.
    std::vector<std::unordered_map<std::uint32_t, std::vector<Pattern>>> by_first_stem_;
};

}  // namespace maillage::needs
