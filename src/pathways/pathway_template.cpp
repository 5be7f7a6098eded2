#include "pathways/pathway_template.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace maillage::pathways {

namespace {

constexpr std::size_t kMaxCode = 60;
constexpr std::size_t kMaxLabel = 300;
constexpr std::size_t kMaxDescription = 2000;
constexpr int kMaxMonths = 240;
constexpr int kMaxDays = 3660;

bool is_code(const std::string& s) {
    if (s.empty() || s.size() > kMaxCode) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string code_field(JsonFields& f, const std::string& key, const std::string& where) {
    auto value = f.required_string(key);
    if (!is_code(value))
        throw invalid(where + key, "must be 1 to 60 characters among a-z, 0-9 and _");
    return value;
}

Label label_field(const Json* value, const std::string& field, bool required,
                  std::size_t max = kMaxLabel) {
    if (!value) {
        if (required) throw invalid(field, "is required");
        return {};
    }
    JsonFields f(*value, field);
    Label label;
    for (auto [language, target] :
         {std::pair{"fr", &label.fr}, {"it", &label.it}, {"en", &label.en}}) {
        *target = f.required_string(language);
        if (target->size() > max)
            throw invalid(field + "." + language,
                          "is longer than " + std::to_string(max) + " characters");
    }
    f.reject_unknown();
    return label;
}

Duration duration_field(const Json& value, const std::string& field) {
    JsonFields f(value, field);
    auto months = f.optional_int("months");
    auto days = f.optional_int("days");
    f.reject_unknown();
    if (months.has_value() == days.has_value())
        throw invalid(field, "must give either months or days");
    if (months && (*months < 1 || *months > kMaxMonths))
        throw invalid(field + ".months", "must be from 1 to 240");
    if (days && (*days < 1 || *days > kMaxDays))
        throw invalid(field + ".days", "must be from 1 to 3660");
    return Duration{int(months.value_or(0)), int(days.value_or(0))};
}

// Rough length in days, only to compare a plan with its deadline.
int approximate_days(const Duration& d) {
    return d.months ? d.months * 30 : d.days;
}

int bounded_int(JsonFields& f, const std::string& key, const std::string& field, int min, int max) {
    auto value = f.optional_int(key);
    if (!value) throw invalid(field + "." + key, "is required");
    if (*value < min || *value > max)
        throw invalid(field + "." + key,
                      "must be from " + std::to_string(min) + " to " + std::to_string(max));
    return int(*value);
}

const Json& array_field(JsonFields& f, const std::string& key, const std::string& field,
                        bool required) {
    static const Json empty = Json::array();
    const Json* value = f.optional_value(key);
    if (!value) {
        if (required) throw invalid(field, "is required");
        return empty;
    }
    if (!value->is_array()) throw invalid(field, "must be a list");
    if (required && value->empty()) throw invalid(field, "must not be empty");
    return *value;
}

std::vector<Deliverable> deliverables_field(JsonFields& f, const std::string& where) {
    std::vector<Deliverable> out;
    const Json& list = array_field(f, "deliverables", where + "deliverables", false);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = where + "deliverables[" + std::to_string(i) + "]";
        JsonFields d(list[i], at);
        Deliverable deliverable;
        deliverable.code = code_field(d, "code", at + ".");
        if (!seen.insert(deliverable.code).second)
            throw invalid(at + ".code", "'" + deliverable.code + "' is listed twice in this step");
        deliverable.label = label_field(d.optional_value("label"), at + ".label", true);
        deliverable.required = d.optional_bool("required").value_or(true);
        d.reject_unknown();
        out.push_back(std::move(deliverable));
    }
    return out;
}

Step step_field(const Json& value, const std::string& at, const Vocabulary& vocabulary) {
    JsonFields f(value, at);
    Step step;
    step.code = code_field(f, "code", at + ".");
    step.stage = f.required_string("stage");
    if (!vocabulary.contains("pathway_stage", step.stage))
        throw invalid(at + ".stage", "'" + step.stage + "' is not a pathway_stage (" +
                                         vocabulary.codes("pathway_stage") + ")");
    step.label = label_field(f.optional_value("label"), at + ".label", true);
    const Json* duration = f.optional_value("duration");
    if (!duration) throw invalid(at + ".duration", "is required");
    step.duration = duration_field(*duration, at + ".duration");
    if (const Json* max = f.optional_value("max_duration")) {
        step.max_duration = duration_field(*max, at + ".max_duration");
        if (approximate_days(*step.max_duration) < approximate_days(step.duration))
            throw invalid(at + ".max_duration", "is shorter than duration");
    }
    step.deliverables = deliverables_field(f, at + ".");
    if (auto subjects = f.optional_string_list("subjects")) {
        for (std::size_t i = 0; i < subjects->size(); ++i)
            if (!vocabulary.contains("pathway_subject", (*subjects)[i]))
                throw invalid(at + ".subjects[" + std::to_string(i) + "]",
                              "'" + (*subjects)[i] + "' is not a pathway_subject");
        step.subjects = *subjects;
    }
    if (const Json* visits = f.optional_value("visits")) {
        JsonFields v(*visits, at + ".visits");
        step.visits = VisitPlan{bounded_int(v, "every_months", at + ".visits", 1, 24),
                                bounded_int(v, "count", at + ".visits", 1, 60)};
        v.reject_unknown();
    }
    f.reject_unknown();
    return step;
}

Transition transition_field(const Json& value, const std::string& at, const PathwayTemplate& t) {
    JsonFields f(value, at);
    Transition tr;
    auto action_text = f.required_string("action");
    auto action = action_from(action_text);
    if (!action)
        throw invalid(at + ".action", "'" + action_text +
                                          "' is not one of advance, rework, pause, resume, "
                                          "abandon, complete");
    tr.action = *action;
    tr.from = f.required_string("from");
    bool moves = tr.action == Action::advance || tr.action == Action::rework;
    if (tr.from == "*" && moves) throw invalid(at + ".from", "must name a step for " + action_text);
    if (tr.from != "*" && t.step_index(tr.from) < 0)
        throw invalid(at + ".from", "'" + tr.from + "' is not a step of this template");
    auto to = f.optional_string("to");
    if (moves) {
        if (!to) throw invalid(at + ".to", "is required for " + action_text);
        if (t.step_index(*to) < 0)
            throw invalid(at + ".to", "'" + *to + "' is not a step of this template");
        bool forward = t.step_index(*to) > t.step_index(tr.from);
        if (tr.action == Action::advance && !forward)
            throw invalid(at + ".to", "advance must go to a later step");
        if (tr.action == Action::rework && forward)
            throw invalid(at + ".to", "rework must go back to an earlier step");
        tr.to = *to;
    } else if (to) {
        throw invalid(at + ".to", "only advance and rework go to another step");
    }
    if (auto guards = f.optional_string_list("guard"))
        for (std::size_t i = 0; i < guards->size(); ++i) {
            const auto& g = (*guards)[i];
            if (g == "deliverables")
                tr.requires_deliverables = true;
            else if (g == "note")
                tr.requires_note = true;
            else
                throw invalid(at + ".guard[" + std::to_string(i) + "]",
                              "'" + g + "' is not a guard (deliverables, note)");
        }
    f.reject_unknown();
    return tr;
}

bool has_action(const PathwayTemplate& t, Action action) {
    return std::any_of(t.transitions.begin(), t.transitions.end(),
                       [&](const Transition& tr) { return tr.action == action; });
}

// Whole-template checks: no duplicate move, paused projects can resume, every step can be
// reached from the first, and a project can finish.
void check_graph(const PathwayTemplate& t) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < t.transitions.size(); ++i) {
        const auto& tr = t.transitions[i];
        if (!seen.insert(to_string(tr.action) + "|" + tr.from + "|" + tr.to).second)
            throw invalid("transitions[" + std::to_string(i) + "]", "is listed twice");
    }
    if (has_action(t, Action::pause) && !has_action(t, Action::resume))
        throw invalid("transitions", "pause without resume would leave paused projects stuck");
    if (!has_action(t, Action::complete))
        throw invalid("transitions", "no complete transition: a project could never finish");
    std::vector<bool> reached(t.steps.size(), false);
    reached[0] = true;
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& tr : t.transitions) {
            if (tr.action != Action::advance) continue;
            auto from = t.step_index(tr.from), to = t.step_index(tr.to);
            if (reached[std::size_t(from)] && !reached[std::size_t(to)])
                reached[std::size_t(to)] = grew = true;
        }
    }
    for (std::size_t i = 0; i < t.steps.size(); ++i)
        if (!reached[i])
            throw invalid("steps[" + std::to_string(i) + "]",
                          "'" + t.steps[i].code + "' cannot be reached from the first step");
}

