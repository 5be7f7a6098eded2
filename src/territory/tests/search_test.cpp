#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace maillage::territory {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using testing::fixture;

std::vector<std::string> search(std::string_view query, std::size_t limit = 20) {
    return codes_of(fixture().search_communes(query, limit));
}

TEST(SearchCommunes, IgnoresCaseAccentsAndPunctuation) {
    for (auto query :
         {"saint martin", "SAINT-MARTIN", "Saint Martin", "saint-mar", "sAiNt   mArTiN"})
        EXPECT_THAT(search(query), ElementsAre("40273")) << query;
    EXPECT_THAT(search("saint andre"), ElementsAre("40248"));
    EXPECT_THAT(search("SAINT-ANDRÉ"), ElementsAre("40248"));
    EXPECT_THAT(search("île de bre"), ElementsAre("22016"));
    EXPECT_THAT(search("ILE"), ElementsAre("22016"));
}

TEST(SearchCommunes, MatchesTheStartOfAnInnerWord) {
    EXPECT_THAT(search("martin"), ElementsAre("40273"));
    EXPECT_THAT(search("brehat"), ElementsAre("22016"));
    EXPECT_THAT(search("sant'elena"), ElementsAre("092051"));
    EXPECT_THAT(search("de seignanx"), ElementsAre("40273", "40248"));
}

TEST(SearchCommunes, MatchesOnlyPrefixes) {
    EXPECT_TRUE(search("st").empty());     // no abbreviation of "saint"
    EXPECT_TRUE(search("arnos").empty());  // not a substring search
    EXPECT_TRUE(search("seignanx de").empty());
    EXPECT_TRUE(search("zzz").empty());
}

TEST(SearchCommunes, RanksExactNameThenNamePrefixThenPopulation) {
    // Bayon (1,561 inhabitants) is exactly the query; Bayonne is bigger but only starts so.
    EXPECT_THAT(search("bayon"), ElementsAre("54054", "64102", "54055"));
    // Martres-Tolosane starts with "mar"; Saint-Martin, bigger, only has a word that does.
    EXPECT_THAT(search("mar"), ElementsAre("31324", "40273"));
    // Both match on an inner word: the more populated first.
    EXPECT_THAT(search("seignanx"), ElementsAre("40273", "40248"));
}

TEST(SearchCommunes, HonoursTheLimit) {
    EXPECT_THAT(search("b", 3), ElementsAre("64102", "64122", "64140"));
    EXPECT_EQ(search("b").size(), 7u);  // 6 names starting with b, and Île-de-Bréhat
    EXPECT_TRUE(search("b", 0).empty());
}

TEST(SearchCommunes, AnEmptyQueryFindsNothing) {
    EXPECT_TRUE(search("").empty());
    EXPECT_TRUE(search("  - ' ").empty());
}

TEST(SearchCommunes, FindsItalianComuni) {
    EXPECT_THAT(search("cagl"), ElementsAre("092009"));
    EXPECT_THAT(search("FIRENZE"), ElementsAre("048017"));
}

}  // namespace
}  // namespace maillage::territory
