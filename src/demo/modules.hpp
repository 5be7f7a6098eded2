#pragma once
// Each module's part of the demo territory: a module adds src/demo/<module>_demo.cpp with a
// seed_<module>(DemoContext&) function, declares it here and lists it in kModuleSeeders
// (src/demo/demo.cpp), in the order of the flow. Seeders run once, right after the pole,
// its accounts and its actors are created, inside no transaction of their own: each calls
// the module's services as a user would.
#include <cstdint>
#include <map>
#include <string>

#include "app/application.hpp"

namespace maillage::demo {

struct DemoContext {
    app::Application& app;
    std::int64_t pole_id = 0;
    std::int64_t admin_user_id = 0;        // the demo pole's admin, author of what seeds write
    std::int64_t coordinator_user_id = 0;  // the demo pole's coordinator
    std::int64_t counsellor_user_id = 0;   // the demo pole's counsellor (reads intake records)
    std::map<std::string, std::int64_t> actor_ids;  // the demo actors, by name

    std::int64_t actor(const std::string& name) const { return actor_ids.at(name); }
};

void seed_pathways(DemoContext& context);
// The needs observatory: intake records of the Seignanx, coded and grouped, and a call.
void seed_needs(DemoContext& context);
void seed_evaluation(DemoContext& context);
void seed_sharedjobs(DemoContext& context);
// Collective tender responses: a won consortium (co-contractors for the network), a lost bid.
void seed_commons(DemoContext& context);
void seed_network(DemoContext& context);

}  // namespace maillage::demo
