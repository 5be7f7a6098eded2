#include "core/roles.hpp"

#include "core/error.hpp"

namespace maillage {

namespace {

Error malformed(const std::string& source, const std::string& where, const std::string& why) {
    return Error(ErrorCode::invalid_input, source + ": " + where + ": " + why, where);
}

void require_shape(const Json& document, const std::string& source) {
    if (!document.is_object() || !document.contains("permissions") || !document.contains("roles") ||
        !document["permissions"].is_object() || !document["roles"].is_object())
        throw malformed(source, "(root)", "expected an object with \"permissions\" and \"roles\"");
}

}  // namespace

Roles Roles::from_json(const Json& document, const std::string& source) {
    require_shape(document, source);
    Roles roles;
    for (const auto& [role, list] : document["roles"].items()) roles.grants_[role];
    roles.extend(document, source);
    return roles;
}

void Roles::extend(const Json& document, const std::string& source) {
    require_shape(document, source);
    for (const auto& [name, description] : document["permissions"].items())
        if (!permissions_.insert(name).second)
            throw malformed(source, "permissions." + name, "is already defined");
    for (const auto& [role, list] : document["roles"].items()) {
        auto found = grants_.find(role);
        if (found == grants_.end()) throw malformed(source, "roles." + role, "unknown role");
        if (!list.is_array())
            throw malformed(source, "roles." + role, "expected a list of permissions");
        for (const auto& permission : list) {
            if (!permission.is_string() || !permissions_.count(permission.get<std::string>()))
                throw malformed(source, "roles." + role, "unknown permission " + permission.dump());
            found->second.insert(permission.get<std::string>());
        }
    }
}

bool Roles::grants(const std::string& role, const std::string& permission) const {
    auto it = grants_.find(role);
    return it != grants_.end() && it->second.count(permission) > 0;
}

std::set<std::string> Roles::permissions_of(const std::string& role) const {
    auto it = grants_.find(role);
    return it == grants_.end() ? std::set<std::string>{} : it->second;
}

}  // namespace maillage
