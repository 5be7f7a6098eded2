#include "network/validation.hpp"

#include <cmath>
#include <set>

#include "core/text.hpp"

namespace maillage::network {
namespace {

constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxEntry = 10000;
constexpr std::size_t kMaxLabel = 80;
constexpr std::size_t kMaxAbbreviation = 6;

void tidy(std::optional<std::string>& value) {
    if (!value) return;
    *value = text::trim(*value);
    if (value->empty()) value.reset();
}

std::size_t characters(const std::string& utf8) {
    std::size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool is_code(const std::string& code) {
    if (code.size() < 2 || code.size() > 40 || !(code[0] >= 'a' && code[0] <= 'z')) return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace

std::vector<FieldProblem> check_year(int year, const std::string& field) {
    if (year >= kFirstYear && year <= kLastYear) return {};
    return {{field, "must be a year from " + std::to_string(kFirstYear) + " to " +
                        std::to_string(kLastYear)}};
}

std::vector<FieldProblem> check_mission(const std::string& mission, const Vocabulary& vocabulary) {
    if (vocabulary.contains(kMissionEnumeration, mission)) return {};
    return {{"mission", mission.empty()
                            ? "is required (" + vocabulary.codes(kMissionEnumeration) + ")"
                            : "unknown mission \"" + mission + "\" (" +
                                  vocabulary.codes(kMissionEnumeration) + ")"}};
}

std::vector<FieldProblem> check_relation(RelationInput& x, const NetworkRules& rules,
                                         const std::vector<Nature>& natures,
                                         const Vocabulary& vocabulary) {
    x.mission = text::trim(x.mission);
    x.nature = text::trim(x.nature);
    tidy(x.object);
    tidy(x.note);
    auto problems = check_year(x.year);
    for (auto& p : check_mission(x.mission, vocabulary)) problems.push_back(std::move(p));
    bool known = false;
    std::string codes;
    for (const auto& n : natures) {
        known = known || n.code == x.nature;
        codes += (codes.empty() ? "" : ", ") + n.code;
    }
    if (!known)
        problems.push_back({"nature", "unknown nature \"" + x.nature + "\" (" + codes + ")"});
    if (x.object && !vocabulary.contains(kObjectEnumeration, *x.object))
        problems.push_back({"object", "unknown object \"" + *x.object + "\" (" +
                                          vocabulary.codes(kObjectEnumeration) + ")"});
    if (!rules.valid_intensity(x.intensity)) {
        std::string levels;
        for (const auto& i : rules.intensities)
            levels += (levels.empty() ? "" : ", ") + std::to_string(i.level);
        problems.push_back({"intensity", "must be one of " + levels});
    }
    if (x.from_actor == x.to_actor)
        problems.push_back({"to_actor", "a relation needs two different actors"});
    if (x.note && characters(*x.note) > kMaxNote)
        problems.push_back({"note", "is longer than " + std::to_string(kMaxNote) + " characters"});
    return problems;
}

std::vector<FieldProblem> check_logic_entries(std::vector<LogicEntryInput>& entries,
                                              const NetworkRules& rules) {
    std::vector<FieldProblem> problems;
    if (entries.empty()) problems.push_back({"entries", "give at least one field"});
    std::set<std::string> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto& e = entries[i];
        std::string where = "entries[" + std::to_string(i) + "]";
        e.text = text::trim(e.text);
        if (!rules.field(e.field))
            problems.push_back({where + ".field", "unknown field \"" + e.field + "\""});
        else if (!seen.insert(e.field).second)
            problems.push_back({where + ".field", "\"" + e.field + "\" is given twice"});
        if (characters(e.text) > kMaxEntry)
            problems.push_back(
                {where + ".text", "is longer than " + std::to_string(kMaxEntry) + " characters"});
    }
    return problems;
}

std::vector<FieldProblem> check_nature(NatureInput& n, const std::vector<Nature>& existing) {
    std::vector<FieldProblem> problems;
    n.code = text::trim(n.code);
    if (!is_code(n.code))
        problems.push_back(
            {"code", "must be 2 to 40 lower-case letters, digits or _, from a letter"});
    for (const auto& e : existing)
        if (e.code == n.code) problems.push_back({"code", "\"" + n.code + "\" already exists"});
    if (!std::isfinite(n.weight) || n.weight < -1 || n.weight > 1)
        problems.push_back({"weight", "must be a number from -1 (opposition) to 1 (alliance)"});
    if (!is_colour(n.colour)) problems.push_back({"colour", "must look like #18753c"});
    if (n.line != "solid" && n.line != "dashed" && n.line != "dotted")
        problems.push_back({"line", "must be solid, dashed or dotted"});
    // Italian and English fall back to French, the first language.
    for (Label* l : {&n.label, &n.abbreviation}) {
        l->fr = text::trim(l->fr);
        l->it = text::trim(l->it).empty() ? l->fr : text::trim(l->it);
        l->en = text::trim(l->en).empty() ? l->fr : text::trim(l->en);
    }
    if (n.label.fr.empty()) problems.push_back({"label.fr", "is required"});
    for (const auto* text : {&n.label.fr, &n.label.it, &n.label.en})
        if (characters(*text) > kMaxLabel)
            problems.push_back(
                {"label", "is longer than " + std::to_string(kMaxLabel) + " characters"});
    if (n.abbreviation.fr.empty()) problems.push_back({"abbreviation.fr", "is required"});
    for (const auto* text : {&n.abbreviation.fr, &n.abbreviation.it, &n.abbreviation.en})
        if (characters(*text) > kMaxAbbreviation)
            problems.push_back(
                {"abbreviation",
                 "is longer than " + std::to_string(kMaxAbbreviation) + " characters"});
    return problems;
}

}  // namespace maillage::network
