#include "evaluation/routes.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "evaluation/evaluation_json.hpp"

namespace maillage::evaluation {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

constexpr const char* kBase = "/api/poles/{pole}/evaluation";

Response file(std::string bytes, const std::string& type, const std::string& name) {
    Response r;
    r.body = std::move(bytes);
    r.content_type = type;
    // Served as a download whatever its type, so that an uploaded file never runs as a page.
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + "\""});
    r.headers.push_back({"X-Content-Type-Options", "nosniff"});
    return r;
}

Json list_json(const auto& items) {
    Json out = Json::array();
    for (const auto& i : items) out.push_back(to_json(i));
    return out;
}

AssessmentFilter filter_from(const api::Request& r) {
    static const std::set<std::string> known = {"grid",       "grid_code", "round", "subject_kind",
                                                "subject_id", "status",    "year"};
    for (const auto& [name, value] : r.query)
        if (!known.count(name)) throw invalid(name, "unknown filter");
    AssessmentFilter f;
    if (r.query_value("grid")) f.grid_id = api::query_int(r, "grid", 0, 1, INT64_MAX);
    if (r.query_value("round")) f.round_id = api::query_int(r, "round", 0, 1, INT64_MAX);
    if (r.query_value("subject_id"))
        f.subject_id = api::query_int(r, "subject_id", 0, 1, INT64_MAX);
    if (r.query_value("year")) f.year = api::query_int(r, "year", 0, 1900, 2300);
    f.grid_code = r.query_value("grid_code");
    f.subject_kind = r.query_value("subject_kind");
    f.status = r.query_value("status");
    return f;
}

std::string language_of(const RouteContext& c) {
    auto lang = c.request.query_value("lang").value_or(c.caller->locale);
    return lang == "it" || lang == "en" ? lang : "fr";
}

// The assessment with the radar's previous values, when there is a previous session.
Json full(EvaluationService& s, RouteContext& c, const Assessment& a) {
    if (a.grid->radar_depth == 0) return to_json(a, nullptr);
    auto cmp = s.comparison(c.pole_id(), a.id, std::nullopt);
    return to_json(a, cmp ? &cmp->previous : nullptr);
}

// Registers the routes; handlers capture the service, not this short-lived helper.
class Registrar {
  public:
    Registrar(api::Router& router, EvaluationService& service) : router_(router), s_(service) {}

    void add(const char* method, const std::string& path, const char* permission,
             api::Handler handler, const char* summary) {
        router_.add({method, kBase + path, Access::pole, permission, std::move(handler), summary});
    }

