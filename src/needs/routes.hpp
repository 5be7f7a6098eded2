#pragma once
// The observatory's HTTP API (docs/needs.md, src/needs/openapi.json): JSON in and out, every
// route under /api/poles/{pole}/needs, each asking for one permission of
// data/permissions/needs.json.
#include "api/jobs.hpp"
#include "api/router.hpp"
#include "core/roles.hpp"
#include "needs/needs_service.hpp"

namespace maillage::needs {

void register_routes(api::Router& router, NeedsService& service, api::Jobs& jobs,
                     const Roles& roles);

namespace route_support {
// Whether the caller's role in the route's pole reads intake records.
bool sees_records(const api::RouteContext& context, const Roles& roles);
api::Response file(std::string body, const std::string& format, const std::string& filename);
void register_analysis_routes(api::Router& router, NeedsService& service, api::Jobs& jobs,
                              const Roles& roles);
}  // namespace route_support

}  // namespace maillage::needs
