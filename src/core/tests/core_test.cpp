#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

using namespace maillage;

TEST(Text, FoldRemovesAccentsCaseAndPunctuation) {
    EXPECT_EQ(text::fold("Étang-Salé"), "etang sale");
    EXPECT_EQ(text::fold("  SAINT-MARTIN-DE-SEIGNANX  "), "saint martin de seignanx");
    EXPECT_EQ(text::fold("Città di Castello"), "citta di castello");
    EXPECT_EQ(text::fold("Œuvre & cœur"), "oeuvre coeur");
}

TEST(Text, WordsAreDistinctAndFolded) {
    EXPECT_EQ(text::words("Scic Scic Bâtiment"), (std::vector<std::string>{"scic", "batiment"}));
}

TEST(Text, Utf8ValidationAndLatin1) {
    EXPECT_TRUE(text::is_valid_utf8("Tarnos Ondres é"));
    EXPECT_FALSE(text::is_valid_utf8("caf\xE9"));
    EXPECT_EQ(text::latin1_to_utf8("caf\xE9"), "café");
}

TEST(Text, PrefixSuccessorBoundsEveryExtension) {
    auto upper = text::prefix_successor("tar");
    EXPECT_LT(std::string("tarnos"), upper);
    EXPECT_GE(std::string("tas"), upper);
}

TEST(Json, UnknownFieldIsRefusedWithItsName) {
    auto body = parse_json(R"({"name":"x","colour":"red"})");
    JsonFields fields(body);
    EXPECT_EQ(fields.required_string("name"), "x");
    try {
        fields.reject_unknown();
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "colour");
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    }
}

TEST(Json, MalformedBodyNamesTheByte) {
    try {
        parse_json("{\"a\": }");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("byte 7"), std::string::npos) << e.what();
    }
}

TEST(Json, WrongTypeNamesTheField) {
    auto body = parse_json(R"({"headcount":"ten"})");
    JsonFields fields(body, "actor");
    try {
        fields.optional_int("headcount");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "actor.headcount");
    }
}

TEST(Clock, IsoDates) {
    EXPECT_TRUE(clock::is_iso_date("2024-02-29"));
    EXPECT_FALSE(clock::is_iso_date("2023-02-29"));
    EXPECT_FALSE(clock::is_iso_date("2023-2-01"));
    EXPECT_EQ(clock::iso_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(clock::iso_utc(1700000000), "2023-11-14T22:13:20Z");
}
