// Assessments through the service, on both backends: the board's group rule, the argument
// log and its replay, answers of every kind, versions of grids, history and comparison.
#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::evaluation;
using maillage::evaluation::testing::ServiceTest;

TEST_P(ServiceTest, TheBoardRefusesAGroupOfFewerThanThree) {
    std::string field;
    EXPECT_EQ(error_of([&] { service().create_assessment(pole_, user_, board_input(2)); }, &field),
              "invalid_input");
    EXPECT_EQ(field, "participants");
    EXPECT_EQ(error_of([&] { service().create_assessment(pole_, user_, board_input(0)); }),
              "invalid_input");
    EXPECT_TRUE(service().assessments(pole_, {}).empty());  // nothing was written
    auto a = service().create_assessment(pole_, user_, board_input(3));
    EXPECT_EQ(a.participant_list.size(), 3u);
    EXPECT_EQ(a.subject.title, "Insertion A");
    // Nor can the group shrink below three later.
    EXPECT_EQ(error_of([&] {
                  service().remove_participant(pole_, user_, a.id, a.participant_list[0].id);
              }),
              "conflict");
}

TEST_P(ServiceTest, CursorPositionsAreTheReplayOfTheLog) {
    auto a = service().create_assessment(pole_, user_, board_input(3));
    auto p = [&](int i) { return a.participant_list[std::size_t(i)].id; };
    // ECO-1: +2, +2, +2 (stops at 5), −1 → 4.   SOC-5: −1.5, −1 → −2.5.   ENV-3: +1 withdrawn → 0.
    service().add_argument(pole_, user_, a.id, argument("ECO-1", p(0), +1, 2, "des emplois"));
    service().add_argument(pole_, user_, a.id, argument("SOC-5", p(1), -1, 1.5));
    service().add_argument(pole_, user_, a.id, argument("ECO-1", p(2), +1, 2));
    service().add_argument(pole_, user_, a.id, argument("ECO-1", p(0), +1, 2));
    service().add_argument(pole_, user_, a.id, argument("ENV-3", p(1), +1, 1));
    service().add_argument(pole_, user_, a.id, argument("ECO-1", p(1), -1, 1));
    // User 0: no signed-in user (a script or the command line) may add to the log too.
    auto now = service().add_argument(pole_, 0, a.id, argument("SOC-5", p(2), -1, 1));
    service().withdraw_argument(pole_, user_, a.id, now.log[4].id, true);
    now = service().assessment(pole_, a.id);
    EXPECT_DOUBLE_EQ(now.board.positions.at("ECO-1"), 4.0);
    EXPECT_DOUBLE_EQ(now.board.positions.at("SOC-5"), -2.5);
    EXPECT_DOUBLE_EQ(now.board.positions.at("ENV-3"), 0.0);
    EXPECT_DOUBLE_EQ(now.board.positions.at("GOV-12"), 0.0);
    EXPECT_TRUE(now.board.steps[3].clamped);
    EXPECT_EQ(now.log.size(), 7u);
    EXPECT_EQ(now.log[6].seq, 7);
    EXPECT_EQ(now.answers.at("ECO-1").arguments, 4);
    EXPECT_FALSE(now.answers.count("ENV-3"));  // withdrawn: never discussed
    EXPECT_EQ(now.arguments, 6);
    // The board at the 4th argument: ECO-1 at its end, SOC-5 at −1.5.
    auto at4 = service().replay(pole_, a.id, 4);
    EXPECT_DOUBLE_EQ(at4.positions.at("ECO-1"), 5.0);
    EXPECT_DOUBLE_EQ(at4.positions.at("SOC-5"), -1.5);
    // Every change moves the revision a second screen polls.
    EXPECT_GT(service().revision(pole_, a.id), a.revision);
}

