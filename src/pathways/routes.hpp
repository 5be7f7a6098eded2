#pragma once
#include "api/router.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::pathways {

// Every route lives under /api/poles/{pole}/pathways/ (docs/pathways.md,
// src/pathways/openapi.json).
void register_routes(api::Router& router, PathwayService& service);

namespace detail {
void register_project_routes(api::Router& router, PathwayService& service);
void register_support_routes(api::Router& router, PathwayService& service);
}  // namespace detail

}  // namespace maillage::pathways
