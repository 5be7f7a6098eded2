// Routes for support actions, visits, test contracts, jobs, mentors, routing and dashboards.
#include "pathways/pathway_json.hpp"
#include "pathways/routes.hpp"

namespace maillage::pathways::detail {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

int year_param(const api::Request& r) {
    auto year = r.id_param("year");
    if (year < 1900 || year > 2200) throw invalid("year", "must be from 1900 to 2200");
    return int(year);
}

void register_follow_up(api::Router& router, PathwayService& s) {
    router.add({"POST", route_at("/projects/{id}/actions"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = action_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.add_action(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                             std::move(input), today_utc())),
                        201);
                },
                "Record a support action: coaching, mentoring session, expert, training, hotline"});
    router.add({"DELETE", route_at("/actions/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    s.remove_action(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a support action"});
    router.add({"POST", route_at("/projects/{id}/visits"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = visit_input_from(parse_json(c.request.body));
                    return Response::json(to_json(s.schedule_visit(c.pole_id(), c.caller->id,
                                                                   c.request.id_param("id"),
                                                                   std::move(input), today_utc())),
                                          201);
                },
                "Schedule a follow-up visit"});
    router.add({"PUT", route_at("/visits/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = visit_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.update_visit(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               std::move(input), today_utc())));
                },
                "Change a visit or record it as done"});
    router.add({"DELETE", route_at("/visits/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    s.remove_visit(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a visit"});
    router.add({"POST", route_at("/projects/{id}/test-contracts"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = contract_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.add_contract(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               std::move(input), today_utc())),
                        201);
                },
                "Record a test contract (CAPE, farm test, nursery)"});
    router.add({"PUT", route_at("/test-contracts/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = contract_input_from(parse_json(c.request.body));
                    return Response::json(to_json(
                        s.update_contract(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                          std::move(input), today_utc())));
                },
                "Change a test contract or record its exit"});
    router.add({"PUT", route_at("/projects/{id}/jobs/{year}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto jobs = jobs_from(parse_json(c.request.body), year_param(c.request));
                    s.declare_jobs(c.pole_id(), c.caller->id, c.request.id_param("id"), jobs);
                    return Response::no_content();
                },
                "Declare the jobs of a project for a year"});
    router.add({"DELETE", route_at("/projects/{id}/jobs/{year}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    s.remove_jobs(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                  year_param(c.request));
                    return Response::no_content();
                },
                "Delete a jobs declaration"});
}

void register_mentors(api::Router& router, PathwayService& s) {
    router.add({"GET", route_at("/mentors"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    return Response::json(
                        to_json(s.mentors(c.pole_id(), mentor_filter_from(c.request))));
                },
                "The mentor and expert directory"});
    router.add({"POST", route_at("/mentors"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    auto input = mentor_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.create_mentor(c.pole_id(), c.caller->id, std::move(input))), 201);
                },
                "Add a mentor or an expert"});
    router.add({"GET", route_at("/mentors/{id}"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    return Response::json(to_json(s.mentor(c.pole_id(), c.request.id_param("id"))));
                },
                "One mentor or expert"});
    router.add({"PUT", route_at("/mentors/{id}"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    auto input = mentor_input_from(parse_json(c.request.body));
                    return Response::json(to_json(s.update_mentor(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a mentor or an expert"});
    router.add({"DELETE", route_at("/mentors/{id}"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    s.remove_mentor(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a mentor who has no pairing on record"});
    router.add({"GET", route_at("/projects/{id}/routing"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    RoutingRequest request;
                    request.kind = c.request.query_value("kind").value_or("mentoring");
                    request.subjects = split_list(c.request.query_value("subjects").value_or(""));
                    request.limit = std::size_t(api::query_int(c.request, "limit", 10, 1, 100));
                    return Response::json(
                        to_json(s.suggest(c.pole_id(), c.request.id_param("id"), request)));
                },
                "Ranked mentor, expert or peer-tutor suggestions, every factor shown"});
    router.add({"POST", route_at("/projects/{id}/mentorships"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    auto input = mentorship_input_from(parse_json(c.request.body));
                    return Response::json(to_json(s.confirm_pairing(c.pole_id(), c.caller->id,
                                                                    c.request.id_param("id"),
                                                                    std::move(input), today_utc())),
                                          201);
                },
                "Confirm a pairing (coordinators)"});
    router.add({"PUT", route_at("/mentorships/{id}"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    // JsonFields keeps a reference: the parsed body must outlive it.
                    const Json body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto status = f.required_string("status");
                    auto ended = f.optional_string("ended_on");
                    f.reject_unknown();
                    if (status != "ended") throw invalid("status", "can only become ended");
                    return Response::json(to_json(s.end_mentorship(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), ended, today_utc())));
                },
                "End a pairing"});
}

void register_dashboards(api::Router& router, PathwayService& s) {
    router.add(
        {"GET", route_at("/dashboard"), Access::pole, "pathways.read",
         [&s](RouteContext& c) {
             return Response::json(to_json(s.dashboard(c.pole_id(), date_from(c.request))));
         },
         "Portfolio by stage and model, time in stages, survival, jobs, overdue follow-ups"});
    router.add({"GET", route_at("/alerts"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& a : s.alerts(c.pole_id(), date_from(c.request)))
                        list.push_back(to_json(a));
                    return Response::json(list);
                },
                "Overdue and upcoming follow-ups on a date (default today)"});
    router.add({"GET", route_at("/links"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    auto year =
                        int(api::query_int(c.request, "year", year_of(today_utc()), 1900, 2200));
                    Json list = Json::array();
                    for (const auto& l : s.mentoring_links(c.pole_id(), year))
                        list.push_back(to_json(l));
                    return Response::json(list);
                },
                "Mentoring, expert and tutoring relations between actors in a year"});
}

}  // namespace

void register_support_routes(api::Router& router, PathwayService& service) {
    register_follow_up(router, service);
    register_mentors(router, service);
    register_dashboards(router, service);
}

}  // namespace maillage::pathways::detail
