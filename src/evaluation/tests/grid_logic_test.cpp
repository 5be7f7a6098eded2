// Grid validation, the board's replay and what is computed from answers, on hand-made grids
// and hand-computed expectations.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "evaluation/analysis.hpp"
#include "evaluation/board.hpp"

using namespace maillage;
using namespace maillage::evaluation;

namespace {

Json board_document() {
    return Json::parse(R"({
      "format": "maillage-evaluation-grid", "code": "mini-board", "version": 1, "tool": "board",
      "title": {"fr": "Mini"}, "modes": ["self"], "min_participants": 3,
      "flags": ["priority", "significant"],
      "scales": {"impact": {"kind": "cursor", "min": -5, "max": 5, "neutral": 0}},
      "sections": [
        {"code": "A", "label": {"fr": "A"}, "items": [
          {"code": "A-1", "label": {"fr": "permet-elle la **création d'emplois** ?"}, "scale": "impact"},
          {"code": "A-2", "label": {"fr": "deux"}, "scale": "impact"}]},
        {"code": "B", "label": {"fr": "B"}, "items": [
          {"code": "B-1", "label": {"fr": "trois"},
           "scale": {"kind": "cursor", "min": 0, "max": 10, "neutral": 5}}]}]
    })");
}

Grid parse_ok(const Json& doc) {
    std::vector<GridProblem> problems;
    Grid g = parse_grid(doc, {}, problems);
    EXPECT_TRUE(problems.empty()) << describe(problems);
    return g;
}

std::vector<GridProblem> problems_of(const Json& doc, const GridVocabulary& vocabulary = {}) {
    std::vector<GridProblem> problems;
    parse_grid(doc, vocabulary, problems);
    return problems;
}

bool mentions(const std::vector<GridProblem>& problems, const std::string& path_part,
              const std::string& reason_part) {
    for (const auto& p : problems)
        if (p.path.find(path_part) != std::string::npos &&
            p.reason.find(reason_part) != std::string::npos)
            return true;
    return false;
}

Argument arg(std::int64_t seq, std::string item, int direction, double displacement,
             bool withdrawn = false) {
    Argument a;
    a.seq = seq;
    a.item = std::move(item);
    a.direction = direction;
    a.displacement = displacement;
    a.withdrawn = withdrawn;
    return a;
}

}  // namespace

TEST(GridValidation, NamesTheItemAndTheReasonOfEveryProblem) {
    Json doc = board_document();
    doc["sections"][0]["items"][1]["scale"] = "missing";
    doc["sections"][1]["items"][0]["code"] = "A-1";  // twice
    doc["sections"][0]["items"][0]["colour"] = "red";
    doc["modes"] = {"self", "telepathy"};
    auto problems = problems_of(doc, {{"self", "partnership"}, {}});
    EXPECT_TRUE(mentions(problems, "sections[0].items[1] (A-2).scale", "no scale named 'missing'"));
    EXPECT_TRUE(mentions(problems, "item sections[1].items[0]", "'A-1' is already used"));
    EXPECT_TRUE(mentions(problems, "sections[0].items[0].colour", "unknown field"));
    EXPECT_TRUE(mentions(problems, "modes[1]", "'telepathy' is not a value"));
    EXPECT_EQ(problems.size(), 4u) << describe(problems);
}

TEST(GridValidation, RefusesScalesThatCannotWork) {
    Json doc = board_document();
    doc["scales"]["impact"]["neutral"] = 7;
    EXPECT_TRUE(mentions(problems_of(doc), "scales.impact.neutral", "between min and max"));
    doc = board_document();
    doc["scales"]["impact"]["min"] = 5;
    EXPECT_TRUE(mentions(problems_of(doc), "scales.impact.min", "below max"));
    doc = board_document();
    doc["scales"]["impact"] = {{"kind", "ordinal"},
                               {"levels",
                                {{{"code", "a"}, {"value", 2}, {"label", {{"fr", "A"}}}},
                                 {{"code", "b"}, {"value", 1}, {"label", {{"fr", "B"}}}}}}};
    auto p = problems_of(doc);
    EXPECT_TRUE(mentions(p, "levels[1].value", "increasing"));
    doc["sections"].erase(1);  // B-1 was the last cursor
    EXPECT_TRUE(mentions(problems_of(doc), "tool", "a board needs at least one cursor item"));
}

