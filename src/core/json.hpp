#pragma once
// Strict reading of JSON request bodies: types are checked, unknown fields are refused,
// and every error names the field.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

using Json = nlohmann::json;

// Parses a body; malformed JSON becomes an invalid_input error with the byte position.
Json parse_json(std::string_view body);

class JsonFields {
  public:
    // `prefix` is prepended to field names in errors ("contacts[2].email").
    explicit JsonFields(const Json& object, std::string prefix = {});
    // The fields refer to the object: a temporary (JsonFields f(parse_json(body))) would dangle.
    explicit JsonFields(Json&& object, std::string prefix = {}) = delete;

    bool has(const std::string& key) const;
    std::string required_string(const std::string& key);
    std::optional<std::string> optional_string(const std::string& key);
    std::optional<std::int64_t> optional_int(const std::string& key);
    std::optional<double> optional_number(const std::string& key);
    std::optional<bool> optional_bool(const std::string& key);
    std::optional<std::vector<std::string>> optional_string_list(const std::string& key);
    std::optional<std::vector<std::int64_t>> optional_int_list(const std::string& key);
    // Marks a nested value as consumed and returns it (null when absent).
    const Json* optional_value(const std::string& key);

    // Refuses any field that no accessor above has read.
    void reject_unknown() const;

  private:
    const Json* lookup(const std::string& key);
    std::string name(const std::string& key) const;
    const Json& object_;
    std::string prefix_;
    std::set<std::string> consumed_;
};

}  // namespace maillage
