#pragma once
#include <string>

#include "api/router.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::pathways {

// Every route lives under /api/poles/{pole}/pathways/ (docs/pathways.md,
// src/pathways/openapi.json).
void register_routes(api::Router& router, PathwayService& service);

namespace detail {
// A route of the module: `path` under /api/poles/{pole}/pathways.
inline std::string route_at(const std::string& path) {
    return "/api/poles/{pole}/pathways" + path;
}
void register_project_routes(api::Router& router, PathwayService& service);
void register_support_routes(api::Router& router, PathwayService& service);
}  // namespace detail

}  // namespace maillage::pathways
