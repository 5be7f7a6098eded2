#pragma once
#include "api/router.hpp"

namespace maillage::app {

class Application;

// Routes that span modules: the pole dashboard, enumerations, jobs, the OpenAPI document.
void register_routes(api::Router& router, Application& application);

}  // namespace maillage::app
