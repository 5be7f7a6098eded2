#include "actors/actor_table.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/text.hpp"

namespace maillage::actors {

const std::vector<std::string>& table_columns() {
    static const std::vector<std::string> columns = {
        "name",        "kind",    "legal_form", "public", "siren",      "siret",   "rna",
        "it_tax_code", "level",   "nature",     "naf",    "commune",    "address", "headcount",
        "fte",         "website", "email",      "phone",  "description"};
    return columns;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header, std::vector<LineProblem>& problems) {
    const auto& known = table_columns();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& name = header[i];
        if (name.empty()) continue;
        if (std::find(known.begin(), known.end(), name) == known.end())
            problems.push_back({1, name,
                                "unknown column (expected: name, kind, legal_form, "
                                "public, siren, siret, rna, it_tax_code, level, nature, "
                                "naf, commune, address, headcount, fte, website, email, "
                                "phone, description)"});
        else if (!position_.emplace(name, i).second)
            problems.push_back({1, name, "column appears twice"});
    }
    for (const char* required : {"name", "kind"})
        if (!position_.count(required))
            problems.push_back({1, required, "required column missing"});
}

std::optional<std::string> ColumnMap::cell(const std::vector<std::string>& cells,
                                           std::string_view column) const {
    auto it = position_.find(column);
    if (it == position_.end() || it->second >= cells.size()) return std::nullopt;
    auto value = text::trim_view(cells[it->second]);
    if (value.empty()) return std::nullopt;
    return std::string(value);
}

ActorInput ColumnMap::read(const std::vector<std::string>& cells, std::int64_t line,
                           std::vector<LineProblem>& problems) const {
    ActorInput a;
    a.name = cell(cells, "name").value_or("");
    a.kind = cell(cells, "kind").value_or("");
    a.legal_form = cell(cells, "legal_form");
    if (auto flag = cell(cells, "public")) {
        std::string v = text::fold(*flag);
        if (v == "1" || v == "true" || v == "oui" || v == "yes" || v == "si" || v == "public")
            a.is_public = true;
        else if (v == "0" || v == "false" || v == "non" || v == "no" || v == "prive" ||
                 v == "private")
            a.is_public = false;
        else
            problems.push_back({line, "public", "expected oui/non (yes/no, 1/0)"});
    }
    for (auto [column, target] : {std::pair{"siren", &a.siren},
                                  {"siret", &a.siret},
                                  {"rna", &a.rna},
                                  {"it_tax_code", &a.it_tax_code},
                                  {"level", &a.level},
                                  {"nature", &a.nature},
                                  {"naf", &a.naf},
                                  {"commune", &a.commune},
                                  {"address", &a.address},
                                  {"website", &a.website},
                                  {"email", &a.email},
                                  {"phone", &a.phone},
                                  {"description", &a.description}})
        *target = cell(cells, column);
    if (auto headcount = cell(cells, "headcount")) {
        std::int64_t value = 0;
        auto [end, ec] =
            std::from_chars(headcount->data(), headcount->data() + headcount->size(), value);
        if (ec != std::errc() || end != headcount->data() + headcount->size())
            problems.push_back({line, "headcount", "'" + *headcount + "' is not a whole number"});
        else
            a.headcount = value;
    }
    if (auto fte = cell(cells, "fte")) {
        std::string normalised = *fte;
        for (auto& c : normalised)
            if (c == ',') c = '.';  // French spreadsheets write 12,5
        char* end = nullptr;
        double value = std::strtod(normalised.c_str(), &end);
        if (end != normalised.c_str() + normalised.size())
            problems.push_back({line, "fte", "'" + *fte + "' is not a number"});
        else
            a.fte = value;
    }
    return a;
}

std::vector<std::string> to_row(const Actor& a) {
    auto text_or_empty = [](const std::optional<std::string>& v) { return v.value_or(""); };
    char fte[32] = "";
    if (a.fte) std::snprintf(fte, sizeof fte, "%g", *a.fte);
    return {a.name,
            a.kind,
            text_or_empty(a.legal_form),
            a.is_public ? (*a.is_public ? "oui" : "non") : "",
            text_or_empty(a.siren),
            text_or_empty(a.siret),
            text_or_empty(a.rna),
            text_or_empty(a.it_tax_code),
            text_or_empty(a.level),
            text_or_empty(a.nature),
            text_or_empty(a.naf),
            text_or_empty(a.commune),
            text_or_empty(a.address),
            a.headcount ? std::to_string(*a.headcount) : "",
            fte,
            text_or_empty(a.website),
            text_or_empty(a.email),
            text_or_empty(a.phone),
            text_or_empty(a.description)};
}

}  // namespace maillage::actors
