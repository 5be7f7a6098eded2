#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "accounts/account_service.hpp"
#include "accounts/passwords.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::accounts;

namespace {

Roles shipped_roles() {
    std::ifstream in(paths::data_dir() + "/roles.json");
    return Roles::from_json(Json::parse(in), "roles.json");
}

Vocabulary small_vocabulary() {
    Vocabulary v;
    for (const char* kind : {"ptce", "employer_group"}) v.add("pole_kind", {kind, {}, {}});
    for (const char* role : {"admin", "coordinator", "counsellor", "member", "observer"})
        v.add("role", {role, {}, {}});
    return v;
}

}  // namespace

class AccountsTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        service_ = std::make_unique<AccountService>(fixture_->database(), roles_, vocabulary_,
                                                    AccountsConfig{HashCost::minimum, 3600});
    }
    Roles roles_ = shipped_roles();
    Vocabulary vocabulary_ = small_vocabulary();
    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<AccountService> service_;
};

TEST_P(AccountsTest, LoginWithTheRightPasswordOnly) {
    auto pole = service_->create_pole("seignanx", "Pôle Seignanx", "ptce");
    service_->add_member(pole.id, {"Anne@Example.org ", "Anne", "correct horse battery", "admin"});
    EXPECT_FALSE(service_->login("anne@example.org", "wrong password!!"));
    EXPECT_FALSE(service_->login("nobody@example.org", "correct horse battery"));
    auto session = service_->login("ANNE@example.org", "correct horse battery");
    ASSERT_TRUE(session);
    auto caller = service_->authenticate(session->token);
    ASSERT_TRUE(caller);
    EXPECT_EQ(caller->email, "anne@example.org");
    ASSERT_EQ(caller->poles.size(), 1u);
    EXPECT_EQ(caller->poles[0].role, "admin");
    EXPECT_EQ(caller->poles[0].slug, "seignanx");
}

TEST_P(AccountsTest, LogoutEndsTheSessionAndForgedTokensFail) {
    auto pole = service_->create_pole("ge-adour", "GE Adour", "employer_group");
    service_->add_member(pole.id, {"b@example.org", "B", "0123456789ab", "member"});
    auto session = service_->login("b@example.org", "0123456789ab");
    ASSERT_TRUE(session);
    EXPECT_FALSE(service_->authenticate(session->token + "x"));
    service_->logout(session->token);
    EXPECT_FALSE(service_->authenticate(session->token));
}

// Sessions are remembered for a second (accounts/session_cache.hpp); what this process changes
// must take effect at once all the same.
TEST_P(AccountsTest, SignOutAndRoleChangesTakeEffectAtOnce) {
    auto pole = service_->create_pole("adour", "Adour", "ptce");
    auto id = service_->add_member(pole.id, {"d@example.org", "D", "0123456789ab", "member"});
    auto first = service_->login("d@example.org", "0123456789ab");
    auto second = service_->login("d@example.org", "0123456789ab");
    ASSERT_TRUE(first && second);
    ASSERT_EQ(service_->authenticate(first->token)->poles.at(0).role, "member");
    service_->set_role(pole.id, id, "coordinator");
    EXPECT_EQ(service_->authenticate(first->token)->poles.at(0).role, "coordinator");
    service_->set_platform_admin(id, true);
    EXPECT_TRUE(service_->authenticate(first->token)->platform_admin);
    service_->remove_member(pole.id, id);
    EXPECT_TRUE(service_->authenticate(first->token)->poles.empty());
    service_->logout(first->token);
    EXPECT_FALSE(service_->authenticate(first->token));
    EXPECT_TRUE(service_->authenticate(second->token));
}

// Another server on the same database keeps its own cache: its answers follow a sign-out made
// here within its time to live.
TEST_P(AccountsTest, OtherProcessesSeeASignOutWithinTheCacheLifetime) {
    AccountService other(fixture_->database(), roles_, vocabulary_,
                         AccountsConfig{HashCost::minimum, 3600, std::chrono::milliseconds(200)});
    auto pole = service_->create_pole("nive", "Nive", "ptce");
    service_->add_member(pole.id, {"e@example.org", "E", "0123456789ab", "member"});
    auto session = service_->login("e@example.org", "0123456789ab");
    ASSERT_TRUE(other.authenticate(session->token));
    service_->logout(session->token);
    EXPECT_FALSE(service_->authenticate(session->token));
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    EXPECT_FALSE(other.authenticate(session->token));
}

