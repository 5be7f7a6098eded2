#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace maillage::territory {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using testing::fixture;

TEST(Naf, FindsCodesWrittenWithOrWithoutTheDot) {
    const NafCode* masonry = fixture().naf("43.99C");
    ASSERT_NE(masonry, nullptr);
    EXPECT_EQ(masonry->level, "subclass");
    EXPECT_EQ(masonry->parent_code, "43.99");
    EXPECT_EQ(masonry->label, "Travaux de maçonnerie générale et gros œuvre de bâtiment");
    EXPECT_EQ(fixture().naf("4399c"), masonry);
    EXPECT_EQ(fixture().naf(" 43 99 C "), masonry);
    const NafCode* section = fixture().naf("F");
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->level, "section");
    EXPECT_TRUE(section->parent_code.empty());
}

TEST(Naf, AcceptsKnownCodesOfEveryLevel) {
    for (auto code : {"43.99C", "88.99B", "43", "43.9", "43.99", "F", "Q", "4399C", "439"})
        EXPECT_TRUE(fixture().is_naf_code(code)) << code;
}

TEST(Naf, RefusesUnknownOrMalformedCodes) {
    for (auto code : {"43.99Z", "4", "", "43.999", "43.", "ZZ", "A", "43-99C", "01.11Z"})
        EXPECT_FALSE(fixture().is_naf_code(code)) << code;
}

TEST(Naf, NormalisesCodes) {
    EXPECT_EQ(Territory::normalise_naf_code("4399c"), "43.99C");
    EXPECT_EQ(Territory::normalise_naf_code("43.99c"), "43.99C");
    EXPECT_EQ(Territory::normalise_naf_code("439"), "43.9");
    EXPECT_EQ(Territory::normalise_naf_code("43"), "43");
    EXPECT_EQ(Territory::normalise_naf_code("f"), "F");
}

TEST(SearchNaf, ACodePrefixListsTheSubtreeInOrder) {
    EXPECT_THAT(codes_of(fixture().search_naf("43.9", 20)),
                ElementsAre("43.9", "43.91", "43.91A", "43.91B", "43.99", "43.99A", "43.99B",
                            "43.99C", "43.99D", "43.99E"));
    EXPECT_THAT(codes_of(fixture().search_naf("4399", 3)),
                ElementsAre("43.99", "43.99A", "43.99B"));
    EXPECT_THAT(codes_of(fixture().search_naf("88.99b", 20)), ElementsAre("88.99B"));
    EXPECT_THAT(codes_of(fixture().search_naf("f", 20)), ElementsAre("F"));
    EXPECT_TRUE(fixture().search_naf("12", 20).empty());
}

TEST(SearchNaf, LabelWordsMatchByPrefixIgnoringAccents) {
    EXPECT_THAT(codes_of(fixture().search_naf("maçonnerie", 20)), ElementsAre("43.99C"));
    EXPECT_THAT(codes_of(fixture().search_naf("MACONN", 20)), ElementsAre("43.99C"));
    EXPECT_THAT(codes_of(fixture().search_naf("gros oeuvre", 20)), ElementsAre("43.99C"));
    EXPECT_THAT(codes_of(fixture().search_naf("charpente", 20)), ElementsAre("43.91A"));
    EXPECT_TRUE(fixture().search_naf("boulangerie", 20).empty());
}

TEST(SearchNaf, LabelsStartingWithTheQueryComeFirst) {
    EXPECT_THAT(codes_of(fixture().search_naf("action sociale", 20)),
                ElementsAre("88", "88.99B", "Q", "88.9", "88.99"));
    EXPECT_THAT(codes_of(fixture().search_naf("sociale action", 20)),
                ElementsAre("Q", "88", "88.9", "88.99", "88.99B"));
    EXPECT_THAT(codes_of(fixture().search_naf("action sociale", 2)), ElementsAre("88", "88.99B"));
    EXPECT_TRUE(fixture().search_naf("", 20).empty());
}

}  // namespace
}  // namespace maillage::territory
