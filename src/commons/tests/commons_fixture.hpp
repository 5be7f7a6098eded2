#pragma once
// A whole application on a fresh database of each backend, with two poles and a few actors of
// pole A, and a helper that builds the won tender most tests start from.
#include <gtest/gtest.h>

#include "app/tests/app_fixture.hpp"
#include "commons/commons_service.hpp"
#include "core/error.hpp"

namespace maillage::commons::testing {

class CommonsTest : public app::testing::AppTest {
  protected:
    void SetUp() override {
        AppTest::SetUp();
        if (!app_) return;
        token_ = pole_with_admin("pole-a", "admin@pole-a.example");
        other_token_ = pole_with_admin("pole-b", "admin@pole-b.example");
        pole_ = app_->accounts().find_pole("pole-a")->id;
        other_pole_ = app_->accounts().find_pole("pole-b")->id;
        admin_ = *app_->accounts().user_id_by_email("admin@pole-a.example");
        other_admin_ = *app_->accounts().user_id_by_email("admin@pole-b.example");
        city_ = actor(pole_, "Commune de Tarnos", "local_authority", "21400305500016");
        siae_ = actor(pole_, "Atelier d'insertion des Barthes", "aci", "40000000600017");
        coop_ = actor(pole_, "Scop Jardins du Seignanx", "scop", "40000001400011");
        ei_ = actor(pole_, "Entreprise d'insertion Adour Propreté", "ei", "40000002200014");
        outsider_ = actor(other_pole_, "Régie de quartier voisine", "ei", "40000003000017");
    }

    CommonsService& service() { return app_->commons(); }

    std::int64_t actor(std::int64_t pole, const char* name, const char* kind, const char* siret) {
        actors::ActorInput input;
        input.name = name;
        input.kind = kind;
        input.siret = siret;
        return app_->actors().create(pole, std::nullopt, input).id;
    }

    // Green-space maintenance for the town: two lots, awarded in March 2026, contract from
    // April 2026 to March 2028.
    TenderInput won_tender() {
        TenderInput t;
        t.buyer_actor_id = city_;
        t.title = "Entretien des espaces verts communaux";
        t.reference = "2026-EV-01";
        t.procedure = "adapted";
        t.published_on = "2026-01-10";
        t.deadline_on = "2026-02-15";
        t.estimated_amount = 180000;
        t.status = "won";
        t.awarded_on = "2026-03-20";
        t.contract_start = "2026-04-01";
        t.contract_end = "2028-03-31";
        t.lots = {{1, "Tonte et débroussaillage", 1200}, {2, "Taille des haies", 400}};
        return t;
    }

    MemberInput member(std::int64_t actor, const char* role, std::vector<std::int64_t> lots,
                       double share, double hours) {
        MemberInput m;
        m.actor_id = actor;
        m.role = role;
        m.lots = std::move(lots);
        m.share_percent = share;
        m.insertion_hours_committed = hours;
        return m;
    }

    std::vector<MemberInput> three_members() {
        return {member(siae_, "mandataire", {1}, 50, 900),
                member(coop_, "co_traitant", {2}, 30, 300),
                member(ei_, "co_traitant", {1, 2}, 20, 400)};
    }

    std::int64_t scalar(const std::string& sql, const store::Params& params = {}) {
        return fixture_->database().read(
            [&](store::Connection& c) { return c.query(sql, params)[0].integer(0); });
    }

    std::string token_, other_token_;
    std::int64_t pole_ = 0, other_pole_ = 0, admin_ = 0, other_admin_ = 0;
    std::int64_t city_ = 0, siae_ = 0, coop_ = 0, ei_ = 0, outsider_ = 0;
};

// The error a call throws, as "code field".
template <class F>
std::string error_of(F&& call) {
    try {
        call();
    } catch (const Error& e) {
        return std::string(to_string(e.code())) + " " + e.field();
    }
    return "no error";
}

}  // namespace maillage::commons::testing
