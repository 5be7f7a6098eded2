#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"

namespace maillage::accounts {

using maillage::Caller;
using maillage::PoleRole;

struct Pole {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
    std::string kind;
    std::string created_at;
};

struct Member {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
};

struct NewUser {
    std::string email;
    std::string name;
    std::optional<std::string> password;  // absent when the user already exists
    std::string role;
    std::string locale = "fr";
    bool platform_admin = false;
};

struct Session {
    std::string token;  // shown once, only its hash is stored
    std::int64_t expires_at = 0;
};

struct ActivityEntry {
    std::string at;
    std::string user;
    std::string action;
    std::string entity;
    std::optional<std::int64_t> entity_id;
    std::string summary;
};

}  // namespace maillage::accounts
