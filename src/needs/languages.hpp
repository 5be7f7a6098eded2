#pragma once
// How each language's texts are read, from data/needs/languages/<code>.json: the Snowball
// stemmer, the elided words dropped before an apostrophe and the stop words.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/json.hpp"

namespace maillage::needs {

struct LanguageRules {
    std::string code;     // "fr", "it"
    std::string stemmer;  // a Snowball algorithm name: "french", "italian"
    // Compared with the folded word (lower case, no accents), as text::fold writes it.
    std::unordered_set<std::string> elisions;
    std::unordered_set<std::string> stop_words;
};

class Languages {
  public:
    // Reads every <code>.json of the folder; a malformed file throws an Error naming it.
    static Languages load(const std::string& folder);
    static LanguageRules from_json(const Json& document, const std::string& source);

    void add(LanguageRules rules);
    // The index of a language, or npos.
    std::size_t index_of(std::string_view code) const;
    const LanguageRules& at(std::size_t index) const { return languages_.at(index); }
    const std::vector<LanguageRules>& all() const { return languages_; }
    // "fr, it", for error messages.
    std::string codes() const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  private:
    std::vector<LanguageRules> languages_;
};

}  // namespace maillage::needs
