#include <numeric>

#include "core/error.hpp"
#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::needs;
using test_support::ServiceTest;

namespace {

class CallServiceTest : public ServiceTest {
  protected:
    // Six people in Tarnos and Ondres propose a cooperative grocery; two in Capbreton a crèche.
    std::pair<std::int64_t, std::int64_t> seed() {
        for (int i = 0; i < 6; ++i) {
            RecordInput r = input("G" + std::to_string(i),
                                  "Ouvrir une épicerie coopérative avec un dépôt de pain",
                                  i < 4 ? "40312" : "40209");
            r.situations =
                i < 5 ? std::vector<std::string>{"rsa"} : std::vector<std::string>{"employed"};
            r.age_band = "50_64";
            r.coop_interest = i < 5 ? "yes" : "no";
            service_->create_record(pole_a_, user_, r);
        }
        for (int i = 0; i < 2; ++i)
            service_->create_record(
                pole_a_, user_, input("K" + std::to_string(i), "Ouvrir une micro-crèche", "40065"));
        for (int i = 0; i < 12; ++i) {
            RecordInput other = input("O" + std::to_string(i), "Un projet sans rapport numéro " +
                                                                   std::string(1, char('a' + i)));
            other.age_band = "26_34";
            other.situations = {"employed"};
            service_->create_record(pole_a_, user_, other);
        }
        service_->rationalise(pole_a_, user_, quiet_);
        std::int64_t shop = 0, creche = 0;
        service_->for_each_group(pole_a_,
                                 [&](const Group& g, const std::vector<std::string>& records) {
                                     if (records.front() == "G0") shop = g.id;
                                     if (records.front() == "K0") creche = g.id;
                                 });
        return {shop, creche};
    }
};

}  // namespace

TEST_P(CallServiceTest, DraftsACallThatKeepsItsEvidence) {
    auto [shop, creche] = seed();
    CallRequest request;
    request.group_ids = {shop, creche};
    request.budget = 200000;
    auto call = service_->draft_call(pole_a_, user_, request);
    const auto& d = call.document;
    EXPECT_EQ(call.status, "draft");
    EXPECT_EQ(d.records, 8);
    EXPECT_EQ(d.pole_records, 20);
    ASSERT_EQ(d.groups.size(), 2u);
    EXPECT_EQ(d.groups[0].record_ids,
              (std::vector<std::string>{"G0", "G1", "G2", "G3", "G4", "G5"}));
    EXPECT_EQ(d.groups[0].categories.front(), "food_shop");
    // Territories where the records live, most first; Capbreton's two records are not counted.
    ASSERT_EQ(d.territories.size(), 3u);
    EXPECT_EQ(d.territories[0].name, "Tarnos");
    EXPECT_FALSE(d.territories[0].records);  // 4 < 5
    // Trade first (the grocery's section, six records), then health and social work.
    ASSERT_FALSE(d.sectors.empty());
    EXPECT_EQ(d.sectors[0].code, "G");
    EXPECT_EQ(*d.sectors[0].count, 6);
    // RSA: 5 of the 8 records (and 5 of 20 in the pole): named; "employed" is not.
    bool rsa = false, employed = false;
    for (const auto& p : d.publics) {
        rsa = rsa || p.code == "rsa";
        employed = employed || p.code == "employed";
        if (p.code == "rsa") {
            EXPECT_NEAR(*p.share, 5.0 / 8, 1e-12);
            EXPECT_NEAR(*p.reference, 5.0 / 20, 1e-12);
        }
    }
    EXPECT_TRUE(rsa);
    EXPECT_FALSE(employed);
    // Budget lines share the whole budget.
    double shares = 0, amounts = 0;
    for (const auto& b : d.budget_lines) {
        shares += b.share;
        amounts += *b.amount;
    }
    EXPECT_NEAR(shares, 1.0, 1e-9);
    EXPECT_NEAR(amounts, 200000, 100.0 * double(d.budget_lines.size()));
    EXPECT_NE(d.context.find("20"), std::string::npos);  // {records} filled in
    EXPECT_EQ(service_->call_title(pole_a_, call.id), d.title);
    EXPECT_EQ(service_->call_title(pole_b_, call.id), std::nullopt);

    // The groups change afterwards; the call keeps what justified it.
    service_->split_group(pole_a_, user_, shop, {"G5"});
    auto kept = service_->call(pole_a_, call.id);
    EXPECT_EQ(kept.document.groups[0].record_ids.size(), 6u);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM needs_call_groups WHERE call_id = " + std::to_string(call.id)),
        2);

    CallEdit edit;
    edit.budget = 100000;
    edit.status = "final";
    edit.title = "Appel à projets : épiceries coopératives du Seignanx";
    auto edited = service_->update_call(pole_a_, user_, call.id, edit);
    EXPECT_EQ(edited.status, "final");
    EXPECT_EQ(edited.document.title, *edit.title);
    EXPECT_NEAR(edited.document.budget_lines[0].share * 100000,
                *edited.document.budget_lines[0].amount, 50.0);
    EXPECT_EQ(service_->calls(pole_a_).size(), 1u);
    EXPECT_TRUE(service_->calls(pole_b_).empty());
    EXPECT_THROW(service_->call(pole_b_, call.id), Error);
    edit.status = "published?";
    EXPECT_THROW(service_->update_call(pole_a_, user_, call.id, edit), Error);
    service_->delete_call(pole_a_, user_, call.id);
    EXPECT_THROW(service_->call(pole_a_, call.id), Error);
}

TEST_P(CallServiceTest, RefusesGroupsOfAnotherPoleAndUnknownTerritories) {
    auto [shop, creche] = seed();
    CallRequest request;
    request.group_ids = {shop};
    EXPECT_THROW(service_->draft_call(pole_b_, user_, request), Error);
    request.level = Level::department;
    request.territories = {"40"};
    auto call = service_->draft_call(pole_a_, user_, request);
    ASSERT_EQ(call.document.territories.size(), 1u);
    EXPECT_EQ(call.document.territories[0].name, "Landes");
    EXPECT_EQ(*call.document.territories[0].records, 6);
    request.territories = {"99"};
    EXPECT_THROW(service_->draft_call(pole_a_, user_, request), Error);
    (void)creche;
}

INSTANTIATE_TEST_SUITE_P(Backends, CallServiceTest, ::testing::ValuesIn(store::testdb::backends()));
