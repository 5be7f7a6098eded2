// Bad instances get a clear message naming the element; the JSON reader is strict.
#include "sharedjobs/validation.hpp"
#include "core/error.hpp"
#include "sharedjobs/instance_json.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

Json good_document() {
    return Json::parse(R"({
      "group": {"name": "GE", "coefficient": 1.08, "default_rate": 21},
      "horizon": {"start": "2026-01-05", "end": "2026-03-29"},
      "members": [{"id": "m1", "name": "Conserverie"}],
      "needs": [{"id": "n1", "member": "m1", "occupation": "K2204", "weekly_hours": 6,
                 "windows": [{"day": "mon", "start": "08:00", "end": "12:00"},
                             {"day": "tue", "start": "08:00", "end": "10:00"}],
                 "commune": "40312"}],
      "workers": [{"id": "w1", "skills": ["K2204"], "home_commune": "40209",
                   "availability": [{"day": "mon", "start": "06:00", "end": "20:00"}],
                   "target_hours": 35, "min_hours": 4}]
    })");
}

// The first problem's field and message, from reading and checking the document.
std::pair<std::string, std::string> first_problem(const Json& document) {
    try {
        auto inst = instance_from_json(document, Rules{});
        reject_if_any(check_instance(inst, testing::locate()));
    } catch (const Error& e) {
        return {e.field(), e.what()};
    }
    return {"", ""};
}

TEST(Validation, AGoodInstanceHasNoProblem) {
    EXPECT_EQ(first_problem(good_document()).first, "");
}

TEST(Validation, OverlappingWindowsNameBothWindows) {
    auto doc = good_document();
    doc["needs"][0]["windows"][1] = {{"day", "mon"}, {"start", "11:00"}, {"end", "13:00"}};
    auto [field, message] = first_problem(doc);
    EXPECT_EQ(field, "needs[0].windows[1]");
    EXPECT_NE(message.find("overlaps windows[0]"), std::string::npos) << message;
}

TEST(Validation, UnknownCommunesAreNamed) {
    auto doc = good_document();
    doc["workers"][0]["home_commune"] = "99999";
    auto [field, message] = first_problem(doc);
    EXPECT_EQ(field, "workers[0].home_commune");
    EXPECT_NE(message.find("unknown commune '99999'"), std::string::npos) << message;
}

TEST(Validation, NegativeHoursAreRefused) {
    auto doc = good_document();
    doc["needs"][0]["weekly_hours"] = -4;
    EXPECT_EQ(first_problem(doc).first, "needs[0].weekly_hours");
    doc = good_document();
    doc["workers"][0]["min_hours"] = -1;
    EXPECT_EQ(first_problem(doc).first, "workers[0].min_hours");
}

TEST(Validation, ANeedLongerThanItsWindows) {
    auto doc = good_document();
    doc["needs"][0]["weekly_hours"] = 7;
    auto [field, message] = first_problem(doc);
    EXPECT_EQ(field, "needs[0].weekly_hours");
    EXPECT_NE(message.find("7 h a week do not fit in its windows (6 h)"), std::string::npos)
        << message;
}

TEST(Validation, StrictReading) {
    auto doc = good_document();
    doc["needs"][0]["colour"] = "blue";
    EXPECT_EQ(first_problem(doc).first, "needs[0].colour");
    doc = good_document();
    doc["needs"][0]["windows"][0]["start"] = "8h";
    EXPECT_EQ(first_problem(doc).first, "needs[0].windows[0].start");
    doc = good_document();
    doc["needs"][0]["windows"][0]["day"] = "monday";
    EXPECT_EQ(first_problem(doc).first, "needs[0].windows[0].day");
    doc = good_document();
    doc["needs"][0]["member"] = "m9";
    EXPECT_EQ(first_problem(doc).first, "needs[0].member");
    doc = good_document();
    doc.erase("horizon");
    EXPECT_EQ(first_problem(doc).first, "horizon");
}

TEST(Validation, UnknownOccupationsWhenTheListIsGiven) {
    auto inst = instance_from_json(good_document(), Rules{});
    std::set<std::string> known = {"M1602"};
    auto problems = check_instance(inst, testing::locate(), &known);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "needs[0].occupation");
}

TEST(Validation, InstanceJsonRoundTrips) {
    auto inst = instance_from_json(good_document(), Rules{});
    auto again = instance_from_json(to_json(inst), Rules{});
    EXPECT_EQ(to_json(again).dump(), to_json(inst).dump());
    EXPECT_EQ(again.needs[0].weekly_minutes, 360);
    EXPECT_EQ(again.needs[0].windows[1].day, 1);
    EXPECT_EQ(again.workers[0].min_minutes, 240);
}

}  // namespace
}  // namespace maillage::sharedjobs
