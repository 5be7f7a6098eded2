#include "territory/territory.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "territory/data.hpp"

namespace maillage::territory {
namespace {

using detail::country_key;
using detail::NameKey;
using detail::StringMap;
using detail::TerritoryData;

template <class Value>
const Value* find_in(const std::vector<Value>& values, const StringMap<std::uint32_t>& index,
                     std::string_view key) {
    auto found = index.find(key);
    return found == index.end() ? nullptr : &values[found->second];
}

std::vector<const Commune*> communes_at(const TerritoryData& data,
                                        const std::vector<std::uint32_t>& ids) {
    std::vector<const Commune*> communes;
    communes.reserve(ids.size());
    for (auto id : ids) communes.push_back(&data.communes[id]);
    return communes;
}

struct NameMatch {
    std::uint32_t commune = 0;
    bool exact = false;
    bool whole_name = false;
    std::int64_t population = -1;  // -1 when unknown, so that it ranks last
};

// Every commune with a name key starting with `folded`, once, with its best match: a
// commune found both by its whole name and by an inner word counts as a whole-name match.
std::vector<NameMatch> name_matches(const TerritoryData& data, const std::string& folded) {
    auto first = std::lower_bound(
        data.name_keys.begin(), data.name_keys.end(), folded,
        [](const NameKey& entry, const std::string& query) { return entry.key < query; });
    auto last = first;
    while (last != data.name_keys.end() && last->key.starts_with(folded)) ++last;
    // Marks instead of sorting: short queries match tens of thousands of keys.
    std::vector<bool> by_whole_name(data.communes.size());
    std::vector<bool> taken(data.communes.size());
    for (auto key = first; key != last; ++key)
        if (key->whole_name) by_whole_name[key->commune] = true;
    std::vector<NameMatch> matches;
    for (auto key = first; key != last; ++key) {
        if (taken[key->commune] || (by_whole_name[key->commune] && !key->whole_name)) continue;
        taken[key->commune] = true;
        matches.push_back({key->commune, key->whole_name && key->key.size() == folded.size(),
                           key->whole_name, data.communes[key->commune].population.value_or(-1)});
    }
    return matches;
}

bool looks_like_naf_code(std::string_view query) {
    if (query.size() == 1)
        return (query[0] >= 'A' && query[0] <= 'Z') || (query[0] >= 'a' && query[0] <= 'z');
    if (query.empty() || query[0] < '0' || query[0] > '9') return false;
    return std::all_of(query.begin(), query.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == ' ' || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
    });
}

// Every query word is the start of some word of the label.
bool label_has_words(const std::vector<std::string>& label_words,
                     const std::vector<std::string>& query_words) {
    return std::all_of(query_words.begin(), query_words.end(), [&](const std::string& wanted) {
        return std::any_of(label_words.begin(), label_words.end(),
                           [&](const std::string& word) { return word.starts_with(wanted); });
    });
}

}  // namespace

Territory::Territory() : data_(std::make_shared<TerritoryData>()) {}

Territory::Territory(std::shared_ptr<const detail::TerritoryData> data) : data_(std::move(data)) {}

const Commune* Territory::commune(std::string_view code) const {
    return find_in(data_->communes, data_->commune_by_code, code);
}

const Epci* Territory::epci(std::string_view code) const {
    return find_in(data_->epcis, data_->epci_by_code, code);
}

const Department* Territory::department(std::string_view country, std::string_view code) const {
    return find_in(data_->departments, data_->department_by_key, country_key(country, code));
}

const Region* Territory::region(std::string_view country, std::string_view code) const {
    return find_in(data_->regions, data_->region_by_key, country_key(country, code));
}

std::vector<const Commune*> Territory::communes_of_epci(std::string_view code) const {
    auto epci = data_->epci_by_code.find(code);
    if (epci == data_->epci_by_code.end()) return {};
    return communes_at(*data_, data_->epci_members[epci->second]);
}

