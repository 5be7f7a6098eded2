#include "app/routes.hpp"

#include "app/application.hpp"
#include "app/openapi.hpp"

namespace maillage::app {

using api::Access;
using api::Response;
using api::RouteContext;

namespace {

Json vocabulary_json(const Vocabulary& vocabulary) {
    Json all = Json::object();
    for (const auto& name : vocabulary.enumerations()) {
        Json values = Json::array();
        for (const auto& v : vocabulary.values(name))
            values.push_back(
                {{"code", v.code},
                 {"parent", v.parent ? Json(*v.parent) : Json(nullptr)},
                 {"label", {{"fr", v.label.fr}, {"it", v.label.it}, {"en", v.label.en}}}});
        all[name] = values;
    }
    return all;
}

Response dashboard(Application& app, RouteContext& c) {
    auto pole = app.accounts().find_pole(std::to_string(c.pole_id()));
    auto counts = app.actors().counts(c.pole_id());
    Json recent = Json::array();
    for (const auto& e : app.accounts().recent_activity(c.pole_id(), 20))
        recent.push_back({{"at", e.at},
                          {"user", e.user},
                          {"action", e.action},
                          {"entity", e.entity},
                          {"entity_id", e.entity_id ? Json(*e.entity_id) : Json(nullptr)},
                          {"summary", e.summary}});
    return Response::json({{"id", pole->id},
                           {"slug", pole->slug},
                           {"name", pole->name},
                           {"kind", pole->kind},
                           {"role", c.pole_role->role},
                           {"counts",
                            {{"actors", counts.actors},
                             {"contacts", counts.contacts},
                             {"users", app.accounts().members(c.pole_id()).size()}}},
                           {"recent", recent}});
}

}  // namespace

void register_routes(api::Router& router, Application& app) {
    router.add({"GET", "/api/openapi.json", Access::open, "",
                [](RouteContext&) {
                    Response r;
                    r.body = openapi_text();
                    return r;
                },
                "This API's OpenAPI 3 document"});
    router.add({"GET", "/api/enumerations", Access::signed_in, "",
                [&app](RouteContext&) { return Response::json(vocabulary_json(app.vocabulary())); },
                "Every enumeration with its labels in French, Italian and English"});
    router.add({"GET", "/api/poles/{pole}", Access::pole, "pole.read",
                [&app](RouteContext& c) { return dashboard(app, c); },
                "The pole's dashboard: counts and recent activity"});
    router.add({"GET", "/api/jobs/{id}", Access::signed_in, "",
                [&app](RouteContext& c) {
                    auto status = app.jobs().status(c.request.param("id"), c.caller->id);
                    if (!status) throw Error(ErrorCode::not_found, "no such job", "id");
                    return Response::json(*status);
                },
                "A background job's status, progress and result"});
}

}  // namespace maillage::app
