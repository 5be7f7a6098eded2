#pragma once
// A generated portfolio for the pathways benchmarks: one pole with N mentors and M projects
// spread over the shipped templates and over the years, with their transition logs, planned
// visits (some overdue), legal creations and cessations, declared jobs and pairings. Rows are
// written with multi-row INSERTs in one transaction, then the planner statistics are refreshed.
#include <cstdint>
#include <memory>
#include <string>

#include "app/application.hpp"
#include "pathways/dates.hpp"
#include "store/testing.hpp"

namespace maillage::bench::pathways {

struct Portfolio {
    std::unique_ptr<store::testdb::TestDatabase> database;
    std::unique_ptr<app::Application> app;
    std::int64_t pole_id = 0;
    std::int64_t routed_project = 0;  // an active project whose routing is measured
    maillage::pathways::Date today;
    std::size_t projects = 0, mentors = 0, rows = 0;
    double seconds = 0;  // time to generate
};

// "sqlite" or "postgresql" (MAILLAGE_TEST_PG); null when the backend is not configured.
std::unique_ptr<Portfolio> generate(const std::string& backend, std::size_t projects,
                                    std::size_t mentors, std::uint32_t seed = 1);

}  // namespace maillage::bench::pathways
