#include "store/set_aside_indexes.hpp"

#include <algorithm>

namespace maillage::store {

void SetAsideIndexes::drop(const std::vector<std::string>& tables) {
    if (connection_.dialect() != Dialect::sqlite || tables.empty()) return;
    std::string in = "?";
    for (std::size_t i = 1; i < tables.size(); ++i) in += ", ?";
    Params names(tables.begin(), tables.end());
    for (auto& r : connection_.query("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = "
                                     "'index' AND tbl_name IN (" +
                                         in + ") AND sql IS NOT NULL ORDER BY name",
                                     names)) {
        connection_.execute_script("DROP INDEX " + r.text(0));
        dropped_.emplace_back(r.take_text(1), r.take_text(2));
    }
}

void SetAsideIndexes::create_again(const std::string& table) {
    auto of_table = [&](const auto& index) { return index.first == table; };
    for (const auto& index : dropped_)
        if (of_table(index)) connection_.execute_script(index.second);
    dropped_.erase(std::remove_if(dropped_.begin(), dropped_.end(), of_table), dropped_.end());
}

void SetAsideIndexes::create_all_again() {
    for (const auto& index : dropped_) connection_.execute_script(index.second);
    dropped_.clear();
}

}  // namespace maillage::store
