// Reference territory and text folding: the lookups every page and every search makes.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/text.hpp"
#include "fixtures.hpp"

namespace maillage::bench {
namespace {

const std::vector<std::string> kCommuneQueries = {"tarn",           "saint martin", "bay", "Saint-",
                                                  "mont de marsan", "cag",          "la"};

// The commune autocomplete of the web forms: prefix search, accents and case ignored.
void BM_SearchCommunes(benchmark::State& state) {
    const auto& territory = reference_territory();
    const auto& query = kCommuneQueries[std::size_t(state.range(0))];
    for (auto _ : state) benchmark::DoNotOptimize(territory.search_communes(query, 10));
    state.SetLabel(query);
}
BENCHMARK(BM_SearchCommunes)->DenseRange(0, int(kCommuneQueries.size()) - 1);

// Communes within 20 km of a centre: a small town (Tarnos), a city (Lyon), Paris.
void BM_CommunesWithin20km(benchmark::State& state) {
    const char* codes[] = {"40312", "69123", "75056"};
    const auto& territory = reference_territory();
    const auto* centre = territory.commune(codes[state.range(0)]);
    if (!centre) {
        state.SkipWithError("commune missing from the reference territory");
        return;
    }
    std::size_t found = 0;
    for (auto _ : state) {
        auto within = territory.communes_within(*centre, 20.0);
        found = within.size();
        benchmark::DoNotOptimize(within);
    }
    state.SetLabel(centre->name + ", " + std::to_string(found) + " communes");
}
BENCHMARK(BM_CommunesWithin20km)->DenseRange(0, 2);

const std::vector<std::string> kNames = {
    "Atelier Bati Solidaire de Tarnos",        // ASCII: the fast path
    "Atelier Bâti Solidaire de Saint-Égrève",  // accents: ICU transliteration
    "Cooperativa sociale Lavoro è Futuro di Quartu Sant'Elena"};

// Folding runs for every name written and every search text.
void BM_Fold(benchmark::State& state) {
    const auto& name = kNames[std::size_t(state.range(0))];
    for (auto _ : state) benchmark::DoNotOptimize(text::fold(name));
    state.SetLabel(name);
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(name.size()));
}
BENCHMARK(BM_Fold)->DenseRange(0, 2);

}  // namespace
}  // namespace maillage::bench
