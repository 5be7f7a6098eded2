#include "territory/routes.hpp"

#include <cmath>

namespace maillage::territory {

using api::Access;
using api::Response;
using api::RouteContext;

Json to_json(const Commune& c) {
    return {{"code", c.code},
            {"name", c.name},
            {"country", c.country},
            {"postal_codes", c.postal_codes},
            {"department", c.department_code},
            {"region", c.region_code},
            {"epci", c.epci_code.empty() ? Json(nullptr) : Json(c.epci_code)},
            {"population", c.population ? Json(*c.population) : Json(nullptr)},
            {"lat", c.lat},
            {"lon", c.lon},
            {"approximate", c.approximate}};
}

namespace {

Json area_json(const std::string& country, const std::string& code, const std::string& name) {
    return {{"country", country}, {"code", code}, {"name", name}};
}

Response search_communes(const Territory& territory, RouteContext& c) {
    const auto& r = c.request;
    auto limit = std::size_t(api::query_int(r, "limit", 20, 1, 500));
    Json list = Json::array();
    if (auto near = r.query_value("near")) {
        const Commune* centre = territory.commune(*near);
        if (!centre) throw invalid("near", "unknown commune code '" + *near + "'");
        double radius = api::query_number(r, "radius_km").value_or(10.0);
        for (const auto& [commune, distance] : territory.communes_within(*centre, radius)) {
            if (list.size() >= limit) break;
            auto j = to_json(*commune);
            j["distance_km"] = std::round(distance * 100.0) / 100.0;
            list.push_back(std::move(j));
        }
    } else if (auto postal = r.query_value("postal_code")) {
        for (const auto* commune : territory.communes_by_postal_code(*postal))
            if (list.size() < limit) list.push_back(to_json(*commune));
    } else {
        auto q = r.query_value("q");
        if (!q) throw invalid("q", "give q, postal_code or near");
        for (const auto* commune : territory.search_communes(*q, limit))
            list.push_back(to_json(*commune));
    }
    return Response::json(list);
}

Response one_commune(const Territory& territory, RouteContext& c) {
    const auto& code = c.request.param("code");
    const Commune* commune = territory.commune(code);
    if (!commune) throw Error(ErrorCode::not_found, "no commune '" + code + "'", "code");
    Json j = to_json(*commune);
    if (const auto* epci = territory.epci(commune->epci_code))
        j["epci"] = {{"code", epci->code},
                     {"name", epci->name},
                     {"kind", epci->kind},
                     {"population", epci->population}};
    if (const auto* d = territory.department(commune->country, commune->department_code))
        j["department"] = area_json(d->country, d->code, d->name);
    if (const auto* region = territory.region(commune->country, commune->region_code))
        j["region"] = area_json(region->country, region->code, region->name);
    return Response::json(j);
}

Response one_epci(const Territory& territory, RouteContext& c) {
    const auto& code = c.request.param("code");
    const Epci* epci = territory.epci(code);
    if (!epci) throw Error(ErrorCode::not_found, "no EPCI '" + code + "'", "code");
    Json members = Json::array();
    for (const auto* commune : territory.communes_of_epci(code))
        members.push_back(to_json(*commune));
    return Response::json({{"code", epci->code},
                           {"name", epci->name},
                           {"kind", epci->kind},
                           {"department", epci->department_code},
                           {"population", epci->population},
                           {"members", members}});
}

}  // namespace

void register_routes(api::Router& router, const Territory& territory) {
    router.add({"GET", "/api/territory/communes", Access::signed_in, "",
                [&](RouteContext& c) { return search_communes(territory, c); },
                "Search communes by name prefix, postal code or distance"});
    router.add({"GET", "/api/territory/communes/{code}", Access::signed_in, "",
                [&](RouteContext& c) { return one_commune(territory, c); },
                "One commune with its EPCI, department and region"});
    router.add({"GET", "/api/territory/epci/{code}", Access::signed_in, "",
                [&](RouteContext& c) { return one_epci(territory, c); },
                "An EPCI with its member communes"});
    router.add({"GET", "/api/territory/departments", Access::signed_in, "",
                [&](RouteContext&) {
                    Json list = Json::array();
                    for (const auto& d : territory.departments()) {
                        auto j = area_json(d.country, d.code, d.name);
                        j["region"] = d.region_code;
                        list.push_back(std::move(j));
                    }
                    return Response::json(list);
                },
                "Every department"});
    router.add({"GET", "/api/territory/regions", Access::signed_in, "",
                [&](RouteContext&) {
                    Json list = Json::array();
                    for (const auto& region : territory.regions())
                        list.push_back(area_json(region.country, region.code, region.name));
                    return Response::json(list);
                },
                "Every region"});
    router.add({"GET", "/api/territory/naf", Access::signed_in, "",
                [&](RouteContext& c) {
                    auto limit = std::size_t(api::query_int(c.request, "limit", 20, 1, 500));
                    Json list = Json::array();
                    for (const auto* naf :
                         territory.search_naf(c.request.query_value("q").value_or(""), limit))
                        list.push_back(
                            {{"code", naf->code},
                             {"label", naf->label},
                             {"level", naf->level},
                             {"parent",
                              naf->parent_code.empty() ? Json(nullptr) : Json(naf->parent_code)}});
                    return Response::json(list);
                },
                "Search NAF rév. 2 activity codes"});
}

}  // namespace maillage::territory