TEST_P(ServiceTest, ArgumentsAreCheckedBeforeTheyJoinTheLog) {
    auto a = service().create_assessment(pole_, user_, board_input(3));
    auto p = a.participant_list[0].id;
    std::string field;
    EXPECT_EQ(
        error_of([&] { service().add_argument(pole_, user_, a.id, argument("XYZ-1", p, 1, 1)); },
                 &field),
        "invalid_input");
    EXPECT_EQ(field, "item");
    EXPECT_EQ(
        error_of([&] { service().add_argument(pole_, user_, a.id, argument("ECO-1", p, 1, 11)); },
                 &field),
        "invalid_input");
    EXPECT_EQ(field, "displacement");
    EXPECT_EQ(
        error_of(
            [&] { service().add_argument(pole_, user_, a.id, argument("ECO-1", p + 999, 1, 1)); },
            &field),
        "invalid_input");
    EXPECT_EQ(field, "participant_id");
    // A closed session is a record: reopen it to go on.
    AssessmentChange close;
    close.status = "closed";
    service().change_assessment(pole_, user_, a.id, close);
    EXPECT_EQ(
        error_of([&] { service().add_argument(pole_, user_, a.id, argument("ECO-1", p, 1, 1)); }),
        "conflict");
    AssessmentChange reopen;
    reopen.status = "open";
    service().change_assessment(pole_, user_, a.id, reopen);
    EXPECT_EQ(service().add_argument(pole_, user_, a.id, argument("ECO-1", p, 1, 1)).log.size(),
              1u);
    // A participant who has spoken stays.
    service().add_participant(pole_, user_, a.id, {"Quatrième", {}, {}});
    EXPECT_EQ(error_of([&] { service().remove_participant(pole_, user_, a.id, p); }), "conflict");
}

TEST_P(ServiceTest, BlackBallsAndCommentsButNoTypedPositionOnACursor) {
    auto a = service().create_assessment(pole_, user_, board_input(3));
    AnswerInput flag{"ENV-14", {}, true, std::nullopt, std::string("axe prioritaire")};
    auto after = service().save_answers(pole_, user_, a.id, {flag});
    EXPECT_TRUE(after.answers.at("ENV-14").priority);
    EXPECT_EQ(after.answers.at("ENV-14").comment, "axe prioritaire");
    AnswerInput typed{"ENV-14", Json(3.0), {}, {}, {}};
    EXPECT_EQ(error_of([&] { service().save_answers(pole_, user_, a.id, {typed}); }),
              "invalid_input");
}

TEST_P(ServiceTest, AnswersOfEveryKindAreAllOrNone) {
    AssessmentInput in;
    in.grid_id = shipped("ptce-references");
    in.subject = {"pole", pole_, ""};
    in.held_on = "2025-06-01";
    in.stage = "evaluation";
    in.mode = "self";
    auto a = service().create_assessment(pole_, user_, in);
    EXPECT_EQ(a.subject.title, "Pôle A");
    std::vector<AnswerInput> good = {{"REF-A.1", Json("3"), {}, {}, {}},
                                     {"REF-A.2", Json("1"), {}, {}, std::string("à creuser")},
                                     {"REF-D.1", Json(true), {}, {}, {}},
                                     {"REF-D.2", Json(false), {}, {}, {}}};
    auto saved = service().save_answers(pole_, user_, a.id, good);
    EXPECT_EQ(*saved.answers.at("REF-A.1").text, "3");
    EXPECT_DOUBLE_EQ(*saved.answers.at("REF-D.2").number, 0.0);
    // share_yes of REF-D: 1 of 2; mean of REF-A: (3 + 1) / 2 on 0..3
    auto results = aggregate(*saved.grid, saved.answers);
    for (const auto& r : results) {
        if (r.code == "REF-A") {
            EXPECT_DOUBLE_EQ(*r.normalised, 2.0 / 3.0);
        }
        if (r.code == "REF-D") {
            EXPECT_DOUBLE_EQ(*r.value, 0.5);
        }
    }
    std::vector<AnswerInput> mixed = {{"REF-A.3", Json("2"), {}, {}, {}},
                                      {"REF-A.4", Json("9"), {}, {}, {}}};  // no level 9
    std::string field;
    EXPECT_EQ(error_of([&] { service().save_answers(pole_, user_, a.id, mixed); }, &field),
              "invalid_input");
    EXPECT_EQ(field, "answers[1].value");
    EXPECT_FALSE(service().assessment(pole_, a.id).answers.count("REF-A.3"));
}

