#include "needs/call.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"

namespace maillage::needs {
namespace {

constexpr std::size_t kMaxSectors = 6;
constexpr std::size_t kMaxPublics = 6;
constexpr std::size_t kMaxNamedTerritories = 4;
// A public is named when this share of the groups' records belongs to it, or when it is this
// many times more frequent among them than among all the pole's records.
constexpr double kPublicShare = 0.2;
constexpr double kPublicOverRepresentation = 1.25;
constexpr double kRoundAmountTo = 100;

std::optional<std::int64_t> shown(std::int64_t count, std::int64_t k) {
    if (count > 0 && count < k) return std::nullopt;
    return count;
}

std::string join_names(const std::vector<std::string>& names, const std::string& language) {
    if (names.empty()) return "";
    std::string last_sep = language == "it" ? " e " : language == "en" ? " and " : " et ";
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? last_sep : ", ") + names[i];
    return out;
}

}  // namespace

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [key, value] : values) {
        std::string slot = "{" + key + "}";
        for (std::size_t at; (at = text.find(slot)) != std::string::npos;)
            text.replace(at, slot.size(), value);
    }
    return text;
}

void apply_budget(CallDocument& document, std::optional<double> budget) {
    document.budget = budget;
    for (auto& line : document.budget_lines) {
        line.amount.reset();
        if (budget)
            line.amount = std::round(*budget * line.share / kRoundAmountTo) * kRoundAmountTo;
    }
}

