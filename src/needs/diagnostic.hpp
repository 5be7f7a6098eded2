#pragma once
// The territorial diagnostic: needs and proposals aggregated by commune, EPCI, department or
// region, per 1,000 inhabitants, read across the four dimensions of seed 000 through the
// indicators of data/needs/indicators.json, and the territories where a need is most
// over-represented. Pure computation: the service hands it the records' facts.
//
// Small cells are suppressed here, once, so that every output (API, CLI, exports, map) shows
// the same: a count below the pole's minimum cell size, and everything computed from it,
// is absent.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needs/model.hpp"
#include "needs/taxonomy.hpp"
#include "territory/territory.hpp"

namespace maillage::needs {

enum class Level { commune, epci, department, region };
std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view text);

struct DiagnosticRequest {
    Level level = Level::commune;
    std::optional<std::string> category;  // only this need category's cells
};

// A figure the pole enters for an indicator of source "pole".
struct Figure {
    std::string indicator, level, territory;
    double value = 0;
    std::optional<std::string> source;
    std::string updated_at;
};

struct Cell {
    std::optional<std::int64_t> count;
    std::optional<double> rate_per_1000;  // per 1,000 inhabitants
    std::optional<double> share;          // of the territory's records
    std::optional<double> ratio;          // rate / the reference (regional) rate
};

struct Unit {
    Level level = Level::commune;
    std::string code, name, country, region_code;
    std::optional<std::int64_t> population;
    double lat = 0, lon = 0;  // commune position, or population-weighted centre
};

struct DiagnosticRow {
    Unit unit;
    Cell records;
    std::map<std::string, Cell> needs;  // by need category
    std::map<std::string, std::optional<double>> indicators;
};

struct Hotspot {
    std::string category;
    Unit unit;
    std::int64_t count = 0;
    double rate_per_1000 = 0, reference_rate = 0, ratio = 0;
};

struct Diagnostic {
    Level level = Level::commune;
    std::int64_t min_cell_size = 5;
    std::int64_t records = 0;          // all of the pole's records
    std::int64_t without_commune = 0;  // not placed on the territory
    std::int64_t outside_level = 0;    // placed, but in no unit of this level (no EPCI)
    std::int64_t suppressed_cells = 0;
    std::vector<std::string> categories;
    std::vector<DiagnosticRow> rows;  // by decreasing number of records
    std::vector<Hotspot> hotspots;    // by category, then decreasing ratio
};

// What the diagnostic needs of one record, as indexes: needs into Taxonomy::categories(),
// situations (bit i) and age band into the vocabulary's values of their enumerations.
struct RecordFacts {
    const territory::Commune* commune = nullptr;
    std::vector<std::uint16_t> needs;
    std::uint64_t situations = 0;
    std::int16_t age_band = -1;
    std::int16_t coop_interest = -1;
};

// Turns codes into the indexes of RecordFacts.
class FactCodes {
  public:
    explicit FactCodes(const Taxonomy& taxonomy);
    std::optional<std::uint16_t> need(const std::string& code) const;
    std::uint64_t situation_bit(const std::string& code) const;
    std::int16_t age_band(const std::string& code) const;
    std::int16_t coop_interest(const std::string& code) const;

  private:
    std::map<std::string, std::uint16_t> needs_;
    std::map<std::string, int> situations_, age_bands_, coop_;
};

Diagnostic compute_diagnostic(const std::vector<RecordFacts>& records,
                              const territory::Territory& territory, const Taxonomy& taxonomy,
                              const Settings& settings, const std::vector<Figure>& figures,
                              const DiagnosticRequest& request);

// The unit of `level` holding a commune; nullopt when it has none (an Italian comune has no
// EPCI).
std::optional<Unit> unit_of(const territory::Commune& commune, Level level,
                            const territory::Territory& territory);

}  // namespace maillage::needs