TEST_P(ServiceTest, PoleGridsAreVersionedOnceUsed) {
    auto copy = service().copy_grid(pole_, user_, shipped("ptce-2012"), std::nullopt, std::nullopt);
    EXPECT_EQ(copy.pole_id, pole_);
    EXPECT_EQ(copy.derived_from, shipped("ptce-2012"));
    Json doc = grid_to_json(*copy.grid);
    doc["sections"][0]["label"]["fr"] = "Coopérer sur le territoire";
    doc["sections"][0]["placeholder"] = false;
    auto in_place = service().save_grid(pole_, user_, copy.id, doc);
    EXPECT_EQ(in_place.id, copy.id);  // nothing used it yet
    EXPECT_EQ(in_place.grid->sections[0].label.fr, "Coopérer sur le territoire");
    AssessmentInput in;
    in.grid_id = copy.id;
    in.subject = {"pole", pole_, ""};
    in.held_on = "2025-01-10";
    in.stage = "evaluation";
    in.mode = "mutual";
    auto used = service().create_assessment(pole_, user_, in);
    doc["sections"][1]["label"]["fr"] = "Mutualiser";
    auto next = service().save_grid(pole_, user_, copy.id, doc);
    EXPECT_NE(next.id, copy.id);
    EXPECT_EQ(next.grid->version, copy.grid->version + 1);
    // The assessment keeps the version it was made with.
    EXPECT_EQ(service().assessment(pole_, used.id).grid->sections[1].label.fr,
              copy.grid->sections[1].label.fr);
    EXPECT_EQ(error_of([&] { service().save_grid(pole_, user_, shipped("ptce-2012"), doc); }),
              "forbidden");
    // Another pole neither sees nor copies the pole's grid.
    EXPECT_EQ(error_of([&] { service().grid(other_pole_, copy.id); }), "not_found");
    EXPECT_EQ(error_of([&] {
                  service().copy_grid(other_pole_, user_, copy.id, std::nullopt, std::nullopt);
              }),
              "not_found");
    Json bad = doc;
    bad["sections"][2]["sections"][0]["items"][1]["scale"] = "nowhere";
    try {
        service().import_grid(pole_, user_, bad, "upload.json");
        ADD_FAILURE();
    } catch (const Error& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("upload.json"), std::string::npos) << m;
        EXPECT_NE(m.find("(IND-3.1.2).scale: no scale named 'nowhere'"), std::string::npos) << m;
    }
}

