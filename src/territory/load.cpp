// Territory::load: reads the five TSV files, checks every reference between them, and
// builds the indexes that make the queries fast.
#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include "core/text.hpp"
#include "territory/data.hpp"
#include "territory/territory.hpp"
#include "territory/tsv.hpp"

namespace maillage::territory {
namespace {

using detail::country_key;
using detail::TerritoryData;

const std::vector<std::string_view> countries = {"FR", "IT"};
const std::vector<std::string_view> naf_levels = {"section", "division", "group", "class",
                                                  "subclass"};

std::string file_in(const std::string& directory, const char* name) {
    return (std::filesystem::path(directory) / name).string();
}

std::uint32_t next_index(std::size_t size) {
    return static_cast<std::uint32_t>(size);
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void read_regions(const std::string& path, TerritoryData& data) {
    enum Column : std::size_t { country, code, name };
    TsvFile file(path, {"country", "code", "name"});
    while (file.next()) {
        Region region{file.one_of(country, countries), file.required(code), file.required(name)};
        auto key = country_key(region.country, region.code);
        if (!data.region_by_key.emplace(key, next_index(data.regions.size())).second)
            file.fail(code, "duplicate region " + region.code);
        data.regions.push_back(std::move(region));
    }
}

void read_departments(const std::string& path, TerritoryData& data) {
    enum Column : std::size_t { country, code, region_code, name };
    TsvFile file(path, {"country", "code", "region_code", "name"});
    while (file.next()) {
        Department department{file.one_of(country, countries), file.required(code),
                              file.required(region_code), file.required(name)};
        if (!data.region_by_key.contains(country_key(department.country, department.region_code)))
            file.fail(region_code, "unknown region " + department.region_code);
        auto key = country_key(department.country, department.code);
        if (!data.department_by_key.emplace(key, next_index(data.departments.size())).second)
            file.fail(code, "duplicate department " + department.code);
        data.departments.push_back(std::move(department));
    }
}

void read_epcis(const std::string& path, TerritoryData& data) {
    enum Column : std::size_t { code, name, kind, department_code };
    TsvFile file(path, {"code", "name", "kind", "department_code"});
    while (file.next()) {
        Epci epci{file.required(code), file.required(name), file.required(kind),
                  file.required(department_code)};
        if (epci.code.size() != 9 || !is_digits(epci.code))
            file.fail(code, "a SIREN has 9 digits, got \"" + epci.code + "\"");
        if (!data.department_by_key.contains(country_key("FR", epci.department_code)))
            file.fail(department_code, "unknown French department " + epci.department_code);
        if (!data.epci_by_code.emplace(epci.code, next_index(data.epcis.size())).second)
            file.fail(code, "duplicate EPCI " + epci.code);
        data.epcis.push_back(std::move(epci));
    }
}

void read_communes(const std::string& path, TerritoryData& data) {
    enum Column : std::size_t {
        country,
        code,
        name,
        postal_codes,
        department_code,
        region_code,
        epci_code,
        population,
        lat,
        lon,
        approximate
    };
    TsvFile file(path, {"country", "code", "name", "postal_codes", "department_code", "region_code",
                        "epci_code", "population", "lat", "lon", "approximate"});
    while (file.next()) {
        Commune commune;
        commune.country = file.one_of(country, countries);
        commune.code = file.required(code);
        commune.name = file.required(name);
        commune.postal_codes = file.list(postal_codes);
        commune.department_code = file.required(department_code);
        commune.region_code = file.required(region_code);
        commune.epci_code = std::string(file.field(epci_code));
        commune.population = file.optional_count(population);
        commune.lat = file.number(lat, -90, 90);
        commune.lon = file.number(lon, -180, 180);
        commune.approximate = file.flag(approximate);

        auto department =
            data.department_by_key.find(country_key(commune.country, commune.department_code));
        if (department == data.department_by_key.end())
            file.fail(department_code, "unknown department " + commune.department_code);
        const auto& region_of_department = data.departments[department->second].region_code;
        if (region_of_department != commune.region_code)
            file.fail(region_code, "department " + commune.department_code + " is in region " +
                                       region_of_department + ", not " + commune.region_code);
        if (!commune.epci_code.empty() && !data.epci_by_code.contains(commune.epci_code))
            file.fail(epci_code, "unknown EPCI " + commune.epci_code);
        if (!data.commune_by_code.emplace(commune.code, next_index(data.communes.size())).second)
            file.fail(code, "duplicate commune " + commune.code);
        data.communes.push_back(std::move(commune));
    }
}

// The shape of a code at each level: "F", "43", "43.9", "43.99", "43.99C".
bool has_shape_of(std::string_view code, std::string_view level) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto digits = [&](std::size_t from, std::size_t count) {
        return code.size() >= from + count && is_digits(code.substr(from, count));
    };
    auto dot_at_2 = code.size() > 2 && code[2] == '.';
    if (level == "section") return code.size() == 1 && upper(code[0]);
    if (level == "division") return code.size() == 2 && digits(0, 2);
    if (level == "group") return code.size() == 4 && digits(0, 2) && dot_at_2 && digits(3, 1);
    if (level == "class") return code.size() == 5 && digits(0, 2) && dot_at_2 && digits(3, 2);
    return code.size() == 6 && digits(0, 2) && dot_at_2 && digits(3, 2) && upper(code[5]);
}

std::string_view level_above(std::string_view level) {
    auto at = std::find(naf_levels.begin(), naf_levels.end(), level);
    return at == naf_levels.begin() ? std::string_view() : *(at - 1);
}

void read_naf(const std::string& path, TerritoryData& data) {
    enum Column : std::size_t { code, level, parent_code, label };
    TsvFile file(path, {"code", "level", "parent_code", "label"});
    while (file.next()) {
        NafCode naf{file.required(code), file.one_of(level, naf_levels),
                    std::string(file.field(parent_code)), file.required(label)};
        if (!has_shape_of(naf.code, naf.level))
            file.fail(code, "\"" + naf.code + "\" is not shaped like a NAF " + naf.level);
        auto expected_parent_level = level_above(naf.level);
        if (expected_parent_level.empty()) {
            if (!naf.parent_code.empty()) file.fail(parent_code, "a section has no parent");
        } else {
            auto parent = data.naf_by_code.find(naf.parent_code);
            if (parent == data.naf_by_code.end())
                file.fail(parent_code, "unknown parent \"" + naf.parent_code +
                                           "\" (a parent must come before its children)");
            if (data.naf[parent->second].level != expected_parent_level)
                file.fail(parent_code, "the parent of a " + naf.level + " must be a " +
                                           std::string(expected_parent_level));
            if (naf.level != "division" && !naf.code.starts_with(naf.parent_code))
                file.fail(parent_code, naf.code + " does not start with " + naf.parent_code);
        }
        if (!data.naf_by_code.emplace(naf.code, next_index(data.naf.size())).second)
            file.fail(code, "duplicate NAF code " + naf.code);
        data.naf.push_back(std::move(naf));
    }
}

void sort_by_commune_code(std::vector<std::uint32_t>& ids, const std::vector<Commune>& communes) {
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        return communes[a].code < communes[b].code;
    });
}