PathwayTemplate parse_unchecked_source(const Json& document, const Vocabulary& vocabulary) {
    JsonFields f(document);
    PathwayTemplate t;
    t.code = code_field(f, "code", "");
    auto version = f.optional_int("version");
    if (!version || *version < 1) throw invalid("version", "must be an integer of 1 or more");
    t.version = int(*version);
    t.model = f.required_string("model");
    if (!vocabulary.contains("pathway_model", t.model))
        throw invalid("model", "'" + t.model + "' is not a pathway_model (" +
                                   vocabulary.codes("pathway_model") + ")");
    t.label = label_field(f.optional_value("label"), "label", true);
    t.description =
        label_field(f.optional_value("description"), "description", false, kMaxDescription);
    t.source = f.optional_string("source").value_or("");
    const Json& steps = array_field(f, "steps", "steps", true);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::string at = "steps[" + std::to_string(i) + "]";
        auto step = step_field(steps[i], at, vocabulary);
        if (t.step_index(step.code) >= 0)
            throw invalid(at + ".code", "'" + step.code + "' is already a step of this template");
        t.steps.push_back(std::move(step));
    }
    if (auto creation = f.optional_string("creation_step")) {
        if (t.step_index(*creation) < 0)
            throw invalid("creation_step", "'" + *creation + "' is not a step of this template");
        t.creation_step = *creation;
    }
    const Json& transitions = array_field(f, "transitions", "transitions", true);
    for (std::size_t i = 0; i < transitions.size(); ++i)
        t.transitions.push_back(
            transition_field(transitions[i], "transitions[" + std::to_string(i) + "]", t));
    if (const Json* rule = f.optional_value("test_contract")) {
        JsonFields r(*rule, "test_contract");
        TestContractRule contract;
        contract.min_months = bounded_int(r, "min_months", "test_contract", 1, 60);
        contract.max_months = bounded_int(r, "max_months", "test_contract", 1, 60);
        contract.followup_months = bounded_int(r, "followup_months", "test_contract", 0, 60);
        r.reject_unknown();
        if (contract.max_months < contract.min_months)
            throw invalid("test_contract.max_months", "is less than min_months");
        t.test_contract = contract;
    }
    f.reject_unknown();
    check_graph(t);
    t.document = document;
    return t;
}

}  // namespace

const Step* PathwayTemplate::step(const std::string& code) const {
    for (const auto& s : steps)
        if (s.code == code) return &s;
    return nullptr;
}

int PathwayTemplate::step_index(const std::string& code) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].code == code) return int(i);
    return -1;
}

std::string to_string(Action action) {
    switch (action) {
        case Action::advance:
            return "advance";
        case Action::rework:
            return "rework";
        case Action::pause:
            return "pause";
        case Action::resume:
            return "resume";
        case Action::abandon:
            return "abandon";
        case Action::complete:
            return "complete";
    }
    return "advance";
}

std::optional<Action> action_from(const std::string& text) {
    for (auto a : {Action::advance, Action::rework, Action::pause, Action::resume, Action::abandon,
                   Action::complete})
        if (to_string(a) == text) return a;
    return std::nullopt;
}

PathwayTemplate parse_template(const Json& document, const std::string& source,
                               const Vocabulary& vocabulary) {
    try {
        return parse_unchecked_source(document, vocabulary);
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, source + ": " + e.what(), e.field());
    }
}

}  // namespace maillage::pathways
