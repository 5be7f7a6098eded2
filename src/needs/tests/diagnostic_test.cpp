// The diagnostic on a hand-computed case, on the small test territory (populations from
// src/territory/tests/data/communes.tsv).
#include <gtest/gtest.h>

#include "needs/diagnostic.hpp"
#include "test_data.hpp"

using namespace maillage;
using namespace maillage::needs;
using test_support::small_territory;
using test_support::taxonomy;

namespace {

struct Fixture {
    std::vector<RecordFacts> records;
    FactCodes codes{taxonomy()};

    void add(const char* commune, int count, int mobility, int job_seekers = 0, int coop_yes = 0) {
        for (int i = 0; i < count; ++i) {
            RecordFacts f;
            f.commune = commune ? small_territory().commune(commune) : nullptr;
            if (i < mobility) f.needs.push_back(*codes.need("mobility"));
            if (i < job_seekers) f.situations |= codes.situation_bit("job_seeker");
            f.coop_interest = codes.coop_interest(i < coop_yes ? "yes" : "no");
            records.push_back(f);
        }
    }
};

Fixture landes_and_basque_coast() {
    Fixture f;
    f.add("40312", 20, 12, 10, 5);  // Tarnos, 12,957 inhabitants
    f.add("40209", 6, 1);           // Ondres, 6,533
    f.add("64102", 10, 2);          // Bayonne, 54,306
    f.add("40042", 3, 3);           // Biarrotte, 347
    f.add(nullptr, 2, 0);           // no commune
    return f;
}

Settings settings() {
    Settings s;
    s.min_cell_size = 5;
    s.hotspot_min_count = 5;
    s.hotspot_min_ratio = 1.5;
    return s;
}

const DiagnosticRow* row(const Diagnostic& d, const std::string& code) {
    for (const auto& r : d.rows)
        if (r.unit.code == code) return &r;
    return nullptr;
}

// Region 75 in the test territory: the eleven communes of the Landes and the
// Pyrénées-Atlantiques, 177,138 inhabitants; 18 records mention mobility.
constexpr double kRegionRate = 18.0 / 177138.0 * 1000.0;

}  // namespace

TEST(Diagnostic, RatesPerThousandAndRatiosToTheRegionalRate) {
    auto f = landes_and_basque_coast();
    auto d = compute_diagnostic(f.records, small_territory(), taxonomy(), settings(), {},
                                {Level::commune, std::string("mobility")});
    EXPECT_EQ(d.records, 41);
    EXPECT_EQ(d.without_commune, 2);
    ASSERT_EQ(d.categories, std::vector<std::string>{"mobility"});
    const auto* tarnos = row(d, "40312");
    ASSERT_NE(tarnos, nullptr);
    EXPECT_EQ(d.rows.front().unit.code, "40312");  // most records first
    EXPECT_EQ(*tarnos->records.count, 20);
    const Cell& m = tarnos->needs.at("mobility");
    EXPECT_EQ(*m.count, 12);
    EXPECT_NEAR(*m.rate_per_1000, 12.0 / 12957 * 1000, 1e-9);
    EXPECT_NEAR(*m.share, 12.0 / 20, 1e-12);
    EXPECT_NEAR(*m.ratio, (12.0 / 12957 * 1000) / kRegionRate, 1e-9);
    EXPECT_NEAR(*m.ratio, 9.1140, 1e-3);
    EXPECT_NEAR(*tarnos->indicators.at("job_seeker_share"), 0.5, 1e-12);
    EXPECT_NEAR(*tarnos->indicators.at("coop_interest_share"), 0.25, 1e-12);
    EXPECT_NEAR(*tarnos->indicators.at("interviews_per_1000"), 20.0 / 12957 * 1000, 1e-9);
    EXPECT_EQ(*tarnos->indicators.at("population"), 12957);
    EXPECT_FALSE(tarnos->indicators.at("unemployment_rate"));  // no figure entered

    // Small cells: Ondres' single mobility record, Biarrotte's three records, Bayonne's two.
    EXPECT_FALSE(row(d, "40209")->needs.at("mobility").count);
    EXPECT_FALSE(row(d, "40209")->needs.at("mobility").ratio);
    EXPECT_FALSE(row(d, "40042")->records.count);
    EXPECT_FALSE(row(d, "40042")->needs.at("mobility").rate_per_1000);
    EXPECT_EQ(*row(d, "64102")->records.count, 10);
    EXPECT_FALSE(row(d, "64102")->needs.at("mobility").count);
    EXPECT_FALSE(row(d, "40042")->indicators.at("coop_interest_share"));  // 3 records
    EXPECT_GT(d.suppressed_cells, 0);

    // Over-representation: only Tarnos has five mobility records or more.
    ASSERT_EQ(d.hotspots.size(), 1u);
    EXPECT_EQ(d.hotspots[0].unit.code, "40312");
    EXPECT_NEAR(d.hotspots[0].reference_rate, kRegionRate, 1e-9);
}

