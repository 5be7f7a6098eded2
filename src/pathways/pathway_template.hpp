#pragma once
// Pathway templates are data (data/pathways/templates/*.json, or a pole's own copy held in
// the pathway_templates table): the steps of a support pathway with their durations,
// deliverables and follow-up visits, and the moves a project may make between them.
// parse_template() validates a document completely and names the file and field of the
// first problem.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/vocabulary.hpp"

namespace maillage::pathways {

// A duration in whole months (calendar arithmetic) or in days.
struct Duration {
    int months = 0;
    int days = 0;
};

struct Deliverable {
    std::string code;
    Label label;
    bool required = true;
};

// Follow-up visits due every `every_months` after the project enters the step.
struct VisitPlan {
    int every_months = 0;
    int count = 0;
};

struct Step {
    std::string code;
    std::string stage;  // a code of the pathway_stage enumeration (kanban column)
    Label label;
    Duration duration;                     // planned time in the step
    std::optional<Duration> max_duration;  // the deadline, when later than the plan
    std::vector<Deliverable> deliverables;
    std::vector<std::string> subjects;  // mentoring subjects suggested for routing
    std::optional<VisitPlan> visits;
};

enum class Action { advance, rework, pause, resume, abandon, complete };

struct Transition {
    Action action = Action::advance;
    std::string from;  // a step code, or "*" for every step
    std::string to;    // advance and rework only
    bool requires_deliverables = false;
    bool requires_note = false;
};

// The limits of a test contract (CAPE: 6 to 18 months, then 6 months of follow-up).
struct TestContractRule {
    int min_months = 0;
    int max_months = 0;
    int followup_months = 0;
};

struct PathwayTemplate {
    std::string code;
    int version = 1;
    std::string model;  // a code of the pathway_model enumeration
    Label label, description;
    std::string source;         // where the model comes from (seed, section)
    std::string creation_step;  // leaving it forward records the legal creation
    std::vector<Step> steps;
    std::vector<Transition> transitions;
    std::optional<TestContractRule> test_contract;
    Json document;  // the document as read, to record and to copy

    const Step* step(const std::string& code) const;
    int step_index(const std::string& code) const;  // -1 when unknown
};

using TemplatePtr = std::shared_ptr<const PathwayTemplate>;

std::string to_string(Action action);
std::optional<Action> action_from(const std::string& text);

// Validates and reads one template document. `source` (a file path, or "template CODE")
// starts every error message. Stages, models and subjects are checked against `vocabulary`.
PathwayTemplate parse_template(const Json& document, const std::string& source,
                               const Vocabulary& vocabulary);

}  // namespace maillage::pathways
