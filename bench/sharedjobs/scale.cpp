// Scale runs of the shared-jobs composer (bench/sharedjobs/README.md): generated instances on
// real communes of the reference territory around employment areas, the GENESE scale (50
// firms, 200 needs, 60 workers) and the federation scale (2,000 firms, 10,000 needs, 3,000
// workers). Prints one JSON line per run: wall and CPU seconds, value, bound, gap, proof,
// the load average before and after.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/paths.hpp"
#include "sharedjobs/checker.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/generator.hpp"
#include "sharedjobs/instance_json.hpp"
#include "sharedjobs/pricing.hpp"
#include "sharedjobs/relaxation.hpp"
#include "territory/territory.hpp"

using namespace maillage;
using namespace maillage::sharedjobs;

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

// Employment areas of Nouvelle-Aquitaine, the Seignanx first: Tarnos, Bayonne, Dax,
// Mont-de-Marsan, Pau, Bordeaux, Agen, Périgueux, Limoges, Poitiers, La Rochelle, Angoulême.
const char* kCentres[] = {"40312", "64102", "40088", "40192", "64445", "33063",
                          "47001", "24322", "87085", "86194", "17300", "16015"};

GeneratorSpec spec_for(const std::string& scale) {
    GeneratorSpec spec;
    spec.occupations = 10;
    if (scale == "genese") {
        spec.firms = 50;
        spec.needs = 200;
        spec.workers = 60;
        spec.areas = 1;
        spec.area_radius_km = 25;
        spec.occupations = 6;
    } else if (scale == "federation") {
        spec.firms = 2000;
        spec.needs = 10000;
        spec.workers = 3000;
        spec.areas = 12;
        spec.area_radius_km = 25;
    } else {
        std::fprintf(stderr, "unknown scale %s (genese or federation)\n", scale.c_str());
        std::exit(2);
    }
    for (int a = 0; a < spec.areas; ++a) spec.centres.push_back(kCentres[a]);
    return spec;
}

// Silent, unless SHAREDJOBS_VERBOSE is set: then each new stage goes to stderr with the wall
// time and the process CPU time.
class Quiet final : public Progress {
  public:
    void update(std::string_view stage, std::size_t done, std::size_t) override {
        if (!verbose_ || stage == last_) return;
        last_ = stage;
        double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        std::fprintf(stderr, "%8.2f s wall %8.2f s CPU  %.*s (%zu)\n", t, cpu_seconds(),
                     int(stage.size()), stage.data(), done);
    }

