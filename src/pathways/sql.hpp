#pragma once
// Small helpers shared by the module's storage files (portable SQL only).
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace maillage::pathways::storage {

// "?, ?, ?" for an IN list or a VALUES row of n values.
inline std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

template <class T, class F>
std::vector<T> rows_of(store::Connection& c, const std::string& sql, const store::Params& params,
                       F&& convert) {
    std::vector<T> out;
    for (const auto& r : c.query(sql, params)) out.push_back(convert(r));
    return out;
}

template <class T>
std::optional<T> first_of(std::vector<T> rows) {
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

inline bool actor_exists(store::Connection& c, std::int64_t id) {
    return !c.query("SELECT 1 FROM actors WHERE id = ?", {id}).empty();
}

}  // namespace maillage::pathways::storage
