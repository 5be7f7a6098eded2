#include "needs/diagnostic.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace maillage::needs {
namespace {

constexpr std::size_t kHotspotsPerCategory = 10;

struct Criteria {
    std::set<std::uint16_t> needs;
    std::uint64_t situations = 0;
    std::set<std::int16_t> age_bands, coop;
    bool matches(const RecordFacts& r) const {
        if (!needs.empty() && std::none_of(r.needs.begin(), r.needs.end(),
                                           [&](auto n) { return needs.count(n) > 0; }))
            return false;
        if (situations && !(r.situations & situations)) return false;
        if (!age_bands.empty() && !age_bands.count(r.age_band)) return false;
        if (!coop.empty() && !coop.count(r.coop_interest)) return false;
        return true;
    }
};

Criteria criteria_of(const RecordCriteria& c, const FactCodes& codes) {
    Criteria out;
    for (const auto& n : c.needs)
        if (auto i = codes.need(n)) out.needs.insert(*i);
    for (const auto& s : c.situations) out.situations |= codes.situation_bit(s);
    for (const auto& a : c.age_bands) out.age_bands.insert(codes.age_band(a));
    for (const auto& k : c.coop_interest) out.coop.insert(codes.coop_interest(k));
    return out;
}

struct Totals {
    std::int64_t population = 0;
    double weighted_lat = 0, weighted_lon = 0, weight = 0;
};

// Populations and population-weighted centres of every unit of a level, from all the
// territory's communes (not only those with records).
std::unordered_map<std::string, Totals> unit_totals(const territory::Territory& territory,
                                                    Level level) {
    std::unordered_map<std::string, Totals> totals;
    for (const auto& c : territory.communes()) {
        auto unit = unit_of(c, level, territory);
        if (!unit) continue;
        auto& t = totals[unit->country + "|" + unit->code];
        double w = double(c.population.value_or(0));
        t.population += c.population.value_or(0);
        t.weighted_lat += w * c.lat;
        t.weighted_lon += w * c.lon;
        t.weight += w;
    }
    return totals;
}

struct Accumulator {
    Unit unit;
    std::int64_t records = 0;
    std::vector<std::int64_t> needs;
    std::vector<std::int64_t> matches;  // per intake indicator
};

std::optional<double> per_1000(std::int64_t count, const std::optional<std::int64_t>& population) {
    if (!population || *population <= 0) return std::nullopt;
    return 1000.0 * double(count) / double(*population);
}

}  // namespace

std::string_view to_string(Level level) {
    switch (level) {
        case Level::commune:
            return "commune";
        case Level::epci:
            return "epci";
        case Level::department:
            return "department";
        case Level::region:
            return "region";
    }
    return "commune";
}

std::optional<Level> parse_level(std::string_view text) {
    for (Level l : {Level::commune, Level::epci, Level::department, Level::region})
        if (to_string(l) == text) return l;
    return std::nullopt;
}

FactCodes::FactCodes(const Taxonomy& taxonomy) {
    const auto& categories = taxonomy.categories();
    for (std::size_t i = 0; i < categories.size(); ++i)
        needs_[categories[i].code] = std::uint16_t(i);
    const auto& v = taxonomy.vocabulary();
    auto index = [&](const char* enumeration, std::map<std::string, int>& out) {
        const auto& values = v.values(enumeration);
        for (std::size_t i = 0; i < values.size(); ++i) out[values[i].code] = int(i);
    };
    index(kSituationEnumeration, situations_);
    index(kAgeBandEnumeration, age_bands_);
    index(kCoopInterestEnumeration, coop_);
}

std::optional<std::uint16_t> FactCodes::need(const std::string& code) const {
    auto it = needs_.find(code);
    if (it == needs_.end()) return std::nullopt;
    return it->second;
}

std::uint64_t FactCodes::situation_bit(const std::string& code) const {
    auto it = situations_.find(code);
    return it == situations_.end() || it->second >= 64 ? 0 : std::uint64_t(1) << it->second;
}

std::int16_t FactCodes::age_band(const std::string& code) const {
    auto it = age_bands_.find(code);
    return it == age_bands_.end() ? -1 : std::int16_t(it->second);
}