void index_memberships(TerritoryData& data) {
    data.epci_members.resize(data.epcis.size());
    for (std::uint32_t i = 0; i < data.communes.size(); ++i) {
        const Commune& commune = data.communes[i];
        if (!commune.epci_code.empty()) {
            auto epci = data.epci_by_code.at(commune.epci_code);
            data.epci_members[epci].push_back(i);
            data.epcis[epci].population += commune.population.value_or(0);
        }
        for (const auto& postal_code : commune.postal_codes)
            data.communes_by_postal_code[postal_code].push_back(i);
    }
    for (auto& members : data.epci_members) sort_by_commune_code(members, data.communes);
    for (auto& [postal_code, ids] : data.communes_by_postal_code)
        sort_by_commune_code(ids, data.communes);
}

void index_names(TerritoryData& data) {
    data.folded_names.reserve(data.communes.size());
    for (std::uint32_t i = 0; i < data.communes.size(); ++i) {
        std::string folded = text::fold(data.communes[i].name);
        // fold() separates words with single spaces, so each word starts after one.
        for (std::size_t start = 0; start < folded.size();) {
            data.name_keys.push_back({folded.substr(start), i, start == 0});
            auto space = folded.find(' ', start);
            start = space == std::string::npos ? folded.size() : space + 1;
        }
        data.folded_names.push_back(std::move(folded));
    }
    std::sort(data.name_keys.begin(), data.name_keys.end(),
              [](const detail::NameKey& a, const detail::NameKey& b) { return a.key < b.key; });
}

void index_positions(TerritoryData& data) {
    for (std::uint32_t i = 0; i < data.communes.size(); ++i)
        data.grid.add(i, data.communes[i].lat, data.communes[i].lon);
}

void index_naf_labels(TerritoryData& data) {
    for (const auto& naf : data.naf) {
        data.naf_folded_labels.push_back(text::fold(naf.label));
        data.naf_label_words.push_back(text::words(naf.label));
    }
}

}  // namespace

Territory Territory::load(const std::string& directory) {
    auto data = std::make_shared<TerritoryData>();
    // In this order: each file refers to the ones read before it.
    read_regions(file_in(directory, "regions.tsv"), *data);
    read_departments(file_in(directory, "departments.tsv"), *data);
    read_epcis(file_in(directory, "epci.tsv"), *data);
    read_communes(file_in(directory, "communes.tsv"), *data);
    read_naf(file_in(directory, "naf.tsv"), *data);
    index_memberships(*data);
    index_names(*data);
    index_positions(*data);
    index_naf_labels(*data);
    return Territory(std::move(data));
}

}  // namespace maillage::territory
