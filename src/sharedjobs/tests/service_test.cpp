// The service on both backends: groups, members, needs and workers stored and read back,
// compose stores a plan whose billing, ledger and links are computed by hand here.
#include "sharedjobs/service.hpp"
#include "actors/actor_service.hpp"
#include "core/error.hpp"
#include "sharedjobs/checker.hpp"
#include "sharedjobs/instance_json.hpp"
#include "store/testing.hpp"
#include "support.hpp"

namespace maillage::sharedjobs {
namespace {

Vocabulary test_vocabulary() {
    Vocabulary v;
    v.add("actor_kind", {"employer_group", {}, {}});
    v.add("actor_kind", {"ge", "employer_group", {}});
    v.add("actor_kind", {"company", {}, {}});
    v.add("actor_kind", {"company_private", "company", {}});
    return v;
}

class ServiceTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        auto& db = fixture_->database();
        actors_ =
            std::make_unique<actors::ActorService>(db, vocabulary_, testing::test_territory());
        service_ = std::make_unique<SharedJobsService>(
            db, vocabulary_, testing::test_territory(),
            load_settings(std::string(MAILLAGE_SOURCE_DIR) + "/data"));
        for (const char* slug : {"a", "b"})
            poles_.push_back(db.write([&](store::Connection& c) {
                return c
                    .query(
                        "INSERT INTO poles (slug, name, kind, created_at) VALUES (?, ?, "
                        "'ptce', 'now') RETURNING id",
                        {std::string(slug), std::string(slug)})[0]
                    .integer(0);
            }));
        user_ = db.write([](store::Connection& c) {
            return c
                .query(
                    "INSERT INTO users (email, name, created_at) VALUES ('u@x.org', 'U', "
                    "'now') RETURNING id")[0]
                .integer(0);
        });
    }

    std::int64_t actor(const std::string& name, const std::string& kind, const char* commune,
                       std::int64_t pole) {
        actors::ActorInput a;
        a.name = name;
        a.kind = kind;
        a.commune = commune;
        return actors_->create(pole, std::nullopt, a).id;
    }

    std::int64_t count(const std::string& sql) {
        return fixture_->database().read(
            [&](store::Connection& c) { return c.query(sql)[0].integer(0); });
    }

    // A group in pole a with two members (Tarnos, Ondres), two needs and one worker who can do
    // both: Monday 8–12 at Tarnos, Monday 13–17 at Ondres.
    void build_group() {
        auto ge = actor("GE Adour", "ge", "40312", poles_[0]);
        group_ =
            service_->create_group(poles_[0], user_, {ge, 1.1, 20.0, "2026-01-05", "2026-02-01"});
        firm_a_ = actor("Firm A", "company_private", "40312", poles_[0]);
        firm_b_ = actor("Firm B", "company_private", "40209", poles_[0]);
        member_a_ = service_->add_member(poles_[0], user_, group_.id, {firm_a_, 25.0});
        member_b_ = service_->add_member(poles_[0], user_, group_.id, {firm_b_, std::nullopt});
        NeedInput n;
        n.member_id = member_a_.id;
        n.label = "Nettoyage";
        n.occupation = "K2204";
        n.weekly_minutes = 240;
        n.windows = {{0, 480, 720}};
        need_a_ = service_->create_need(poles_[0], user_, group_.id, n);
        n.member_id = member_b_.id;
        n.windows = {{0, 780, 1020}};
        need_b_ = service_->create_need(poles_[0], user_, group_.id, n);
        WorkerInput w;
        w.name = "Claire Martin";
        w.skills = {"K2204"};
        w.availability = {{0, 360, 1200}};
        w.home_commune = "40312";
        w.target_minutes = 480;
        w.min_minutes = 240;
        worker_ = service_->create_worker(poles_[0], user_, group_.id, w);
    }

    Vocabulary vocabulary_ = test_vocabulary();
    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<actors::ActorService> actors_;
    std::unique_ptr<SharedJobsService> service_;
    std::vector<std::int64_t> poles_;
    std::int64_t user_ = 0, firm_a_ = 0, firm_b_ = 0;
    GroupRecord group_;
    MemberRecord member_a_, member_b_;
    NeedRecord need_a_, need_b_;
    WorkerRecord worker_;
};

