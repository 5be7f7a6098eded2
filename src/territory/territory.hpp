#pragma once
// The reference territory, loaded once from a directory of TSV files and then read-only:
// lookups by code, accent-insensitive name search, postal codes, distances and the NAF
// nomenclature. Copies share the same immutable data, so a Territory can be read from
// any number of threads.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "territory/model.hpp"

namespace maillage::territory {

namespace detail {
struct TerritoryData;
}

class Territory {
  public:
    // An empty territory: every lookup finds nothing.
    Territory();

    // Reads regions.tsv, departments.tsv, epci.tsv, communes.tsv and naf.tsv. A missing or
    // malformed file throws a maillage::Error naming the file, the line and the field.
    static Territory load(const std::string& directory);

    // Commune codes are unique across countries (5 characters in France, 6 digits in Italy).
    const Commune* commune(std::string_view code) const;
    const Epci* epci(std::string_view code) const;
    const Department* department(std::string_view country, std::string_view code) const;
    const Region* region(std::string_view country, std::string_view code) const;

    // Members of an EPCI, by code; empty for an unknown EPCI.
    std::vector<const Commune*> communes_of_epci(std::string_view code) const;
    // Communes served by a postal code, by code.
    std::vector<const Commune*> communes_by_postal_code(std::string_view postal_code) const;

    const std::vector<Commune>& communes() const;
    const std::vector<Epci>& epcis() const;
    const std::vector<Department>& departments() const;
    const std::vector<Region>& regions() const;
    const std::vector<NafCode>& naf_codes() const;

    // Communes whose name, or a word of it, starts with the query, ignoring case, accents
    // and punctuation ("saint martin" and "MARTIN" both find "Saint-Martin-de-Seignanx").
    // Exact names come first, then names that start with the query, then by population.
    std::vector<const Commune*> search_communes(std::string_view query, std::size_t limit) const;

    // Great-circle distance (haversine on a sphere of 6371.0088 km, the mean Earth radius).
    static double distance_km(double lat1, double lon1, double lat2, double lon2);

    // Communes at most radius_km from the centre (the centre included, at distance 0),
    // nearest first.
    std::vector<std::pair<const Commune*, double>> communes_within(const Commune& centre,
                                                                   double radius_km) const;

    // NAF codes are accepted as "43.99C" or "4399c"; see normalise_naf_code.
    const NafCode* naf(std::string_view code) const;
    bool is_naf_code(std::string_view code) const;
    // A query that looks like a code ("43", "43.9", "4399", "F") lists the codes starting
    // with it in nomenclature order; any other query matches labels whose words start with
    // each of the query's words, labels starting with the query first.
    std::vector<const NafCode*> search_naf(std::string_view query, std::size_t limit) const;

    // Upper case, spaces removed, and the dot restored after the division ("4399c" →
    // "43.99C"). The result is not necessarily a known code.
    static std::string normalise_naf_code(std::string_view code);

  private:
    explicit Territory(std::shared_ptr<const detail::TerritoryData> data);
    std::shared_ptr<const detail::TerritoryData> data_;
};

}  // namespace maillage::territory
