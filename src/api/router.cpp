#include "api/router.hpp"

#include <charconv>
#include <cstdio>

namespace maillage::api {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string>& params) {
    auto want = split_path(pattern);
    auto got = split_path(path);
    if (want.size() != got.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}')
            found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(got[i]));
        else if (want[i] != got[i])
            return false;
    }
    params = std::move(found);
    return true;
}

}  // namespace

std::optional<std::string> Request::query_value(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

const std::string& Request::param(const std::string& name) const {
    static const std::string none;
    auto it = params.find(name);
    return it == params.end() ? none : it->second;
}

std::int64_t Request::id_param(const std::string& name) const {
    const std::string& text = param(name);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0)
        throw Error(ErrorCode::not_found, "no such " + name + " '" + text + "'", name);
    return value;
}

Response Response::json(const Json& value, int status) {
    Response response;
    response.status = status;
    response.body = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return response;
}

Response Response::json_text(std::string body, int status) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response Response::no_content() {
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

int http_status(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_input:
            return 400;
        case ErrorCode::unauthorized:
            return 401;
        case ErrorCode::forbidden:
            return 403;
        case ErrorCode::not_found:
            return 404;
        case ErrorCode::conflict:
            return 409;
        case ErrorCode::payload_too_large:
            return 413;
        case ErrorCode::unsupported_media_type:
            return 415;
        case ErrorCode::internal:
            return 500;
    }
    return 500;
}

Json error_json(const Error& error) {
    Json body = {{"code", to_string(error.code())}, {"message", error.what()}};
    if (!error.field().empty()) body["field"] = error.field();
    if (auto rejected = dynamic_cast<const ImportRejected*>(&error)) {
        Json problems = Json::array();
        for (const auto& p : rejected->problems())
            problems.push_back({{"line", p.line}, {"field", p.field}, {"reason", p.reason}});
        body["file"] = rejected->file();
        body["problems"] = std::move(problems);
    }
    return {{"error", body}};
}

Response error_response(const Error& error) {
    return Response::json(error_json(error), http_status(error.code()));
}

std::int64_t query_int(const Request& request, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) {
    auto text = request.query_value(name);
    if (!text) return fallback;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
        throw invalid(
            name, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

std::optional<double> query_number(const Request& request, const std::string& name) {
    auto text = request.query_value(name);
    if (!text) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text->c_str(), &end);
    if (end != text->c_str() + text->size() || !(value >= 0) || value > 1e6)
        throw invalid(name, "must be a non-negative number");
    return value;
}

Router::Router(Authenticate authenticate, ResolvePole resolve_pole, const Roles& roles)
    : authenticate_(std::move(authenticate)),
      resolve_pole_(std::move(resolve_pole)),
      roles_(roles) {}

void Router::add(Route route) {
    if (route.access == Access::pole && !roles_.is_permission(route.permission))
        throw Error(ErrorCode::internal,
                    "route " + route.pattern + " asks for unknown permission " + route.permission);
    routes_.push_back(std::move(route));
}

const Route* Router::match(Request& request, bool& path_known) const {
    path_known = false;
    for (const auto& route : routes_) {
        std::map<std::string, std::string> params;
        if (!match_pattern(route.pattern, request.path, params)) continue;
        path_known = true;
        if (route.method != request.method) continue;
        request.params = std::move(params);
        return &route;
    }
    return nullptr;
}

Response Router::dispatch(Request request) const {
    try {
        bool path_known = false;
        const Route* route = match(request, path_known);
        if (!route) {
            Response response = error_response(
                Error(ErrorCode::not_found,
                      path_known ? "method not allowed on this path" : "no such endpoint"));
            if (path_known) response.status = 405;
            return response;
        }
        return run(*route, request);
    } catch (const Error& error) {
        if (error.code() == ErrorCode::internal)
            std::fprintf(stderr, "internal error on %s %s: %s\n", request.method.c_str(),
                         request.path.c_str(), error.what());
        return error_response(error);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "unexpected error on %s %s: %s\n", request.method.c_str(),
                     request.path.c_str(), e.what());
        return error_response(Error(ErrorCode::internal, "internal error"));
    }
}

Response Router::run(const Route& route, Request& request) const {
    RouteContext context{request};
    if (route.access == Access::open) return route.handler(context);

    std::optional<Caller> caller = authenticate_(request.token);
    if (!caller) throw Error(ErrorCode::unauthorized, "sign in first");
    context.caller = &*caller;
    if (route.access == Access::platform_admin && !caller->platform_admin)
        throw Error(ErrorCode::forbidden, "only platform administrators may do this");
    if (route.access == Access::pole) {
        auto pole_id = resolve_pole_(request.param("pole"));
        const PoleRole* role = pole_id ? caller->role_in(*pole_id) : nullptr;
        // Unknown pole and foreign pole answer alike, so poles cannot be probed.
        if (!role) throw Error(ErrorCode::forbidden, "you have no role in this pole", "pole");
        if (!roles_.grants(role->role, route.permission))
            throw Error(ErrorCode::forbidden,
                        "your role '" + role->role + "' does not allow " + route.permission);
        context.pole_role = role;
    }
    return route.handler(context);
}

}  // namespace maillage::api
