#include "commons/routes.hpp"

#include "commons/tender_json.hpp"

namespace maillage::commons {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

void register_tender_routes(api::Router& router, CommonsService& service) {
    router.add({"GET", "/api/poles/{pole}/commons/tenders", Access::pole, "commons.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& t : service.tenders(c.pole_id(), filter_from(c.request)))
                        list.push_back(to_json(t));
                    return Response::json(list);
                },
                "The pole's collective tender responses (filters: status, year, q)"});
    router.add({"POST", "/api/poles/{pole}/commons/tenders", Access::pole, "commons.write",
                [&](RouteContext& c) {
                    auto input = tender_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.create(c.pole_id(), c.caller->id, std::move(input))), 201);
                },
                "Record a tender the pole's actors answer together"});
    router.add({"GET", "/api/poles/{pole}/commons/tenders/{id}", Access::pole, "commons.read",
                [&](RouteContext& c) {
                    return Response::json(
                        to_json(service.detail(c.pole_id(), c.request.id_param("id"))));
                },
                "One tender with its lots, consortium and realised hours"});
    router.add({"PUT", "/api/poles/{pole}/commons/tenders/{id}", Access::pole, "commons.write",
                [&](RouteContext& c) {
                    auto input = tender_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.update(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a tender and its lots"});
    router.add({"DELETE", "/api/poles/{pole}/commons/tenders/{id}", Access::pole, "commons.write",
                [&](RouteContext& c) {
                    service.remove(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a tender with its consortium and hours"});
}

void register_member_routes(api::Router& router, CommonsService& service) {
    router.add({"POST", "/api/poles/{pole}/commons/tenders/{id}/members", Access::pole,
                "commons.write",
                [&](RouteContext& c) {
                    auto input = member_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.add_member(c.pole_id(), c.caller->id,
                                                   c.request.id_param("id"), std::move(input))),
                        201);
                },
                "Add an actor of the pole to the tender's consortium"});
    router.add({"PUT", "/api/poles/{pole}/commons/members/{id}", Access::pole, "commons.write",
                [&](RouteContext& c) {
                    auto input = member_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.update_member(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a consortium member's role, lots, share or committed hours"});
    router.add({"DELETE", "/api/poles/{pole}/commons/members/{id}", Access::pole, "commons.write",
                [&](RouteContext& c) {
                    service.remove_member(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Take a member out of the consortium (with its realised hours)"});
    router.add({"PUT", "/api/poles/{pole}/commons/members/{id}/hours", Access::pole,
                "commons.hours.write",
                [&](RouteContext& c) {
                    auto input = hours_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.record_hours(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Set the insertion hours a member realised in a month"});
    router.add({"DELETE", "/api/poles/{pole}/commons/hours/{id}", Access::pole,
                "commons.hours.write",
                [&](RouteContext& c) {
                    service.remove_hours(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a month of realised insertion hours"});
}

}  // namespace

void register_routes(api::Router& router, CommonsService& service) {
    register_tender_routes(router, service);
    register_member_routes(router, service);
}

}  // namespace maillage::commons
