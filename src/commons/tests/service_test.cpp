// Tenders, consortia and realised hours through the service, on both backends: the rules that
// span records, rollback of a breaking change, totals, filters and pole isolation.
#include <algorithm>
#include <set>

#include "commons_fixture.hpp"

using namespace maillage;
using namespace maillage::commons;
using namespace maillage::commons::testing;

class TenderServiceTest : public CommonsTest {};

TEST_P(TenderServiceTest, AWonTenderKeepsItsLotsConsortiumAndTotals) {
    auto d = service().create(pole_, admin_, won_tender(), three_members());
    EXPECT_EQ(d.tender.buyer_actor_name, "Commune de Tarnos");
    ASSERT_EQ(d.tender.lots.size(), 2u);
    EXPECT_EQ(d.tender.lots[1].title, "Taille des haies");
    EXPECT_DOUBLE_EQ(d.tender.hours_required, 1600);   // 1200 + 400
    EXPECT_DOUBLE_EQ(d.tender.hours_committed, 1600);  // 900 + 300 + 400
    EXPECT_EQ(d.tender.members, 3);
    ASSERT_EQ(d.members.size(), 3u);
    // The mandataire first, then co-traitants by name.
    EXPECT_EQ(d.members[0].actor_name, "Atelier d'insertion des Barthes");
    EXPECT_EQ(d.members[1].actor_name, "Entreprise d'insertion Adour Propreté");
    EXPECT_EQ(d.members[1].lots, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(d.members[2].actor_name, "Scop Jardins du Seignanx");

    auto ei = d.members[1].id;
    service().record_hours(pole_, admin_, ei, {"2026-04", 35, std::nullopt});
    service().record_hours(pole_, admin_, ei, {"2026-05", 42.5, "chantier de printemps"});
    service().record_hours(pole_, admin_, ei, {"2026-04", 38, std::nullopt});  // replaces April
    auto after = service().detail(pole_, d.tender.id);
    EXPECT_DOUBLE_EQ(after.tender.hours_realised, 80.5);  // 38 + 42.5
    EXPECT_DOUBLE_EQ(after.members[1].hours_realised, 80.5);
    EXPECT_DOUBLE_EQ(after.members[0].hours_realised, 0);
    ASSERT_EQ(after.hours.size(), 2u);
    EXPECT_EQ(after.hours[0].period, "2026-04");
    EXPECT_DOUBLE_EQ(after.hours[0].hours, 38);
}

TEST_P(TenderServiceTest, TenderRulesNameTheFieldAtFault) {
    auto t = won_tender();
    t.awarded_on.reset();
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }), "invalid_input awarded_on");
    t = won_tender();
    t.deadline_on = "2025-12-01";  // before the publication
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }), "invalid_input deadline_on");
    t = won_tender();
    t.contract_end = "2026-03-31";
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }), "invalid_input contract_end");
    t = won_tender();
    t.status = "preparing";
    t.awarded_on.reset();
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }),
              "invalid_input contract_start");  // a contract before the award
    t = won_tender();
    t.status = "gagné";
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }), "invalid_input status");
    t = won_tender();
    t.lots[1].number = 1;
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }),
              "invalid_input lots[1].number");
    t = won_tender();
    t.lots[0].insertion_hours_required = -5;
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }),
              "invalid_input lots[0].insertion_hours_required");
    t = won_tender();
    t.buyer_actor_id.reset();
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }), "invalid_input buyer_name");
    t.buyer_name = "Syndicat mixte du littoral";  // a buyer outside the directory is fine
    EXPECT_NO_THROW(service().create(pole_, admin_, t));
    t = won_tender();
    t.buyer_actor_id = outsider_;
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, t); }),
              "invalid_input buyer_actor_id");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_tenders"), 1);
}