TEST(GridValidation, AggregationNeedsSomethingToAggregate) {
    Json doc = Json::parse(R"({"format": "maillage-evaluation-grid", "code": "f", "version": 2,
      "title": {"fr": "F"}, "modes": ["self"],
      "sections": [{"code": "S", "label": {"fr": "S"}, "aggregation": "mean",
                    "items": [{"code": "t", "label": {"fr": "t"}, "scale": {"kind": "text"}}]}]})");
    EXPECT_TRUE(mentions(problems_of(doc), "sections[0] (S).aggregation", "nothing to aggregate"));
    doc["sections"][0]["aggregation"] = "median";
    EXPECT_TRUE(mentions(problems_of(doc), "(S).aggregation", "must be none, mean"));
}

TEST(GridValidation, ThrowsWithTheOriginInTheMessage) {
    Json doc = board_document();
    doc["sections"][0]["items"][1]["label"] = {{"it", "due"}};
    try {
        parse_grid_or_throw(doc, {}, "grids/mini.json");
        FAIL();
    } catch (const Error& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("grids/mini.json"), std::string::npos) << m;
        EXPECT_NE(m.find("(A-2).label.fr: the French text is required"), std::string::npos) << m;
    }
}

TEST(BoardReplay, ReproducesAHandComputedLogWithClampingAtEachStep) {
    Grid g = parse_ok(board_document());
    // A-1 on [-5, 5] from 0: +2 → 2, +1.5 → 3.5, +3 → 5 (stops at the end; 6.5 wanted),
    //   −2 → 3 (from the end, not from 6.5), withdrawn +4 → 3.
    // A-2: −1 → −1, −0.5 → −1.5.
    // B-1 on [0, 10] from its neutral 5: −4 → 1, −3 → 0 (clamped), +2.5 → 2.5.
    std::vector<Argument> log = {arg(1, "A-1", +1, 2),       arg(2, "A-2", -1, 1),
                                 arg(3, "A-1", +1, 1.5),     arg(4, "B-1", -1, 4),
                                 arg(5, "A-1", +1, 3),       arg(6, "B-1", -1, 3),
                                 arg(7, "A-1", -1, 2),       arg(8, "A-2", -1, 0.5),
                                 arg(9, "A-1", +1, 4, true), arg(10, "B-1", +1, 2.5)};
    Replay r = replay(g, log);
    EXPECT_DOUBLE_EQ(r.positions.at("A-1"), 3.0);
    EXPECT_DOUBLE_EQ(r.positions.at("A-2"), -1.5);
    EXPECT_DOUBLE_EQ(r.positions.at("B-1"), 2.5);
    EXPECT_EQ(r.arguments.at("A-1"), 4);  // the withdrawn one does not count
    EXPECT_EQ(r.arguments.at("B-1"), 3);
    ASSERT_EQ(r.steps.size(), log.size());
    EXPECT_TRUE(r.steps[4].clamped);
    EXPECT_DOUBLE_EQ(r.steps[4].before, 3.5);
    EXPECT_DOUBLE_EQ(r.steps[4].after, 5.0);
    EXPECT_TRUE(r.steps[5].clamped);
    EXPECT_FALSE(r.steps[6].clamped);
    EXPECT_FALSE(r.steps[8].applied);
    EXPECT_DOUBLE_EQ(r.steps[8].after, 3.0);
    // A prefix of the log is the board at that moment of the session.
    std::vector<Argument> first_five(log.begin(), log.begin() + 5);
    EXPECT_DOUBLE_EQ(replay(g, first_five).positions.at("A-1"), 5.0);
    EXPECT_DOUBLE_EQ(replay(g, {}).positions.at("B-1"), 5.0);
}