TEST_P(ServiceTest, SessionsCompareQuestionByQuestion) {
    Demarche d;
    d.name = "Démarche mobilité";
    auto demarche = service().save_demarche(pole_, user_, std::nullopt, d);
    auto first_in = board_input(3);
    first_in.subject = {"demarche", demarche.id, ""};
    first_in.held_on = "2024-02-01";
    auto first = service().create_assessment(pole_, user_, first_in);
    auto p1 = first.participant_list[0].id;
    service().add_argument(pole_, user_, first.id, argument("ECO-3", p1, +1, 1));
    service().add_argument(pole_, user_, first.id, argument("GOV-1", p1, -1, 2));
    auto second_in = first_in;
    second_in.held_on = "2025-02-01";
    auto second = service().create_assessment(pole_, user_, second_in);
    auto p2 = second.participant_list[1].id;
    service().add_argument(pole_, user_, second.id, argument("ECO-3", p2, +1, 3));
    service().add_argument(pole_, user_, second.id, argument("GOV-1", p2, +1, 1));
    service().save_answers(pole_, user_, second.id, {{"GOV-1", {}, true, {}, {}}});
    auto history = service().history(pole_, second.id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, first.id);
    auto cmp = service().comparison(pole_, second.id, std::nullopt);
    ASSERT_TRUE(cmp.has_value());
    EXPECT_EQ(cmp->previous.id, first.id);
    std::map<std::string, ItemComparison> by_code;
    for (const auto& c : cmp->items) by_code[c.code] = c;
    EXPECT_DOUBLE_EQ(*by_code["ECO-3"].delta, 2.0);  // 3 − 1
    EXPECT_DOUBLE_EQ(*by_code["GOV-1"].delta, 3.0);  // 1 − (−2)
    EXPECT_TRUE(by_code["GOV-1"].flag_changed);
    EXPECT_FALSE(by_code["SOC-1"].delta.has_value());
    EXPECT_FALSE(by_code["SOC-1"].changed);
    EXPECT_FALSE(service().comparison(pole_, first.id, std::nullopt).has_value());
    EXPECT_EQ(error_of([&] { service().delete_demarche(pole_, user_, demarche.id); }), "conflict");
}

TEST_P(ServiceTest, RecordsOfAnotherPoleAreNotFound) {
    auto a = service().create_assessment(pole_, user_, board_input(3));
    EXPECT_EQ(error_of([&] { service().assessment(other_pole_, a.id); }), "not_found");
    EXPECT_EQ(error_of([&] {
                  service().add_argument(other_pole_, user_, a.id,
                                         argument("ECO-1", a.participant_list[0].id, 1, 1));
              }),
              "not_found");
    EXPECT_EQ(error_of([&] {
                  service().create_assessment(pole_, user_, board_input(3, foreign_actor_));
              }),
              "not_found");
    auto in = board_input(3);
    in.participants[0].actor_id = foreign_actor_;
    EXPECT_EQ(error_of([&] { service().create_assessment(pole_, user_, in); }), "not_found");
}

TEST_P(ServiceTest, EvidenceFilesComeBackByteForByte) {
    AssessmentInput in;
    in.grid_id = shipped("change-management");
    in.subject = {"actor", actors_[1], ""};
    in.held_on = "2025-09-09";
    in.stage = "design";
    in.mode = "self";
    auto a = service().create_assessment(pole_, user_, in);
    EvidenceInput e;
    e.kind = "general_assembly_minutes";
    e.title = "Compte rendu de l'AG 2025";
    e.item = "CHG-P1";
    // Bytes with a NUL and a high byte inside: every byte must come back.
    static const char kRaw[] = "%PDF-1.4\0\x01\xff binary";
    std::string bytes(kRaw, sizeof kRaw - 1);
    e.file = EvidenceFile{"ag-2025.pdf", "application/pdf", bytes, 0};
    auto stored = service().add_evidence(pole_, user_, a.id, e);
    EXPECT_EQ(stored.file_bytes, 18);
    auto back = service().evidence_file(pole_, a.id, stored.id);
    EXPECT_EQ(back.bytes, bytes);
    EXPECT_EQ(back.content_type, "application/pdf");
    e.file = EvidenceFile{"page.html", "text/html", "<script>alert(1)</script>", 0};
    auto html = service().add_evidence(pole_, user_, a.id, e);
    EXPECT_EQ(service().evidence_file(pole_, a.id, html.id).content_type,
              "application/octet-stream");
    e.kind = "rumour";
    EXPECT_EQ(error_of([&] { service().add_evidence(pole_, user_, a.id, e); }), "invalid_input");
    EXPECT_EQ(error_of([&] { service().evidence_file(other_pole_, a.id, stored.id); }),
              "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::ValuesIn(store::testdb::backends()));
