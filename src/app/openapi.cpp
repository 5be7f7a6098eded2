#include "app/openapi.hpp"

#include "core/error.hpp"

namespace maillage::app {
namespace {

Error conflict(const std::string& module, const std::string& what) {
    return Error(ErrorCode::internal, "OpenAPI fragment of " + module + ": " + what);
}

void merge_paths(Json& paths, const Json& fragment, const std::string& module) {
    for (const auto& [path, operations] : fragment.items())
        for (const auto& [method, operation] : operations.items()) {
            if (paths.contains(path) && paths[path].contains(method))
                throw conflict(module, method + " " + path + " is already documented");
            paths[path][method] = operation;
        }
}

void merge_components(Json& components, const Json& fragment, const std::string& module) {
    for (const auto& [section, entries] : fragment.items())
        for (const auto& [name, value] : entries.items()) {
            if (components.contains(section) && components[section].contains(name))
                throw conflict(module,
                               "components." + section + "." + name + " is already defined");
            components[section][name] = value;
        }
}

}  // namespace

Json merge_openapi(const std::vector<OpenApiFragment>& fragments) {
    Json document = Json::object();
    for (const auto& fragment : fragments) {
        Json part = Json::parse(fragment.text, nullptr, false);
        if (part.is_discarded() || !part.is_object()) throw conflict(fragment.module, "not JSON");
        for (const auto& [key, value] : part.items()) {
            if (key == "paths")
                merge_paths(document[key], value, fragment.module);
            else if (key == "components")
                merge_components(document[key], value, fragment.module);
            else if (document.contains(key))
                throw conflict(fragment.module, "redefines \"" + key + "\"");
            else
                document[key] = value;
        }
    }
    return document;
}

const std::string& openapi_text() {
    static const std::string text = merge_openapi(embedded_openapi_fragments()).dump();
    return text;
}

}  // namespace maillage::app
