#include "needs/bulk_indexes.hpp"

#include "needs/batch_insert.hpp"

namespace maillage::needs {

BulkIndexes::BulkIndexes(store::Connection& c, const std::vector<std::string>& tables,
                         const std::string& count_table, std::size_t rows)
    : connection_(c) {
    if (c.dialect() != store::Dialect::sqlite || tables.empty()) return;
    auto present = c.query("SELECT COUNT(*) FROM " + count_table)[0].integer(0);
    if (std::int64_t(rows) < present) return;
    // Only the indexes the migrations created with SQL: primary keys and UNIQUE constraints
    // (which have none) stay, so that the write still checks them.
    store::Params names(tables.begin(), tables.end());
    for (auto& r : c.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name "
                           "IN (" +
                               placeholders(names.size()) + ") AND sql IS NOT NULL ORDER BY name",
                           names)) {
        c.execute_script("DROP INDEX " + r.text(0));
        dropped_.push_back(r.take_text(1));
    }
}

void BulkIndexes::restore() {
    for (const auto& sql : dropped_) connection_.execute_script(sql);
    dropped_.clear();
}

}  // namespace maillage::needs