std::vector<const Commune*> Territory::communes_by_postal_code(std::string_view postal_code) const {
    auto found = data_->communes_by_postal_code.find(text::trim(postal_code));
    if (found == data_->communes_by_postal_code.end()) return {};
    return communes_at(*data_, found->second);
}

const std::vector<Commune>& Territory::communes() const {
    return data_->communes;
}
const std::vector<Epci>& Territory::epcis() const {
    return data_->epcis;
}
const std::vector<Department>& Territory::departments() const {
    return data_->departments;
}
const std::vector<Region>& Territory::regions() const {
    return data_->regions;
}
const std::vector<NafCode>& Territory::naf_codes() const {
    return data_->naf;
}

std::vector<const Commune*> Territory::search_communes(std::string_view query,
                                                       std::size_t limit) const {
    const std::string folded = text::fold(query);
    if (folded.empty() || limit == 0) return {};
    auto matches = name_matches(*data_, folded);
    const auto& communes = data_->communes;
    auto better = [&](const NameMatch& a, const NameMatch& b) {
        if (a.exact != b.exact) return a.exact;
        if (a.whole_name != b.whole_name) return a.whole_name;
        if (a.population != b.population) return a.population > b.population;
        return communes[a.commune].code < communes[b.commune].code;
    };
    const auto count = std::min(limit, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(count),
                      matches.end(), better);
    std::vector<const Commune*> found;
    found.reserve(count);
    for (std::size_t i = 0; i < count; ++i) found.push_back(&communes[matches[i].commune]);
    return found;
}

double Territory::distance_km(double lat1, double lon1, double lat2, double lon2) {
    return haversine_km(lat1, lon1, lat2, lon2);
}

std::vector<std::pair<const Commune*, double>> Territory::communes_within(const Commune& centre,
                                                                          double radius_km) const {
    std::vector<std::pair<const Commune*, double>> found;
    for (auto id : data_->grid.candidates(centre.lat, centre.lon, radius_km)) {
        const Commune& commune = data_->communes[id];
        double distance = distance_km(centre.lat, centre.lon, commune.lat, commune.lon);
        if (distance <= radius_km) found.emplace_back(&commune, distance);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first->code < b.first->code;
    });
    return found;
}

std::string Territory::normalise_naf_code(std::string_view code) {
    std::string normalised;
    for (char c : code) {
        if (c == ' ' || c == '\t') continue;
        normalised.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    // Codes are often written without their dot ("4399C", "439").
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (normalised.size() >= 3 && is_digit(normalised[0]) && is_digit(normalised[1]) &&
        normalised[2] != '.')
        return normalised.substr(0, 2) + '.' + normalised.substr(2);
    return normalised;
}

const NafCode* Territory::naf(std::string_view code) const {
    return find_in(data_->naf, data_->naf_by_code, normalise_naf_code(code));
}

bool Territory::is_naf_code(std::string_view code) const {
    return naf(code) != nullptr;
}

std::vector<const NafCode*> Territory::search_naf(std::string_view query, std::size_t limit) const {
    std::vector<const NafCode*> found;
    const std::string trimmed = text::trim(query);
    if (trimmed.empty() || limit == 0) return found;
    if (looks_like_naf_code(trimmed)) {
        const std::string prefix = normalise_naf_code(trimmed);
        for (const auto& naf : data_->naf) {
            if (found.size() == limit) break;
            if (naf.code.starts_with(prefix)) found.push_back(&naf);
        }
        return found;
    }
    const std::string folded = text::fold(trimmed);
    const auto words = text::words(trimmed);
    if (words.empty()) return found;
    // Labels starting with the query first, each group in nomenclature order.
    std::vector<const NafCode*> others;
    for (std::size_t i = 0; i < data_->naf.size(); ++i) {
        if (!label_has_words(data_->naf_label_words[i], words)) continue;
        bool starts = data_->naf_folded_labels[i].starts_with(folded);
        (starts ? found : others).push_back(&data_->naf[i]);
    }
    found.insert(found.end(), others.begin(), others.end());
    if (found.size() > limit) found.resize(limit);
    return found;
}

}  // namespace maillage::territory