TEST_P(AccountsTest, ExpiredSessionsAreRefused) {
    AccountService short_lived(fixture_->database(), roles_, vocabulary_,
                               AccountsConfig{HashCost::minimum, -10});
    auto pole = short_lived.create_pole("p1", "P1", "ptce");
    short_lived.add_member(pole.id, {"c@example.org", "C", "0123456789ab", "observer"});
    auto session = short_lived.login("c@example.org", "0123456789ab");
    ASSERT_TRUE(session);
    EXPECT_FALSE(short_lived.authenticate(session->token));
}

TEST_P(AccountsTest, PasswordIsStoredAsArgon2idHashOnly) {
    auto pole = service_->create_pole("p2", "P2", "ptce");
    auto id = service_->add_member(pole.id, {"d@example.org", "D", "a secret phrase", "member"});
    auto hash = fixture_->database().read([&](store::Connection& c) {
        return c.query("SELECT password_hash FROM users WHERE id = ?", {id})[0].text(0);
    });
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("a secret phrase"), std::string::npos);
}

TEST_P(AccountsTest, BadInputNamesTheField) {
    auto expect_field = [](auto&& action, const std::string& field) {
        try {
            action();
            FAIL() << "expected an error on " << field;
        } catch (const Error& e) {
            EXPECT_EQ(e.field(), field) << e.what();
        }
    };
    expect_field([&] { service_->create_pole("Bad Slug", "x", "ptce"); }, "slug");
    expect_field([&] { service_->create_pole("ok-slug", "x", "castle"); }, "kind");
    auto pole = service_->create_pole("p3", "P3", "ptce");
    expect_field(
        [&] {
            service_->add_member(pole.id, {"e@x.org", "E", "short", "admin"});
        },
        "password");
    expect_field(
        [&] {
            service_->add_member(pole.id, {"e@x.org", "E", "long enough!", "king"});
        },
        "role");
    expect_field(
        [&] {
            service_->add_member(pole.id, {"not-an-email", "E", "long enough!", "admin"});
        },
        "email");
}

TEST_P(AccountsTest, DuplicateSlugIsAConflict) {
    service_->create_pole("same", "A", "ptce");
    try {
        service_->create_pole("same", "B", "ptce");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::conflict);
    }
}

TEST_P(AccountsTest, RolesArePerPole) {
    auto a = service_->create_pole("pole-a", "A", "ptce");
    auto b = service_->create_pole("pole-b", "B", "ptce");
    auto id = service_->add_member(a.id, {"f@example.org", "F", "0123456789ab", "admin"});
    service_->add_member(b.id, {"f@example.org", "F", std::nullopt, "observer"});
    auto caller = service_->caller(id);
    ASSERT_EQ(caller.poles.size(), 2u);
    EXPECT_EQ(caller.role_in(a.id)->role, "admin");
    EXPECT_EQ(caller.role_in(b.id)->role, "observer");
    service_->remove_member(b.id, id);
    EXPECT_EQ(service_->caller(id).role_in(b.id), nullptr);
    EXPECT_EQ(service_->members(a.id).size(), 1u);
    EXPECT_EQ(service_->recent_activity(a.id, 10).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::ValuesIn(store::testdb::backends()));

TEST(Roles, ShippedTableGrantsAsDocumented) {
    auto roles = shipped_roles();
    EXPECT_TRUE(roles.grants("admin", "users.manage"));
    EXPECT_FALSE(roles.grants("coordinator", "users.manage"));
    EXPECT_TRUE(roles.grants("coordinator", "actors.write"));
    EXPECT_FALSE(roles.grants("observer", "contacts.read"));
    EXPECT_FALSE(roles.grants("observer", "actors.write"));
}

TEST(Roles, UnknownPermissionInTheFileIsRefused) {
    auto document = Json::parse(R"({"permissions":{"a":""},"roles":{"admin":["a","b"]}})");
    EXPECT_THROW(Roles::from_json(document, "roles.json"), Error);
}

TEST(Passwords, DeploymentCostIsOwaspsArgon2idSetting) {
    // The encoded hash carries its parameters: 19 MiB = 19,456 KiB, two passes, one lane.
    PasswordHasher hasher(HashCost::interactive);
    auto hash = hasher.hash("a long enough secret");
    EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
    EXPECT_TRUE(hasher.verify(hash, "a long enough secret"));
    EXPECT_FALSE(hasher.verify(hash, "a long enough secreT"));
}

TEST(Passwords, HashesMadeWithOtherSettingsStillVerify) {
    auto cheap = PasswordHasher(HashCost::minimum).hash("a long enough secret");
    EXPECT_EQ(cheap.find("m=19456"), std::string::npos) << cheap;
    EXPECT_TRUE(PasswordHasher(HashCost::interactive).verify(cheap, "a long enough secret"));
}
