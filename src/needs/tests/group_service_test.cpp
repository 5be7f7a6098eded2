#include "core/error.hpp"
#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::needs;
using test_support::ServiceTest;

namespace {

class GroupServiceTest : public ServiceTest {
  protected:
    // Three families of near-identical proposals and two proposals of their own.
    void seed() {
        const char* shop[] = {"Créer une épicerie coopérative avec un dépôt de pain au bourg",
                              "Ouvrir une épicerie coopérative avec un dépôt de pain au bourg",
                              "Créer une épicerie coopérative avec dépôt de pain au bourg"};
        const char* bus[] = {
            "Mettre en place une navette vers la gare pour aller travailler le matin",
            "Mettre en place une navette vers la gare pour aller travailler",
            "Une navette vers la gare pour aller travailler le matin"};
        const char* creche[] = {
            "Ouvrir une micro-crèche avec des horaires décalés pour les saisonniers",
            "Ouvrir une micro-crèche aux horaires décalés pour les saisonniers"};
        int n = 0;
        for (auto* t : shop) add("S" + std::to_string(++n), t, "40312");
        for (auto* t : bus) add("B" + std::to_string(++n), t, "40209");
        for (auto* t : creche) add("C" + std::to_string(++n), t, "40065");
        add("X1", "Restaurer le lavoir et organiser des concerts l'été", "40312");
        add("X2", "Un atelier de couture et de retouches", "40133");
    }
    void add(const std::string& id, const std::string& text, const std::string& commune) {
        service_->create_record(pole_a_, user_, input(id, text, commune));
    }
    // record_id -> group id
    std::map<std::string, std::int64_t> membership() {
        std::map<std::string, std::int64_t> out;
        service_->for_each_group(pole_a_,
                                 [&](const Group& g, const std::vector<std::string>& records) {
                                     for (const auto& r : records) out[r] = g.id;
                                 });
        return out;
    }
    RationaliseSummary run() { return service_->rationalise(pole_a_, user_, quiet_); }
};

}  // namespace

TEST_P(GroupServiceTest, GroupsNearDuplicatesAndKeepsGroupIdsAcrossRuns) {
    seed();
    auto summary = run();
    EXPECT_EQ(summary.records, 10);
    EXPECT_EQ(summary.groups, 3);
    EXPECT_EQ(summary.grouped, 8);
    EXPECT_EQ(summary.singles, 2);
    auto first = membership();
    EXPECT_EQ(first["S1"], first["S2"]);
    EXPECT_EQ(first["S1"], first["S3"]);
    EXPECT_EQ(first["B4"], first["B6"]);
    EXPECT_NE(first["S1"], first["B4"]);
    EXPECT_NE(first["X1"], first["X2"]);

    // A second run changes nothing: every group keeps its id.
    EXPECT_EQ(run().kept_ids, 10 - 8 + 3);
    EXPECT_EQ(membership(), first);

    // New records join existing groups, which keep their ids.
    add("S9", "Ouvrir une épicerie coopérative avec dépôt de pain au bourg", "40248");
    run();
    auto after = membership();
    EXPECT_EQ(after["S9"], first["S1"]);
    EXPECT_EQ(after["B4"], first["B4"]);

    auto g = service_->group(pole_a_, first["S1"], true);
    EXPECT_EQ(g.size, 4);
    EXPECT_EQ(g.communes.size(), 2u);
    EXPECT_EQ(g.communes.front().code, "40312");  // three of the four
    ASSERT_FALSE(g.categories.empty());
    EXPECT_EQ(g.categories.front().code, "food_shop");
    EXPECT_EQ(service_->need_group_title(pole_a_, g.id), g.representative_text);
    EXPECT_EQ(service_->need_group_title(pole_b_, g.id), std::nullopt);
}

TEST_P(GroupServiceTest, MergesSplitsAndTitlesSurviveARerun) {
    seed();
    run();
    auto before = membership();
    // Merge the bus and crèche groups; split S3 off the shop group; rename the shop group.
    auto merged = service_->merge_groups(pole_a_, user_, {before["B4"], before["C7"]});
    EXPECT_EQ(merged.size, 5);
    EXPECT_TRUE(merged.manual);
    EXPECT_EQ(merged.id, before["B4"]);  // the larger group keeps its id
    auto split = service_->split_group(pole_a_, user_, before["S1"], {"S3"});
    ASSERT_EQ(split.size(), 2u);
    EXPECT_EQ(split[0].size, 2);
    EXPECT_EQ(split[1].size, 1);
    service_->rename_group(pole_a_, user_, before["S1"], std::string("Épicerie du bourg"));
    auto decided = membership();

    run();
    auto after = membership();
    EXPECT_EQ(after, decided);  // same groups, same ids
    EXPECT_EQ(after["B4"], after["C7"]);
    EXPECT_NE(after["S3"], after["S1"]);
    EXPECT_EQ(service_->group(pole_a_, after["S1"], true).title, "Épicerie du bourg");
    EXPECT_EQ(service_->decisions(pole_a_).size(), 2u);

    // Undoing the merge: the next run separates them again.
    auto decisions = service_->decisions(pole_a_);
    service_->undo_decision(pole_a_, user_, decisions.front().id);
    run();
    after = membership();
    EXPECT_NE(after["B4"], after["C7"]);
    EXPECT_NE(after["S3"], after["S1"]);  // the split still holds

    EXPECT_THROW(service_->split_group(pole_a_, user_, after["S1"], {"S1", "S2"}), Error);  // all
    EXPECT_THROW(service_->split_group(pole_a_, user_, after["S1"], {"B4"}),
                 Error);  // not a member
    EXPECT_THROW(service_->merge_groups(pole_b_, user_, {after["S1"], after["B4"]}), Error);
    expect_no_dangling_reference();  // after runs that replaced every group
    EXPECT_THROW(service_->rationalise(pole_b_ + 1000, user_, quiet_), Error);  // no such pole
}

TEST_P(GroupServiceTest, ReadersWithoutRecordAccessSeeNoSmallCells) {
    seed();
    run();
    // With a minimum cell size of 3, the crèche group (2) and the single proposals vanish for
    // readers who may not read records, and so does every commune counted fewer than 3 times.
    Settings s = service_->settings(pole_a_);
    s.min_cell_size = 3;
    service_->update_settings(pole_a_, user_, s);
    auto counsellor = service_->groups(pole_a_, {}, true);
    auto observer = service_->groups(pole_a_, {}, false);
    EXPECT_EQ(counsellor.total, 5);
    EXPECT_EQ(observer.total, 2);
    EXPECT_EQ(observer.hidden, 3);
    for (const auto& g : observer.items) {
        EXPECT_GE(g.size, 3);
        for (const auto& c : g.communes) EXPECT_GE(c.count, 3);
        for (const auto& c : g.categories) EXPECT_GE(c.count, 3);
    }
    auto creche = membership()["C7"];
    EXPECT_NO_THROW(service_->group(pole_a_, creche, true));
    EXPECT_THROW(service_->group(pole_a_, creche, false), Error);
    GroupFilter by_category;
    by_category.category = "mobility";
    EXPECT_EQ(service_->groups(pole_a_, by_category, true).total, 1);
    GroupFilter by_commune;
    by_commune.commune = "40065";
    EXPECT_EQ(service_->groups(pole_a_, by_commune, true).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupServiceTest,
                         ::testing::ValuesIn(store::testdb::backends()));
