#pragma once
// Helpers shared by the assessment and campaign reports: texts in the report's language, the
// labels of enumeration codes, answers written out.
#include <map>
#include <string>

#include "evaluation/evaluation_service.hpp"
#include "report/document.hpp"

namespace maillage::evaluation::reporting {

class Texts {
  public:
    Texts(const EvaluationService& service, std::string language)
        : service_(service), language_(std::move(language)) {}

    const std::string& language() const { return language_; }
    // The text for `key` with its {name} placeholders replaced.
    std::string operator()(const std::string& key,
                           const std::map<std::string, std::string>& values = {}) const;
    // An enumeration value's label ("evaluation_stage", "design" → "Conception et montage").
    std::string code(const std::string& enumeration, const std::string& code) const;
    std::string label(const Label& l) const { return plain_text(in_language(l, language_)); }
    // The key words of a label (its bold parts), for tables and axes.
    std::string brief(const Label& l, std::size_t max) const {
        return short_label(in_language(l, language_), max);
    }

  private:
    const EvaluationService& service_;
    std::string language_;
};

// An answer as text for a table cell.
std::string answer_text(const Texts& t, const Item& item, const Answer* answer);

// Title, subtitle, footer, source and participants: the start of every assessment report.
report::Document start_document(const Texts& t, EvaluationService& service, std::int64_t pole_id,
                                const Assessment& a, const std::string& title);

// The answers of a form grid, a table per section.
void add_answer_tables(report::Document& doc, const Texts& t, const Assessment& a,
                       const std::vector<Section>& sections, int level);
void add_radar(report::Document& doc, const Texts& t, const Assessment& a,
               const Assessment* previous);
void add_evidence(report::Document& doc, const Texts& t, const Assessment& a);
void add_comparison(report::Document& doc, const Texts& t, const Assessment& a,
                    const Assessment* previous);

}  // namespace maillage::evaluation::reporting
