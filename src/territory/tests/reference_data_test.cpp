// Facts about the real generated reference territory (scripts/build-reference.sh). Runs
// only when MAILLAGE_REFERENCE_DIR names a directory holding it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "territory/territory.hpp"

namespace maillage::territory {
namespace {

class ReferenceData : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const char* directory = std::getenv("MAILLAGE_REFERENCE_DIR");
        if (directory && std::filesystem::exists(std::filesystem::path(directory) / "communes.tsv"))
            territory_ = new Territory(Territory::load(directory));
    }
    static void TearDownTestSuite() {
        delete territory_;
        territory_ = nullptr;
    }
    void SetUp() override {
        if (!territory_) GTEST_SKIP() << "MAILLAGE_REFERENCE_DIR does not hold the generated data";
    }
    static const Territory& territory() { return *territory_; }

  private:
    static inline Territory* territory_ = nullptr;
};

TEST_F(ReferenceData, TarnosIsInTheLandesNearOndres) {
    const Commune* tarnos = territory().commune("40312");
    ASSERT_NE(tarnos, nullptr);
    EXPECT_EQ(tarnos->name, "Tarnos");
    EXPECT_EQ(tarnos->department_code, "40");
    EXPECT_EQ(tarnos->region_code, "75");
    ASSERT_TRUE(tarnos->population.has_value());
    EXPECT_GT(*tarnos->population, 10000);
    EXPECT_FALSE(tarnos->approximate);
    const Commune* ondres = territory().commune("40209");
    ASSERT_NE(ondres, nullptr);
    EXPECT_LT(Territory::distance_km(tarnos->lat, tarnos->lon, ondres->lat, ondres->lon), 5.0);
    auto near = territory().communes_within(*tarnos, 5.0);
    EXPECT_TRUE(std::any_of(near.begin(), near.end(),
                            [&](const auto& entry) { return entry.first == ondres; }));
}

TEST_F(ReferenceData, HasEveryFrenchCommuneAndTheItalianComuni) {
    auto french = std::count_if(territory().communes().begin(), territory().communes().end(),
                                [](const Commune& c) { return c.country == "FR"; });
    EXPECT_GT(french, 34000);
    auto found = territory().search_communes("Cagliari", 5);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front()->name, "Cagliari");
    EXPECT_EQ(found.front()->country, "IT");
    EXPECT_EQ(found.front()->department_code, "CA");
    EXPECT_NE(territory().region("IT", "09"), nullptr);  // Toscana
    EXPECT_NE(territory().region("IT", "07"), nullptr);  // Liguria
}

TEST_F(ReferenceData, SearchFindsBigCitiesFirst) {
    auto found = territory().search_communes("saint denis", 3);
    ASSERT_EQ(found.size(), 3u);
    // Saint-Denis (La Réunion) and Saint-Denis (Seine-Saint-Denis) are both exact names.
    EXPECT_EQ(found[0]->name, "Saint-Denis");
    EXPECT_EQ(found[1]->name, "Saint-Denis");
    EXPECT_GE(found[0]->population.value_or(0), found[1]->population.value_or(0));
}

TEST_F(ReferenceData, NafHasItsFiveLevels) {
    EXPECT_TRUE(territory().is_naf_code("43.99C"));
    EXPECT_TRUE(territory().is_naf_code("88.99B"));
    EXPECT_EQ(territory().naf("88.99B")->parent_code, "88.99");
    EXPECT_EQ(territory().naf("88")->parent_code, "Q");
    EXPECT_EQ(territory().naf_codes().size(), 1728u);
}

// Speed is measured in bench/ (BM_CommunesWithin20km), never here.
TEST_F(ReferenceData, NeighbourSearchMatchesABruteForceScan) {
    const auto& communes = territory().communes();
    for (std::size_t i = 0; i < communes.size(); i += 997) {
        const Commune& centre = communes[i];
        for (double radius : {5.0, 20.0, 60.0}) {
            std::size_t expected = 0;
            for (const auto& c : communes)
                if (Territory::distance_km(centre.lat, centre.lon, c.lat, c.lon) <= radius)
                    ++expected;
            EXPECT_EQ(territory().communes_within(centre, radius).size(), expected)
                << centre.code << " " << radius;
        }
    }
}

}  // namespace
}  // namespace maillage::territory
