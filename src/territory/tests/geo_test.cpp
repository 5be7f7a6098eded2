#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "fixture.hpp"
#include "territory/geo.hpp"

namespace maillage::territory {
namespace {

using ::testing::ElementsAre;
using testing::fixture;

// Expected distances were computed separately (Python, the same haversine formula with
// R = 6371.0088 km), not with this code.
TEST(Distance, ParisToLyon) {
    EXPECT_NEAR(Territory::distance_km(48.8566, 2.3522, 45.7640, 4.8357), 391.499472, 1e-3);
    EXPECT_NEAR(Territory::distance_km(45.7640, 4.8357, 48.8566, 2.3522), 391.499472, 1e-3);
}

TEST(Distance, TarnosToOndres) {
    const Commune& tarnos = *fixture().commune("40312");
    const Commune& ondres = *fixture().commune("40209");
    EXPECT_NEAR(Territory::distance_km(tarnos.lat, tarnos.lon, ondres.lat, ondres.lon), 2.462984,
                1e-4);
}

TEST(Distance, SamePointAntipodeAndAntimeridian) {
    EXPECT_DOUBLE_EQ(Territory::distance_km(43.5, -1.4, 43.5, -1.4), 0.0);
    EXPECT_NEAR(Territory::distance_km(0, 0, 0, 180), std::numbers::pi * 6371.0088, 1e-6);
    // One degree of longitude on the equator, across the antimeridian.
    EXPECT_NEAR(Territory::distance_km(0, 179.5, 0, -179.5), 111.19508, 1e-4);
}

std::vector<std::pair<std::string, double>> brute_force_within(const Commune& centre,
                                                               double radius_km) {
    std::vector<std::pair<std::string, double>> found;
    for (const auto& c : fixture().communes()) {
        double d = Territory::distance_km(centre.lat, centre.lon, c.lat, c.lon);
        if (d <= radius_km) found.emplace_back(c.code, d);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first < b.first;
    });
    return found;
}

std::vector<std::pair<std::string, double>> within(const Commune& centre, double radius_km) {
    std::vector<std::pair<std::string, double>> found;
    for (const auto& [commune, distance] : fixture().communes_within(centre, radius_km))
        found.emplace_back(commune->code, distance);
    return found;
}

std::vector<std::string> codes_within(const std::string& centre, double radius_km) {
    std::vector<std::string> codes;
    for (const auto& [code, distance] : within(*fixture().commune(centre), radius_km))
        codes.push_back(code);
    return codes;
}

TEST(CommunesWithin, ListsNeighboursNearestFirst) {
    EXPECT_THAT(codes_within("40312", 5), ElementsAre("40312", "64140", "40209"));
    EXPECT_THAT(codes_within("40312", 10), ElementsAre("40312", "64140", "40209", "64102", "40273",
                                                       "40133", "64024", "40042", "40248"));
    EXPECT_THAT(codes_within("40312", 0), ElementsAre("40312"));
    EXPECT_TRUE(fixture().communes_within(*fixture().commune("40312"), -1).empty());
}

TEST(CommunesWithin, AgreesWithABruteForceScan) {
    for (const auto& centre : fixture().communes()) {
        for (double radius : {0.0, 1.0, 5.0, 10.0, 25.0, 60.0, 300.0, 700.0, 1000.0, 5000.0}) {
            auto expected = brute_force_within(centre, radius);
            auto actual = within(centre, radius);
            ASSERT_EQ(actual.size(), expected.size()) << centre.name << " " << radius;
            for (std::size_t i = 0; i < expected.size(); ++i) {
                EXPECT_EQ(actual[i].first, expected[i].first) << centre.name << " " << radius;
                EXPECT_DOUBLE_EQ(actual[i].second, expected[i].second);
            }
        }
    }
}

TEST(GeoGrid, FindsPointsAcrossTheAntimeridianAndNearThePoles) {
    GeoGrid grid;
    grid.add(1, -17.0, 179.95);
    grid.add(2, -17.0, -179.95);
    grid.add(3, 89.9, 10.0);
    grid.add(4, 89.9, -170.0);
    auto near_date_line = grid.candidates(-17.0, -179.95, 15.0);
    EXPECT_THAT(near_date_line, ::testing::UnorderedElementsAre(1, 2));
    auto near_pole = grid.candidates(89.9, 10.0, 30.0);
    EXPECT_THAT(near_pole, ::testing::UnorderedElementsAre(3, 4));
    EXPECT_TRUE(grid.candidates(0, 0, 100).empty());
}

}  // namespace
}  // namespace maillage::territory
