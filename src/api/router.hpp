#pragma once
// Transport-independent routing: a Request in, a Response out. The HTTP server, the tests
// and the route walker all go through dispatch(), so access checks cannot be bypassed.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "core/roles.hpp"

namespace maillage::api {

struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    std::string body;
    std::string content_type;
    std::string token;  // from "Authorization: Bearer" or the session cookie
    std::map<std::string, std::string> params;  // filled by the router from the path

    std::optional<std::string> query_value(const std::string& name) const;
    const std::string& param(const std::string& name) const;
    std::int64_t id_param(const std::string& name) const;  // 404 when not a number
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response json(const Json& value, int status = 200);
    // A body already written as JSON text.
    static Response json_text(std::string body, int status = 200);
    static Response no_content();
};

enum class Access {
    open,            // anyone (login, OpenAPI document)
    signed_in,       // any signed-in user (shared directory and territory)
    pole,            // a role in the {pole} of the path granting `permission`
    platform_admin,  // deployment administrators
};

struct RouteContext {
    const Request& request;
    const Caller* caller = nullptr;       // null only on open routes
    const PoleRole* pole_role = nullptr;  // set on pole routes
    std::int64_t pole_id() const { return pole_role ? pole_role->pole_id : 0; }
};

using Handler = std::function<Response(RouteContext&)>;

struct Route {
    std::string method;
    std::string pattern;  // "/api/poles/{pole}/actors/{id}"
    Access access = Access::signed_in;
    std::string permission;  // for Access::pole
    Handler handler;
    std::string summary;
};

class Router {
  public:
    using Authenticate = std::function<std::optional<Caller>(const std::string& token)>;
    using ResolvePole = std::function<std::optional<std::int64_t>(std::string_view slug_or_id)>;

    Router(Authenticate authenticate, ResolvePole resolve_pole, const Roles& roles);
    void add(Route route);
    Response dispatch(Request request) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    const Route* match(Request& request, bool& path_known) const;
    Response run(const Route& route, Request& request) const;

    Authenticate authenticate_;
    ResolvePole resolve_pole_;
    const Roles& roles_;
    std::vector<Route> routes_;
};

Json error_json(const Error& error);
int http_status(ErrorCode code);
Response error_response(const Error& error);

// Parses a query-string value as a positive integer within bounds, else a 400 naming it.
std::int64_t query_int(const Request& request, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max);
std::optional<double> query_number(const Request& request, const std::string& name);

}  // namespace maillage::api