TEST(Diagnostic, AggregatesByEpciDepartmentAndRegion) {
    auto f = landes_and_basque_coast();
    auto s = settings();
    auto epci =
        compute_diagnostic(f.records, small_territory(), taxonomy(), s, {}, {Level::epci, {}});
    // CC du Seignanx in the test data: Biarrotte, Ondres, Saint-André, Saint-Martin and Tarnos.
    const auto* seignanx = row(epci, "244000659");
    ASSERT_NE(seignanx, nullptr);
    EXPECT_EQ(*seignanx->unit.population, 347 + 6533 + 1945 + 6238 + 12957);
    EXPECT_EQ(*seignanx->needs.at("mobility").count, 16);
    EXPECT_NEAR(*seignanx->needs.at("mobility").ratio, (16.0 / 28020 * 1000) / kRegionRate, 1e-9);
    EXPECT_EQ(epci.rows.size(), 2u);  // and the CA du Pays Basque

    auto dept = compute_diagnostic(f.records, small_territory(), taxonomy(), s, {},
                                   {Level::department, {}});
    const auto* landes = row(dept, "40");
    ASSERT_NE(landes, nullptr);
    EXPECT_EQ(landes->unit.name, "Landes");
    EXPECT_EQ(*landes->unit.population, 44387);
    EXPECT_EQ(*landes->records.count, 29);
    EXPECT_NEAR(*landes->needs.at("mobility").ratio, (16.0 / 44387 * 1000) / kRegionRate, 1e-9);

    auto region =
        compute_diagnostic(f.records, small_territory(), taxonomy(), s, {}, {Level::region, {}});
    ASSERT_EQ(region.rows.size(), 1u);
    EXPECT_EQ(*region.rows[0].records.count, 39);
    EXPECT_NEAR(*region.rows[0].needs.at("mobility").ratio, 1.0, 1e-12);  // compared with itself
    EXPECT_TRUE(region.hotspots.empty());
}

TEST(Diagnostic, ShowsFiguresThePoleEnteredAndRaisesTheMinimumCell) {
    auto f = landes_and_basque_coast();
    auto s = settings();
    s.min_cell_size = 15;
    std::vector<Figure> figures = {
        {"unemployment_rate", "commune", "40312", 9.4, std::string("INSEE"), "now"},
        {"unemployment_rate", "department", "40", 8.1, std::nullopt, "now"}};
    auto d = compute_diagnostic(f.records, small_territory(), taxonomy(), s, figures,
                                {Level::commune, {}});
    const auto* tarnos = row(d, "40312");
    EXPECT_DOUBLE_EQ(*tarnos->indicators.at("unemployment_rate"), 9.4);
    EXPECT_FALSE(tarnos->needs.at("mobility").count);  // 12 < 15
    EXPECT_FALSE(row(d, "64102")->records.count);      // 10 < 15
    EXPECT_TRUE(d.hotspots.empty());
}
