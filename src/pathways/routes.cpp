#include "pathways/routes.hpp"

#include "pathways/pathway_json.hpp"

namespace maillage::pathways {

using api::Access;
using api::Response;
using api::RouteContext;

namespace detail {

namespace {}  // namespace

void register_project_routes(api::Router& router, PathwayService& s) {
    router.add({"GET", route_at("/templates"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& info : s.templates(c.pole_id()))
                        list.push_back(to_json(info, false));
                    return Response::json(list);
                },
                "Pathway templates: the shipped ones and the pole's own"});
    router.add({"GET", route_at("/templates/{code}"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    return Response::json(
                        to_json(s.template_info(c.pole_id(), c.request.param("code")), true));
                },
                "One pathway template, with its document"});
    router.add({"POST", route_at("/templates"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    // JsonFields keeps a reference: the parsed body must outlive it.
                    const Json body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto from = f.required_string("from");
                    auto code = f.required_string("code");
                    f.reject_unknown();
                    return Response::json(
                        to_json(s.copy_template(c.pole_id(), c.caller->id, from, code), true), 201);
                },
                "Copy a template under a code of the pole's own"});
    router.add({"PUT", route_at("/templates/{code}"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    return Response::json(
                        to_json(s.save_template(c.pole_id(), c.caller->id, c.request.param("code"),
                                                parse_json(c.request.body)),
                                true));
                },
                "Save a new version of one of the pole's templates"});
    router.add({"GET", route_at("/projects"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    return Response::json(
                        to_json(s.projects(c.pole_id(), project_filter_from(c.request))));
                },
                "Search the pole's projects"});
    router.add({"POST", route_at("/projects"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = project_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.create_project(c.pole_id(), c.caller->id, std::move(input))),
                        201);
                },
                "Create a project on a pathway"});
    router.add({"GET", route_at("/projects/{id}"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    return Response::json(to_json(
                        s.detail(c.pole_id(), c.request.id_param("id"), date_from(c.request))));
                },
                "A project with its pathway, timeline, support and alerts"});
    router.add({"PUT", route_at("/projects/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = project_input_from(parse_json(c.request.body));
                    return Response::json(to_json(s.update_project(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a project (not its pathway state)"});
    router.add({"DELETE", route_at("/projects/{id}"), Access::pole, "pathways.manage",
                [&s](RouteContext& c) {
                    s.remove_project(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a project and everything recorded about it"});
    router.add({"POST", route_at("/projects/{id}/transitions"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = transition_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.transition(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                             std::move(input), today_utc())));
                },
                "Move a project along its pathway (409 for an illegal transition)"});
    router.add({"PUT", route_at("/projects/{id}/deliverables/{code}"), Access::pole,
                "pathways.write",
                [&s](RouteContext& c) {
                    std::optional<std::string> done, note;
                    if (!c.request.body.empty()) {
                        // JsonFields keeps a reference: the parsed body must outlive it.
                        const Json body = parse_json(c.request.body);
                        JsonFields f(body);
                        done = f.optional_string("done_on");
                        note = f.optional_string("note");
                        f.reject_unknown();
                    }
                    s.set_deliverable(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                      c.request.param("code"), done, note, today_utc());
                    return Response::no_content();
                },
                "Mark a deliverable of the current step as done"});
    router.add({"DELETE", route_at("/projects/{id}/deliverables/{code}"), Access::pole,
                "pathways.write",
                [&s](RouteContext& c) {
                    s.clear_deliverable(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                        c.request.param("code"));
                    return Response::no_content();
                },
                "Mark a deliverable of the current step as not done"});
    router.add(
        {"GET", route_at("/projects/{id}/promoters"), Access::pole, "pathways.promoters.read",
         [&s](RouteContext& c) {
             Json list = Json::array();
             for (const auto& p : s.promoters(c.pole_id(), c.caller->id, c.request.id_param("id")))
                 list.push_back(to_json(p));
             return Response::json(list);
         },
         "The project's promoter group (personal data; each read is logged)"});
    router.add({"POST", route_at("/projects/{id}/promoters"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = promoter_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(s.add_promoter(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                               std::move(input))),
                        201);
                },
                "Add a member to the promoter group"});
    router.add({"PUT", route_at("/promoters/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    auto input = promoter_input_from(parse_json(c.request.body));
                    return Response::json(to_json(s.update_promoter(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a promoter"});
    router.add({"DELETE", route_at("/promoters/{id}"), Access::pole, "pathways.write",
                [&s](RouteContext& c) {
                    s.remove_promoter(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Remove a promoter"});
    router.add({"GET", route_at("/kanban"), Access::pole, "pathways.read",
                [&s](RouteContext& c) {
                    auto filter = project_filter_from(c.request);
                    auto per_column = api::query_int(c.request, "per_column", 30, 1, 100);
                    return Response::json(
                        to_json(s.kanban(c.pole_id(), filter, std::size_t(per_column))));
                },
                "Active and paused projects by stage"});
}

}  // namespace detail

void register_routes(api::Router& router, PathwayService& service) {
    detail::register_project_routes(router, service);
    detail::register_support_routes(router, service);
}

}  // namespace maillage::pathways