TEST_P(TenderServiceTest, AConsortiumHasOneMandataireAndMembersOfThePole) {
    auto members = three_members();
    members[1].role = "mandataire";
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, won_tender(), members); }),
              "conflict role");
    members = three_members();
    members[0].role = "co_traitant";  // two or more members of a submitted bid, no mandataire
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, won_tender(), members); }),
              "conflict role");
    members = three_members();
    members[2].share_percent = 25;  // 50 + 30 + 25 > 100
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, won_tender(), members); }),
              "conflict share_percent");
    members = three_members();
    members[2].actor_id = outsider_;
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, won_tender(), members); }),
              "invalid_input actor_id");
    members = three_members();
    members[1].lots = {3};
    EXPECT_EQ(error_of([&] { service().create(pole_, admin_, won_tender(), members); }),
              "invalid_input lots");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_tenders"), 0);  // nothing half-written

    auto d = service().create(pole_, admin_, won_tender(), three_members());
    EXPECT_EQ(error_of([&] {
                  service().add_member(pole_, admin_, d.tender.id,
                                       member(city_, "mandataire", {}, 0, 0));
              }),
              "conflict role");
    EXPECT_EQ(error_of([&] {
                  service().add_member(pole_, admin_, d.tender.id,
                                       member(coop_, "sous_traitant", {}, 0, 0));
              }),
              "conflict actor_id");
    // Taking the mandataire out would leave a submitted consortium without one.
    EXPECT_EQ(error_of([&] { service().remove_member(pole_, admin_, d.members[0].id); }),
              "conflict role");
    // Removing a lot a member holds is refused, and the lot stays.
    auto t = won_tender();
    t.lots.pop_back();
    EXPECT_EQ(error_of([&] { service().update(pole_, admin_, d.tender.id, t); }), "conflict lots");
    EXPECT_EQ(service().detail(pole_, d.tender.id).tender.lots.size(), 2u);
    EXPECT_EQ(service().detail(pole_, d.tender.id).members.size(), 3u);
}

TEST_P(TenderServiceTest, RealisedHoursBelongToTheContractOfAWonTender) {
    auto d = service().create(pole_, admin_, won_tender(), three_members());
    auto siae = d.members[0].id;
    EXPECT_EQ(error_of([&] {
                  service().record_hours(pole_, admin_, siae, {"2026-03", 10, {}});
              }),
              "invalid_input period");  // before the contract
    EXPECT_EQ(error_of([&] {
                  service().record_hours(pole_, admin_, siae, {"2028-04", 10, {}});
              }),
              "invalid_input period");  // after it
    EXPECT_EQ(error_of([&] {
                  service().record_hours(pole_, admin_, siae, {"2026-13", 10, {}});
              }),
              "invalid_input period");
    EXPECT_EQ(error_of([&] {
                  service().record_hours(pole_, admin_, siae, {"2026-06", -1, {}});
              }),
              "invalid_input hours");
    service().record_hours(pole_, admin_, siae, {"2026-06", 70, {}});
    // The tender cannot go back to lost, nor its contract shrink past recorded hours.
    auto t = won_tender();
    t.status = "lost";
    t.contract_start.reset();
    t.contract_end.reset();
    EXPECT_EQ(error_of([&] { service().update(pole_, admin_, d.tender.id, t); }),
              "conflict period");
    t = won_tender();
    t.contract_start = "2026-07-01";
    EXPECT_EQ(error_of([&] { service().update(pole_, admin_, d.tender.id, t); }),
              "conflict period");
    EXPECT_EQ(service().detail(pole_, d.tender.id).tender.status, "won");
    EXPECT_EQ(*service().detail(pole_, d.tender.id).tender.contract_start, "2026-04-01");

    auto lost = won_tender();
    lost.status = "lost";
    lost.contract_start.reset();
    lost.contract_end.reset();
    auto l = service().create(pole_, admin_, lost, three_members());
    EXPECT_EQ(error_of([&] {
                  service().record_hours(pole_, admin_, l.members[0].id, {"2026-06", 5, {}});
              }),
              "invalid_input period");
}