CallDocument draft_call_document(const CallRequest& request, const DraftInputs& in,
                                 const Taxonomy& taxonomy, const territory::Territory& territory,
                                 const Settings& settings) {
    const std::int64_t k = settings.min_cell_size;
    const auto& lang = request.language;
    const auto& tpl = taxonomy.call_template();
    const auto& vocabulary = taxonomy.vocabulary();
    CallDocument doc;
    doc.language = lang;
    doc.level = request.level;
    doc.min_cell_size = k;
    doc.pole_records = in.pole_records;
    doc.deadline = request.deadline;
    doc.title = request.title.value_or(tpl.text(lang, "title"));
    doc.subtitle = tpl.text(lang, "subtitle");
    doc.eligibility = tpl.text(lang, "eligibility");

    // The groups, with their main needs; and the counts the rest is drawn from.
    std::map<std::string, double> category_weight;  // records per category, all groups
    std::map<std::string, std::int64_t> sections, situations, age_bands, coop, territories;
    std::set<std::string> records_seen;
    for (std::size_t g = 0; g < in.groups.size(); ++g) {
        const Group& group = in.groups[g];
        CallGroupRef ref{group.id, group.title, group.size, {}, {}};
        std::map<std::string, std::int64_t> group_needs;
        for (const auto& m : in.members[g]) {
            ref.record_ids.push_back(m.record_id);
            if (!records_seen.insert(m.record_id).second) continue;
            for (const auto& n : m.needs) ++group_needs[n];
            for (const auto& s : m.sections) ++sections[s];
            for (const auto& s : m.situations) ++situations[s];
            if (m.age_band) ++age_bands[*m.age_band];
            if (m.coop_interest) ++coop[*m.coop_interest];
            if (m.commune)
                if (auto unit = unit_of(*m.commune, request.level, territory))
                    ++territories[unit->code];
        }
        std::vector<std::pair<std::int64_t, std::string>> ranked;
        for (const auto& [code, n] : group_needs) ranked.emplace_back(-n, code);
        std::sort(ranked.begin(), ranked.end());
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
            ref.categories.push_back(ranked[i].second);
        for (const auto& [code, n] : group_needs) category_weight[code] += double(n);
        doc.groups.push_back(std::move(ref));
    }
    doc.records = std::int64_t(records_seen.size());
    if (doc.groups.empty()) throw invalid("group_ids", "choose at least one need group");

    // Eligible territories: the ones asked for, else where the groups' records live.
    if (!request.territories.empty()) {
        for (const auto& code : request.territories) {
            std::string name;
            for (const auto& c : territory.communes()) {
                auto unit = unit_of(c, request.level, territory);
                if (unit && unit->code == code) {
                    name = unit->name;
                    break;
                }
            }
            if (name.empty())
                throw invalid("territories", "unknown " + std::string(to_string(request.level)) +
                                                 " '" + code + "'");
            doc.territories.push_back({code, name, shown(territories[code], k)});
        }
    } else {
        std::vector<std::pair<std::int64_t, std::string>> ranked;
        for (const auto& [code, n] : territories) ranked.emplace_back(-n, code);
        std::sort(ranked.begin(), ranked.end());
        for (const auto& [n, code] : ranked) {
            std::string name = code;
            for (const auto* c : {territory.commune(code)})
                if (c && request.level == Level::commune) name = c->name;
            if (request.level == Level::epci)
                if (const auto* e = territory.epci(code)) name = e->name;
            if (request.level == Level::department || request.level == Level::region)
                for (const auto& c : territory.communes())
                    if (auto unit = unit_of(c, request.level, territory);
                        unit && unit->code == code) {
                        name = unit->name;
                        break;
                    }
            doc.territories.push_back({code, name, shown(-n, k)});
        }
    }

    // Priority sectors: the sections coded on the records, and those answering their needs.
    std::map<std::string, double> section_score;
    for (const auto& [s, n] : sections) section_score[s] += double(n);
    for (const auto& [category, weight] : category_weight)
        if (const auto* c = taxonomy.category(category))
            for (const auto& s : c->sections)
                section_score[s] += weight / double(c->sections.size());
    std::vector<std::pair<double, std::string>> ranked_sections;
    for (const auto& [s, score] : section_score) ranked_sections.emplace_back(-score, s);
    std::sort(ranked_sections.begin(), ranked_sections.end());
    for (std::size_t i = 0; i < ranked_sections.size() && i < kMaxSectors; ++i) {
        const auto& code = ranked_sections[i].second;
        const auto* naf = territory.naf(code);
        std::int64_t n = sections[code];
        CallShare share{"section",   code,         naf ? naf->label : code,
                        shown(n, k), std::nullopt, std::nullopt};
        if (share.count && doc.records > 0) share.share = double(n) / double(doc.records);
        doc.sectors.push_back(std::move(share));
    }

    // Target publics: situations and age bands frequent among the groups' records.
    auto add_publics = [&](const char* kind, const char* enumeration,
                           const std::map<std::string, std::int64_t>& counts,
                           const std::map<std::string, std::int64_t>& reference) {
        for (const auto& [code, n] : counts) {
            if (n < k || doc.records == 0) continue;
            double share = double(n) / double(doc.records);
            auto ref = reference.find(code);
            std::optional<double> base;
            if (ref != reference.end() && in.pole_records > 0)
                base = double(ref->second) / double(in.pole_records);
            bool frequent = share >= kPublicShare;
            bool over = base && *base > 0 && share / *base >= kPublicOverRepresentation;
            if (!frequent && !over) continue;
            const auto* value = vocabulary.find(enumeration, code);
            doc.publics.push_back(
                {kind, code, value ? value->label.in(lang) : code, n, share, base});
        }
    };
    add_publics("situation", kSituationEnumeration, situations, in.pole_situations);
    add_publics("age_band", kAgeBandEnumeration, age_bands, in.pole_age_bands);
    std::sort(doc.publics.begin(), doc.publics.end(),
              [](const CallShare& a, const CallShare& b) { return *a.share > *b.share; });
    if (doc.publics.size() > kMaxPublics) doc.publics.resize(kMaxPublics);
    std::int64_t interested = coop["yes"] + coop["maybe"];
    if (interested >= k && doc.records > 0)
        doc.publics.push_back(
            {"coop_interest", "yes_maybe",
             vocabulary.find(kCoopInterestEnumeration, "yes")->label.in(lang) + " / " +
                 vocabulary.find(kCoopInterestEnumeration, "maybe")->label.in(lang),
             interested, double(interested) / double(doc.records), std::nullopt});

    // Budget lines: each need's usual split (categories.json), weighted by its records.
    std::map<std::string, double> line_weight;
    for (const auto& [category, weight] : category_weight) {
        const auto* c = taxonomy.category(category);
        if (!c) continue;
        double total = 0;
        for (const auto& [line, w] : c->budget_weights) total += w;
        for (const auto& [line, w] : c->budget_weights) line_weight[line] += weight * w / total;
    }
    double total_weight = 0;
    for (const auto& [line, w] : line_weight) total_weight += w;
    for (const auto& line : tpl.budget_lines) {
        double w = line_weight[line.code];
        if (w <= 0 || total_weight <= 0) continue;
        doc.budget_lines.push_back(
            {line.code, line.label.in(lang), w / total_weight, std::nullopt});
    }
    std::sort(doc.budget_lines.begin(), doc.budget_lines.end(),
              [](const CallBudgetLine& a, const CallBudgetLine& b) { return a.share > b.share; });
    apply_budget(doc, request.budget);

    // Texts from the template.
    std::vector<std::string> category_labels, territory_names;
    std::vector<std::pair<double, std::string>> ranked_categories;
    for (const auto& [category, weight] : category_weight)
        ranked_categories.emplace_back(-weight, category);
    std::sort(ranked_categories.begin(), ranked_categories.end());
    for (std::size_t i = 0; i < ranked_categories.size() && i < 3; ++i)
        if (const auto* c = taxonomy.category(ranked_categories[i].second))
            category_labels.push_back(c->label.in(lang));
    for (std::size_t i = 0; i < doc.territories.size() && i < kMaxNamedTerritories; ++i)
        territory_names.push_back(doc.territories[i].name);
    if (doc.territories.size() > kMaxNamedTerritories) territory_names.push_back("…");
    std::map<std::string, std::string> values = {{"records", std::to_string(in.pole_records)},
                                                 {"groups", std::to_string(doc.groups.size())},
                                                 {"territories", join_names(territory_names, lang)},
                                                 {"categories", join_names(category_labels, lang)},
                                                 {"pole", in.pole_name},
                                                 {"deadline", request.deadline.value_or("")}};
    doc.context = fill(tpl.text(lang, "context"), values);
    doc.objective = fill(tpl.text(lang, "objective"), values);
    return doc;
}

}  // namespace maillage::needs
