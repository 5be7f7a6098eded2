// Templates are validated at load with errors naming the file and the field; the state
// machine refuses illegal transitions and says what is allowed instead.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/reference_data.hpp"
#include "core/error.hpp"
#include "pathways/rules.hpp"
#include "pathways/state_machine.hpp"

using namespace maillage;
using namespace maillage::pathways;

namespace {

const std::string kData = std::string(MAILLAGE_SOURCE_DIR) + "/data";

const Vocabulary& vocabulary() {
    static const Vocabulary v = app::load_shipped_vocabulary(kData);
    return v;
}

const PathwayRules& shipped() {
    static const PathwayRules r = load_rules(kData, vocabulary());
    return r;
}

const PathwayTemplate& shipped_template(const std::string& code) {
    for (const auto& t : shipped().templates)
        if (t.code == code) return t;
    throw std::runtime_error("no shipped template " + code);
}

// A small valid template; each test breaks one thing.
Json minimal() {
    return Json::parse(R"({
      "code": "mini", "version": 1, "model": "pole_model",
      "label": {"fr": "Mini", "it": "Mini", "en": "Mini"},
      "steps": [
        {"code": "a", "stage": "emergence", "label": {"fr": "A", "it": "A", "en": "A"},
         "duration": {"months": 1},
         "deliverables": [{"code": "d1", "label": {"fr": "D", "it": "D", "en": "D"}}]},
        {"code": "b", "stage": "creation", "label": {"fr": "B", "it": "B", "en": "B"},
         "duration": {"days": 30}}
      ],
      "transitions": [
        {"action": "advance", "from": "a", "to": "b", "guard": ["deliverables"]},
        {"action": "complete", "from": "b"}
      ]
    })");
}

// The message and field of the error parsing `document` raises.
std::pair<std::string, std::string> problem(const Json& document) {
    try {
        parse_template(document, "templates/mini.json", vocabulary());
    } catch (const Error& e) {
        return {e.what(), e.field()};
    }
    return {"", ""};
}

void expect_problem(const Json& document, const std::string& field, const std::string& words) {
    auto [message, reported] = problem(document);
    EXPECT_EQ(reported, field) << message;
    EXPECT_EQ(message.rfind("templates/mini.json: " + field, 0), 0u) << message;
    EXPECT_NE(message.find(words), std::string::npos) << message;
}

}  // namespace

TEST(Templates, TheShippedTemplatesLoad) {
    std::vector<std::string> codes;
    for (const auto& t : shipped().templates) codes.push_back(t.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"cross_border", "envie_au_projet", "liguria",
                                               "sardinia", "scop_scic_paca", "tuscany"}));
    const auto& paca = shipped_template("scop_scic_paca");
    std::vector<std::string> stages;
    for (const auto& s : paca.steps) stages.push_back(s.stage);
    EXPECT_EQ(stages, (std::vector<std::string>{"emergence", "economic_feasibility",
                                                "legal_organisation", "financing_plan", "creation",
                                                "management_tools", "follow_up", "development"}));
    EXPECT_EQ(paca.creation_step, "creation");
    const auto& envie = shipped_template("envie_au_projet");
    ASSERT_TRUE(envie.test_contract);
    EXPECT_EQ(envie.test_contract->min_months, 6);
    EXPECT_EQ(envie.test_contract->max_months, 18);
    EXPECT_EQ(envie.test_contract->followup_months, 6);
    EXPECT_EQ(shipped().routing.mentor.factors.at("subject").weight, 35);
    EXPECT_EQ(shipped().alerts.visit_notice_days, 14);
}

