#pragma once
// Shared, lazily built inputs of the micro benchmarks: the reference territory, the shipped
// vocabulary, and directories of N generated actors in temporary SQLite files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/application.hpp"
#include "core/vocabulary.hpp"
#include "territory/territory.hpp"

namespace maillage::bench {

// The reference territory of build/reference (paths::reference_dir()); exits with a hint when
// it has not been generated.
const territory::Territory& reference_territory();

// The shipped enumerations (paths::data_dir()).
const Vocabulary& shipped_vocabulary();

// A CSV file (';'-separated, import columns) of `count` actors on real communes, weighted by
// population, with unique valid SIRETs. Deterministic for a given seed.
std::string generated_actors_csv(std::size_t count, std::uint32_t seed = 1);

// An application on a temporary SQLite database holding `count` generated actors in one pole,
// built on first use and kept for the whole run (one per distinct count).
app::Application& directory_of(std::size_t count);

// A fresh, empty application on a new temporary SQLite database, with one pole; returns the
// pole id through `pole_id`. The caller owns the application; the file is removed at exit.
std::unique_ptr<app::Application> empty_directory(std::int64_t& pole_id);

}  // namespace maillage::bench
