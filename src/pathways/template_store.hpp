#pragma once
// SQL for recorded template versions: the shipped ones in use (no pole) and each pole's own.
// Every function runs inside the caller's transaction.
#include <optional>
#include <string>
#include <vector>

#include "pathways/model.hpp"
#include "store/database.hpp"

namespace maillage::pathways::storage {

using store::Connection;

struct TemplateRow {
    std::int64_t id = 0;
    std::optional<std::int64_t> pole_id;
    std::string code;
    int version = 1;
    std::string model;
    std::optional<std::string> based_on;
    std::string document;
    std::string created_at;
};

std::optional<TemplateRow> template_version(Connection& c, std::optional<std::int64_t> pole_id,
                                            const std::string& code, int version);
// The newest version of a pole's template `code`.
std::optional<TemplateRow> latest_pole_template(Connection& c, std::int64_t pole_id,
                                                const std::string& code);
std::optional<TemplateRow> template_by_id(Connection& c, std::int64_t id);
std::int64_t insert_template(Connection& c, const TemplateRow& row,
                             std::optional<std::int64_t> user_id);
// The newest version of each of the pole's own templates, by code.
std::vector<TemplateRow> pole_templates(Connection& c, std::int64_t pole_id);
// Projects using each template code of the pole (shipped and own), for the catalogue page.
std::vector<std::pair<std::string, std::int64_t>> template_usage(Connection& c,
                                                                 std::int64_t pole_id);

}  // namespace maillage::pathways::storage
