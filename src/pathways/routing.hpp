#pragma once
// Mentor, expert and peer-tutor routing: a pure ranking with a per-factor breakdown, so that
// every suggestion explains itself. Weights and factor parameters are data
// (data/pathways/rules.json); the load-spreading boost is a factor of its own.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace maillage::pathways {

struct GeoPoint {
    double lat = 0, lon = 0;
};

// One factor's weight and parameters. A factor absent from the rules (or weighing 0) is left
// out of the score.
struct FactorRule {
    double weight = 0;
    double half_km = 25;          // distance: the distance that earns half the points
    double saturation = 3;        // experience: similar projects that earn all the points
    double family_credit = 0.5;   // subject: a subject of the same family instead of the one asked
    double section_credit = 0.6;  // tutor sector: same NAF section but another division
};

struct RankingRules {
    std::map<std::string, FactorRule> factors;
    double load_boost = 0;         // points for a candidate with no current mentee, shared 1/(1+n)
    bool exclude_full = true;      // candidates at capacity are left out
    bool require_subject = false;  // candidates who cover none of the subjects asked are left out
};

struct ProjectProfile {
    std::optional<std::string> naf;      // "43.99C"
    std::optional<std::string> section;  // NAF section letter, "F"
    std::optional<std::string> legal_form;
    std::optional<GeoPoint> place;
    std::vector<std::string> subjects;  // what the project needs help on
};

struct MentorCandidate {
    std::int64_t id = 0;
    std::string name;
    std::vector<std::string> subjects;
    std::vector<std::string> sectors;  // NAF sections
    std::optional<GeoPoint> place;
    int capacity = 0;
    int current = 0;  // current mentees
    int similar = 0;  // past or current mentorships of projects like this one
};

// An operating cooperative of the directory that could tutor a project in creation.
struct TutorCandidate {
    std::int64_t id = 0;  // actor id
    std::string name;
    std::string kind, family;  // actor kind and its family
    std::optional<std::string> naf, section;
    std::optional<GeoPoint> place;
    int current = 0;  // projects it tutors now
};

struct Factor {
    std::string code;  // subject, sector, distance, capacity, experience, legal_form, load_boost
    double value = 0;  // 0..1
    double weight = 0;
    double points = 0;                 // value × weight
    std::optional<double> measure;     // km, remaining places, similar projects, current mentees
    std::vector<std::string> matched;  // subjects found
};

struct Ranked {
    std::int64_t id = 0;
    std::string name;
    double score = 0;
    int current = 0;
    std::vector<Factor> factors;
};

struct Ranking {
    std::vector<Ranked> candidates;  // best first, at most `limit`
    std::size_t considered = 0;
    std::size_t excluded_full = 0;
    std::size_t excluded_subject = 0;
};

// subject code → its family (the subject itself for a family), from the mentoring_subject
// enumeration.
using SubjectFamilies = std::unordered_map<std::string, std::string>;

double distance_value(double km, double half_km);

Ranking rank_mentors(const ProjectProfile& project, const std::vector<MentorCandidate>& mentors,
                     const RankingRules& rules, const SubjectFamilies& families, std::size_t limit);

Ranking rank_tutors(const ProjectProfile& project, const std::vector<TutorCandidate>& tutors,
                    const RankingRules& rules, std::size_t limit);

}  // namespace maillage::pathways
