#pragma once
// Enumerations held as data (legal forms, actor kinds, levels...): shipped in
// data/enumerations/*.csv and extended per territory in the enumeration_values table.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

struct Label {
    std::string fr, it, en;
    // The label in "fr", "it" or "en"; French where that language has none.
    const std::string& in(const std::string& language) const {
        if (language == "it" && !it.empty()) return it;
        if (language == "en" && !en.empty()) return en;
        return fr;
    }
};

struct VocabularyValue {
    std::string code;
    std::optional<std::string> parent;  // e.g. "siae" for "ei"; null for a family
    Label label;
};

class Vocabulary {
  public:
    void add(const std::string& enumeration, VocabularyValue value);
    bool contains(const std::string& enumeration, const std::string& code) const;
    const VocabularyValue* find(const std::string& enumeration, const std::string& code) const;
    // The top ancestor of a code ("ei" → "siae"; "siae" → "siae").
    std::string family(const std::string& enumeration, const std::string& code) const;
    // Every code whose family is `family_code` (including itself).
    std::vector<std::string> members_of_family(const std::string& enumeration,
                                               const std::string& family_code) const;
    const std::vector<VocabularyValue>& values(const std::string& enumeration) const;
    std::vector<std::string> enumerations() const;
    // "a, b, c" of the codes, for error messages.
    std::string codes(const std::string& enumeration) const;

  private:
    std::map<std::string, std::vector<VocabularyValue>> values_;
};

}  // namespace maillage