TEST_P(ServiceTest, RecordsReadBackAndStayInTheirPole) {
    build_group();
    auto needs = service_->needs(poles_[0], group_.id);
    ASSERT_EQ(needs.size(), 2u);
    EXPECT_EQ(needs[0].windows[0].start, 480);
    EXPECT_EQ(needs[0].commune, "40312");  // the member's commune when left empty
    EXPECT_EQ(needs[1].commune, "40209");
    auto g = service_->group(poles_[0], group_.id);
    EXPECT_EQ(g.members, 2);
    EXPECT_EQ(g.needs, 2);
    EXPECT_EQ(g.workers, 1);
    EXPECT_THROW(service_->group(poles_[1], group_.id), Error);
    EXPECT_THROW(service_->needs(poles_[1], group_.id), Error);
    EXPECT_THROW(service_->remove_worker(poles_[1], user_, worker_.id), Error);
    // Reading workers is logged; writing them names no one in the activity log.
    auto before = count("SELECT COUNT(*) FROM access_log");
    EXPECT_EQ(service_->workers(poles_[0], user_, group_.id)[0].name, "Claire Martin");
    EXPECT_EQ(count("SELECT COUNT(*) FROM access_log"), before + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM activity WHERE summary LIKE '%Claire%'"), 0);
}

TEST_P(ServiceTest, BadInputNamesTheField) {
    build_group();
    NeedInput n;
    n.member_id = member_a_.id;
    n.label = "x";
    n.occupation = "K2204";
    n.weekly_minutes = 300;
    n.windows = {{0, 480, 720}};
    try {
        service_->create_need(poles_[0], user_, group_.id, n);
        ADD_FAILURE() << "accepted a need longer than its windows";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "weekly_hours");
    }
    n.weekly_minutes = 240;
    n.occupation = "Z9999";
    try {
        service_->create_need(poles_[0], user_, group_.id, n);
        ADD_FAILURE() << "accepted an unknown occupation";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "occupation");
    }
    auto firm = actor("Not a GE", "company_private", "40312", poles_[0]);
    EXPECT_THROW(
        service_->create_group(poles_[0], user_, {firm, {}, {}, "2026-01-01", "2026-02-01"}),
        Error);
    EXPECT_EQ(count("SELECT COUNT(*) FROM sj_needs"), 2);
}

TEST_P(ServiceTest, ComposeStoresAPlanWithBillingLedgerAndLinks) {
    build_group();
    NoProgress progress;
    ComposeOptions options;
    options.engine = Engine::exact;
    auto plan = service_->compose(poles_[0], user_, group_.id, options, progress);
    EXPECT_TRUE(plan.proven);
    EXPECT_EQ(plan.jobs, 1);
    EXPECT_EQ(plan.unmet, 0);
    EXPECT_TRUE(service_->group(poles_[0], group_.id).current_plan == plan.id);
    auto document = service_->plan_result(poles_[0], plan.id);
    ASSERT_EQ(document["jobs"].size(), 1u);
    EXPECT_EQ(document["jobs"][0]["assignments"].size(), 2u);
    EXPECT_EQ(document.dump().find("Claire"), std::string::npos);  // no names in the plan
    EXPECT_EQ(service_->plan_worker_names(poles_[0], user_, plan.id).begin()->second,
              "Claire Martin");
    // January 2026 from the 5th: Mondays 5, 12, 19, 26 → 16 h at each firm; February 1st is a
    // Sunday. Firm A: 16 h × 25 € × 1.1 = 440 €; firm B at the group's 20 €: 352 €.
    double amount_a = 0, amount_b = 0;
    for (const auto& b : service_->billing(poles_[0], plan.id)) {
        if (b.month != "2026-01") continue;
        if (b.member == "m" + std::to_string(member_a_.id)) amount_a = b.amount;
        if (b.member == "m" + std::to_string(member_b_.id)) amount_b = b.amount;
    }
    EXPECT_DOUBLE_EQ(amount_a, 440.0);
    EXPECT_DOUBLE_EQ(amount_b, 352.0);
    EXPECT_GT(service_->billing_xlsx(poles_[0], plan.id).size(), 1000u);
    // Ledger: planned 16 h per member in January; 15 h realised at firm A.
    service_->record_realised(poles_[0], user_, group_.id,
                              {worker_.id, member_a_.id, "2026-01", 900, std::nullopt});
    auto ledger = service_->ledger(poles_[0], user_, group_.id, "2026-01", "2026-01");
    ASSERT_EQ(ledger.size(), 2u);
    for (const auto& row : ledger) {
        EXPECT_EQ(row.planned_minutes, 16 * 60);
        if (row.member_id == member_a_.id) {
            EXPECT_EQ(row.realised_minutes, 900);
        } else {
            EXPECT_FALSE(row.realised_minutes.has_value());
        }
    }
    EXPECT_THROW(service_->record_realised(poles_[0], user_, group_.id,
                                           {worker_.id, member_a_.id, "2026-13", 60, {}}),
                 Error);
    // Links: the two firms share one worker, 8 h a week; each is a member of the group.
    auto links = service_->shared_worker_links(poles_[0], 2026);
    int shares = 0, same_group = 0;
    for (const auto& l : links) {
        if (l.kind == "shares_worker") {
            ++shares;
            EXPECT_EQ(l.member_a, std::min(firm_a_, firm_b_));
            EXPECT_EQ(l.member_b, std::max(firm_a_, firm_b_));
            EXPECT_EQ(l.workers, 1);
            EXPECT_DOUBLE_EQ(l.weekly_hours, 8.0);
        } else {
            ++same_group;
        }
    }
    EXPECT_EQ(shares, 1);
    EXPECT_EQ(same_group, 2);
    EXPECT_TRUE(service_->shared_worker_links(poles_[0], 2027).size() == 2u);
    auto hours = service_->member_hours(poles_[0], "2026-01-01", "2026-01-31");
    ASSERT_EQ(hours.size(), 2u);
    for (const auto& h : hours) {
        EXPECT_EQ(h.planned_minutes, 16 * 60);
        EXPECT_EQ(h.realised_minutes, h.actor_id == firm_a_ ? 900 : 0);
    }
    EXPECT_TRUE(service_->shared_worker_links(poles_[1], 2026).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::ValuesIn(store::testdb::backends()));

}  // namespace
}  // namespace maillage::sharedjobs
