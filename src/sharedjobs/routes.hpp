#pragma once
// The shared-jobs HTTP API under /api/poles/{pole}/sharedjobs (docs/sharedjobs.md).
#include "api/jobs.hpp"
#include "api/router.hpp"
#include "sharedjobs/service.hpp"

namespace maillage::sharedjobs {

void register_routes(api::Router& router, SharedJobsService& service, api::Jobs& jobs);

}  // namespace maillage::sharedjobs
