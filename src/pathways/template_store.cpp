#include "pathways/template_store.hpp"

#include "core/clock.hpp"

namespace maillage::pathways::storage {

namespace {

constexpr const char* kColumns =
    "id, pole_id, code, version, model, based_on, document, created_at FROM pathway_templates";

TemplateRow row_from(const store::Row& r) {
    return TemplateRow{r.integer(0), r.optional_integer(1), r.text(2), int(r.integer(3)),
                       r.text(4),    r.optional_text(5),    r.text(6), r.text(7)};
}

std::optional<TemplateRow> first(const std::vector<store::Row>& rows) {
    if (rows.empty()) return std::nullopt;
    return row_from(rows.front());
}

}  // namespace

std::optional<TemplateRow> template_version(Connection& c, std::optional<std::int64_t> pole_id,
                                            const std::string& code, int version) {
    if (!pole_id)
        return first(c.query(std::string("SELECT ") + kColumns +
                                 " WHERE pole_id IS NULL AND code = ? AND version = ?",
                             {code, std::int64_t(version)}));
    return first(c.query(
        std::string("SELECT ") + kColumns + " WHERE pole_id = ? AND code = ? AND version = ?",
        {*pole_id, code, std::int64_t(version)}));
}

std::optional<TemplateRow> latest_pole_template(Connection& c, std::int64_t pole_id,
                                                const std::string& code) {
    return first(c.query(std::string("SELECT ") + kColumns +
                             " WHERE pole_id = ? AND code = ? ORDER BY version DESC LIMIT 1",
                         {pole_id, code}));
}

std::optional<TemplateRow> template_by_id(Connection& c, std::int64_t id) {
    return first(c.query(std::string("SELECT ") + kColumns + " WHERE id = ?", {id}));
}

std::int64_t insert_template(Connection& c, const TemplateRow& row,
                             std::optional<std::int64_t> user_id) {
    return c
        .query(
            "INSERT INTO pathway_templates (pole_id, code, version, model, based_on, document, "
            "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {store::nullable(row.pole_id), row.code, std::int64_t(row.version), row.model,
             store::nullable(row.based_on), row.document, clock::now_iso(),
             store::nullable(user_id)})[0]
        .integer(0);
}

std::vector<TemplateRow> pole_templates(Connection& c, std::int64_t pole_id) {
    std::vector<TemplateRow> out;
    for (const auto& r : c.query(std::string("SELECT ") + kColumns +
                                     " t WHERE pole_id = ? AND version = (SELECT MAX(version) FROM "
                                     "pathway_templates u WHERE u.pole_id = t.pole_id AND u.code = "
                                     "t.code) ORDER BY code",
                                 {pole_id}))
        out.push_back(row_from(r));
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> template_usage(Connection& c,
                                                                 std::int64_t pole_id) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& r : c.query("SELECT t.code, COUNT(*) FROM pathway_projects p JOIN "
                                 "pathway_templates t ON t.id = p.template_id WHERE p.pole_id = ? "
                                 "GROUP BY t.code ORDER BY t.code",
                                 {pole_id}))
        out.emplace_back(r.text(0), r.integer(1));
    return out;
}

}  // namespace maillage::pathways::storage