TEST(BoardReplay, ChecksArgumentsBeforeTheyJoinTheLog) {
    Grid g = parse_ok(board_document());
    EXPECT_EQ(argument_problem(g, arg(1, "A-1", +1, 2)), "");
    EXPECT_EQ(argument_problem(g, arg(1, "A-1", +1, 0)), "");
    EXPECT_NE(argument_problem(g, arg(1, "Z-9", +1, 2)).find("no question"), std::string::npos);
    EXPECT_NE(argument_problem(g, arg(1, "A-1", 0, 2)).find("direction"), std::string::npos);
    EXPECT_NE(argument_problem(g, arg(1, "A-1", +1, -1)).find("0 or more"), std::string::npos);
    EXPECT_NE(argument_problem(g, arg(1, "A-1", +1, 10.5)).find("length of the axis (10)"),
              std::string::npos);
}

TEST(Labels, ShortLabelsAreTheSeedsBoldWords) {
    EXPECT_EQ(short_label("permet-elle la **création d'emplois** ?"), "création d'emplois");
    EXPECT_EQ(short_label("prévoit-elle d'**information descendante** mais des **remontées**"),
              "information descendante … remontées");
    EXPECT_EQ(short_label("est-elle *sociale* ?"), "est-elle sociale ?");
    EXPECT_EQ(short_label("éééééé", 3), "ééé…");
    EXPECT_EQ(plain_text("a **b** *c*"), "a b c");
}

namespace {

Json form_document() {
    return Json::parse(R"({
      "format": "maillage-evaluation-grid", "code": "mini-form", "version": 1,
      "title": {"fr": "Form"}, "modes": ["self"], "radar": {"depth": 1},
      "scales": {"lvl": {"kind": "ordinal", "levels": [
          {"code": "low", "value": 1, "label": {"fr": "bas"}},
          {"code": "mid", "value": 2, "label": {"fr": "moyen"}},
          {"code": "high", "value": 4, "label": {"fr": "haut"}}]}},
      "sections": [
        {"code": "S1", "label": {"fr": "S1"}, "aggregation": "mean", "items": [
          {"code": "o1", "label": {"fr": "o1"}, "scale": "lvl"},
          {"code": "o2", "label": {"fr": "o2"}, "scale": "lvl"},
          {"code": "o3", "label": {"fr": "o3"}, "scale": "lvl"}]},
        {"code": "S2", "label": {"fr": "S2"}, "aggregation": "share_yes", "items": [
          {"code": "y1", "label": {"fr": "y1"}, "scale": {"kind": "yes_no"}},
          {"code": "y2", "label": {"fr": "y2"}, "scale": {"kind": "yes_no"}},
          {"code": "y3", "label": {"fr": "y3"}, "scale": {"kind": "yes_no"}},
          {"code": "y4", "label": {"fr": "y4"}, "scale": {"kind": "yes_no"}}]},
        {"code": "S3", "label": {"fr": "S3"}, "aggregation": "sum", "items": [
          {"code": "n1", "label": {"fr": "n1"}, "scale": {"kind": "number", "min": 0, "max": 10}},
          {"code": "n2", "label": {"fr": "n2"}, "scale": {"kind": "number", "min": 0, "max": 10}},
          {"code": "note", "label": {"fr": "note"}, "scale": {"kind": "text"}}]}]
    })");
}

Answer number(double v) {
    Answer a;
    a.number = v;
    return a;
}
Answer level(const std::string& code) {
    Answer a;
    a.text = code;
    return a;
}

}  // namespace

