#pragma once
// A plausible demo territory: the Seignanx PTCE (Tarnos, Landes) of seed 004 with about
// twenty structures on real communes. Names and identifiers are generated, not copied from
// any register: SIRET and RNA numbers are valid in form but fictitious.
#include <string>
#include <vector>

#include "app/application.hpp"

namespace maillage::demo {

struct DemoAccount {
    std::string email;
    std::string password;
    std::string role;
};

struct DemoResult {
    std::string pole_slug;
    bool created = false;  // false when the demo pole already existed
    int actors = 0;
    std::vector<DemoAccount> accounts;
};

// Idempotent: running it on a database that already has the demo pole changes nothing.
// Builds the pole, its accounts and actors, then each module's part (demo/modules.hpp).
DemoResult build_demo(app::Application& application);

// A fictitious SIRET: 9-digit SIREN and 5-digit establishment number, both Luhn-valid.
std::string fictitious_siret(unsigned seed);

// How to sign in, for the terminal.
std::string describe(const DemoResult& result, const std::string& url);

}  // namespace maillage::demo
