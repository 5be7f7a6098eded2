#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "core/error.hpp"
#include "fixture.hpp"

namespace maillage::territory {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using testing::fixture;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

TEST(TerritoryLoad, ReadsEveryFileOfTheFixture) {
    const auto& t = fixture();
    EXPECT_EQ(t.regions().size(), 7u);
    EXPECT_EQ(t.departments().size(), 8u);
    EXPECT_EQ(t.epcis().size(), 7u);
    EXPECT_EQ(t.communes().size(), 19u);
    EXPECT_EQ(t.naf_codes().size(), 18u);
}

TEST(TerritoryLoad, FindsACommuneByCodeWithAllItsFields) {
    const Commune* tarnos = fixture().commune("40312");
    ASSERT_NE(tarnos, nullptr);
    EXPECT_EQ(tarnos->country, "FR");
    EXPECT_EQ(tarnos->name, "Tarnos");
    EXPECT_THAT(tarnos->postal_codes, ElementsAre("40220"));
    EXPECT_EQ(tarnos->department_code, "40");
    EXPECT_EQ(tarnos->region_code, "75");
    EXPECT_EQ(tarnos->epci_code, "244000659");
    EXPECT_EQ(tarnos->population, 12957);
    EXPECT_DOUBLE_EQ(tarnos->lat, 43.5417);
    EXPECT_DOUBLE_EQ(tarnos->lon, -1.46281);
    EXPECT_FALSE(tarnos->approximate);

    const Commune* biarrotte = fixture().commune("40042");
    ASSERT_NE(biarrotte, nullptr);
    EXPECT_TRUE(biarrotte->approximate);

    const Commune* paris = fixture().commune("75056");
    ASSERT_NE(paris, nullptr);
    EXPECT_EQ(paris->postal_codes.size(), 21u);
    EXPECT_EQ(paris->postal_codes.front(), "75001");
}

TEST(TerritoryLoad, ItalianComuniCarryTheirProvinceAndNoEpci) {
    const Commune* cagliari = fixture().commune("092009");
    ASSERT_NE(cagliari, nullptr);
    EXPECT_EQ(cagliari->country, "IT");
    EXPECT_EQ(cagliari->name, "Cagliari");
    EXPECT_EQ(cagliari->department_code, "CA");
    EXPECT_EQ(cagliari->region_code, "20");
    EXPECT_TRUE(cagliari->epci_code.empty());
    EXPECT_TRUE(cagliari->postal_codes.empty());
}

TEST(TerritoryLoad, UnknownCodesFindNothing) {
    EXPECT_EQ(fixture().commune("99999"), nullptr);
    EXPECT_EQ(fixture().commune(""), nullptr);
    EXPECT_EQ(fixture().epci("200000000"), nullptr);
    EXPECT_EQ(fixture().department("FR", "CA"), nullptr);
    EXPECT_EQ(fixture().department("IT", "40"), nullptr);
    EXPECT_EQ(fixture().region("FR", "20"), nullptr);
}

TEST(TerritoryLoad, DepartmentsAndRegionsAreKeyedByCountry) {
    const Department* landes = fixture().department("FR", "40");
    ASSERT_NE(landes, nullptr);
    EXPECT_EQ(landes->name, "Landes");
    EXPECT_EQ(landes->region_code, "75");
    const Department* cagliari = fixture().department("IT", "CA");
    ASSERT_NE(cagliari, nullptr);
    EXPECT_EQ(cagliari->region_code, "20");
    const Region* sardegna = fixture().region("IT", "20");
    ASSERT_NE(sardegna, nullptr);
    EXPECT_EQ(sardegna->name, "Sardegna");
    const Region* aquitaine = fixture().region("FR", "75");
    ASSERT_NE(aquitaine, nullptr);
    EXPECT_EQ(aquitaine->name, "Nouvelle-Aquitaine");
}

TEST(TerritoryLoad, EpciPopulationIsTheSumOfItsMembers) {
    const Epci* seignanx = fixture().epci("244000659");
    ASSERT_NE(seignanx, nullptr);
    EXPECT_EQ(seignanx->name, "CC du Seignanx");
    EXPECT_EQ(seignanx->kind, "CC");
    EXPECT_EQ(seignanx->department_code, "40");
    // Tarnos + Ondres + Saint-Martin + Saint-André + Biarrotte, the members in the fixture.
    EXPECT_EQ(seignanx->population, 12957 + 6533 + 6238 + 1945 + 347);
    EXPECT_EQ(seignanx->population, 28020);
}

TEST(TerritoryLoad, ListsTheMembersOfAnEpciByCode) {
    EXPECT_THAT(codes_of(fixture().communes_of_epci("244000659")),
                ElementsAre("40042", "40209", "40248", "40273", "40312"));
    EXPECT_THAT(codes_of(fixture().communes_of_epci("200067106")),
                ElementsAre("64024", "64102", "64122", "64140"));
    EXPECT_TRUE(fixture().communes_of_epci("000000000").empty());
}

TEST(TerritoryLoad, FindsCommunesByPostalCode) {
    EXPECT_THAT(codes_of(fixture().communes_by_postal_code("40390")),
                ElementsAre("40042", "40248", "40273"));
    EXPECT_THAT(codes_of(fixture().communes_by_postal_code("75116")), ElementsAre("75056"));
    EXPECT_THAT(codes_of(fixture().communes_by_postal_code(" 40220 ")), ElementsAre("40312"));
    EXPECT_TRUE(fixture().communes_by_postal_code("40").empty());
    EXPECT_TRUE(fixture().communes_by_postal_code("").empty());
}

TEST(TerritoryLoad, AnEmptyTerritoryFindsNothing) {
    Territory empty;
    EXPECT_EQ(empty.commune("40312"), nullptr);
    EXPECT_TRUE(empty.search_communes("tarnos", 10).empty());
    EXPECT_TRUE(empty.communes().empty());
    EXPECT_FALSE(empty.is_naf_code("43.99C"));
}

TEST(TerritoryLoad, CopiesShareTheDataAndReadsRunInParallel) {
    Territory copy = fixture();
    EXPECT_EQ(copy.commune("40312"), fixture().commune("40312"));
    std::vector<std::thread> readers;
    std::vector<int> found(4, 0);
    for (int r = 0; r < 4; ++r) {
        readers.emplace_back([&copy, &found, r] {
            for (int i = 0; i < 200; ++i) {
                auto result = copy.search_communes("Saint-Martin", 5);
                if (!result.empty() && result.front()->code == "40273") ++found[r];
            }
        });
    }
    for (auto& reader : readers) reader.join();
    EXPECT_THAT(found, ElementsAre(200, 200, 200, 200));
}

// A copy of the fixture in a fresh directory, with one file's line replaced.
class BrokenFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        directory_ = fs::temp_directory_path() /
                     ("maillage-territory-" + std::to_string(::getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(directory_);
        fs::create_directories(directory_);
        for (const auto& entry : fs::directory_iterator(MAILLAGE_TEST_DATA_DIR))
            fs::copy_file(entry.path(), directory_ / entry.path().filename());
    }
    void TearDown() override { fs::remove_all(directory_); }

    // Replaces line `number` (1 = header) of `file`.
    void replace_line(const std::string& file, int number, const std::string& line) {
        std::ifstream in(directory_ / file);
        std::vector<std::string> lines;
        for (std::string current; std::getline(in, current);) lines.push_back(current);
        lines.at(static_cast<std::size_t>(number - 1)) = line;
        std::ofstream out(directory_ / file, std::ios::trunc);
        for (const auto& l : lines) out << l << '\n';
    }

    // The error that loading throws.
    Error load_error() {
        try {
            Territory::load(directory_.string());
        } catch (const Error& error) {
            return error;
        }
        ADD_FAILURE() << "the broken fixture loaded without error";
        return Error(ErrorCode::internal, "");
    }

    fs::path directory_;
};

TEST_F(BrokenFixture, TheUntouchedCopyLoads) {
    EXPECT_NO_THROW(Territory::load(directory_.string()));
}

TEST_F(BrokenFixture, ABadNumberNamesFileLineAndField) {
    replace_line(
        "communes.tsv", 3,
        "FR\t31324\tMartres-Tolosane\t31220\t31\t76\t200068815\t23a7\t43.19917\t1.01104\t0");
    Error error = load_error();
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_EQ(error.field(), "population");
    EXPECT_THAT(error.what(), HasSubstr("communes.tsv: line 3, field population"));
    EXPECT_THAT(error.what(), HasSubstr("\"23a7\""));
}

TEST_F(BrokenFixture, ALatitudeOutOfRangeIsRefused) {
    replace_line("communes.tsv", 2,
                 "FR\t22016\tÎle-de-Bréhat\t22870\t22\t53\t\t429\t98.4925\t-2.82045\t1");
    Error error = load_error();
    EXPECT_EQ(error.field(), "lat");
    EXPECT_THAT(error.what(), HasSubstr("communes.tsv: line 2, field lat"));
}

TEST_F(BrokenFixture, AMissingFieldIsReported) {
    replace_line("epci.tsv", 4, "200067643\tCC Meurthe Mortagne Moselle\tCC");
    Error error = load_error();
    EXPECT_EQ(error.field(), "department_code");
    EXPECT_THAT(error.what(), HasSubstr("epci.tsv: line 4, field department_code"));
    EXPECT_THAT(error.what(), HasSubstr("expected 4 fields, found 3"));
}

TEST_F(BrokenFixture, AnUnknownDepartmentIsReported) {
    replace_line("communes.tsv", 10,
                 "FR\t40312\tTarnos\t40220\t41\t75\t244000659\t12957\t43.5417\t-1.46281\t0");
    Error error = load_error();
    EXPECT_EQ(error.field(), "department_code");
    EXPECT_THAT(error.what(), HasSubstr("communes.tsv: line 10, field department_code"));
    EXPECT_THAT(error.what(), HasSubstr("unknown department 41"));
}

TEST_F(BrokenFixture, AnUnknownEpciIsReported) {
    replace_line("communes.tsv", 10,
                 "FR\t40312\tTarnos\t40220\t40\t75\t244000000\t12957\t43.5417\t-1.46281\t0");
    Error error = load_error();
    EXPECT_EQ(error.field(), "epci_code");
    EXPECT_THAT(error.what(), HasSubstr("line 10"));
}

TEST_F(BrokenFixture, ADuplicateCommuneIsReported) {
    replace_line("communes.tsv", 3,
                 "FR\t40312\tTarnos\t40220\t40\t75\t244000659\t12957\t43.5417\t-1.46281\t0");
    Error error = load_error();
    EXPECT_EQ(error.field(), "code");
    EXPECT_THAT(error.what(), HasSubstr("duplicate commune 40312"));
}

TEST_F(BrokenFixture, AWrongHeaderIsReported) {
    replace_line("regions.tsv", 1, "country\tcode\tlabel");
    Error error = load_error();
    EXPECT_EQ(error.field(), "name");
    EXPECT_THAT(error.what(), HasSubstr("regions.tsv: line 1, field name"));
}

TEST_F(BrokenFixture, ANafCodeOfTheWrongShapeIsReported) {
    replace_line("naf.tsv", 12, "43.99X1\tsubclass\t43.99\tTravaux de maçonnerie");
    Error error = load_error();
    EXPECT_EQ(error.field(), "code");
    EXPECT_THAT(error.what(), HasSubstr("naf.tsv: line 12, field code"));
}

TEST_F(BrokenFixture, ANafCodeWithoutItsParentIsReported) {
    replace_line("naf.tsv", 12, "43.99C\tsubclass\t43.98\tTravaux de maçonnerie");
    Error error = load_error();
    EXPECT_EQ(error.field(), "parent_code");
    EXPECT_THAT(error.what(), HasSubstr("naf.tsv: line 12, field parent_code"));
}

TEST_F(BrokenFixture, InvalidUtf8IsReported) {
    replace_line("departments.tsv", 3, "FR\t31\t76\tHaute-Garonne\xE9");
    Error error = load_error();
    EXPECT_EQ(error.field(), "name");
    EXPECT_THAT(error.what(), HasSubstr("departments.tsv: line 3, field name: not valid UTF-8"));
}

TEST_F(BrokenFixture, AMissingFileIsNamed) {
    fs::remove(directory_ / "naf.tsv");
    Error error = load_error();
    EXPECT_THAT(error.what(), HasSubstr("naf.tsv: cannot open"));
}

}  // namespace
}  // namespace maillage::territory