std::int16_t FactCodes::coop_interest(const std::string& code) const {
    auto it = coop_.find(code);
    return it == coop_.end() ? -1 : std::int16_t(it->second);
}

std::optional<Unit> unit_of(const territory::Commune& c, Level level,
                            const territory::Territory& territory) {
    Unit u;
    u.level = level;
    u.country = c.country;
    u.region_code = c.region_code;
    switch (level) {
        case Level::commune:
            u.code = c.code;
            u.name = c.name;
            u.population = c.population;
            u.lat = c.lat;
            u.lon = c.lon;
            return u;
        case Level::epci: {
            if (c.epci_code.empty()) return std::nullopt;
            const auto* e = territory.epci(c.epci_code);
            if (!e) return std::nullopt;
            u.code = e->code;
            u.name = e->name;
            u.population = e->population;
            return u;
        }
        case Level::department: {
            const auto* d = territory.department(c.country, c.department_code);
            u.code = c.department_code;
            u.name = d ? d->name : c.department_code;
            return u;
        }
        case Level::region: {
            const auto* r = territory.region(c.country, c.region_code);
            u.code = c.region_code;
            u.name = r ? r->name : c.region_code;
            return u;
        }
    }
    return std::nullopt;
}

Diagnostic compute_diagnostic(const std::vector<RecordFacts>& records,
                              const territory::Territory& territory, const Taxonomy& taxonomy,
                              const Settings& settings, const std::vector<Figure>& figures,
                              const DiagnosticRequest& request) {
    const std::int64_t k = settings.min_cell_size;
    const auto& categories = taxonomy.categories();
    FactCodes codes(taxonomy);
    std::vector<const Indicator*> intake;
    std::vector<Criteria> criteria;
    for (const auto& i : taxonomy.indicators())
        if (i.source == "intake") {
            intake.push_back(&i);
            criteria.push_back(criteria_of(i.criteria, codes));
        }

    Diagnostic d;
    d.level = request.level;
    d.min_cell_size = k;
    d.records = std::int64_t(records.size());
    std::vector<std::size_t> shown;  // category indexes in the output
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (!request.category || categories[i].code == *request.category) {
            shown.push_back(i);
            d.categories.push_back(categories[i].code);
        }

    auto totals = unit_totals(territory, request.level);
    auto region_totals =
        request.level == Level::region ? totals : unit_totals(territory, Level::region);
    std::unordered_map<std::string, Accumulator> units;
    std::unordered_map<std::string, Accumulator> regions;
    for (const auto& r : records) {
        if (!r.commune) {
            ++d.without_commune;
            continue;
        }
        auto unit = unit_of(*r.commune, request.level, territory);
        auto region = unit_of(*r.commune, Level::region, territory);
        for (auto [target, u] : {std::pair{&units, &unit}, {&regions, &region}}) {
            const std::optional<Unit>& found = *u;
            if (!found) continue;
            auto [it, fresh] = target->try_emplace(found->country + "|" + found->code);
            Accumulator& a = it->second;
            if (fresh) {
                a.unit = *found;
                a.needs.assign(categories.size(), 0);
                a.matches.assign(intake.size(), 0);
            }
            ++a.records;
            for (auto n : r.needs) ++a.needs[n];
            for (std::size_t i = 0; i < intake.size(); ++i) a.matches[i] += criteria[i].matches(r);
        }
        if (!unit) ++d.outside_level;
    }

    // The reference a unit is compared with: its region, or the pole's whole area for regions.
    struct Reference {
        std::int64_t population = 0, records = 0;
        std::vector<std::int64_t> needs;
    };
    std::unordered_map<std::string, Reference> references;
    Reference overall{0, 0, std::vector<std::int64_t>(categories.size(), 0)};
    for (const auto& [key, a] : regions) {
        Reference ref{region_totals[key].population, a.records, a.needs};
        overall.population += ref.population;
        overall.records += ref.records;
        for (std::size_t i = 0; i < a.needs.size(); ++i) overall.needs[i] += a.needs[i];
        references[key] = std::move(ref);
    }
    auto reference_of = [&](const Unit& u) -> const Reference& {
        if (request.level == Level::region) return overall;
        auto it = references.find(u.country + "|" + u.region_code);
        return it == references.end() ? overall : it->second;
    };
    std::map<std::string, double> figure_of;
    for (const auto& f : figures)
        if (f.level == to_string(request.level))
            figure_of[f.indicator + "|" + f.territory] = f.value;

    auto cell = [&](std::int64_t count, std::int64_t records_in_unit,
                    const std::optional<std::int64_t>& pop, std::int64_t reference_count,
                    std::int64_t reference_population, bool with_share) {
        Cell c;
        if (count > 0 && count < k) {
            ++d.suppressed_cells;
            return c;
        }
        c.count = count;
        c.rate_per_1000 = per_1000(count, pop);
        if (with_share && records_in_unit >= k && records_in_unit > 0)
            c.share = double(count) / double(records_in_unit);
        auto reference = per_1000(reference_count, reference_population);
        if (c.rate_per_1000 && reference && *reference > 0) c.ratio = *c.rate_per_1000 / *reference;
        return c;
    };

    for (auto& [key, a] : units) {
        auto& t = totals[key];
        if (request.level != Level::commune) {
            if (!a.unit.population) a.unit.population = t.population;
            if (t.weight > 0) {
                a.unit.lat = t.weighted_lat / t.weight;
                a.unit.lon = t.weighted_lon / t.weight;
            }
        }
        const Reference& ref = reference_of(a.unit);
        DiagnosticRow row;
        row.unit = a.unit;
        row.records =
            cell(a.records, a.records, a.unit.population, ref.records, ref.population, false);
        for (auto i : shown)
            row.needs[categories[i].code] =
                cell(a.needs[i], a.records, a.unit.population, ref.needs[i], ref.population, true);
        for (std::size_t i = 0; i < intake.size(); ++i) {
            std::int64_t m = a.matches[i];
            bool hidden = (m > 0 && m < k) || (intake[i]->measure == "share" && a.records < k);
            if (hidden) {
                ++d.suppressed_cells;
                row.indicators[intake[i]->code] = std::nullopt;
            } else if (intake[i]->measure == "share") {
                row.indicators[intake[i]->code] = a.records ? double(m) / double(a.records) : 0.0;
            } else {
                row.indicators[intake[i]->code] = per_1000(m, a.unit.population);
            }
        }
        for (const auto& i : taxonomy.indicators()) {
            if (i.source == "territory")
                row.indicators[i.code] = a.unit.population
                                             ? std::optional<double>(double(*a.unit.population))
                                             : std::nullopt;
            if (i.source == "pole") {
                auto f = figure_of.find(i.code + "|" + a.unit.code);
                row.indicators[i.code] =
                    f == figure_of.end() ? std::nullopt : std::optional<double>(f->second);
            }
        }
        for (auto ci : shown) {
            const auto& c = row.needs[categories[ci].code];
            if (!c.count || !c.ratio || *c.count < settings.hotspot_min_count ||
                *c.ratio < settings.hotspot_min_ratio)
                continue;
            d.hotspots.push_back({categories[ci].code, a.unit, *c.count, *c.rate_per_1000,
                                  *c.rate_per_1000 / *c.ratio, *c.ratio});
        }
        d.rows.push_back(std::move(row));
    }
    std::sort(d.rows.begin(), d.rows.end(), [](const DiagnosticRow& a, const DiagnosticRow& b) {
        auto ra = a.records.count.value_or(0), rb = b.records.count.value_or(0);
        return ra != rb ? ra > rb : a.unit.code < b.unit.code;
    });
    std::sort(d.hotspots.begin(), d.hotspots.end(), [](const Hotspot& a, const Hotspot& b) {
        if (a.category != b.category) return a.category < b.category;
        return a.ratio != b.ratio ? a.ratio > b.ratio : a.unit.code < b.unit.code;
    });
    std::vector<Hotspot> kept;
    for (std::size_t i = 0, n = 0; i < d.hotspots.size(); ++i) {
        n = i > 0 && d.hotspots[i].category == d.hotspots[i - 1].category ? n + 1 : 0;
        if (n < kHotspotsPerCategory) kept.push_back(d.hotspots[i]);
    }
    d.hotspots = std::move(kept);
    return d;
}

}  // namespace maillage::needs
