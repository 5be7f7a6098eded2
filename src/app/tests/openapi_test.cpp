#include <set>

#include "app_fixture.hpp"

using namespace maillage;

// The OpenAPI document and the router must describe the same endpoints.
TEST(OpenApi, DocumentsExactlyTheRegisteredRoutes) {
    auto fixture = store::testdb::fresh("sqlite");
    app::Application application(app::testing::test_config(), fixture->database());
    std::set<std::string> routes, documented;
    for (const auto& route : application.router().routes())
        routes.insert(route.method + " " + route.pattern);
    auto document = Json::parse(app::openapi_text());
    EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 2), "3.");
    for (const auto& [path, operations] : document["paths"].items())
        for (const auto& [method, operation] : operations.items()) {
            std::string upper;
            for (char c : method) upper.push_back(char(std::toupper(c)));
            documented.insert(upper + " " + path);
            EXPECT_TRUE(operation.contains("summary")) << path;
        }
    for (const auto& r : routes) EXPECT_TRUE(documented.count(r)) << "undocumented route: " << r;
    for (const auto& d : documented) EXPECT_TRUE(routes.count(d)) << "documented but absent: " << d;
}

TEST(OpenApi, EverySchemaReferenceResolves) {
    auto document = Json::parse(app::openapi_text());
    std::function<void(const Json&)> visit = [&](const Json& node) {
        if (node.is_object()) {
            if (node.contains("$ref")) {
                std::string ref = node["$ref"];
                ASSERT_EQ(ref.rfind("#/", 0), 0u);
                Json::json_pointer pointer(ref.substr(1));
                EXPECT_TRUE(document.contains(pointer)) << ref;
            }
            for (const auto& [key, child] : node.items()) visit(child);
        } else if (node.is_array()) {
            for (const auto& child : node) visit(child);
        }
    };
    visit(document);
}
