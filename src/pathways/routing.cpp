#include "pathways/routing.hpp"

#include <algorithm>

#include "territory/territory.hpp"

namespace maillage::pathways {

namespace {

const FactorRule* rule_of(const RankingRules& rules, const char* code) {
    auto it = rules.factors.find(code);
    return it == rules.factors.end() || it->second.weight <= 0 ? nullptr : &it->second;
}

void add(std::vector<Factor>& factors, const char* code, const FactorRule& rule, double value,
         std::optional<double> measure, std::vector<std::string> matched = {}) {
    factors.push_back({code, value, rule.weight, value * rule.weight, measure, std::move(matched)});
}

void add_distance(std::vector<Factor>& factors, const RankingRules& rules,
                  const ProjectProfile& project, const std::optional<GeoPoint>& place) {
    const FactorRule* rule = rule_of(rules, "distance");
    if (!rule) return;
    if (!project.place || !place) {
        add(factors, "distance", *rule, 0, std::nullopt);
        return;
    }
    double km = territory::Territory::distance_km(project.place->lat, project.place->lon,
                                                  place->lat, place->lon);
    add(factors, "distance", *rule, distance_value(km, rule->half_km), km);
}

void add_load_boost(std::vector<Factor>& factors, const RankingRules& rules, int current) {
    if (rules.load_boost <= 0) return;
    double value = 1.0 / (1.0 + current);
    factors.push_back(
        {"load_boost", value, rules.load_boost, value * rules.load_boost, double(current), {}});
}

// Mean over the subjects asked: 1 for a subject the mentor has, family_credit for one of the
// same family, 0 otherwise.
void add_subject(std::vector<Factor>& factors, const FactorRule& rule,
                 const std::vector<std::string>& asked, const MentorCandidate& m,
                 const SubjectFamilies& families) {
    auto family = [&](const std::string& code) {
        auto it = families.find(code);
        return it == families.end() ? code : it->second;
    };
    double total = 0;
    std::vector<std::string> matched;
    for (const auto& subject : asked) {
        if (std::find(m.subjects.begin(), m.subjects.end(), subject) != m.subjects.end()) {
            total += 1;
            matched.push_back(subject);
            continue;
        }
        for (const auto& own : m.subjects)
            if (family(own) == family(subject)) {
                total += rule.family_credit;
                matched.push_back(own);
                break;
            }
    }
    double found = double(matched.size());
    add(factors, "subject", rule, total / double(asked.size()), found, std::move(matched));
}

void sort_and_cut(std::vector<Ranked>& ranked, std::size_t limit) {
    auto better = [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.current != b.current) return a.current < b.current;
        if (a.name != b.name) return a.name < b.name;
        return a.id < b.id;
    };
    std::size_t keep = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + std::ptrdiff_t(keep), ranked.end(), better);
    ranked.resize(keep);
}

double total(const std::vector<Factor>& factors) {
    double sum = 0;
    for (const auto& f : factors) sum += f.points;
    return sum;
}

// Adds the load-spreading boost, totals the points and keeps the candidate.
void keep(Ranked r, const RankingRules& rules, std::vector<Ranked>& ranked) {
    add_load_boost(r.factors, rules, r.current);
    r.score = total(r.factors);
    ranked.push_back(std::move(r));
}

Ranking finish(Ranking result, std::vector<Ranked> ranked, std::size_t limit) {
    sort_and_cut(ranked, limit);
    result.candidates = std::move(ranked);
    return result;
}

std::string division_of(const std::string& naf) {
    return naf.substr(0, 2);
}

}  // namespace

double distance_value(double km, double half_km) {
    return half_km / (half_km + std::max(0.0, km));
}

Ranking rank_mentors(const ProjectProfile& project, const std::vector<MentorCandidate>& mentors,
                     const RankingRules& rules, const SubjectFamilies& families,
                     std::size_t limit) {
    Ranking result;
    result.considered = mentors.size();
    std::vector<Ranked> ranked;
    ranked.reserve(mentors.size());
    for (const auto& m : mentors) {
        int remaining = std::max(0, m.capacity - m.current);
        if (remaining == 0 && rules.exclude_full) {
            ++result.excluded_full;
            continue;
        }
        Ranked r{m.id, m.name, 0, m.current, {}};
        if (const auto* rule = rule_of(rules, "subject"); rule && !project.subjects.empty()) {
            add_subject(r.factors, *rule, project.subjects, m, families);
            if (rules.require_subject && r.factors.back().value == 0) {
                ++result.excluded_subject;
                continue;
            }
        }
        if (const auto* rule = rule_of(rules, "sector"); rule && project.section) {
            bool same =
                std::find(m.sectors.begin(), m.sectors.end(), *project.section) != m.sectors.end();
            add(r.factors, "sector", *rule, same ? 1 : 0, std::nullopt,
                same ? std::vector<std::string>{*project.section} : std::vector<std::string>{});
        }
        add_distance(r.factors, rules, project, m.place);
        if (const auto* rule = rule_of(rules, "capacity"))
            add(r.factors, "capacity", *rule,
                m.capacity > 0 ? double(remaining) / double(m.capacity) : 0, double(remaining));
        if (const auto* rule = rule_of(rules, "experience"))
            add(r.factors, "experience", *rule,
                std::min(1.0, double(m.similar) / std::max(1.0, rule->saturation)),
                double(m.similar));
        keep(std::move(r), rules, ranked);
    }
    return finish(std::move(result), std::move(ranked), limit);
}

Ranking rank_tutors(const ProjectProfile& project, const std::vector<TutorCandidate>& tutors,
                    const RankingRules& rules, std::size_t limit) {
    Ranking result;
    result.considered = tutors.size();
    std::vector<Ranked> ranked;
    for (const auto& t : tutors) {
        Ranked r{t.id, t.name, 0, t.current, {}};
        if (const auto* rule = rule_of(rules, "sector"); rule && project.naf) {
            double value = 0;
            if (t.naf && division_of(*t.naf) == division_of(*project.naf))
                value = 1;
            else if (t.section && t.section == project.section)
                value = rule->section_credit;
            add(r.factors, "sector", *rule, value, std::nullopt);
        }
        add_distance(r.factors, rules, project, t.place);
        if (const auto* rule = rule_of(rules, "legal_form"); rule && project.legal_form) {
            bool same = t.kind == *project.legal_form || t.family == *project.legal_form;
            add(r.factors, "legal_form", *rule, same ? 1 : 0, std::nullopt);
        }
        keep(std::move(r), rules, ranked);
    }
    return finish(std::move(result), std::move(ranked), limit);
}

}  // namespace maillage::pathways
