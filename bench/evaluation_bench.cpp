// The evaluation module: what a live board session and a pole's round cost. Targets and
// measured figures: bench/evaluation/README.md.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "evaluation/board.hpp"
#include "evaluation/routes.hpp"
#include "fixtures.hpp"

namespace maillage::bench {
namespace {

using namespace evaluation;

// The 45 questions' codes of the shipped board grid.
std::vector<std::string> cursor_codes(const Grid& grid) {
    std::vector<std::string> codes;
    for (const auto* item : grid.items())
        if (item->scale.kind == ItemKind::cursor) codes.push_back(item->code);
    return codes;
}

// A board session of `arguments` arguments spread over the 45 questions, four participants,
// alternating directions so that some cursors hit an end of their axis.
struct BoardSession {
    std::unique_ptr<app::Application> app;
    std::int64_t pole = 0, id = 0;
    std::vector<std::string> codes;
    std::vector<std::int64_t> participants;
};

BoardSession board_session(std::size_t arguments) {
    BoardSession s;
    s.app = empty_directory(s.pole);
    auto& service = s.app->evaluation();
    AssessmentInput in;
    in.grid_id = service.find_grid(s.pole, "dd-appraisal").id;
    in.subject = {"pole", s.pole, ""};
    in.held_on = "2026-11-19";
    in.stage = "implementation";
    in.mode = "partnership";
    for (const char* name : {"Coordinatrice", "Directeur", "Élue", "Salarié"})
        in.participants.push_back({name, {}, {}});
    auto a = service.create_assessment(s.pole, 0, in);
    s.id = a.id;
    s.codes = cursor_codes(*a.grid);
    for (const auto& p : a.participant_list) s.participants.push_back(p.id);
    for (std::size_t i = 0; i < arguments; ++i)
        service.add_argument(
            s.pole, 0, s.id,
            {s.codes[i % s.codes.size()], s.participants[i % 4], (i / 3) % 2 ? -1 : +1,
             double(1 + i % 3), "Un argument d'une phrase, comme on le note en séance."});
    return s;
}

// The pure replay of a log (what every read of a board does).
void BM_ReplayLog(benchmark::State& state) {
    auto s = board_session(0);
    auto grid = s.app->evaluation().assessment(s.pole, s.id).grid;
    std::vector<Argument> log;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        Argument a;
        a.seq = i + 1;
        a.item = s.codes[std::size_t(i) % s.codes.size()];
        a.direction = (i / 3) % 2 ? -1 : +1;
        a.displacement = double(1 + i % 3);
        log.push_back(a);
    }
    for (auto _ : state) benchmark::DoNotOptimize(replay(*grid, log));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReplayLog)->Arg(45)->Arg(500)->Arg(5000);

// One argument added during a session that already holds range(0) arguments, as the live
// screen does it (the answer is the whole session, replayed).
void BM_AddArgument(benchmark::State& state) {
    auto s = board_session(std::size_t(state.range(0)));
    auto& service = s.app->evaluation();
    std::size_t i = 0;
    for (auto _ : state) {
        // Alternate directions so that the session does not drift to the ends.
        auto a = service.add_argument(s.pole, 0, s.id,
                                      {s.codes[i % s.codes.size()], s.participants[i % 4],
                                       i % 2 ? -1 : +1, 1, "Un argument de plus."});
        benchmark::DoNotOptimize(a);
        ++i;
    }
}
BENCHMARK(BM_AddArgument)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

// Reading a session (the projected board's refresh) and polling its revision.
void BM_ReadSession(benchmark::State& state) {
    auto s = board_session(std::size_t(state.range(0)));
    auto& service = s.app->evaluation();
    for (auto _ : state) benchmark::DoNotOptimize(service.assessment(s.pole, s.id));
}
BENCHMARK(BM_ReadSession)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_PollRevision(benchmark::State& state) {
    auto s = board_session(100);
    auto& service = s.app->evaluation();
    for (auto _ : state) benchmark::DoNotOptimize(service.revision(s.pole, s.id));
}
BENCHMARK(BM_PollRevision)->Unit(benchmark::kMicrosecond);

// The session's report: the board drawn with cairo (a page per pillar), the argument log and
// the comparison, as PDF, HTML or XLSX.
void BM_SessionReport(benchmark::State& state, const char* format) {
    auto s = board_session(200);
    auto& service = s.app->evaluation();
    // The first report loads fontconfig's and Pango's caches once per process: not timed.
    std::size_t bytes = assessment_report(service, s.pole, s.id, format, "fr").bytes.size();
    for (auto _ : state) {
        auto file = assessment_report(service, s.pole, s.id, format, "fr");
        bytes = file.bytes.size();
        benchmark::DoNotOptimize(file);
    }
    state.counters["bytes"] = double(bytes);
}
BENCHMARK_CAPTURE(BM_SessionReport, pdf, "pdf")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SessionReport, html, "html")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SessionReport, xlsx, "xlsx")->Unit(benchmark::kMillisecond);

// A pole round of range(0) member organisations on the social-utility grid, every member's
// insertion figures entered; the distribution of every item across them.
void BM_RoundDistribution(benchmark::State& state) {
    std::int64_t pole = 0;
    auto app = empty_directory(pole);
    auto& service = app->evaluation();
    RoundInput r;
    r.grid_id = service.find_grid(pole, "social-utility").id;
    r.title = "Bilan";
    r.year = 2025;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        actors::ActorInput actor;
        actor.name = "Structure d'insertion " + std::to_string(i + 1);
        actor.kind = "ei";
        r.members.push_back(app->actors().create(pole, std::nullopt, actor).id);
    }
    auto round = service.create_round(pole, 0, r);
    for (std::size_t m = 0; m < r.members.size(); ++m) {
        auto a = service.start_member_assessment(pole, 0, round.id, r.members[m]);
        std::vector<AnswerInput> answers;
        int k = 0;
        for (const auto* item : a.grid->items())
            if (item->scale.kind == ItemKind::number)
                answers.push_back(
                    {item->code, Json(double((m * 37 + std::size_t(k++) * 11) % 900)), {}, {}, {}});
        service.save_answers(pole, 0, a.id, answers);
    }
    for (auto _ : state) benchmark::DoNotOptimize(service.round_distribution(pole, round.id));
}
BENCHMARK(BM_RoundDistribution)->Arg(20)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace maillage::bench
