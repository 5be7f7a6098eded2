#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/roles.hpp"

using namespace maillage;

TEST(Roles, AModuleFileAddsPermissionsToKnownRolesOnly) {
    auto base = Json::parse(R"({"permissions":{"pole.read":""},
        "roles":{"admin":["pole.read"],"observer":["pole.read"]}})");
    Roles roles = Roles::from_json(base, "roles.json");
    roles.extend(
        Json::parse(R"({"permissions":{"network.write":""},"roles":{"admin":["network.write"]}})"),
        "permissions/network.json");
    EXPECT_TRUE(roles.grants("admin", "network.write"));
    EXPECT_FALSE(roles.grants("observer", "network.write"));
    EXPECT_TRUE(roles.is_permission("network.write"));
    try {
        roles.extend(Json::parse(R"({"permissions":{},"roles":{"chief":["pole.read"]}})"),
                     "permissions/x.json");
        ADD_FAILURE() << "an unknown role was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("permissions/x.json: roles.chief: unknown role"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(roles.extend(Json::parse(R"({"permissions":{"pole.read":""},"roles":{}})"), "y"),
                 Error);
    EXPECT_THROW(roles.extend(Json::parse(R"({"permissions":{},"roles":{"admin":["nope"]}})"), "z"),
                 Error);
}
