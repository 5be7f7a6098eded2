// Routes of the catalogue, proposal groups, the diagnostic, figures and calls.
#include "needs/exports.hpp"
#include "needs/needs_json.hpp"
#include "needs/routes.hpp"

namespace maillage::needs::route_support {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

constexpr const char* kBase = "/api/poles/{pole}/needs";

std::string path(const char* rest) {
    return std::string(kBase) + rest;
}

GroupFilter group_filter(const api::Request& r) {
    GroupFilter f;
    f.text = r.query_value("q");
    f.category = r.query_value("category");
    f.commune = r.query_value("commune");
    f.min_size = api::query_int(r, "min_size", 1, 1, 1000000);
    f.page = api::query_int(r, "page", 1, 1, 1000000);
    f.per_page = api::query_int(r, "per_page", 20, 1, 200);
    return f;
}

DiagnosticRequest diagnostic_request(const api::Request& r) {
    DiagnosticRequest d;
    std::string level = r.query_value("level").value_or("commune");
    auto parsed = parse_level(level);
    if (!parsed) throw invalid("level", "must be commune, epci, department or region");
    d.level = *parsed;
    d.category = r.query_value("category");
    return d;
}

// A long run as a background job whose result is the run's summary.
template <class Run>
Response start_job(api::Jobs& jobs, const char* kind, RouteContext& c, Run run) {
    auto pole_id = c.pole_id();
    auto user_id = c.caller->id;
    auto id = jobs.submit(
        kind, user_id, [run, pole_id, user_id](Progress& p) { return run(pole_id, user_id, p); });
    return Response::json({{"job_id", id}}, 202);
}

std::vector<std::int64_t> ids_from(const Json& body, const char* key) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    auto ids = f.optional_int_list(key);
    f.reject_unknown();
    if (!ids) throw invalid(key, "is required");
    return *ids;
}

}  // namespace

