// The pathways targets: routing one project among 10,000 mentors in at most 50 ms, and the
// whole-portfolio dashboard of 50,000 projects in at most 500 ms, on SQLite and PostgreSQL
// (MAILLAGE_TEST_PG). Both run through PathwayService, as the API calls them. Sizes can be
// changed with PATHWAYS_PROJECTS and PATHWAYS_MENTORS.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "pathways/pathway_service.hpp"
#include "portfolio.hpp"

namespace maillage::bench::pathways {
namespace {

std::size_t env_size(const char* name, std::size_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::size_t(std::strtoull(v, nullptr, 10)) : fallback;
}

Portfolio* portfolio(const std::string& backend) {
    static std::map<std::string, std::unique_ptr<Portfolio>> built;
    auto it = built.find(backend);
    if (it == built.end()) {
        auto p = generate(backend, env_size("PATHWAYS_PROJECTS", 50000),
                          env_size("PATHWAYS_MENTORS", 10000));
        if (p)
            std::fprintf(stderr, "%s: %zu projects, %zu mentors, %zu rows generated in %.1f s\n",
                         backend.c_str(), p->projects, p->mentors, p->rows, p->seconds);
        it = built.emplace(backend, std::move(p)).first;
    }
    return it->second.get();
}

void route(benchmark::State& state, const std::string& backend) {
    auto* p = portfolio(backend);
    if (!p) return state.SkipWithError("backend not configured (MAILLAGE_TEST_PG)");
    maillage::pathways::RoutingRequest request;
    request.kind = "mentoring";
    request.subjects = {"financing_plan", "market_analysis"};
    request.limit = 10;
    std::size_t considered = 0;
    for (auto _ : state) {
        auto s = p->app->pathways().suggest(p->pole_id, p->routed_project, request);
        considered = s.ranking.considered;
        benchmark::DoNotOptimize(s);
    }
    state.counters["mentors_considered"] = double(considered);
}

void dashboard(benchmark::State& state, const std::string& backend) {
    auto* p = portfolio(backend);
    if (!p) return state.SkipWithError("backend not configured (MAILLAGE_TEST_PG)");
    std::int64_t projects = 0, overdue = 0;
    for (auto _ : state) {
        auto d = p->app->pathways().dashboard(p->pole_id, p->today);
        projects = 0;
        for (const auto& s : d.stages) projects += s.projects;
        overdue = d.projects_with_overdue;
        benchmark::DoNotOptimize(d);
    }
    state.counters["projects"] = double(projects);
    state.counters["projects_overdue"] = double(overdue);
}

// The ranking alone, without storage: what the pure function costs for 10,000 candidates.
void rank_only(benchmark::State& state) {
    auto* p = portfolio("sqlite");
    if (!p) return state.SkipWithError("no SQLite portfolio");
    maillage::pathways::ProjectProfile profile;
    profile.section = "F";
    profile.legal_form = "scic";
    profile.place = maillage::pathways::GeoPoint{43.54, -1.46};
    profile.subjects = {"financing_plan", "market_analysis"};
    std::vector<maillage::pathways::MentorCandidate> mentors;
    for (int i = 0; i < 10000; ++i)
        mentors.push_back({i,
                           "M" + std::to_string(i),
                           {i % 2 ? "financing_plan" : "accounting"},
                           {i % 3 ? "F" : "Q"},
                           maillage::pathways::GeoPoint{43.0 + (i % 100) * 0.01, -1.0},
                           3,
                           i % 4,
                           i % 5});
    maillage::pathways::SubjectFamilies families = {
        {"financing_plan", "finance"}, {"accounting", "finance"}, {"market_analysis", "market"}};
    const auto& rules = p->app->pathways().rules().routing.mentor;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            maillage::pathways::rank_mentors(profile, mentors, rules, families, 10));
}

}  // namespace
}  // namespace maillage::bench::pathways

int main(int argc, char** argv) {
    using namespace maillage::bench::pathways;
    for (std::string backend : {"sqlite", "postgresql"}) {
        benchmark::RegisterBenchmark(("BM_RouteOneProjectAmong10kMentors/" + backend).c_str(),
                                     [backend](benchmark::State& s) { route(s, backend); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark(("BM_Dashboard50kProjects/" + backend).c_str(),
                                     [backend](benchmark::State& s) { dashboard(s, backend); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }
    benchmark::RegisterBenchmark("BM_RankMentorsPure/10000", rank_only)
        ->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
