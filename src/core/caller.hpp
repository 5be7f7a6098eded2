#pragma once
// The signed-in user, as every request sees them: identity and a role per pole.
#include <cstdint>
#include <string>
#include <vector>

namespace maillage {

struct PoleRole {
    std::int64_t pole_id = 0;
    std::string slug;
    std::string name;
    std::string kind;
    std::string role;
};

// The signed-in user, as every request sees them.
struct Caller {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string locale;
    bool platform_admin = false;
    std::vector<PoleRole> poles;

    const PoleRole* role_in(std::int64_t pole_id) const {
        for (const auto& p : poles)
            if (p.pole_id == pole_id) return &p;
        return nullptr;
    }
};

}  // namespace maillage