TEST_P(TenderServiceTest, ListsFilterByStatusYearAndText) {
    auto won = service().create(pole_, admin_, won_tender(), three_members()).tender.id;
    TenderInput watch;
    watch.buyer_name = "Département des Landes";
    watch.title = "Nettoyage des collèges";
    watch.deadline_on = "2027-01-20";
    auto watched = service().create(pole_, admin_, watch).tender.id;
    auto ids = [&](TenderFilter f) {
        std::vector<std::int64_t> out;
        for (const auto& t : service().tenders(pole_, f)) out.push_back(t.id);
        return out;
    };
    EXPECT_EQ(ids({}), (std::vector<std::int64_t>{watched, won}));  // latest deadline first
    EXPECT_EQ(ids({"won", std::nullopt, std::nullopt}), std::vector<std::int64_t>{won});
    EXPECT_EQ(ids({std::nullopt, 2027, std::nullopt}),
              (std::vector<std::int64_t>{watched, won}));  // the contract runs in 2027
    EXPECT_EQ(ids({std::nullopt, 2029, std::nullopt}), std::vector<std::int64_t>{});
    EXPECT_EQ(ids({std::nullopt, std::nullopt, "colleges"}), std::vector<std::int64_t>{watched});
    EXPECT_EQ(ids({std::nullopt, std::nullopt, "tarnos"}), std::vector<std::int64_t>{won});
    EXPECT_EQ(error_of([&] {
                  service().tenders(pole_, {"gagné", std::nullopt, std::nullopt});
              }),
              "invalid_input status");
}

TEST_P(TenderServiceTest, AnotherPolesRecordsAreNotFound) {
    auto d = service().create(pole_, admin_, won_tender(), three_members());
    auto m = d.members[0].id;
    auto h = service().record_hours(pole_, admin_, m, {"2026-05", 12, {}}).id;
    EXPECT_EQ(error_of([&] { service().detail(other_pole_, d.tender.id); }), "not_found id");
    EXPECT_EQ(
        error_of([&] { service().update(other_pole_, other_admin_, d.tender.id, won_tender()); }),
        "not_found id");
    EXPECT_EQ(error_of([&] { service().remove(other_pole_, other_admin_, d.tender.id); }),
              "not_found id");
    EXPECT_EQ(error_of([&] {
                  service().add_member(other_pole_, other_admin_, d.tender.id,
                                       member(outsider_, "co_traitant", {}, 0, 0));
              }),
              "not_found id");
    EXPECT_EQ(error_of([&] { service().remove_member(other_pole_, other_admin_, m); }),
              "not_found id");
    EXPECT_EQ(error_of([&] {
                  service().record_hours(other_pole_, other_admin_, m, {"2026-05", 1, {}});
              }),
              "not_found id");
    EXPECT_EQ(error_of([&] { service().remove_hours(other_pole_, other_admin_, h); }),
              "not_found id");
    EXPECT_TRUE(service().tenders(other_pole_, {}).empty());
    EXPECT_TRUE(service().co_contractors(other_pole_, 2026).empty());
    // Deleting in pole A removes the consortium and its hours with it.
    service().remove(pole_, admin_, d.tender.id);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_members"), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_realised_hours"), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_lots"), 0);
}

TEST_P(TenderServiceTest, CoContractorsArePairsOfAWonConsortiumInTheContractsYears) {
    auto won = service().create(pole_, admin_, won_tender(), three_members());
    auto lost = won_tender();
    lost.reference = "2026-NET-02";
    lost.status = "lost";
    lost.contract_start.reset();
    lost.contract_end.reset();
    service().create(pole_, admin_, lost, three_members());
    auto pairs = [&](int year) {
        std::set<std::pair<std::int64_t, std::int64_t>> out;
        for (const auto& p : service().co_contractors(pole_, year))
            out.insert(std::minmax(p.actor_a, p.actor_b));
        return out;
    };
    std::set<std::pair<std::int64_t, std::int64_t>> expected = {
        std::minmax(siae_, coop_), std::minmax(siae_, ei_), std::minmax(coop_, ei_)};
    EXPECT_EQ(pairs(2026), expected);
    EXPECT_EQ(pairs(2028), expected);  // the contract ends in March 2028
    EXPECT_TRUE(pairs(2025).empty());
    EXPECT_TRUE(pairs(2029).empty());
    auto first = service().co_contractors(pole_, 2026).front();
    EXPECT_EQ(first.tender, "Entretien des espaces verts communaux (2026-EV-01)");
    EXPECT_EQ(first.date, "2026-03-20");
    (void)won;
}

INSTANTIATE_TEST_SUITE_P(Backends, TenderServiceTest,
                         ::testing::ValuesIn(store::testdb::backends()));