TEST(Templates, ErrorsNameTheFileAndTheField) {
    Json t = minimal();
    t["steps"][1]["stage"] = "launch";
    expect_problem(t, "steps[1].stage", "not a pathway_stage");
    t = minimal();
    t["steps"][0]["duration"] = Json{{"months", 1}, {"days", 3}};
    expect_problem(t, "steps[0].duration", "either months or days");
    t = minimal();
    t["steps"][0].erase("duration");
    expect_problem(t, "steps[0].duration", "is required");
    t = minimal();
    t["steps"][1]["code"] = "a";
    expect_problem(t, "steps[1].code", "already a step");
    t = minimal();
    t["steps"][0]["deliverables"][0]["label"].erase("it");
    expect_problem(t, "steps[0].deliverables[0].label.it", "is required");
    t = minimal();
    t["transitions"][0]["to"] = "zz";
    expect_problem(t, "transitions[0].to", "not a step");
    t = minimal();
    t["transitions"].push_back({{"action", "advance"}, {"from", "b"}, {"to", "a"}});
    expect_problem(t, "transitions[2].to", "later step");
    t = minimal();
    t["transitions"].push_back({{"action", "pause"}, {"from", "*"}});
    expect_problem(t, "transitions", "pause without resume");
    t = minimal();
    t["transitions"].erase(1);
    expect_problem(t, "transitions", "no complete");
    t = minimal();
    t["transitions"][0]["guard"] = {"signature"};
    expect_problem(t, "transitions[0].guard[0]", "not a guard");
    t = minimal();
    t["stepz"] = 1;
    expect_problem(t, "stepz", "unknown field");
    t = minimal();
    t["transitions"].erase(0);
    expect_problem(t, "steps[1]", "cannot be reached");
    t = minimal();
    t["version"] = 0;
    expect_problem(t, "version", "1 or more");
    EXPECT_EQ(problem(minimal()).first, "");
}

TEST(Templates, FilesWithTheSameCodeOrBadJsonAreRefused) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("pathways-templates-" + std::to_string(::getpid()));
    fs::create_directories(dir / "pathways" / "templates");
    std::ofstream(dir / "pathways" / "rules.json")
        << std::ifstream(kData + "/pathways/rules.json").rdbuf();
    std::ofstream(dir / "pathways" / "templates" / "a.json") << minimal().dump();
    std::ofstream(dir / "pathways" / "templates" / "b.json") << minimal().dump();
    try {
        load_rules(dir.string(), vocabulary());
        ADD_FAILURE() << "two templates with one code were accepted";
    } catch (const Error& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("b.json: code: 'mini'"), std::string::npos) << m;
        EXPECT_NE(m.find("a.json"), std::string::npos) << m;
    }
    std::ofstream(dir / "pathways" / "templates" / "b.json") << "{\"code\": ";
    try {
        load_rules(dir.string(), vocabulary());
        ADD_FAILURE() << "malformed JSON was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("b.json: malformed JSON"), std::string::npos)
            << e.what();
    }
    fs::remove(dir / "pathways" / "templates" / "b.json");
    std::ofstream(dir / "pathways" / "rules.json")
        << R"({"routing": {"mentor": {"factors": {"charisma": {"weight": 3}}}}})";
    try {
        load_rules(dir.string(), vocabulary());
        ADD_FAILURE() << "an unknown routing factor was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("rules.json: routing.mentor.factors.charisma"),
                  std::string::npos)
            << e.what();
    }
    fs::remove_all(dir);
}

namespace {

std::pair<std::string, std::string> refusal(const PathwayTemplate& t, PathwayState state,
                                            TransitionRequest request,
                                            const std::set<std::string>& done = {}) {
    try {
        decide(t, state, request, done);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::conflict);
        return {e.what(), e.field()};
    }
    return {"", ""};
}

}  // namespace

TEST(StateMachine, RejectsIllegalTransitionsWithTheReasonAndWhatIsAllowed) {
    const auto& paca = shipped_template("scop_scic_paca");
    PathwayState start{"emergence", Status::active};
    // The guard: required deliverables first.
    auto [message, field] = refusal(paca, start, {Action::advance, "", ""});
    EXPECT_EQ(field, "deliverables");
    EXPECT_NE(message.find("missing: promoter_group, idea_note"), std::string::npos) << message;
    EXPECT_NE(message.find("allowed from here: advance to economic_feasibility, pause, abandon"),
              std::string::npos)
        << message;
    std::set<std::string> done = {"promoter_group", "idea_note"};
    auto move = decide(paca, start, {Action::advance, "", ""}, done);
    EXPECT_EQ(move.step, "economic_feasibility");
    EXPECT_EQ(move.status, Status::active);
    // Skipping steps, going back where no rework is allowed, completing too early.
    EXPECT_EQ(refusal(paca, start, {Action::advance, "financing_plan", ""}, done).second, "to");
    EXPECT_EQ(
        refusal(paca, {"economic_feasibility", Status::active}, {Action::rework, "emergence", "x"})
            .second,
        "action");
    EXPECT_EQ(refusal(paca, {"follow_up", Status::active}, {Action::complete, "", ""}).second,
              "action");
    EXPECT_EQ(decide(paca, {"development", Status::active}, {Action::complete, "", ""}, {}).status,
              Status::completed);
    // Rework needs a note saying why.
    PathwayState legal{"legal_organisation", Status::active};
    EXPECT_EQ(refusal(paca, legal, {Action::rework, "economic_feasibility", ""}).second, "note");
    EXPECT_EQ(
        decide(paca, legal, {Action::rework, "economic_feasibility", "statuts à revoir"}, {}).step,
        "economic_feasibility");
    // Several rework targets: the request must name one.
    EXPECT_EQ(refusal(paca, {"financing_plan", Status::active}, {Action::rework, "", "x"}).second,
              "to");
    EXPECT_EQ(refusal(paca, start, {Action::pause, "creation", "x"}).second, "to");
}

