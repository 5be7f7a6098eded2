#pragma once
#include "accounts/account_service.hpp"
#include "api/router.hpp"

namespace maillage::accounts {

void register_routes(api::Router& router, AccountService& service);
Json to_json(const Caller& caller, const Roles& roles);
Json to_json(const Pole& pole);

}  // namespace maillage::accounts
