#include "core/roles.hpp"

#include "core/error.hpp"

namespace maillage {

Roles Roles::from_json(const Json& document, const std::string& source) {
    Roles roles;
    auto fail = [&](const std::string& where, const std::string& why) {
        return Error(ErrorCode::invalid_input, source + ": " + where + ": " + why, where);
    };
    if (!document.is_object() || !document.contains("permissions") || !document.contains("roles"))
        throw fail("(root)", "expected an object with \"permissions\" and \"roles\"");
    for (const auto& [name, description] : document["permissions"].items())
        roles.permissions_.insert(name);
    for (const auto& [role, list] : document["roles"].items()) {
        if (!list.is_array()) throw fail("roles." + role, "expected a list of permissions");
        auto& granted = roles.grants_[role];
        for (const auto& permission : list) {
            if (!permission.is_string() || !roles.permissions_.count(permission.get<std::string>()))
                throw fail("roles." + role, "unknown permission " + permission.dump());
            granted.insert(permission.get<std::string>());
        }
    }
    return roles;
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
