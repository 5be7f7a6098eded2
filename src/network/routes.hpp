#pragma once
// The network module's HTTP routes, under /api/poles/{pole}/network (docs/network.md).
#include "api/jobs.hpp"
#include "api/router.hpp"
#include "network/network_service.hpp"

namespace maillage::network {

void register_routes(api::Router& router, NetworkService& service, api::Jobs& jobs);

}  // namespace maillage::network
