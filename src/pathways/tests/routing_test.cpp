// Routing ranks a synthetic case whose scores were computed by hand from the weights; the
// factors it shows add up to the score and explain the order.
#include <gtest/gtest.h>

#include <cmath>

#include "pathways/routing.hpp"

using namespace maillage::pathways;

namespace {

// One kilometre of latitude along a meridian on the 6371.0088 km sphere the territory uses.
constexpr double kDegreesPerKm = 180.0 / (M_PI * 6371.0088);
const GeoPoint kHome{44.0, -1.0};

GeoPoint north_km(double km) {
    return {kHome.lat + km * kDegreesPerKm, kHome.lon};
}

RankingRules mentor_rules() {
    RankingRules r;
    r.factors["subject"] = {40, 25, 3, 0.5, 0.6};
    r.factors["sector"] = {20, 25, 3, 0.5, 0.6};
    r.factors["distance"] = {20, 10, 3, 0.5, 0.6};
    r.factors["capacity"] = {10, 25, 3, 0.5, 0.6};
    r.factors["experience"] = {10, 25, 2, 0.5, 0.6};
    r.load_boost = 10;
    return r;
}

const SubjectFamilies kFamilies = {{"financing_plan", "finance"}, {"accounting", "finance"},
                                   {"legal_form", "legal"},       {"statutes", "legal"},
                                   {"finance", "finance"},        {"legal", "legal"}};

ProjectProfile project() {
    ProjectProfile p;
    p.naf = "43.99C";
    p.section = "F";
    p.legal_form = "scic";
    p.place = kHome;
    p.subjects = {"financing_plan", "legal_form"};
    return p;
}

const Factor& factor(const Ranked& r, const std::string& code) {
    for (const auto& f : r.factors)
        if (f.code == code) return f;
    static Factor none;
    ADD_FAILURE() << "no factor " << code << " for " << r.name;
    return none;
}

double sum_of_points(const Ranked& r) {
    double sum = 0;
    for (const auto& f : r.factors) sum += f.points;
    return sum;
}

}  // namespace

TEST(Routing, RanksTheSyntheticCaseInTheHandComputedOrder) {
    std::vector<MentorCandidate> mentors = {
        // id, name, subjects, sectors, place, capacity, current, similar
        {1, "A", {"financing_plan", "legal_form"}, {"F"}, kHome, 4, 2, 2},
        {2, "B", {"financing_plan"}, {"F"}, north_km(10), 2, 0, 0},
        {3, "C", {"accounting", "statutes"}, {"Q"}, kHome, 3, 0, 1},
        {4, "D", {"financing_plan", "legal_form"}, {"F"}, kHome, 2, 2, 5},  // full
        {5, "E", {"financing_plan"}, {"F"}, north_km(10), 2, 1, 0},
    };
    auto ranking = rank_mentors(project(), mentors, mentor_rules(), kFamilies, 10);
    EXPECT_EQ(ranking.considered, 5u);
    EXPECT_EQ(ranking.excluded_full, 1u);
    ASSERT_EQ(ranking.candidates.size(), 4u);
    std::vector<std::string> order;
    for (const auto& r : ranking.candidates) order.push_back(r.name);
    EXPECT_EQ(order, (std::vector<std::string>{"A", "B", "C", "E"}));
    // A: 40 + 20 + 20 + 10·2/4 + 10·min(1, 2/2) + 10/(1+2)
    EXPECT_NEAR(ranking.candidates[0].score, 40 + 20 + 20 + 5 + 10 + 10.0 / 3, 1e-9);
    // B: half the subjects, 10 km with half_km 10 earns half, an empty diary
    EXPECT_NEAR(ranking.candidates[1].score, 20 + 20 + 10 + 10 + 0 + 10, 1e-6);
    // C: both subjects only by family (0.5 each), the wrong sector, half the experience
    EXPECT_NEAR(ranking.candidates[2].score, 20 + 0 + 20 + 10 + 5 + 10, 1e-9);
    // E: like B with one mentee more
    EXPECT_NEAR(ranking.candidates[3].score, 20 + 20 + 10 + 5 + 0 + 5, 1e-6);
    for (const auto& r : ranking.candidates) EXPECT_NEAR(r.score, sum_of_points(r), 1e-9) << r.name;

    const auto& a = ranking.candidates[0];
    EXPECT_EQ(factor(a, "subject").matched,
              (std::vector<std::string>{"financing_plan", "legal_form"}));
    EXPECT_NEAR(*factor(a, "distance").measure, 0.0, 1e-9);
    EXPECT_EQ(*factor(a, "capacity").measure, 2.0);    // places left
    EXPECT_EQ(*factor(a, "load_boost").measure, 2.0);  // current mentees
    const auto& b = ranking.candidates[1];
    EXPECT_NEAR(*factor(b, "distance").measure, 10.0, 1e-6);
    EXPECT_NEAR(factor(b, "distance").value, 0.5, 1e-6);
    const auto& c = ranking.candidates[2];
    EXPECT_EQ(factor(c, "subject").matched, (std::vector<std::string>{"accounting", "statutes"}));
    EXPECT_EQ(*factor(c, "subject").measure, 2.0);
    EXPECT_EQ(*factor(b, "subject").measure, 1.0);
    EXPECT_EQ(factor(c, "sector").points, 0.0);
    // B and E differ in capacity and load only: those two factors explain B before E.
    const auto& e = ranking.candidates[3];
    for (const char* same : {"subject", "sector", "distance", "experience"})
        EXPECT_NEAR(factor(b, same).points, factor(e, same).points, 1e-9) << same;
    EXPECT_GT(factor(b, "capacity").points, factor(e, "capacity").points);
    EXPECT_GT(factor(b, "load_boost").points, factor(e, "load_boost").points);
}