void register_analysis_routes(api::Router& router, NeedsService& service, api::Jobs& jobs,
                              const Roles& roles) {
    router.add(
        {"GET", path("/catalogue"), Access::pole, "needs.read",
         [&](RouteContext& c) {
             return Response::json(to_json(service.catalogue_view(c.pole_id())));
         },
         "The catalogue: records per need category and NAF section, and the words that matched"});
    router.add({"POST", path("/catalogue"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    return start_job(jobs, "catalogue", c,
                                     [&service](std::int64_t pole, std::int64_t user, Progress& p) {
                                         return to_json(service.catalogue(pole, user, p));
                                     });
                },
                "Code every record again with the rules (background job)"});
    router.add({"POST", path("/rationalise"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    return start_job(jobs, "rationalise", c,
                                     [&service](std::int64_t pole, std::int64_t user, Progress& p) {
                                         return to_json(service.rationalise(pole, user, p));
                                     });
                },
                "Group proposals that say the same thing (background job)"});
    router.add({"GET", path("/groups"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    return Response::json(to_json(service.groups(
                        c.pole_id(), group_filter(c.request), sees_records(c, roles))));
                },
                "Proposal groups, largest first (small ones hidden from readers of aggregates)"});
    router.add({"POST", path("/groups/merge"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    auto ids = ids_from(parse_json(c.request.body), "groups");
                    return Response::json(
                        to_json(service.merge_groups(c.pole_id(), c.caller->id, ids)));
                },
                "Merge proposal groups (a decision replayed after every rationalisation)"});
    router.add({"GET", path("/groups/{id}"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    return Response::json(to_json(service.group(
                        c.pole_id(), c.request.id_param("id"), sees_records(c, roles))));
                },
                "One proposal group"});
    router.add({"PUT", path("/groups/{id}"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    Json body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto title = f.optional_string("title");
                    f.reject_unknown();
                    return Response::json(to_json(service.rename_group(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), title)));
                },
                "Give a proposal group a title (null: its representative text)"});
    router.add({"GET", path("/groups/{id}/members"), Access::pole, "needs.records.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& m :
                         service.group_members(c.pole_id(), c.caller->id, c.request.id_param("id")))
                        list.push_back(to_json(m));
                    return Response::json(list);
                },
                "The intake records of a proposal group (logged)"});
    router.add({"POST", path("/groups/{id}/split"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    Json body = parse_json(c.request.body);
                    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
                    JsonFields f(body);
                    auto records = f.optional_string_list("records");
                    f.reject_unknown();
                    if (!records) throw invalid("records", "is required");
                    Json list = Json::array();
                    for (const auto& g : service.split_group(c.pole_id(), c.caller->id,
                                                             c.request.id_param("id"), *records))
                        list.push_back(to_json(g));
                    return Response::json(list);
                },
                "Take records out of a proposal group into a new one (a decision replayed after "
                "every run)"});
    router.add({"GET", path("/decisions"), Access::pole, "needs.records.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& d : service.decisions(c.pole_id())) list.push_back(to_json(d));
                    return Response::json(list);
                },
                "Counsellors' merges and splits, oldest first"});
    router.add({"DELETE", path("/decisions/{id}"), Access::pole, "needs.analyse",
                [&](RouteContext& c) {
                    service.undo_decision(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Drop a decision: the next rationalisation no longer replays it"});
    router.add(
        {"GET", path("/diagnostic"), Access::pole, "needs.read",
         [&](RouteContext& c) {
             auto d = service.diagnostic(c.pole_id(), diagnostic_request(c.request));
             std::string format = c.request.query_value("format").value_or("json");
             if (format == "json") return Response::json(to_json(d));
             return file(export_diagnostic(d, service.taxonomy(), format), format, "diagnostic");
         },
         "The territorial diagnostic at a level (json, csv or xlsx; small cells suppressed)"});
    router.add({"GET", path("/figures"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& f : service.figures(c.pole_id())) list.push_back(to_json(f));
                    return Response::json(list);
                },
                "Figures the pole entered for the diagnostic's indicators"});
    router.add({"PUT", path("/figures"), Access::pole, "needs.plan",
                [&](RouteContext& c) {
                    service.set_figures(c.pole_id(), c.caller->id,
                                        figures_from(parse_json(c.request.body)));
                    Json list = Json::array();
                    for (const auto& f : service.figures(c.pole_id())) list.push_back(to_json(f));
                    return Response::json(list);
                },
                "Enter figures for indicators of source 'pole'"});
    router.add({"GET", path("/calls"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& s : service.calls(c.pole_id())) list.push_back(to_json(s));
                    return Response::json(list);
                },
                "Calls for projects of the pole"});
    router.add({"POST", path("/calls"), Access::pole, "needs.plan",
                [&](RouteContext& c) {
                    auto request = call_request_from(parse_json(c.request.body));
                    auto call = service.draft_call(c.pole_id(), c.caller->id, request);
                    return Response::json(Json::parse(export_call(call, service.taxonomy(), "json",
                                                                  sees_records(c, roles))),
                                          201);
                },
                "Draft a call for projects from need groups"});
    router.add({"GET", path("/calls/{id}"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    auto call = service.call(c.pole_id(), c.request.id_param("id"));
                    return Response::json(Json::parse(
                        export_call(call, service.taxonomy(), "json", sees_records(c, roles))));
                },
                "One call for projects with the groups that justify it"});
    router.add({"PUT", path("/calls/{id}"), Access::pole, "needs.plan",
                [&](RouteContext& c) {
                    auto call =
                        service.update_call(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                            call_edit_from(parse_json(c.request.body)));
                    return Response::json(Json::parse(
                        export_call(call, service.taxonomy(), "json", sees_records(c, roles))));
                },
                "Change a call's texts, budget or status"});
    router.add({"DELETE", path("/calls/{id}"), Access::pole, "needs.plan",
                [&](RouteContext& c) {
                    service.delete_call(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a call for projects"});
    router.add({"GET", path("/calls/{id}/export"), Access::pole, "needs.read",
                [&](RouteContext& c) {
                    auto call = service.call(c.pole_id(), c.request.id_param("id"));
                    std::string format = c.request.query_value("format").value_or("pdf");
                    return file(
                        export_call(call, service.taxonomy(), format, sees_records(c, roles)),
                        format, "appel-a-projets-" + std::to_string(call.id));
                },
                "A call as a document (html or pdf) or as data (json)"});
}

}  // namespace maillage::needs::route_support
