#include "sharedjobs/routes.hpp"

#include "sharedjobs/api_json.hpp"
#include "sharedjobs/instance_json.hpp"

namespace maillage::sharedjobs {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

const std::string kBase = "/api/poles/{pole}/sharedjobs";

template <class T>
Json list_json(const std::vector<T>& items) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(to_json(item));
    return out;
}

std::int64_t group_param(RouteContext& c) {
    return c.request.id_param("group");
}

void add(api::Router& router, const std::string& method, const std::string& path,
         const std::string& permission, api::Handler handler, const std::string& summary) {
    router.add({method, kBase + path, Access::pole, permission, std::move(handler), summary});
}

void register_group_routes(api::Router& router, SharedJobsService& service) {
    add(
        router, "GET", "/groups", "sharedjobs.read",
        [&](RouteContext& c) { return Response::json(list_json(service.groups(c.pole_id()))); },
        "The pole's employer groups");
    add(
        router, "POST", "/groups", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = group_input_from(parse_json(c.request.body));
            return Response::json(to_json(service.create_group(c.pole_id(), c.caller->id, in)),
                                  201);
        },
        "Set up a GE or GEIQ actor of the pole as an employer group");
    add(
        router, "GET", "/groups/{group}", "sharedjobs.read",
        [&](RouteContext& c) {
            return Response::json(to_json(service.group(c.pole_id(), group_param(c))));
        },
        "One employer group");
    add(
        router, "PUT", "/groups/{group}", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = group_input_from(parse_json(c.request.body));
            return Response::json(
                to_json(service.update_group(c.pole_id(), c.caller->id, group_param(c), in)));
        },
        "Change a group's billing coefficient, default rate and horizon");
    add(
        router, "GET", "/groups/{group}/members", "sharedjobs.read",
        [&](RouteContext& c) {
            return Response::json(list_json(service.members(c.pole_id(), group_param(c))));
        },
        "The group's member firms");
    add(
        router, "POST", "/groups/{group}/members", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = member_input_from(parse_json(c.request.body));
            return Response::json(
                to_json(service.add_member(c.pole_id(), c.caller->id, group_param(c), in)), 201);
        },
        "Add a member firm (an actor of the pole)");
    add(
        router, "PUT", "/members/{id}", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = member_input_from(parse_json(c.request.body));
            return Response::json(to_json(service.update_member(
                c.pole_id(), c.caller->id, c.request.id_param("id"), in.hourly_rate)));
        },
        "Change a member's hourly rate");
    add(
        router, "DELETE", "/members/{id}", "sharedjobs.write",
        [&](RouteContext& c) {
            service.remove_member(c.pole_id(), c.caller->id, c.request.id_param("id"));
            return Response::no_content();
        },
        "Take a member firm out of its group, with its needs");
}

void register_need_and_worker_routes(api::Router& router, SharedJobsService& service) {
    add(
        router, "GET", "/groups/{group}/needs", "sharedjobs.read",
        [&](RouteContext& c) {
            return Response::json(list_json(service.needs(c.pole_id(), group_param(c))));
        },
        "The members' needs");
    add(
        router, "POST", "/groups/{group}/needs", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = need_input_from(parse_json(c.request.body));
            return Response::json(
                to_json(service.create_need(c.pole_id(), c.caller->id, group_param(c), in)), 201);
        },
        "Record a member's need");
    add(
        router, "PUT", "/needs/{id}", "sharedjobs.write",
        [&](RouteContext& c) {
            auto in = need_input_from(parse_json(c.request.body));
            return Response::json(to_json(
                service.update_need(c.pole_id(), c.caller->id, c.request.id_param("id"), in)));
        },
        "Change a need");
    add(
        router, "DELETE", "/needs/{id}", "sharedjobs.write",
        [&](RouteContext& c) {
            service.remove_need(c.pole_id(), c.caller->id, c.request.id_param("id"));
            return Response::no_content();
        },
        "Delete a need");
    add(
        router, "GET", "/groups/{group}/workers", "sharedjobs.workers.read",
        [&](RouteContext& c) {
            return Response::json(
                list_json(service.workers(c.pole_id(), c.caller->id, group_param(c))));
        },
        "The group's workers (personal data, logged)");
    add(
        router, "POST", "/groups/{group}/workers", "sharedjobs.workers.write",
        [&](RouteContext& c) {
            auto in = worker_input_from(parse_json(c.request.body));
            return Response::json(
                to_json(service.create_worker(c.pole_id(), c.caller->id, group_param(c), in)), 201);
        },
        "Record a worker");
    add(
        router, "PUT", "/workers/{id}", "sharedjobs.workers.write",
        [&](RouteContext& c) {
            auto in = worker_input_from(parse_json(c.request.body));
            return Response::json(to_json(
                service.update_worker(c.pole_id(), c.caller->id, c.request.id_param("id"), in)));
        },
        "Change a worker");
    add(
        router, "DELETE", "/workers/{id}", "sharedjobs.workers.write",
        [&](RouteContext& c) {
            service.remove_worker(c.pole_id(), c.caller->id, c.request.id_param("id"));
            return Response::no_content();
        },
        "Delete a worker");
}

