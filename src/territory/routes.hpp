#pragma once
#include "api/router.hpp"
#include "territory/territory.hpp"

namespace maillage::territory {

void register_routes(api::Router& router, const Territory& territory);
Json to_json(const Commune& commune);

}  // namespace maillage::territory
