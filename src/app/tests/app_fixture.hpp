#pragma once
// A whole application on a fresh test database, called through the router as the HTTP
// server would call it.
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "store/testing.hpp"

namespace maillage::app::testing {

inline Config test_config() {
    Config config;
    config.reference_dir = std::string(MAILLAGE_SOURCE_DIR) + "/src/territory/tests/data";
    config.data_dir = std::string(MAILLAGE_SOURCE_DIR) + "/data";
    config.hash_cost = accounts::HashCost::minimum;
    return config;
}

class AppTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        app_ = std::make_unique<Application>(test_config(), fixture_->database());
    }

    api::Response call(const std::string& method, const std::string& path, const std::string& token,
                       const std::string& body = "",
                       std::map<std::string, std::string> query = {}) {
        api::Request r;
        r.method = method;
        r.path = path;
        r.token = token;
        r.body = body;
        r.query = std::move(query);
        r.content_type = "application/json";
        return app_->router().dispatch(r);
    }

    // Creates a pole with an admin and returns the admin's session token.
    std::string pole_with_admin(const std::string& slug, const std::string& email) {
        auto pole = app_->accounts().create_pole(slug, "Pole " + slug, "ptce");
        app_->accounts().add_member(pole.id, {email, "Admin " + slug, "password-" + slug, "admin"});
        return app_->accounts().login(email, "password-" + slug)->token;
    }

    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<Application> app_;
};

}  // namespace maillage::app::testing
