#pragma once
// Everything the observatory reads from data files (data/needs/…, and the need_category,
// intake_* enumerations): a territory changes these files, never the code.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"
#include "needs/languages.hpp"
#include "needs/model.hpp"
#include "needs/rules.hpp"

namespace maillage::needs {

// Enumerations of data/enumerations/ that records use.
inline constexpr const char* kCategoryEnumeration = "need_category";
inline constexpr const char* kSituationEnumeration = "intake_situation";
inline constexpr const char* kAgeBandEnumeration = "intake_age_band";
inline constexpr const char* kCoopInterestEnumeration = "intake_coop_interest";

// A NAF rév. 2 section letter ("A" to "U"), the level records are coded at.
bool is_naf_section(const std::string& code);

struct Category {
    std::string code;
    Label label;
    std::vector<std::string> sections;             // NAF sections answering it
    std::map<std::string, double> budget_weights;  // budget line -> weight
};

struct Dimension {
    std::string code;
    Label label;
};

// Which intake records an indicator counts: each listed key must match (any of its values).
struct RecordCriteria {
    std::vector<std::string> needs, situations, age_bands, coop_interest;
    bool empty() const {
        return needs.empty() && situations.empty() && age_bands.empty() && coop_interest.empty();
    }
};

struct Indicator {
    std::string code, dimension;
    std::string source;   // "intake", "territory" or "pole"
    std::string measure;  // for intake: "share" or "per_1000"
    RecordCriteria criteria;
    Label label;
    std::string unit;
};

struct BudgetLine {
    std::string code;
    Label label;
};

struct CallTemplate {
    std::vector<BudgetLine> budget_lines;
    std::map<std::string, std::map<std::string, std::string>> texts;  // language -> key -> text
    // The text of `key` in `language`, else in French; empty when neither has it.
    std::string text(const std::string& language, const std::string& key) const;
};

class Taxonomy {
  public:
    // Reads data_dir/needs/…; the vocabulary gives the need categories and intake
    // enumerations (shipped CSV files plus a territory's additions). Malformed files throw
    // an Error naming the file and the entry.
    static Taxonomy load(const std::string& data_dir, const Vocabulary& vocabulary);

    const Languages& languages() const { return languages_; }
    const RuleSet& rules() const { return rules_; }
    const std::vector<Category>& categories() const { return categories_; }
    const Category* category(const std::string& code) const;
    const std::vector<Dimension>& dimensions() const { return dimensions_; }
    const std::vector<Indicator>& indicators() const { return indicators_; }
    const Indicator* indicator(const std::string& code) const;
    const CallTemplate& call_template() const { return call_; }
    const Settings& default_settings() const { return defaults_; }
    const Vocabulary& vocabulary() const { return *vocabulary_; }

  private:
    Languages languages_;
    RuleSet rules_;
    std::vector<Category> categories_;
    std::vector<Dimension> dimensions_;
    std::vector<Indicator> indicators_;
    CallTemplate call_;
    Settings defaults_;
    const Vocabulary* vocabulary_ = nullptr;
};

// Checks settings a pole asks for; every problem names its field.
void check_settings(const Settings& settings);

}  // namespace maillage::needs
