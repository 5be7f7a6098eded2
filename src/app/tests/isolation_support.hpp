#pragma once
// How a module takes part in the route walker (isolation_test.cpp): it registers a seeder
// that records a few of its own records in pole B and says where their ids go in its routes,
// which texts must never reach pole A, and which rows pole A's calls must leave unchanged.
// A module adds src/app/tests/isolation_<module>.cpp with
//     static const int registered = register_isolation_seeder("network", seed_network);
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/application.hpp"

namespace maillage::app::testing {

struct IsolationContext {
    Application& app;
    std::int64_t pole_b = 0;
    std::int64_t admin_b = 0;  // user id of pole B's admin
    std::string token_b;       // pole B admin's session
    std::int64_t actor_b = 0;  // an actor of pole B ("Secret-B-Actor")
};

struct PoleRecords {
    // On a route whose pattern contains `pattern_part`, `{param}` becomes `value`.
    struct Param {
        std::string pattern_part, param, value;
    };
    // A POST or PUT on a route whose pattern contains `pattern_part` sends `body`.
    struct Body {
        std::string pattern_part, body;
    };
    std::vector<Param> params;
    std::vector<Body> bodies;
    // Texts of pole B's records that must appear in no answer given to pole A's admin.
    std::vector<std::string> secrets;
    // SELECTs over pole B's rows only (WHERE pole_id = …), ordered: their results must not
    // change while pole A's admin calls every route.
    std::vector<std::string> snapshot_queries;
};

using IsolationSeeder = std::function<void(IsolationContext&, PoleRecords&)>;

struct RegisteredSeeder {
    std::string module;
    IsolationSeeder seed;
};

inline std::vector<RegisteredSeeder>& isolation_seeders() {
    static std::vector<RegisteredSeeder> seeders;
    return seeders;
}

inline int register_isolation_seeder(std::string module, IsolationSeeder seeder) {
    isolation_seeders().push_back({std::move(module), std::move(seeder)});
    return static_cast<int>(isolation_seeders().size());
}

}  // namespace maillage::app::testing
