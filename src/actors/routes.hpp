#pragma once
#include "actors/actor_service.hpp"
#include "api/jobs.hpp"
#include "api/router.hpp"

namespace maillage::actors {

void register_routes(api::Router& router, ActorService& service, api::Jobs& jobs);

// The pole's actors as a file: "csv", "xlsx" or "json" (the CLI and the API share this).
std::string export_actors(ActorService& service, std::int64_t pole_id, const std::string& format);

}  // namespace maillage::actors
