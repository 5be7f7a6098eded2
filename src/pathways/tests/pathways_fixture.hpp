#pragma once
// A whole application on a fresh database of each backend, with two poles, and helpers that
// walk projects along their pathway the way a counsellor would.
#include <gtest/gtest.h>

#include "app/tests/app_fixture.hpp"
#include "core/error.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::pathways::testing {

inline Date day(const char* iso) {
    return *parse_date(iso);
}

class PathwaysTest : public app::testing::AppTest {
  protected:
    void SetUp() override {
        AppTest::SetUp();
        if (!app_) return;
        token_ = pole_with_admin("pole-a", "admin@pole-a.example");
        pole_ = app_->accounts().find_pole("pole-a")->id;
        admin_ = *app_->accounts().user_id_by_email("admin@pole-a.example");
        pole_with_admin("pole-b", "admin@pole-b.example");
        other_pole_ = app_->accounts().find_pole("pole-b")->id;
    }

    PathwayService& service() { return app_->pathways(); }

    ProjectInput input(const std::string& title, const std::string& template_code,
                       const std::string& started_on) {
        ProjectInput in;
        in.title = title;
        in.template_code = template_code;
        in.origin_kind = "citizen";
        in.commune = "40312";
        in.naf = "43.99C";
        in.legal_form = "scic";
        in.started_on = started_on;
        return in;
    }

    Project create(const std::string& title, const std::string& template_code = "scop_scic_paca",
                   const std::string& started_on = "2024-01-15") {
        return service().create_project(pole_, admin_, input(title, template_code, started_on));
    }

    // Marks the current step's required deliverables done, then advances on `on`.
    Project advance(std::int64_t id, const char* on, const std::string& to = "") {
        auto detail = service().detail(pole_, id, day(on));
        for (const auto& d : detail.pathway->step(detail.project.step)->deliverables)
            if (d.required)
                service().set_deliverable(pole_, admin_, id, d.code, std::string(on), std::nullopt,
                                          day(on));
        return move(id, "advance", on, to);
    }

    Project move(std::int64_t id, const std::string& action, const char* on,
                 const std::string& to = "", const std::string& note = "") {
        TransitionInput t;
        t.action = action;
        if (!to.empty()) t.to = to;
        if (!note.empty()) t.note = note;
        t.on_date = on;
        return service().transition(pole_, admin_, id, t, day(on));
    }

    std::int64_t scalar(const std::string& sql, const store::Params& params = {}) {
        return fixture_->database().read(
            [&](store::Connection& c) { return c.query(sql, params)[0].integer(0); });
    }

    std::string token_;
    std::int64_t pole_ = 0, admin_ = 0, other_pole_ = 0;
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

}  // namespace maillage::pathways::testing
