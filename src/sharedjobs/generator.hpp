#pragma once
// Random instances on real communes, for the tests (small) and the benchmarks (GENESE and
// federation scales). Deterministic for a seed.
#include <cstdint>
#include <string>
#include <vector>

#include "sharedjobs/model.hpp"

namespace maillage::sharedjobs {

struct PlaceRef {
    std::string commune;
    double lat = 0, lon = 0;
};

struct GeneratorSpec {
    int firms = 5;
    int needs = 12;
    int workers = 5;
    int occupations = 4;           // distinct occupation codes drawn from kGeneratedOccupations
    double seasonal_share = 0.15;  // needs with a period shorter than the horizon
    double splittable_share = 0.2;
    double flexible_share = 0.3;       // needs whose windows are wider than their hours
    int areas = 1;                     // employment areas: firms and workers cluster around centres
    std::vector<std::string> centres;  // commune codes of the areas' centres (else spread)
    double area_radius_km = 18;
    std::string horizon_start = "2026-01-05", horizon_end = "2026-12-27";
};

// Communes to draw from, with their positions; areas are centred on some of them.
Instance generate_instance(const GeneratorSpec& spec, const std::vector<PlaceRef>& places,
                           std::uint64_t seed);

}  // namespace maillage::sharedjobs