    void grids() {
        add(
            "GET", "/grids", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                Json out = Json::array();
                for (const auto& g : s_.grids(c.pole_id())) out.push_back(to_json(g, false));
                return Response::json(out);
            },
            "The grids the pole can use: shipped ones and its own copies");
        add(
            "GET", "/grids/{id}", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    to_json(s_.grid(c.pole_id(), c.request.id_param("id")), true));
            },
            "A grid with its definition");
        add(
            "GET", "/grids/{id}/export", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto g = s_.grid(c.pole_id(), c.request.id_param("id"));
                return file(grid_to_json(*g.grid).dump(2) + "\n", "application/json; charset=utf-8",
                            g.grid->code + "-v" + std::to_string(g.grid->version) + ".json");
            },
            "A grid's definition as a file to import elsewhere");
        add(
            "POST", "/grids", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                Json body = parse_json(c.request.body);
                JsonFields f(body);
                auto from = f.optional_int("from");
                if (!from) throw invalid("from", "is required: the grid to copy");
                auto code = f.optional_string("code");
                std::optional<Label> title;
                if (const Json* t = f.optional_value("title")) title = label_from(t, "title");
                f.reject_unknown();
                return Response::json(
                    to_json(s_.copy_grid(c.pole_id(), c.caller->id, *from, code, title), true),
                    201);
            },
            "Copy a grid into the pole, to adapt it");
        add(
            "POST", "/grids/import", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                auto g =
                    s_.import_grid(c.pole_id(), c.caller->id, parse_json(c.request.body), "grid");
                return Response::json(to_json(g, true), 201);
            },
            "Import a grid document into the pole");
        add(
            "PUT", "/grids/{id}", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                Json body = parse_json(c.request.body);
                JsonFields f(body);
                const Json* definition = f.optional_value("definition");
                f.reject_unknown();
                if (!definition) throw invalid("definition", "is required");
                return Response::json(to_json(
                    s_.save_grid(c.pole_id(), c.caller->id, c.request.id_param("id"), *definition),
                    true));
            },
            "Save a pole grid (a new version when assessments use it)");
        add(
            "DELETE", "/grids/{id}", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                s_.delete_grid(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::no_content();
            },
            "Delete a pole grid that nothing uses");
    }

    void assessments() {
        add(
            "GET", "/assessments", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    list_json(s_.assessments(c.pole_id(), filter_from(c.request))));
            },
            "The pole's assessments, newest first");
        add(
            "POST", "/assessments", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.create_assessment(c.pole_id(), c.caller->id,
                                              assessment_input_from(parse_json(c.request.body)));
                return Response::json(to_json(a, nullptr), 201);
            },
            "Start an assessment (a board needs at least 3 participants)");
        add(
            "GET", "/assessments/{id}", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    full(s_, c, s_.assessment(c.pole_id(), c.request.id_param("id"))));
            },
            "An assessment: participants, argument log, board, answers, evidence");
        add(
            "PUT", "/assessments/{id}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.change_assessment(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                              assessment_change_from(parse_json(c.request.body)));
                return Response::json(full(s_, c, a));
            },
            "Change an assessment's title, date, stage, mode, status or previous session");
        add(
            "DELETE", "/assessments/{id}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                s_.delete_assessment(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::no_content();
            },
            "Delete an assessment");
        add(
            "GET", "/assessments/{id}/revision", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    {{"revision", s_.revision(c.pole_id(), c.request.id_param("id"))}});
            },
            "The assessment's revision, for a screen that follows a session");
        add(
            "GET", "/assessments/{id}/replay", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto id = c.request.id_param("id");
                auto n = api::query_int(c.request, "arguments", -1, 0, 1000000);
                auto total = s_.assessment(c.pole_id(), id).log.size();
                return Response::json(to_json(s_.replay(c.pole_id(), id, n), std::int64_t(total)));
            },
            "The board after the log's first N arguments");
        add(
            "GET", "/assessments/{id}/history", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(list_json(s_.history(c.pole_id(), c.request.id_param("id"))));
            },
            "The sessions of the same subject on the same grid, oldest first");
        add(
            "GET", "/assessments/{id}/comparison", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                std::optional<std::int64_t> with;
                if (c.request.query_value("with"))
                    with = api::query_int(c.request, "with", 0, 1, INT64_MAX);
                auto cmp = s_.comparison(c.pole_id(), c.request.id_param("id"), with);
                return Response::json(cmp ? to_json(*cmp) : Json(nullptr));
            },
            "Item-by-item comparison with another session (default: the previous one)");
        add(
            "GET", "/assessments/{id}/report", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto r = assessment_report(s_, c.pole_id(), c.request.id_param("id"),
                                           c.request.query_value("format").value_or("pdf"),
                                           language_of(c));
                return file(std::move(r.bytes), r.content_type, r.file_name);
            },
            "The assessment's report: pdf, html or xlsx");
        add(
            "POST", "/assessments/{id}/participants", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.add_participant(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                            participant_from(parse_json(c.request.body)));
                return Response::json(full(s_, c, a), 201);
            },
            "Add a participant");
        add(
            "DELETE", "/assessments/{id}/participants/{participant}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.remove_participant(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               c.request.id_param("participant"));
                return Response::json(full(s_, c, a));
            },
            "Remove a participant who has not spoken");
        add(
            "POST", "/assessments/{id}/arguments", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.add_argument(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                         argument_from(parse_json(c.request.body)));
                return Response::json(full(s_, c, a), 201);
            },
            "Add an argument: it moves its question's cursor");
        add(
            "PUT", "/assessments/{id}/arguments/{argument}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                Json body = parse_json(c.request.body);
                JsonFields f(body);
                auto withdrawn = f.optional_bool("withdrawn");
                f.reject_unknown();
                if (!withdrawn) throw invalid("withdrawn", "is required");
                auto a = s_.withdraw_argument(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                              c.request.id_param("argument"), *withdrawn);
                return Response::json(full(s_, c, a));
            },
            "Withdraw an argument (it stays in the log) or restore it");
        add(
            "PUT", "/assessments/{id}/answers", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.save_answers(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                         answers_from(parse_json(c.request.body)));
                return Response::json(full(s_, c, a));
            },
            "Save answers, flags (black balls) and comments, all or none");
        add(
            "POST", "/assessments/{id}/prefill", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a = s_.prefill_from_feeds(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::json(full(s_, c, a));
            },
            "Fill the indicators that other modules feed");
        add(
            "POST", "/assessments/{id}/evidence", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto e = s_.add_evidence(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                         evidence_from(parse_json(c.request.body)));
                return Response::json(to_json(e), 201);
            },
            "Attach evidence (press, testimonies, minutes…), with a file or not");
        add(
            "GET", "/assessments/{id}/evidence/{evidence}/file", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto f = s_.evidence_file(c.pole_id(), c.request.id_param("id"),
                                          c.request.id_param("evidence"));
                return file(std::move(f.bytes), f.content_type, f.name);
            },
            "Download an evidence file");
        add(
            "DELETE", "/assessments/{id}/evidence/{evidence}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                s_.remove_evidence(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                   c.request.id_param("evidence"));
                return Response::no_content();
            },
            "Remove evidence");
    }

    void pole_level() {
        add(
            "GET", "/demarches", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(list_json(s_.demarches(c.pole_id())));
            },
            "The pole's démarches (subjects of assessments)");
        add(
            "POST", "/demarches", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto d = s_.save_demarche(c.pole_id(), c.caller->id, std::nullopt,
                                          demarche_from(parse_json(c.request.body)));
                return Response::json(to_json(d), 201);
            },
            "Record a démarche");
        add(
            "PUT", "/demarches/{id}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    to_json(s_.save_demarche(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                             demarche_from(parse_json(c.request.body)))));
            },
            "Change a démarche");
        add(
            "DELETE", "/demarches/{id}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                s_.delete_demarche(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::no_content();
            },
            "Delete a démarche no assessment is about");
        add(
            "GET", "/rounds", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(list_json(s_.rounds(c.pole_id())));
            },
            "The pole's rounds: one grid across member organisations");
        add(
            "POST", "/rounds", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                auto r = s_.create_round(c.pole_id(), c.caller->id,
                                         round_from(parse_json(c.request.body)));
                return Response::json(to_json(r), 201);
            },
            "Start a round");
        add(
            "GET", "/rounds/{id}", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(to_json(s_.round(c.pole_id(), c.request.id_param("id"))));
            },
            "A round and its members' progress");
        add(
            "PUT", "/rounds/{id}", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    to_json(s_.change_round(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                            round_from(parse_json(c.request.body)))));
            },
            "Change a round's title, year or members");
        add(
            "DELETE", "/rounds/{id}", "evaluation.grids",
            [&s_ = s_](RouteContext& c) {
                s_.delete_round(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::no_content();
            },
            "Delete a round (its members' assessments stay)");
        add(
            "GET", "/rounds/{id}/distribution", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(
                    to_json(s_.round_distribution(c.pole_id(), c.request.id_param("id"))));
            },
            "Each item's distribution across the round's members");
        add(
            "POST", "/rounds/{id}/members/{actor}/assessment", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto a =
                    s_.start_member_assessment(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               c.request.id_param("actor"));
                return Response::json(to_json(a, nullptr), 201);
            },
            "Open a member's assessment in the round");
        add(
            "GET", "/core-indicators", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto year = api::query_int(c.request, "year", 0, 1900, 2300);
                if (!year) throw invalid("year", "is required");
                return Response::json(to_json(s_.core_indicators(c.pole_id(), year)));
            },
            "The core indicators across every assessment of a year");
    }

    void campaigns() {
        add(
            "GET", "/campaigns", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(list_json(s_.campaigns(c.pole_id())));
            },
            "The pole's social-utility campaigns");
        add(
            "POST", "/campaigns", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto k = s_.create_campaign(c.pole_id(), c.caller->id,
                                            campaign_from(parse_json(c.request.body)));
                return Response::json(to_json(k), 201);
            },
            "Start a social-utility campaign");
        add(
            "GET", "/campaigns/{id}", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                return Response::json(to_json(s_.campaign(c.pole_id(), c.request.id_param("id"))));
            },
            "A campaign and its six steps");
        add(
            "DELETE", "/campaigns/{id}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                s_.delete_campaign(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::no_content();
            },
            "Delete a campaign with its data");
        add(
            "PUT", "/campaigns/{id}/steps/{step}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                Json body = parse_json(c.request.body);
                JsonFields f(body);
                const Json* data = f.optional_value("data");
                auto done = f.optional_bool("done");
                f.reject_unknown();
                if (!data) throw invalid("data", "is required");
                auto k = s_.save_campaign_step(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               c.request.param("step"), *data, done);
                return Response::json(to_json(k));
            },
            "Save one of the six steps, and mark it done");
        add(
            "POST", "/campaigns/{id}/indicators", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                std::string code;
                auto k =
                    s_.add_campaign_indicator(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                              indicator_from(parse_json(c.request.body)), &code);
                Json out = to_json(k);
                out["added"] = code;
                return Response::json(out, 201);
            },
            "Add an indicator under a retained criterion");
        add(
            "DELETE", "/campaigns/{id}/indicators/{item}", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                return Response::json(to_json(s_.remove_campaign_indicator(
                    c.pole_id(), c.caller->id, c.request.id_param("id"), c.request.param("item"))));
            },
            "Remove an indicator the campaign added (with its value)");
        add(
            "POST", "/campaigns/{id}/next-year", "evaluation.write",
            [&s_ = s_](RouteContext& c) {
                auto k = s_.next_year_campaign(c.pole_id(), c.caller->id, c.request.id_param("id"));
                return Response::json(to_json(k), 201);
            },
            "Start next year's campaign with the same set-up");
        add(
            "GET", "/campaigns/{id}/report", "evaluation.read",
            [&s_ = s_](RouteContext& c) {
                auto r = campaign_report(s_, c.pole_id(), c.request.id_param("id"),
                                         c.request.query_value("format").value_or("pdf"),
                                         language_of(c));
                return file(std::move(r.bytes), r.content_type, r.file_name);
            },
            "The campaign's yearly report: pdf, html or xlsx");
    }

  private:
    api::Router& router_;
    EvaluationService& s_;
};

}  // namespace

void register_routes(api::Router& router, EvaluationService& service) {
    Registrar r(router, service);
    r.grids();
    r.assessments();
    r.pole_level();
    r.campaigns();
}

EvaluationConfig links_for(const std::string& data_dir, accounts::AccountService& accounts,
                           actors::ActorService& actors) {
    EvaluationConfig config;
    config.grids_dir = (std::filesystem::path(data_dir) / "evaluation" / "grids").string();
    config.report_texts_file =
        (std::filesystem::path(data_dir) / "evaluation" / "report-texts.json").string();
    config.links.pole_name = [&accounts](std::int64_t pole) -> std::optional<std::string> {
        auto p = accounts.find_pole(std::to_string(pole));
        if (!p) return std::nullopt;
        return p->name;
    };
    config.links.actor_name = [&actors](std::int64_t pole,
                                        std::int64_t id) -> std::optional<std::string> {
        try {
            auto a = actors.get(id);
            for (const auto& p : a.poles)
                if (p.id == pole) return a.name;
        } catch (const Error& e) {
            if (e.code() != ErrorCode::not_found) throw;
        }
        return std::nullopt;
    };
    return config;
}

}  // namespace maillage::evaluation
