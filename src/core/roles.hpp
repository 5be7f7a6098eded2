#pragma once
// Which role grants which permission, read from data/roles.json.
#include <map>
#include <set>
#include <string>

#include "core/json.hpp"

namespace maillage {

class Roles {
  public:
    // Throws an Error naming the offending entry when the document is malformed.
    static Roles from_json(const Json& document, const std::string& source);
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