TEST(Aggregation, ComputesWhatEachSectionDefinesOverAnsweredItems) {
    Grid g = parse_ok(form_document());
    Answers answers = {{"o1", level("low")}, {"o2", level("high")},  // o3 unanswered
                       {"y1", number(1)},    {"y2", number(0)},     {"y3", number(1)},
                       {"n1", number(3)},    {"n2", number(4.5)}};
    auto results = aggregate(g, answers);
    ASSERT_EQ(results.size(), 3u);
    // mean of levels 1 and 4 = 2.5 on a 1..4 range → (2.5 − 1) / 3 = 0.5
    EXPECT_DOUBLE_EQ(*results[0].value, 2.5);
    EXPECT_EQ(results[0].answered, 2);
    EXPECT_EQ(results[0].items, 3);
    EXPECT_DOUBLE_EQ(*results[0].normalised, 0.5);
    // 2 yes of 3 answered
    EXPECT_DOUBLE_EQ(*results[1].value, 2.0 / 3.0);
    // sum 7.5 on 0..20 (two answered items of 0..10)
    EXPECT_DOUBLE_EQ(*results[2].value, 7.5);
    EXPECT_DOUBLE_EQ(*results[2].upper, 20.0);
    EXPECT_DOUBLE_EQ(*results[2].normalised, 0.375);
    auto axes = radar(g, answers, nullptr);
    ASSERT_EQ(axes.size(), 3u);
    EXPECT_DOUBLE_EQ(*axes[1].value, 2.0 / 3.0);
    EXPECT_FALSE(axes[0].previous.has_value());
}

TEST(Aggregation, NothingIsComputedForAnUnansweredSection) {
    Grid g = parse_ok(form_document());
    auto results = aggregate(g, {});
    EXPECT_FALSE(results[0].value.has_value());
    EXPECT_FALSE(results[0].normalised.has_value());
}

TEST(Comparison, GivesTheDifferenceAndFlagChangesItemByItem) {
    Grid g = parse_ok(board_document());
    Answers now = {{"A-1", number(3)}, {"A-2", number(-1.5)}};
    now["A-1"].priority = true;
    Answers before = {{"A-1", number(1)}, {"B-1", number(6)}};
    auto c = compare(g, now, before);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].code, "A-1");
    EXPECT_DOUBLE_EQ(*c[0].delta, 2.0);
    EXPECT_TRUE(c[0].flag_changed);
    EXPECT_FALSE(c[1].delta.has_value());  // A-2 was not discussed before
    EXPECT_TRUE(c[1].changed);
    EXPECT_FALSE(c[2].current.has_value());
    EXPECT_FALSE(c[2].flag_changed);
}

TEST(Distribution, MatchesHandComputedQuartiles) {
    // 1, 2, 4, 7, 10: type-7 quartiles 2 and 7, median 4, mean 4.8
    std::vector<double> v = {1, 2, 4, 7, 10};
    EXPECT_DOUBLE_EQ(quantile(v, 0.25), 2.0);
    EXPECT_DOUBLE_EQ(quantile(v, 0.5), 4.0);
    EXPECT_DOUBLE_EQ(quantile(v, 0.1), 1.4);  // 1 + 0.4 × (2 − 1)
    Grid g = parse_ok(form_document());
    std::vector<Answer> answers = {number(1), number(2), number(4), number(7), number(10), {}};
    std::vector<const Answer*> pointers;
    for (const auto& a : answers) pointers.push_back(&a);
    pointers.push_back(nullptr);  // a member that has not started
    auto d = distribution(*g.find_item("n1"), pointers);
    EXPECT_EQ(d.assessments, 7);
    EXPECT_EQ(d.answered, 5);
    EXPECT_DOUBLE_EQ(*d.median, 4.0);
    EXPECT_DOUBLE_EQ(*d.q3, 7.0);
    EXPECT_DOUBLE_EQ(*d.mean, 4.8);
    std::vector<Answer> levels = {level("low"), level("high"), level("high")};
    auto o = distribution(*g.find_item("o1"), {&levels[0], &levels[1], &levels[2]});
    EXPECT_EQ(o.counts.at("high"), 2);
    EXPECT_EQ(o.counts.at("mid"), 0);
    EXPECT_DOUBLE_EQ(*o.median, 4.0);
}

TEST(Numbers, AreWrittenForPeople) {
    EXPECT_EQ(format_number(2), "2");
    EXPECT_EQ(format_number(-1.5), "-1.5");
    EXPECT_EQ(format_number(0.125), "0.13");
    EXPECT_EQ(format_number(-0.001), "0");
}
