#pragma once
#include "api/router.hpp"
#include "commons/commons_service.hpp"

namespace maillage::commons {

// /api/poles/{pole}/commons/…: tenders, their consortium members and realised hours.
void register_routes(api::Router& router, CommonsService& service);

}  // namespace maillage::commons