void register_plan_routes(api::Router& router, SharedJobsService& service, api::Jobs& jobs) {
    add(
        router, "POST", "/groups/{group}/compose", "sharedjobs.write",
        [&](RouteContext& c) {
            auto options = compose_options_from(
                c.request.body.empty() ? Json(nullptr) : parse_json(c.request.body));
            auto pole = c.pole_id();
            auto user = c.caller->id;
            auto group = service.group(pole, group_param(c)).id;
            auto id = jobs.submit(
                "sharedjobs_compose", user,
                [&service, pole, user, group, options](Progress& progress) {
                    return to_json(service.compose(pole, user, group, options, progress));
                });
            return Response::json({{"job_id", id}}, 202);
        },
        "Compose the group's shared jobs (background job; the result is its current plan)");
    add(
        router, "GET", "/groups/{group}/plans", "sharedjobs.read",
        [&](RouteContext& c) {
            return Response::json(list_json(service.plans(c.pole_id(), group_param(c))));
        },
        "The group's plans, newest first");
    add(
        router, "GET", "/plans/{id}", "sharedjobs.read",
        [&](RouteContext& c) {
            auto id = c.request.id_param("id");
            return Response::json({{"plan", to_json(service.plan(c.pole_id(), id))},
                                   {"result", service.plan_result(c.pole_id(), id)}});
        },
        "A plan: jobs and timetables, unmet needs, billing, bounds (no worker names)");
    add(
        router, "GET", "/plans/{id}/workers", "sharedjobs.workers.read",
        [&](RouteContext& c) {
            Json names = Json::object();
            for (const auto& [id, name] :
                 service.plan_worker_names(c.pole_id(), c.caller->id, c.request.id_param("id")))
                names[id] = name;
            return Response::json(names);
        },
        "The names of a plan's workers (personal data, logged)");
    add(
        router, "GET", "/plans/{id}/billing", "sharedjobs.read",
        [&](RouteContext& c) {
            auto id = c.request.id_param("id");
            if (c.request.query_value("format").value_or("json") == "xlsx") {
                Response r;
                r.body = service.billing_xlsx(c.pole_id(), id);
                r.content_type =
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                r.headers.push_back(
                    {"Content-Disposition", "attachment; filename=\"facturation.xlsx\""});
                return r;
            }
            return Response::json(list_json(service.billing(c.pole_id(), id)));
        },
        "Each member's planned hours per month and billing (json, or xlsx with format=xlsx)");
    add(
        router, "GET", "/groups/{group}/ledger", "sharedjobs.workers.read",
        [&](RouteContext& c) {
            auto g = service.group(c.pole_id(), group_param(c));
            auto from = c.request.query_value("from").value_or(g.horizon_start.substr(0, 7));
            auto to = c.request.query_value("to").value_or(g.horizon_end.substr(0, 7));
            return Response::json(
                list_json(service.ledger(c.pole_id(), c.caller->id, g.id, from, to)));
        },
        "Planned against realised hours per worker, member and month (logged)");
    add(
        router, "PUT", "/groups/{group}/ledger", "sharedjobs.ledger.write",
        [&](RouteContext& c) {
            auto in = ledger_input_from(parse_json(c.request.body));
            service.record_realised(c.pole_id(), c.caller->id, group_param(c), in);
            return Response::no_content();
        },
        "Record a worker's realised hours at a member for a month");
    add(
        router, "GET", "/groups/{group}/instance", "sharedjobs.workers.read",
        [&](RouteContext& c) {
            return Response::json(to_json(service.instance(c.pole_id(), group_param(c))));
        },
        "The group's instance document, as `maillage sharedjobs compose --input` reads it");
}

}  // namespace

void register_routes(api::Router& router, SharedJobsService& service, api::Jobs& jobs) {
    register_group_routes(router, service);
    register_need_and_worker_routes(router, service);
    register_plan_routes(router, service, jobs);
}

}  // namespace maillage::sharedjobs
