#include "accounts/routes.hpp"

#include "core/clock.hpp"

namespace maillage::accounts {

using api::Access;
using api::Response;
using api::RouteContext;

Json to_json(const Caller& caller, const Roles& roles) {
    Json poles = Json::array();
    for (const auto& p : caller.poles)
        poles.push_back({{"id", p.pole_id},
                         {"slug", p.slug},
                         {"name", p.name},
                         {"kind", p.kind},
                         {"role", p.role},
                         {"permissions", roles.permissions_of(p.role)}});
    return {{"id", caller.id},
            {"email", caller.email},
            {"name", caller.name},
            {"locale", caller.locale},
            {"platform_admin", caller.platform_admin},
            {"poles", poles}};
}

Json to_json(const Pole& pole) {
    return {{"id", pole.id},
            {"slug", pole.slug},
            {"name", pole.name},
            {"kind", pole.kind},
            {"created_at", pole.created_at}};
}

namespace {

std::string session_cookie(const std::string& token, std::int64_t max_age) {
    return "maillage_session=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

Response login(AccountService& service, RouteContext& c) {
    auto body = parse_json(c.request.body);
    JsonFields f(body);
    auto email = f.required_string("email");
    auto password = f.required_string("password");
    f.reject_unknown();
    auto session = service.login(email, password);
    if (!session) throw Error(ErrorCode::unauthorized, "wrong e-mail or password");
    auto caller = service.authenticate(session->token);
    auto response = Response::json({{"token", session->token},
                                    {"expires_at", clock::iso_utc(session->expires_at)},
                                    {"user", to_json(*caller, service.roles())}});
    response.headers.push_back(
        {"Set-Cookie", session_cookie(session->token, session->expires_at - clock::now_seconds())});
    return response;
}

Json members_json(AccountService& service, std::int64_t pole_id) {
    Json list = Json::array();
    for (const auto& m : service.members(pole_id))
        list.push_back({{"id", m.id}, {"email", m.email}, {"name", m.name}, {"role", m.role}});
    return list;
}

}  // namespace

void register_routes(api::Router& router, AccountService& service) {
    router.add({"POST", "/api/auth/login", Access::open, "",
                [&](RouteContext& c) { return login(service, c); }, "Sign in"});
    router.add({"POST", "/api/auth/logout", Access::signed_in, "",
                [&](RouteContext& c) {
                    service.logout(c.request.token);
                    auto response = Response::no_content();
                    response.headers.push_back({"Set-Cookie", session_cookie("", 0)});
                    return response;
                },
                "Sign out"});
    router.add(
        {"GET", "/api/auth/me", Access::signed_in, "",
         [&](RouteContext& c) { return Response::json(to_json(*c.caller, service.roles())); },
         "The signed-in user and their poles"});
    router.add({"GET", "/api/poles", Access::signed_in, "",
                [&](RouteContext& c) {
                    Json list = Json::array();
                    if (c.caller->platform_admin)
                        for (const auto& p : service.all_poles()) list.push_back(to_json(p));
                    else
                        for (const auto& p : c.caller->poles)
                            list.push_back({{"id", p.pole_id},
                                            {"slug", p.slug},
                                            {"name", p.name},
                                            {"kind", p.kind},
                                            {"role", p.role}});
                    return Response::json(list);
                },
                "The poles the user belongs to"});
    router.add({"POST", "/api/poles", Access::platform_admin, "",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto slug = f.optional_string("slug").value_or("");
                    auto name = f.optional_string("name").value_or("");
                    auto kind = f.optional_string("kind").value_or("");
                    f.reject_unknown();
                    return Response::json(to_json(service.create_pole(slug, name, kind)), 201);
                },
                "Create a pole"});
    router.add({"GET", "/api/poles/{pole}/users", Access::pole, "users.manage",
                [&](RouteContext& c) { return Response::json(members_json(service, c.pole_id())); },
                "The pole's users and their roles"});
    router.add({"POST", "/api/poles/{pole}/users", Access::pole, "users.manage",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    NewUser user;
                    user.email = f.optional_string("email").value_or("");
                    user.name = f.optional_string("name").value_or("");
                    user.password = f.optional_string("password");
                    user.role = f.optional_string("role").value_or("");
                    user.locale = f.optional_string("locale").value_or("fr");
                    f.reject_unknown();
                    if (user.locale != "fr" && user.locale != "it" && user.locale != "en")
                        throw invalid("locale", "must be fr, it or en");
                    auto id = service.add_member(c.pole_id(), user);
                    return Response::json({{"id", id}}, 201);
                },
                "Give a user a role in the pole (creating the user if needed)"});
    router.add({"PUT", "/api/poles/{pole}/users/{id}", Access::pole, "users.manage",
                [&](RouteContext& c) {
                    auto body = parse_json(c.request.body);
                    JsonFields f(body);
                    auto role = f.required_string("role");
                    f.reject_unknown();
                    service.set_role(c.pole_id(), c.request.id_param("id"), role);
                    return Response::json(members_json(service, c.pole_id()));
                },
                "Change a user's role in the pole"});
    router.add({"DELETE", "/api/poles/{pole}/users/{id}", Access::pole, "users.manage",
                [&](RouteContext& c) {
                    auto id = c.request.id_param("id");
                    if (id == c.caller->id)
                        throw Error(ErrorCode::conflict, "you cannot remove your own role");
                    service.remove_member(c.pole_id(), id);
                    return Response::no_content();
                },
                "Take a user's role in the pole away"});
}

}  // namespace maillage::accounts
