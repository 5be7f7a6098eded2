#include "needs/record_table.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace maillage::needs {
namespace {

// Headers that would bring a person's identity into the observatory. Intake records carry a
// pseudonymous person_key only (docs/needs.md, "Privacy").
bool is_identity_column(const std::string& name) {
    static const std::vector<std::string> identity = {"name",
                                                      "nom",
                                                      "prenom",
                                                      "first_name",
                                                      "last_name",
                                                      "surname",
                                                      "full_name",
                                                      "nome",
                                                      "cognome",
                                                      "email",
                                                      "e_mail",
                                                      "mail",
                                                      "courriel",
                                                      "phone",
                                                      "telephone",
                                                      "tel",
                                                      "mobile",
                                                      "telefono",
                                                      "cellulare",
                                                      "address",
                                                      "adresse",
                                                      "indirizzo",
                                                      "birth_date",
                                                      "date_naissance",
                                                      "birthdate",
                                                      "data_nascita",
                                                      "nir",
                                                      "numero_securite_sociale",
                                                      "codice_fiscale",
                                                      "ssn",
                                                      "france_travail_id",
                                                      "identifiant_france_travail"};
    std::string folded = text::fold(name);
    std::replace(folded.begin(), folded.end(), ' ', '_');
    return std::find(identity.begin(), identity.end(), folded) != identity.end();
}

std::string join(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "|") + v;
    return out;
}

std::optional<std::string> optional_cell(std::string value) {
    if (value.empty()) return std::nullopt;
    return value;
}

}  // namespace

const std::vector<std::string>& record_columns() {
    static const std::vector<std::string> columns = {
        "record_id",     "date",          "centre",    "counsellor", "commune_code",
        "person_key",    "age_band",      "situation", "need_text",  "need_codes",
        "proposal_text", "coop_interest", "sectors",   "skills",     "language"};
    return columns;
}

const std::vector<std::string>& required_record_columns() {
    static const std::vector<std::string> columns = {
        "record_id", "date",      "centre",        "commune_code",  "person_key", "age_band",
        "situation", "need_text", "proposal_text", "coop_interest", "sectors"};
    return columns;
}

std::string column_problem(const std::string& name) {
    if (is_identity_column(name))
        return "refused: intake records hold no name, contact or official number, only a "
               "pseudonymous person_key";
    const auto& known = record_columns();
    if (std::find(known.begin(), known.end(), name) == known.end())
        return "unknown column (expected: record_id, date, centre, counsellor, commune_code, "
               "person_key, age_band, situation, need_text, need_codes, proposal_text, "
               "coop_interest, sectors, skills, language)";
    return "";
}

RecordColumns::RecordColumns(const std::vector<std::string>& header,
                             std::vector<LineProblem>& problems, bool require_all) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& name = header[i];
        if (name.empty()) continue;
        if (auto problem = column_problem(name); !problem.empty())
            problems.push_back({1, name, problem});
        else if (!position_.emplace(name, i).second)
            problems.push_back({1, name, "column appears twice"});
    }
    if (!require_all) return;
    for (const auto& required : required_record_columns())
        if (!position_.count(required))
            problems.push_back({1, required, "required column missing"});
}

std::string RecordColumns::cell(const std::vector<std::string>& cells, const char* column) const {
    auto it = position_.find(column);
    if (it == position_.end() || it->second >= cells.size()) return {};
    return text::trim(cells[it->second]);
}

std::vector<std::string> split_list(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        std::size_t end = cell.find_first_of("|;,", start);
        if (end == std::string::npos) end = cell.size();
        std::string item = text::trim(cell.substr(start, end - start));
        if (!item.empty()) out.push_back(std::move(item));
        start = end + 1;
    }
    return out;
}

RecordInput RecordColumns::read(const std::vector<std::string>& cells) const {
    RecordInput r;
    r.record_id = cell(cells, "record_id");
    r.date = optional_cell(cell(cells, "date"));
    r.centre = optional_cell(cell(cells, "centre"));
    r.counsellor = optional_cell(cell(cells, "counsellor"));
    r.commune = optional_cell(cell(cells, "commune_code"));
    r.person_key = optional_cell(cell(cells, "person_key"));
    r.age_band = optional_cell(cell(cells, "age_band"));
    r.situations = split_list(cell(cells, "situation"));
    r.need_text = optional_cell(cell(cells, "need_text"));
    r.need_codes = split_list(cell(cells, "need_codes"));
    r.proposal_text = optional_cell(cell(cells, "proposal_text"));
    r.coop_interest = optional_cell(cell(cells, "coop_interest"));
    r.sectors = split_list(cell(cells, "sectors"));
    r.skills = split_list(cell(cells, "skills"));
    r.language = optional_cell(cell(cells, "language"));
    return r;
}

std::vector<std::string> to_row(const RecordInput& r) {
    auto text_or_empty = [](const std::optional<std::string>& v) { return v.value_or(""); };
    return {r.record_id,
            text_or_empty(r.date),
            text_or_empty(r.centre),
            text_or_empty(r.counsellor),
            text_or_empty(r.commune),
            text_or_empty(r.person_key),
            text_or_empty(r.age_band),
            join(r.situations),
            text_or_empty(r.need_text),
            join(r.need_codes),
            text_or_empty(r.proposal_text),
            text_or_empty(r.coop_interest),
            join(r.sectors),
            join(r.skills),
            text_or_empty(r.language)};
}

}  // namespace maillage::needs