TEST(Routing, TheLoadBoostSpreadsMenteesAmongOtherwiseEqualMentors) {
    std::vector<MentorCandidate> mentors = {
        {1, "Busy", {"financing_plan", "legal_form"}, {"F"}, kHome, 10, 3, 0},
        {2, "Free", {"financing_plan", "legal_form"}, {"F"}, kHome, 10, 0, 0},
    };
    auto rules = mentor_rules();
    rules.factors.erase("capacity");
    auto ranking = rank_mentors(project(), mentors, rules, kFamilies, 10);
    ASSERT_EQ(ranking.candidates.size(), 2u);
    EXPECT_EQ(ranking.candidates[0].name, "Free");
    EXPECT_NEAR(ranking.candidates[0].score - ranking.candidates[1].score, 10.0 - 10.0 / 4, 1e-9);
    // Without the boost they tie, and the one with fewer mentees still comes first.
    rules.load_boost = 0;
    ranking = rank_mentors(project(), mentors, rules, kFamilies, 10);
    EXPECT_NEAR(ranking.candidates[0].score, ranking.candidates[1].score, 1e-12);
    EXPECT_EQ(ranking.candidates[0].name, "Free");
    EXPECT_EQ(ranking.candidates[0].factors.size(), 4u);  // no load_boost factor shown
}

TEST(Routing, FactorsWithoutDataOrWeightAreLeftOutOrZero) {
    ProjectProfile p = project();
    p.subjects.clear();
    p.section.reset();
    p.place.reset();
    std::vector<MentorCandidate> mentors = {{1, "A", {"accounting"}, {"F"}, kHome, 1, 0, 0}};
    auto ranking = rank_mentors(p, mentors, mentor_rules(), kFamilies, 10);
    ASSERT_EQ(ranking.candidates.size(), 1u);
    std::vector<std::string> codes;
    for (const auto& f : ranking.candidates[0].factors) codes.push_back(f.code);
    // No subject asked and no sector known: not scored. Distance unknown: 0 points, no measure.
    EXPECT_EQ(codes,
              (std::vector<std::string>{"distance", "capacity", "experience", "load_boost"}));
    EXPECT_FALSE(ranking.candidates[0].factors[0].measure);
    EXPECT_EQ(ranking.candidates[0].factors[0].points, 0.0);
    auto keep_full = mentor_rules();
    keep_full.exclude_full = false;
    mentors[0].current = 1;
    ranking = rank_mentors(p, mentors, keep_full, kFamilies, 10);
    ASSERT_EQ(ranking.candidates.size(), 1u);
    EXPECT_EQ(ranking.excluded_full, 0u);
}

TEST(Routing, RequiringASubjectLeavesOutMentorsWhoCoverNone) {
    std::vector<MentorCandidate> mentors = {
        {1, "Near but off-topic", {"communication"}, {"F"}, kHome, 3, 0, 0},
        {2, "Far but on topic", {"accounting"}, {}, north_km(80), 3, 0, 0},
    };
    auto rules = mentor_rules();
    auto ranking = rank_mentors(project(), mentors, rules, kFamilies, 10);
    ASSERT_EQ(ranking.candidates.size(), 2u);
    EXPECT_EQ(ranking.candidates[0].name, "Near but off-topic");  // sector and distance win
    rules.require_subject = true;
    ranking = rank_mentors(project(), mentors, rules, kFamilies, 10);
    ASSERT_EQ(ranking.candidates.size(), 1u);
    EXPECT_EQ(ranking.candidates[0].name, "Far but on topic");
    EXPECT_EQ(ranking.excluded_subject, 1u);
}

TEST(Routing, PeerTutorsAreOperatingCooperativesOfTheSameSectorNearby) {
    RankingRules rules;
    rules.factors["sector"] = {50, 25, 3, 0.5, 0.6};
    rules.factors["distance"] = {30, 20, 3, 0.5, 0.6};
    rules.factors["legal_form"] = {20, 25, 3, 0.5, 0.6};
    rules.load_boost = 10;
    rules.exclude_full = false;
    ProjectProfile p = project();
    p.legal_form = "scop";
    std::vector<TutorCandidate> tutors = {
        {11, "Scop voisine", "scop", "cooperative", "43.99A", "F", kHome, 0},
        {12, "Scic du bâtiment", "scic", "cooperative", "41.20A", "F", kHome, 0},
        {13, "Scop sociale", "scop", "cooperative", "88.99B", "Q", north_km(20), 1},
    };
    auto ranking = rank_tutors(p, tutors, rules, 10);
    ASSERT_EQ(ranking.candidates.size(), 3u);
    EXPECT_EQ(ranking.candidates[0].id, 11);
    EXPECT_NEAR(ranking.candidates[0].score, 50 + 30 + 20 + 10, 1e-9);
    EXPECT_EQ(ranking.candidates[1].id, 12);
    EXPECT_NEAR(ranking.candidates[1].score, 50 * 0.6 + 30 + 0 + 10, 1e-9);  // same section only
    EXPECT_EQ(ranking.candidates[2].id, 13);
    EXPECT_NEAR(ranking.candidates[2].score, 0 + 30 * 0.5 + 20 + 10.0 / 2, 1e-6);
    EXPECT_EQ(rank_tutors(p, tutors, rules, 2).candidates.size(), 2u);
}
