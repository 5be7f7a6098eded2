#pragma once
// Calls for projects drafted from need groups and territories: priority sectors, eligible
// territories, target publics and suggested budget lines, with the groups that justify the
// call kept with the call (traceability from interview to call). Drafting is pure; the
// service gathers its inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "needs/diagnostic.hpp"
#include "needs/model.hpp"
#include "needs/taxonomy.hpp"

namespace maillage::needs {

struct CallRequest {
    std::optional<std::string> title;
    std::string language = "fr";
    std::vector<std::int64_t> group_ids;
    Level level = Level::commune;          // of the eligible territories
    std::vector<std::string> territories;  // unit codes; empty: where the groups' records live
    std::optional<double> budget;          // euros
    std::optional<std::string> deadline;   // YYYY-MM-DD
};

struct CallGroupRef {
    std::int64_t id = 0;
    std::string title;
    std::int64_t size = 0;
    std::vector<std::string> record_ids;  // the intake records behind it, when drafted
    std::vector<std::string> categories;  // its main need categories
};

struct CallTerritory {
    std::string code, name;
    std::optional<std::int64_t> records;  // nullopt below the minimum cell size
};

struct CallShare {
    std::string kind;  // "section", "situation", "age_band", "coop_interest"
    std::string code, label;
    std::optional<std::int64_t> count;
    std::optional<double> share;      // among the groups' records
    std::optional<double> reference;  // among all the pole's records
};

struct CallBudgetLine {
    std::string code, label;
    double share = 0;
    std::optional<double> amount;  // euros, when the call has a budget
};

struct CallDocument {
    std::string title, subtitle, language;
    Level level = Level::commune;
    std::string context, objective, eligibility;
    std::optional<double> budget;
    std::optional<std::string> deadline;
    std::vector<CallGroupRef> groups;
    std::vector<CallTerritory> territories;
    std::vector<CallShare> sectors, publics;
    std::vector<CallBudgetLine> budget_lines;
    std::int64_t records = 0;  // of the groups
    std::int64_t pole_records = 0;
    std::int64_t min_cell_size = 5;
};

struct Call {
    std::int64_t id = 0;
    std::string status = "draft";  // draft or final
    std::string created_at, updated_at;
    CallDocument document;
};

struct CallSummary {
    std::int64_t id = 0;
    std::string title, status, language, created_at, updated_at;
    std::int64_t groups = 0;
    std::optional<double> budget;
};

// What a counsellor may change in a drafted call.
struct CallEdit {
    std::optional<std::string> title, subtitle, context, objective, eligibility, status, deadline;
    std::optional<double> budget;
};

// One group's members, as the draft reads them.
struct MemberFacts {
    std::string record_id;
    const territory::Commune* commune = nullptr;
    std::vector<std::string> needs, sections, situations;
    std::optional<std::string> age_band, coop_interest;
};

struct DraftInputs {
    std::vector<Group> groups;
    std::vector<std::vector<MemberFacts>> members;  // parallel to groups
    // Shares among all the pole's records, for the publics' reference.
    std::int64_t pole_records = 0;
    std::map<std::string, std::int64_t> pole_situations, pole_age_bands;
    std::string pole_name;
};

CallDocument draft_call_document(const CallRequest& request, const DraftInputs& inputs,
                                 const Taxonomy& taxonomy, const territory::Territory& territory,
                                 const Settings& settings);

// Recomputes the budget amounts after the budget changes.
void apply_budget(CallDocument& document, std::optional<double> budget);

// The placeholders {name} of a template text filled from `values`.
std::string fill(std::string text, const std::map<std::string, std::string>& values);

}  // namespace maillage::needs
