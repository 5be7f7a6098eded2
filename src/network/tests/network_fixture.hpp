#pragma once
// A whole application on a fresh database of each backend, with a pole, a few actors and users
// of several roles, for the network service and route tests.
#include <gtest/gtest.h>

#include "app/tests/app_fixture.hpp"

namespace maillage::network::testing {

class NetworkTest : public app::testing::AppTest {
  protected:
    void SetUp() override {
        AppTest::SetUp();
        if (!app_) return;
        admin_token_ = pole_with_admin("seignanx", "admin@seignanx.test");
        pole_ = app_->accounts().find_pole("seignanx")->id;
        admin_ = *app_->accounts().user_id_by_email("admin@seignanx.test");
        member_ = app_->accounts().add_member(
            pole_, {"membre@seignanx.test", "Marie Membre", "password-member", "member"});
        observer_ = app_->accounts().add_member(
            pole_, {"obs@seignanx.test", "Olivier Obs", "password-observer", "observer"});
        member_token_ = app_->accounts().login("membre@seignanx.test", "password-member")->token;
        observer_token_ = app_->accounts().login("obs@seignanx.test", "password-observer")->token;
        for (const char* name :
             {"AI Alpha", "Mairie St Machin", "Conseil général", "DDTEFP", "Entreprise Beta"})
            actors_.push_back(actor(pole_, name));
    }

    std::int64_t actor(std::int64_t pole, const std::string& name) {
        actors::ActorInput input;
        input.name = name;
        input.kind = "ei";
        return app_->actors().create(pole, std::nullopt, input).id;
    }

    NetworkService& network() { return app_->network(); }

    RelationInput relation(int from, int to, const std::string& nature, int year = 2026,
                           const std::string& mission = "activity_creation") {
        return {year,
                mission,
                actors_[std::size_t(from)],
                actors_[std::size_t(to)],
                nature,
                std::nullopt,
                2,
                std::nullopt};
    }

    std::int64_t pole_ = 0, admin_ = 0, member_ = 0, observer_ = 0;
    std::string admin_token_, member_token_, observer_token_;
    std::vector<std::int64_t> actors_;  // A, B, C, D, E of the seed's Grille II template
};

}  // namespace maillage::network::testing
