// needs_pipeline: the observatory's end-to-end target, timed in one process. A fresh database
// and pole; then the file is imported (each record checked, coded and written), catalogued
// again, and its proposals rationalised. Prints wall and CPU seconds per stage and the peak
// resident memory.
//
//   needs_pipeline --input intake.csv [--db /tmp/needs-bench.db | --db postgresql://…]
//   [--skip-catalogue]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/application.hpp"
#include "core/progress.hpp"
#include "needs/json_records.hpp"

using namespace maillage;

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

struct Stage {
    const char* name;
    double wall = 0, cpu = 0;
    bool in_target = true;  // counted in the target
};

template <class F>
Stage timed(const char* name, F f) {
    auto start = std::chrono::steady_clock::now();
    double cpu = cpu_seconds();
    f();
    return {name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            cpu_seconds() - cpu, true};
}

}  // namespace

int main(int argc, char** argv) {
    std::string input, db = (std::filesystem::temp_directory_path() / "needs-pipeline.db").string();
    bool catalogue = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--input") && i + 1 < argc)
            input = argv[++i];
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!std::strcmp(argv[i], "--skip-catalogue"))
            catalogue = false;
    }
    if (input.empty()) {
        std::fprintf(stderr,
                     "usage: needs_pipeline --input FILE [--db PATH|URL] [--skip-catalogue]\n");
        return 2;
    }
    bool sqlite = db.rfind("postgres", 0) != 0;
    if (sqlite)
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    app::Config config;
    config.database_url = db;
    auto started = std::chrono::steady_clock::now();
    app::Application application(config);
    double startup =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    auto pole = application.accounts().find_pole("bench");
    if (!pole) pole = application.accounts().create_pole("bench", "Bench", "employment_network");
    if (!sqlite)  // a server database is not recreated: the previous run's records go first
        application.database().write([&](store::Connection& c) {
            for (const char* table : {"needs_group_members", "needs_groups", "needs_codes",
                                      "needs_corrections", "needs_decisions", "needs_records"})
                c.execute(std::string("DELETE FROM ") + table + " WHERE pole_id = ?", {pole->id});
        });
    auto& needs = application.needs();
    NoProgress quiet;
    std::vector<Stage> stages;
    needs::ImportSummary imported;
    needs::RationaliseSummary groups;
    stages.push_back(timed("import (read, check, code, write)", [&] {
        auto reader = needs::open_records_file(input);
        imported = needs.import_records(pole->id, std::nullopt, *reader, quiet);
    }));
    if (catalogue) {
        stages.push_back(timed("catalogue again (not in the target)",
                               [&] { needs.catalogue(pole->id, std::nullopt, quiet); }));
        stages.back().in_target = false;
    }
    stages.push_back(timed("rationalise (shingle, join, group, write)",
                           [&] { groups = needs.rationalise(pole->id, std::nullopt, quiet); }));
    double wall = 0, cpu = 0, target_wall = 0, target_cpu = 0;
    std::printf(
        "%lld records; %lld groups of %lld records; %lld similar pairs; startup %.2f s (not "
        "counted)\n",
        (long long)imported.rows, (long long)groups.groups, (long long)groups.grouped,
        (long long)groups.pairs, startup);
    for (const auto& s : stages) {
        std::printf("  %-44s wall %6.2f s   cpu %6.2f s\n", s.name, s.wall, s.cpu);
        wall += s.wall;
        cpu += s.cpu;
        if (s.in_target) target_wall += s.wall, target_cpu += s.cpu;
    }
    std::printf("  %-44s wall %6.2f s   cpu %6.2f s\n", "all stages", wall, cpu);
    // The import codes every record: the target is the import and the rationalisation, the
    // catalogue run is the one a change of rules needs (reported above, not counted here).
    std::printf("  %-44s wall %6.2f s   cpu %6.2f s   peak RSS %ld MB\n",
                "TARGET: import + rationalise", target_wall, target_cpu, peak_rss_mb());
    return 0;
}
