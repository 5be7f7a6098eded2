// Routes of intake records, imports, exports, settings and the summary.
#include "needs/routes.hpp"

#include "needs/exports.hpp"
#include "needs/json_records.hpp"
#include "needs/needs_json.hpp"

namespace maillage::needs {

using api::Access;
using api::Response;
using api::RouteContext;

namespace route_support {

bool sees_records(const RouteContext& c, const Roles& roles) {
    return c.pole_role && roles.grants(c.pole_role->role, "needs.records.read");
}

Response file(std::string body, const std::string& format, const std::string& filename) {
    Response r;
    r.body = std::move(body);
    r.content_type = content_type_of(format);
    if (format != "html")
        r.headers.push_back(
            {"Content-Disposition", "attachment; filename=\"" + filename + "." + format + "\""});
    return r;
}

}  // namespace route_support

namespace {

constexpr const char* kBase = "/api/poles/{pole}/needs";

std::string path(const char* rest) {
    return std::string(kBase) + rest;
}

RecordFilter record_filter(const api::Request& r) {
    RecordFilter f;
    f.text = r.query_value("q");
    f.commune = r.query_value("commune");
    f.category = r.query_value("category");
    f.sector = r.query_value("sector");
    f.uncoded = r.query_value("uncoded").value_or("") == "true";
    f.page = api::query_int(r, "page", 1, 1, 1000000);
    f.per_page = api::query_int(r, "per_page", 20, 1, 200);
    return f;
}

}  // namespace

void register_routes(api::Router& router, NeedsService& service, api::Jobs& jobs,
                     const Roles& roles) {
    router.add(
        {"GET", path(""), Access::pole, "needs.read",
         [&](RouteContext& c) { return Response::json(to_json(service.summary(c.pole_id()))); },
         "The observatory's summary: counts, last runs and settings"});
    router.add({"GET", path("/taxonomy"), Access::pole, "needs.read",
                [&](RouteContext&) {
                    Json out = taxonomy_json(service.taxonomy());
                    out["sections"] = Json::array();
                    for (const auto& naf : service.territory().naf_codes())
                        if (naf.level == "section")
                            out["sections"].push_back({{"code", naf.code}, {"label", naf.label}});
                    return Response::json(out);
                },
                "Need categories, dimensions and indicators"});
    router.add({"GET", path("/records"), Access::pole, "needs.records.read",
                [&](RouteContext& c) {
                    return Response::json(to_json(
                        service.records(c.pole_id(), c.caller->id, record_filter(c.request))));
                },
                "Intake records (personal data: counsellors only, logged)"});
    router.add({"POST", path("/records"), Access::pole, "needs.records.write",
                [&](RouteContext& c) {
                    auto input = record_input_from(parse_json(c.request.body));
                    return Response::json(
                        to_json(service.create_record(c.pole_id(), c.caller->id, input)), 201);
                },
                "Record an intake interview"});
    router.add({"GET", path("/records/{id}"), Access::pole, "needs.records.read",
                [&](RouteContext& c) {
                    return Response::json(to_json(
                        service.record(c.pole_id(), c.caller->id, c.request.id_param("id"))));
                },
                "One intake record with its codes (logged)"});
    router.add({"PUT", path("/records/{id}"), Access::pole, "needs.records.write",
                [&](RouteContext& c) {
                    auto input = record_input_from(parse_json(c.request.body));
                    return Response::json(to_json(service.update_record(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), input)));
                },
                "Change an intake record (it is coded again)"});
    router.add({"DELETE", path("/records/{id}"), Access::pole, "needs.records.write",
                [&](RouteContext& c) {
                    service.delete_record(c.pole_id(), c.caller->id, c.request.id_param("id"));
                    return Response::no_content();
                },
                "Delete an intake record"});
    router.add({"PUT", path("/records/{id}/codes"), Access::pole, "needs.records.write",
                [&](RouteContext& c) {
                    Json body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto kind = parse_code_kind(f.required_string("kind"));
                    if (!kind) throw invalid("kind", "must be need or sector");
                    std::string code = f.required_string("code");
                    std::string action = f.required_string("action");
                    f.reject_unknown();
                    return Response::json(to_json(service.correct_code(
                        c.pole_id(), c.caller->id, c.request.id_param("id"), *kind, code, action)));
                },
                "A counsellor's correction of one code: add, remove or reset"});
    router.add({"POST", path("/imports"), Access::pole, "needs.records.write",
                [&](RouteContext& c) {
                    std::shared_ptr<io::TableReader> reader =
                        open_records_bytes(c.request.body, "upload", c.request.content_type);
                    auto pole_id = c.pole_id();
                    auto user_id = c.caller->id;
                    auto id = jobs.submit(
                        "import_intake", user_id,
                        [&service, reader, pole_id, user_id](Progress& p) {
                            return to_json(service.import_records(pole_id, user_id, *reader, p));
                        });
                    return Response::json({{"job_id", id}}, 202);
                },
                "Import intake records from CSV, XLSX or JSON (background job, all or nothing)"});
    router.add({"GET", path("/exports/records"), Access::pole, "needs.records.read",
                [&](RouteContext& c) {
                    std::string format = c.request.query_value("format").value_or("csv");
                    return route_support::file(
                        export_records(service, c.pole_id(), c.caller->id, format), format,
                        "entretiens");
                },
                "Export the intake records with the import's columns (csv, xlsx or json)"});
    router.add(
        {"GET", path("/settings"), Access::pole, "needs.read",
         [&](RouteContext& c) { return Response::json(to_json(service.settings(c.pole_id()))); },
         "The observatory's settings"});
    router.add(
        {"PUT", path("/settings"), Access::pole, "needs.settings",
         [&](RouteContext& c) {
             auto s = settings_from(parse_json(c.request.body), service.settings(c.pole_id()));
             return Response::json(to_json(service.update_settings(c.pole_id(), c.caller->id, s)));
         },
         "Change the observatory's settings"});
    route_support::register_analysis_routes(router, service, jobs, roles);
}

}  // namespace maillage::needs