  private:
    bool verbose_ = std::getenv("SHAREDJOBS_VERBOSE") != nullptr;
    std::string last_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// A steady figure for the labeling search (no time limit, no threads): every worker's exact
// search at zero prices, as the fast engine's construction asks it with every task free.
int price_every_worker(const Instance& instance, const Locate& locate) {
    Problem p = prepare(instance, locate);
    double cpu_before = cpu_seconds();
    std::size_t labels = 0, exact = 0, workers = 0;
    std::int64_t alone_weeks = 0;
    double tie = 1.0 / (double(p.cost_weight) * 1e6);
    for (std::size_t w = 0; w < p.eligible_tasks.size(); ++w) {
        if (p.eligible_tasks[w].empty()) continue;
        PricingRequest request;
        request.worker = int(w);
        request.weights = {-1.0, -double(p.coverage_weight), tie * double(p.cost_weight), tie};
        request.threshold = -0.5;
        auto result = price_worker(p, request);
        if (!result.schedules.empty()) alone_weeks += result.schedules.front().totals.target_weeks;
        labels += result.labels;
        exact += result.exact;
        ++workers;
    }
    std::printf(
        "{\"engine\":\"pricing\",\"workers\":%zu,\"exact\":%zu,\"labels\":%zu,"
        "\"cpu_s\":%.2f,\"load\":\"%s\",\"alone_weeks\":%lld,\"relaxed_weeks\":%lld}\n",
        workers, exact, labels, cpu_seconds() - cpu_before, load_average().c_str(),
        (long long)alone_weeks, (long long)relaxed_bound(p, relaxed_worker_bounds(p)).target_weeks);
    return 0;
}

// The relaxed bound alone (relaxation.hpp): its target-weeks and value, wall and CPU seconds.
int relaxed_only(const Instance& instance, const Locate& locate) {
    Problem p = prepare(instance, locate);
    double cpu_before = cpu_seconds();
    auto started = std::chrono::steady_clock::now();
    auto bound = relaxed_bound(p, relaxed_worker_bounds(p));
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "{\"engine\":\"relaxed\",\"target_weeks\":%lld,\"covered\":%lld,\"bound\":%.1f,"
        "\"wall_s\":%.2f,\"cpu_s\":%.2f,\"load\":\"%s\"}\n",
        static_cast<long long>(bound.target_weeks), static_cast<long long>(bound.covered),
        bound.value(p), wall, cpu_seconds() - cpu_before, load_average().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string scale = argc > 1 ? argv[1] : "genese";
    std::string engine = argc > 2 ? argv[2] : "exact";
    double limit = argc > 3 ? std::atof(argv[3]) : 10.0;
    std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    std::string dump = argc > 5 ? argv[5] : "";
    auto territory = territory::Territory::load(paths::reference_dir());
    std::vector<PlaceRef> places;
    for (const auto& c : territory.communes())
        if (c.country == "FR") places.push_back({c.code, c.lat, c.lon});
    Instance instance = generate_instance(spec_for(scale), places, seed);
    if (!dump.empty()) std::ofstream(dump) << to_json(instance).dump(1) << '\n';
    Locate locate = [&](const std::string& code) -> std::optional<Position> {
        const auto* c = territory.commune(code);
        if (!c) return std::nullopt;
        return Position{c->lat, c->lon};
    };
    if (engine == "pricing") return price_every_worker(instance, locate);
    if (engine == "relaxed") return relaxed_only(instance, locate);
    ComposeOptions options;
    options.engine = engine_from(engine);
    options.time_limit_seconds = limit;
    options.seed = seed;
    std::string load_before = load_average();
    double cpu_before = cpu_seconds();
    Quiet quiet;
    Result r = compose(instance, locate, options, quiet);
    double cpu = cpu_seconds() - cpu_before;
    auto problems = check_result(instance, r, locate);
    // Level 1 alone: a plan's value is target-weeks × the coverage weight plus fewer covered
    // minutes than that weight, so a bound below the next target-week proves the count.
    bool targets_proven =
        r.bounds.coverage_weight > 0 &&
        r.bounds.bound < double(r.objective.target_weeks + 1) * double(r.bounds.coverage_weight);
    std::printf(
        "{\"scale\":\"%s\",\"engine\":\"%s\",\"seed\":%llu,\"time_limit\":%.1f,\"wall_s\":%.2f,"
        "\"cpu_s\":%.2f,\"jobs\":%zu,\"unmet\":%zu,\"target_weeks\":%lld,\"covered_h\":%.1f,"
        "\"value\":%lld,\"bound\":%.1f,\"gap_pct\":%.3f,\"lp_optimum\":%s,\"proven\":%s,"
        "\"target_weeks_proven\":%s,\"cost_proven\":%s,\"columns\":%d,\"rounds\":%d,\"moves\":%d,"
        "\"stop\":\"%s\","
        "\"checker_problems\":%zu,\"load_before\":\"%s\",\"load_after\":\"%s\"}\n",
        scale.c_str(), r.stats.engine.c_str(), static_cast<unsigned long long>(seed), limit,
        r.stats.seconds, cpu, r.jobs.size(), r.unmet.size(),
        static_cast<long long>(r.objective.target_weeks), double(r.objective.covered_minutes) / 60,
        static_cast<long long>(r.bounds.value), r.bounds.bound, r.bounds.gap * 100,
        r.bounds.bound_is_lp_optimum ? "true" : "false", r.bounds.proven_optimal ? "true" : "false",
        targets_proven ? "true" : "false", r.bounds.cost_proven_optimal ? "true" : "false",
        r.stats.columns, r.stats.lp_iterations, r.stats.local_search_moves,
        r.stats.stop_reason.c_str(), problems.size(), load_before.c_str(), load_average().c_str());
    for (const auto& p : problems) std::fprintf(stderr, "checker: %s\n", p.c_str());
    return problems.empty() ? 0 : 1;
}
