#pragma once
// A whole application on a fresh database of each backend, with a pole, its admin and a few
// actors, for the evaluation service's tests.
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "core/error.hpp"
#include "store/testing.hpp"

namespace maillage::evaluation::testing {

inline app::Config test_config() {
    app::Config config;
    config.reference_dir = std::string(MAILLAGE_SOURCE_DIR) + "/src/territory/tests/data";
    config.data_dir = std::string(MAILLAGE_SOURCE_DIR) + "/data";
    config.hash_cost = accounts::HashCost::minimum;
    return config;
}

class ServiceTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        app_ = std::make_unique<app::Application>(test_config(), fixture_->database());
        pole_ = app_->accounts().create_pole("eval-a", "Pôle A", "ptce").id;
        other_pole_ = app_->accounts().create_pole("eval-b", "Pôle B", "ptce").id;
        user_ =
            app_->accounts().add_member(pole_, {"a@eval.example", "Admin", "password-a", "admin"});
        for (const char* name : {"Insertion A", "Chantier B", "Scop C"})
            actors_.push_back(actor(name, pole_));
        foreign_actor_ = actor("Ailleurs", other_pole_);
    }

    std::int64_t actor(const std::string& name, std::int64_t pole) {
        actors::ActorInput in;
        in.name = name;
        in.kind = "ei";
        return app_->actors().create(pole, std::nullopt, in).id;
    }

    EvaluationService& service() { return app_->evaluation(); }
    std::int64_t shipped(const std::string& code) { return service().find_grid(pole_, code).id; }

    AssessmentInput board_input(std::size_t participants, std::int64_t subject_actor = 0) {
        AssessmentInput in;
        in.grid_id = shipped("dd-appraisal");
        in.subject = {"actor", subject_actor ? subject_actor : actors_[0], ""};
        in.held_on = "2025-03-14";
        in.stage = "implementation";
        in.mode = "self";
        for (std::size_t i = 0; i < participants; ++i)
            in.participants.push_back({"Participant " + std::to_string(i + 1), {}, {}});
        return in;
    }

    ArgumentInput argument(const std::string& item, std::int64_t participant, int direction,
                           double displacement, std::string text = "because") {
        return {item, participant, direction, displacement, std::move(text)};
    }

    // The error code a call throws, or "none".
    template <class F>
    static std::string error_of(F&& call, std::string* field = nullptr) {
        try {
            call();
        } catch (const Error& e) {
            if (field) *field = e.field();
            return std::string(to_string(e.code()));
        }
        return "none";
    }

    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<app::Application> app_;
    std::int64_t pole_ = 0, other_pole_ = 0, user_ = 0, foreign_actor_ = 0;
    std::vector<std::int64_t> actors_;
};

}  // namespace maillage::evaluation::testing
