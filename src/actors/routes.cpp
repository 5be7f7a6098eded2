#include "actors/routes.hpp"

#include <sstream>

#include "actors/actor_json.hpp"
#include "actors/actor_table.hpp"
#include "io/table_writer.hpp"

namespace maillage::actors {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

void write_table(ActorService& service, std::int64_t pole_id, io::TableWriter& writer) {
    writer.write_header(table_columns());
    service.for_each_in_pole(pole_id, [&](const Actor& a) { writer.write_row(to_row(a)); });
    writer.finish();
}

}  // namespace

std::string export_actors(ActorService& service, std::int64_t pole_id, const std::string& format) {
    if (format == "json") {
        Json items = Json::array();
        service.for_each_in_pole(pole_id, [&](const Actor& a) { items.push_back(to_json(a)); });
        return items.dump(2);
    }
    if (format == "csv") {
        std::ostringstream out;
        // Semicolons and a BOM: what French spreadsheet software expects when opening a CSV.
        auto writer = io::make_csv_writer(out, ';', true);
        write_table(service, pole_id, *writer);
        return out.str();
    }
    if (format == "xlsx")
        return io::xlsx_to_bytes("acteurs", [&](io::TableWriter& writer) {
            writer.write_header(table_columns());
            service.for_each_in_pole(pole_id, [&](const Actor& a) { writer.write_row(to_row(a)); });
        });
    throw invalid("format", "must be csv, xlsx or json");
}

void register_routes(api::Router& router, ActorService& service, api::Jobs& jobs) {
    router.add({"GET", "/api/actors", Access::signed_in, "",
                [&](RouteContext& c) {
                    return Response::json_text(json_text(service.search(filter_from(c.request))));
                },
                "Search the shared actor directory"});
    router.add({"GET", "/api/actors/{id}", Access::signed_in, "",
                [&](RouteContext& c) {
                    return Response::json_text(json_text(service.get(c.request.id_param("id"))));
                },
                "One actor of the directory"});
    router.add({"GET", "/api/poles/{pole}/actors", Access::pole, "pole.read",
                [&](RouteContext& c) {
                    auto filter = filter_from(c.request);
                    filter.pole_id = c.pole_id();
                    return Response::json_text(json_text(service.search(filter)));
                },
                "Search the pole's actors"});
    router.add({"POST", "/api/poles/{pole}/actors", Access::pole, "actors.write",
                [&](RouteContext& c) {
                    auto input = actor_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.create(c.pole_id(), c.caller->id, std::move(input))), 201);
                },
                "Create an actor in the pole"});
    router.add({"PUT", "/api/poles/{pole}/actors/{id}", Access::pole, "actors.write",
                [&](RouteContext& c) {
                    auto input = actor_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.update(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change one of the pole's actors"});
    router.add({"DELETE", "/api/poles/{pole}/actors/{id}", Access::pole, "actors.write",
                [&](RouteContext& c) {
                    service.remove(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Take an actor out of the pole"});
    router.add({"GET", "/api/poles/{pole}/actors/{id}/contacts", Access::pole, "contacts.read",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    for (const auto& contact :
                         service.contacts(c.pole_id(), c.caller->id, c.request.id_param("id")))
                        list.push_back(to_json(contact));
                    return Response::json(list);
                },
                "The pole's contacts at an actor"});
    router.add({"POST", "/api/poles/{pole}/actors/{id}/contacts", Access::pole, "contacts.write",
                [&](RouteContext& c) {
                    auto input = contact_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.add_contact(c.pole_id(), c.caller->id,
                                                    c.request.id_param("id"), std::move(input))),
                        201);
                },
                "Record a contact at an actor"});
    router.add({"PUT", "/api/poles/{pole}/contacts/{id}", Access::pole, "contacts.write",
                [&](RouteContext& c) {
                    auto input = contact_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.update_contact(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), std::move(input))));
                },
                "Change a contact"});
    router.add({"DELETE", "/api/poles/{pole}/contacts/{id}", Access::pole, "contacts.write",
                [&](RouteContext& c) {
                    service.remove_contact(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete a contact"});
    router.add({"POST", "/api/poles/{pole}/imports/actors", Access::pole, "imports.run",
                [&](RouteContext& c) {
                    auto reader =
                        io::open_table_bytes(c.request.body, "upload", c.request.content_type);
                    std::shared_ptr<io::TableReader> shared(std::move(reader));
                    auto pole_id = c.pole_id();
                    auto user_id = c.caller->id;
                    auto id = jobs.submit("import_actors", user_id,
                                          [&service, shared, pole_id, user_id](Progress& progress) {
                                              auto summary = service.import_table(
                                                  pole_id, user_id, *shared, progress);
                                              return Json{{"rows", summary.rows},
                                                          {"created", summary.created},
                                                          {"linked", summary.linked}};
                                          });
                    return Response::json({{"job_id", id}}, 202);
                },
                "Import actors from a CSV or XLSX file (background job)"});
    router.add({"GET", "/api/poles/{pole}/exports/actors", Access::pole, "exports.run",
                [&](RouteContext& c) {
                    std::string format = c.request.query_value("format").value_or("csv");
                    Response response;
                    response.body = export_actors(service, c.pole_id(), format);
                    response.content_type =
                        format == "json" ? "application/json; charset=utf-8"
                        : format == "csv"
                            ? "text/csv; charset=utf-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    response.headers.push_back(
                        {"Content-Disposition", "attachment; filename=\"acteurs." + format + "\""});
                    return response;
                },
                "Export the pole's actors (csv, xlsx or json)"});
}

}  // namespace maillage::actors
