#include "needs/code_rows.hpp"

#include "needs/batch_insert.hpp"
#include "needs/record_store.hpp"

namespace maillage::needs::storage {

void CodeRows::add(std::int64_t record, std::vector<RecordCode>&& codes) {
    for (auto& code : codes) {
        bool effective = code.effective();
        auto& rows = by_code_[{std::string(to_string(code.kind)), std::move(code.code)}];
        rows.push_back({record, join_list(code.matched), std::move(code.correction), code.declared,
                        effective});
        ++size_;
    }
}

void CodeRows::append(CodeRows&& other, std::int64_t first_record) {
    for (auto& [key, rows] : other.by_code_) {
        auto& mine = by_code_[key];
        mine.reserve(mine.size() + rows.size());
        for (auto& row : rows) {
            row.record += first_record;
            mine.push_back(std::move(row));
        }
    }
    size_ += other.size_;
    other = CodeRows{};
}

void CodeRows::write(store::Connection& c, std::int64_t pole_id) {
    auto codes = code_writer(c);
    for (auto& [key, rows] : by_code_) {
        for (auto& row : rows)
            codes->add({row.record, pole_id, key.first, key.second, std::move(row.matched),
                        std::int64_t(row.declared ? 1 : 0),
                        row.correction ? store::Value(std::move(*row.correction)) : store::Value(),
                        std::int64_t(row.effective ? 1 : 0)});
        rows = {};  // the memory goes back as the rows are written
    }
    codes->flush();
    by_code_.clear();
    size_ = 0;
}

}  // namespace maillage::needs::storage
