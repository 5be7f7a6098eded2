// The actor directory: validation, searches on an in-process SQLite directory, imports.
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>
#include <string>

#include "actors/actor_json.hpp"
#include "actors/actor_service.hpp"
#include "actors/validation.hpp"
#include "core/progress.hpp"
#include "fixtures.hpp"
#include "io/table_reader.hpp"

namespace maillage::bench {
namespace {

actors::ActorInput complete_input() {
    actors::ActorInput a;
    a.name = "  Atelier Bâti Solidaire de Tarnos ";
    a.kind = "ei";
    a.legal_form = "sas";
    a.is_public = false;
    a.siret = "732 829 320 00074";
    a.level = "local";
    a.naf = "4399c";
    a.commune = "40312";
    a.address = "12 rue des Écoles";
    a.headcount = 24;
    a.fte = 17.5;
    a.website = "https://www.atelier-bati-solidaire.fr";
    a.email = "Contact@Atelier-Bati-Solidaire.fr";
    a.phone = "05 59 12 34 56";
    a.description = "Chantiers de rénovation du bâti ancien.";
    return a;
}

// Validation and normalisation of one actor, as for every API write and every imported line.
void BM_CheckActor(benchmark::State& state) {
    const auto& vocabulary = shipped_vocabulary();
    const auto& territory = reference_territory();
    const auto input = complete_input();
    for (auto _ : state) {
        auto copy = input;
        auto problems = actors::check_actor(copy, vocabulary, territory);
        if (!problems.empty()) {
            state.SkipWithError(("unexpected problem: " + problems.front().field).c_str());
            break;
        }
        benchmark::DoNotOptimize(copy);
    }
}
BENCHMARK(BM_CheckActor);

struct SearchCase {
    const char* label;
    actors::ActorFilter filter;
};

std::vector<SearchCase> search_cases() {
    std::vector<SearchCase> cases;
    actors::ActorFilter f;
    f.commune = "40312";  // Tarnos: the example of docs/api.md
    f.radius_km = 30;
    f.kind = "ei";
    f.text = "bat";
    cases.push_back({"radius 30 km + kind + text (Tarnos, ei, bat)", f});
    f = {};
    f.commune = "33063";
    f.radius_km = 30;
    f.family = "siae";
    cases.push_back({"radius 30 km + family (Bordeaux, siae)", f});
    f = {};
    f.commune = "75056";
    f.radius_km = 20;
    f.text = "atelier";
    cases.push_back({"radius 20 km + text (Paris, atelier)", f});
    f = {};
    f.text = "atelier";
    cases.push_back({"text only (atelier), whole directory", f});
    f = {};
    f.commune = "69123";
    f.kind = "association_1901";
    cases.push_back({"commune + kind (Lyon, association_1901)", f});
    f = {};
    f.pole_id = 1;
    f.page = 3;
    cases.push_back({"pole listing, page 3", f});
    return cases;
}

// ActorService::search, SQL and loading of one page of 20 actors included (JSON is not).
// Arguments: the case, and the number of actors in the directory.
void BM_ActorSearch(benchmark::State& state) {
    static const auto cases = search_cases();
    const auto& c = cases[std::size_t(state.range(0))];
    auto& directory = directory_of(std::size_t(state.range(1)));
    std::int64_t total = 0;
    for (auto _ : state) {
        auto page = directory.actors().search(c.filter);
        total = page.total;
        benchmark::DoNotOptimize(page);
    }
    state.SetLabel(std::string(c.label) + ": " + std::to_string(total) + " found");
}
BENCHMARK(BM_ActorSearch)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 5, 1), {10000}})
    ->Args({0, 100000})
    ->Args({1, 100000})
    ->Args({3, 100000})
    ->Unit(benchmark::kMicrosecond);

// One page of 20 actors to JSON text, the answer of GET /api/actors.
template <class Render>
void page_to_json(benchmark::State& state, Render render) {
    actors::ActorFilter filter;
    filter.per_page = 20;
    auto page = directory_of(10000).actors().search(filter);
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = render(page);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetLabel(std::to_string(page.items.size()) + " actors, " + std::to_string(bytes) +
                   " bytes");
}

// Through an nlohmann tree, as the route answered until json_text.
void BM_ActorPageJson(benchmark::State& state) {
    page_to_json(state, [](const actors::ActorPage& page) {
        return actors::to_json(page).dump(-1, ' ', false, Json::error_handler_t::replace);
    });
}
BENCHMARK(BM_ActorPageJson)->Unit(benchmark::kMicrosecond);

// Written directly by actors::json_text, as the route answers now.
void BM_ActorPageJsonText(benchmark::State& state) {
    page_to_json(state, [](const actors::ActorPage& page) { return actors::json_text(page); });
}
BENCHMARK(BM_ActorPageJsonText)->Unit(benchmark::kMicrosecond);

// A whole CSV import (reading, validation, one write transaction) into an empty directory.
void BM_ImportActors(benchmark::State& state) {
    const auto csv = generated_actors_csv(std::size_t(state.range(0)), 7);
    for (auto _ : state) {
        state.PauseTiming();
        std::int64_t pole_id = 0;
        auto application = empty_directory(pole_id);
        auto reader =
            io::open_csv_stream(std::make_unique<std::istringstream>(csv), "bench.csv", csv.size());
        NoProgress quiet;
        state.ResumeTiming();
        auto summary = application->actors().import_table(pole_id, std::nullopt, *reader, quiet);
        benchmark::DoNotOptimize(summary);
        state.PauseTiming();
        application.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * state.range(0));
}
BENCHMARK(BM_ImportActors)->Arg(10000)->Iterations(3)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace maillage::bench
