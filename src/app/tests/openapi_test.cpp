#include <set>

#include "app/openapi.hpp"
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

TEST(OpenApi, EveryModuleDocumentsItsOwnRoutesInItsFolder) {
    std::set<std::string> modules;
    for (const auto& fragment : app::embedded_openapi_fragments()) modules.insert(fragment.module);
    for (const char* module : {"app", "accounts", "territory", "actors"})
        EXPECT_TRUE(modules.count(module)) << module;
    EXPECT_EQ(std::string(app::embedded_openapi_fragments().front().module), "app");
}

TEST(OpenApi, MergingRejectsAPathOrSchemaDocumentedTwice) {
    const char* frame = R"({"openapi":"3.0.3","paths":{},"components":{"schemas":{"Error":{}}}})";
    const char* first = R"({"paths":{"/api/x":{"get":{"summary":"x"}}}})";
    const char* again = R"({"paths":{"/api/x":{"get":{"summary":"other"}}}})";
    const char* other_method = R"({"paths":{"/api/x":{"post":{"summary":"y"}}}})";
    const char* schema_again = R"({"components":{"schemas":{"Error":{}}}})";
    auto merged = app::merge_openapi({{"app", frame}, {"one", first}, {"two", other_method}});
    EXPECT_EQ(merged["paths"]["/api/x"].size(), 2u);
    EXPECT_EQ(merged["openapi"], "3.0.3");
    try {
        app::merge_openapi({{"app", frame}, {"one", first}, {"two", again}});
        ADD_FAILURE() << "a path documented twice was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("two"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("get /api/x"), std::string::npos) << e.what();
    }
    EXPECT_THROW(app::merge_openapi({{"app", frame}, {"one", schema_again}}), Error);
    EXPECT_THROW(app::merge_openapi({{"app", frame}, {"bad", "{not json"}}), Error);
}