TEST(StateMachine, PausedAndClosedPathways) {
    const auto& paca = shipped_template("scop_scic_paca");
    PathwayState active{"financing_plan", Status::active};
    EXPECT_EQ(refusal(paca, active, {Action::pause, "", ""}).second, "note");
    auto paused = decide(paca, active, {Action::pause, "", "été"}, {});
    EXPECT_EQ(paused.status, Status::paused);
    EXPECT_EQ(paused.step, "financing_plan");
    PathwayState p{"financing_plan", Status::paused};
    auto [message, field] = refusal(paca, p, {Action::advance, "", ""}, {"financing_plan"});
    EXPECT_EQ(field, "action");
    EXPECT_NE(message.find("refused while the pathway is paused"), std::string::npos) << message;
    EXPECT_NE(message.find("allowed from here: resume, abandon"), std::string::npos) << message;
    EXPECT_EQ(refusal(paca, active, {Action::resume, "", ""}).second, "action");
    EXPECT_EQ(decide(paca, p, {Action::resume, "", ""}, {}).status, Status::active);
    EXPECT_EQ(decide(paca, p, {Action::abandon, "", "fin"}, {}).status, Status::abandoned);
    for (auto closed : {Status::abandoned, Status::completed}) {
        auto [m, f] = refusal(paca, {"financing_plan", closed}, {Action::resume, "", ""});
        EXPECT_EQ(f, "action");
        EXPECT_NE(m.find("allowed from here: none"), std::string::npos) << m;
    }
}

TEST(StateMachine, AvailableMovesShowWhatBlocksThem) {
    const auto& envie = shipped_template("envie_au_projet");
    auto moves = available_moves(envie, {"thematic_workshops", Status::active}, {});
    std::vector<std::string> described;
    for (const auto& m : moves)
        described.push_back(to_string(m.action) + ">" + m.to + ":" +
                            std::to_string(m.missing_deliverables.size()) +
                            (m.note_required ? "n" : ""));
    EXPECT_EQ(described, (std::vector<std::string>{"advance>test_activity:1", "advance>creation:1n",
                                                   "pause>:0n", "abandon>:0n"}));
    // "advance" alone takes the next step; the skip to creation must be asked by name.
    std::set<std::string> defined = {"project_defined"};
    EXPECT_EQ(
        decide(envie, {"thematic_workshops", Status::active}, {Action::advance, "", ""}, defined)
            .step,
        "test_activity");
    EXPECT_EQ(refusal(envie, {"thematic_workshops", Status::active},
                      {Action::advance, "creation", ""}, defined)
                  .second,
              "note");
    EXPECT_EQ(decide(envie, {"thematic_workshops", Status::active},
                     {Action::advance, "creation", "activité déjà testée"}, defined)
                  .step,
              "creation");
    moves = available_moves(envie, {"test_activity", Status::active}, {"cape_signed"});
    ASSERT_EQ(moves.size(), 4u);
    EXPECT_EQ(moves[0].missing_deliverables, std::vector<std::string>{"test_review"});
    EXPECT_EQ(to_string(moves[1].action), "rework");
    EXPECT_EQ(moves[1].to, "thematic_workshops");
}
