#include "network/routes.hpp"

#include "network/network_json.hpp"

namespace maillage::network {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

const std::string kBase = "/api/poles/{pole}/network";

int default_intensity(const NetworkService& service) {
    const auto& levels = service.rules().intensities;
    return levels.empty() ? 1 : levels[levels.size() / 2].level;  // the middle of the scale
}

Response file_response(std::string body, const std::string& format, const std::string& name) {
    Response r;
    r.body = std::move(body);
    r.content_type = format == "graphml" ? "application/graphml+xml; charset=utf-8"
                     : format == "gexf"
                         ? "application/gexf+xml; charset=utf-8"
                         : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + "\""});
    return r;
}

void add_reads(api::Router& router, NetworkService& service) {
    router.add({"GET", kBase, Access::pole, "network.read",
                [&](RouteContext& c) {
                    Json body = rules_json(service, service.natures(c.pole_id()));
                    body["years"] = service.years(c.pole_id());
                    return Response::json(body);
                },
                "The pole's analysis settings: natures, Grille I fields, years with data"});
    router.add({"GET", kBase + "/actors/{id}/card", Access::pole, "network.read",
                [&](RouteContext& c) {
                    auto scope = scope_from(c.request);
                    return Response::json(
                        to_json(service.card(c.pole_id(), c.request.id_param("id"), scope.year,
                                             scope.mission.value_or(""))));
                },
                "An actor's Grille I card for a year and a mission, with its history"});
    router.add({"GET", kBase + "/relations", Access::pole, "network.read",
                [&](RouteContext& c) {
                    return Response::json(
                        to_json(service.scope_graph(c.pole_id(), scope_from(c.request))));
                },
                "The year's actors and relations (declared and derived): Grille II"});
    router.add({"GET", kBase + "/relations/{id}", Access::pole, "network.read",
                [&](RouteContext& c) {
                    return Response::json(
                        to_json(service.relation(c.pole_id(), c.request.id_param("id"))));
                },
                "One declared relation"});
    router.add({"GET", kBase + "/relations/{id}/history", Access::pole, "network.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& v : service.history(c.pole_id(), c.request.id_param("id")))
                        list.push_back(to_json(v));
                    return Response::json(list);
                },
                "Every version of a relation, newest first"});
    router.add({"GET", kBase + "/analysis", Access::pole, "network.read",
                [&](RouteContext& c) {
                    NoProgress quiet;
                    auto focus = focus_from(c.request.query_value("focus").value_or(""));
                    return Response::json(
                        to_json(service.analyse(c.pole_id(), scope_from(c.request), focus, quiet)));
                },
                "Centralities, communities, balance and suggestions for a year"});
    router.add({"GET", kBase + "/compare", Access::pole, "network.read",
                [&](RouteContext& c) {
                    auto mission = c.request.query_value("mission");
                    if (mission && mission->empty()) mission.reset();
                    if (!c.request.query_value("from")) throw invalid("from", "is required");
                    if (!c.request.query_value("to")) throw invalid("to", "is required");
                    return Response::json(to_json(service.compare(
                        c.pole_id(), int(api::query_int(c.request, "from", 0, 0, 100000)),
                        int(api::query_int(c.request, "to", 0, 0, 100000)), mission)));
                },
                "Two yearly snapshots compared: new, lost and changed relations"});
    router.add({"GET", kBase + "/exports", Access::pole, "exports.run",
                [&](RouteContext& c) {
                    auto scope = scope_from(c.request);
                    auto format = c.request.query_value("format").value_or("graphml");
                    auto language = c.request.query_value("lang").value_or("fr");
                    auto body = service.export_scope(c.pole_id(), scope, format, language);
                    return file_response(std::move(body), format,
                                         "acteurs-" + std::to_string(scope.year) + "." + format);
                },
                "The year's actor system as GraphML, GEXF (Gephi) or the XLSX matrix"});
}

void add_writes(api::Router& router, NetworkService& service, api::Jobs& jobs) {
    router.add({"POST", kBase + "/natures", Access::pole, "network.manage",
                [&](RouteContext& c) {
                    auto input = nature_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.add_nature(c.pole_id(), c.caller->id, std::move(input))),
                        201);
                },
                "Add a relation nature of the pole's own"});
    router.add({"POST", kBase + "/actors/{id}/card", Access::pole, "network.write",
                [&](RouteContext& c) {
                    auto input = card_input_from(parse_json(c.request.body));
                    return Response::json(to_json(
                        service.write_card(c.pole_id(), c.caller->id, c.request.id_param("id"),
                                           input.year, input.mission, std::move(input.entries))));
                },
                "Write Grille I fields of an actor (each entry signed and dated)"});
    router.add({"POST", kBase + "/relations", Access::pole, "network.write",
                [&](RouteContext& c) {
                    auto input =
                        relation_input_from(parse_json(c.request.body), default_intensity(service));
                    bool created = false;
                    auto relation =
                        service.set_relation(c.pole_id(), c.caller->id, std::move(input), &created);
                    return Response::json(to_json(relation), created ? 201 : 200);
                },
                "Record how one actor relates to another (creates or replaces)"});
    router.add({"DELETE", kBase + "/relations/{id}", Access::pole, "network.write",
                [&](RouteContext& c) {
                    service.remove_relation(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a declared relation (its history stays)"});
    router.add({"POST", kBase + "/relations/copy", Access::pole, "network.write",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto from = f.optional_int("from_year"), to = f.optional_int("to_year");
                    f.reject_unknown();
                    if (!from) throw invalid("from_year", "is required");
                    if (!to) throw invalid("to_year", "is required");
                    auto copied =
                        service.copy_year(c.pole_id(), c.caller->id, int(*from), int(*to));
                    return Response::json({{"copied", copied}});
                },
                "Start a year's Grille II from another year's"});
    router.add({"POST", kBase + "/derived/refresh", Access::pole, "network.manage",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto year = f.optional_int("year");
                    f.reject_unknown();
                    if (!year) throw invalid("year", "is required");
                    return Response::json(
                        to_json(service.refresh_derived(c.pole_id(), c.caller->id, int(*year))));
                },
                "Recompute the relations operational data proves"});
    router.add({"POST", kBase + "/analysis", Access::pole, "network.read",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto year = f.optional_int("year");
                    auto mission = f.optional_string("mission");
                    auto focus = f.optional_int_list("focus").value_or(std::vector<std::int64_t>{});
                    f.reject_unknown();
                    if (!year) throw invalid("year", "is required");
                    Scope scope{int(*year), mission && !mission->empty() ? mission : std::nullopt};
                    auto pole_id = c.pole_id();
                    auto id = jobs.submit(
                        "network_analysis", c.caller->id,
                        [&service, pole_id, scope, focus](Progress& progress) {
                            return to_json(service.analyse(pole_id, scope, focus, progress));
                        });
                    return Response::json({{"job_id", id}}, 202);
                },
                "Run the analysis as a background job, with progress"});
}

}  // namespace

void register_routes(api::Router& router, NetworkService& service, api::Jobs& jobs) {
    add_reads(router, service);
    add_writes(router, service, jobs);
}

}  // namespace maillage::network
