#include "core/json.hpp"

#include "core/error.hpp"

namespace maillage {

Json parse_json(std::string_view body) {
    try {
        return Json::parse(body);
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input,
                    "malformed JSON at byte " + std::to_string(e.byte) + ": " +
                        std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
    }
}

JsonFields::JsonFields(const Json& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {
    if (!object_.is_object()) throw invalid(prefix_, "expected a JSON object");
}

std::string JsonFields::name(const std::string& key) const {
    return prefix_.empty() ? key : prefix_ + "." + key;
}

bool JsonFields::has(const std::string& key) const {
    auto it = object_.find(key);
    return it != object_.end() && !it->is_null();
}

const Json* JsonFields::lookup(const std::string& key) {
    consumed_.insert(key);
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

std::string JsonFields::required_string(const std::string& key) {
    auto value = optional_string(key);
    if (!value || value->empty()) throw invalid(name(key), "is required");
    return *value;
}

std::optional<std::string> JsonFields::optional_string(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) throw invalid(name(key), "must be a string");
    return v->get<std::string>();
}

std::optional<std::int64_t> JsonFields::optional_int(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) throw invalid(name(key), "must be an integer");
    return v->get<std::int64_t>();
}

std::optional<double> JsonFields::optional_number(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) throw invalid(name(key), "must be a number");
    return v->get<double>();
}

std::optional<bool> JsonFields::optional_bool(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) throw invalid(name(key), "must be true or false");
    return v->get<bool>();
}

std::optional<std::vector<std::string>> JsonFields::optional_string_list(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) throw invalid(name(key), "must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : *v) {
        if (!item.is_string()) throw invalid(name(key), "must be a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<std::vector<std::int64_t>> JsonFields::optional_int_list(const std::string& key) {
    const Json* v = lookup(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) throw invalid(name(key), "must be a list of integers");
    std::vector<std::int64_t> out;
    for (const auto& item : *v) {
        if (!item.is_number_integer()) throw invalid(name(key), "must be a list of integers");
        out.push_back(item.get<std::int64_t>());
    }
    return out;
}

const Json* JsonFields::optional_value(const std::string& key) {
    return lookup(key);
}

void JsonFields::reject_unknown() const {
    for (const auto& [key, value] : object_.items())
        if (!consumed_.count(key)) throw invalid(name(key), "unknown field");
}

}  // namespace maillage
