#pragma once
// Which role grants which permission: data/roles.json names the roles and the foundation's
// permissions; each module may add its own in data/permissions/<module>.json, same shape.
#include <map>
#include <set>
#include <string>

#include "core/json.hpp"

namespace maillage {

class Roles {
  public:
    // Throws an Error naming the offending entry when the document is malformed.
    static Roles from_json(const Json& document, const std::string& source);
    // Adds a module's permissions and grants them to roles that from_json defined. Throws
    // when a permission is defined twice or a role is unknown.
    void extend(const Json& document, const std::string& source);
    bool is_role(const std::string& role) const { return grants_.count(role) > 0; }
    bool is_permission(const std::string& permission) const {
        return permissions_.count(permission) > 0;
    }
    bool grants(const std::string& role, const std::string& permission) const;
    std::set<std::string> permissions_of(const std::string& role) const;

  private:
    std::set<std::string> permissions_;
    std::map<std::string, std::set<std::string>> grants_;
};

}  // namespace maillage
