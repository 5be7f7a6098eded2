// `maillage sharedjobs …`: compose shared-time jobs from an instance file or from a pole's
// database, and check a result independently.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "io/terminal_progress.hpp"
#include "sharedjobs/checker.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/instance_json.hpp"
#include "sharedjobs/settings.hpp"

namespace maillage::cli {
namespace {

using namespace maillage::sharedjobs;

struct ComposeArgs {
    std::string input, output, pole, engine = "auto", result;
    std::int64_t group = 0;
    double time_limit = 30;
    std::uint64_t seed = 1;
};

Json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::not_found, "cannot read " + path, "input");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return parse_json(text.str());
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, path + ": " + e.what(), "input");
    }
}

void write_text(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fputc('\n', stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary);
    out << text << '\n';
    if (!out) throw Error(ErrorCode::internal, "cannot write " + path);
}

Locate territory_locate(const territory::Territory& territory) {
    return [&territory](const std::string& code) -> std::optional<Position> {
        const auto* c = territory.commune(code);
        if (!c) return std::nullopt;
        return Position{c->lat, c->lon};
    };
}

void summarise(const Result& r) {
    const auto& b = r.bounds;
    std::fprintf(stderr,
                 "%zu jobs, %zu unmet needs, %lld workers-weeks at target, %.1f h covered a "
                 "week; %s engine in %.1f s\n",
                 r.jobs.size(), r.unmet.size(), static_cast<long long>(r.objective.target_weeks),
                 double(r.objective.covered_minutes) / 60.0, r.stats.engine.c_str(),
                 r.stats.seconds);
    if (b.proven_optimal)
        std::fprintf(stderr, "proven optimal (value %lld)\n", static_cast<long long>(b.value));
    else
        std::fprintf(stderr, "at most %.2f %% from the best possible (value %lld, bound %.1f%s)\n",
                     b.gap * 100, static_cast<long long>(b.value), b.bound,
                     b.bound_is_lp_optimum ? ", LP optimum" : ", Lagrangian bound");
}

ComposeOptions options_of(const ComposeArgs& args) {
    ComposeOptions options;
    options.engine = engine_from(args.engine);
    options.time_limit_seconds = args.time_limit;
    options.seed = args.seed;
    return options;
}

void compose_file(const ComposeArgs& args) {
    auto settings = load_settings(paths::data_dir());
    auto territory = territory::Territory::load(paths::reference_dir());
    Instance instance = instance_from_json(read_json(args.input), settings.rules);
    io::TerminalProgress progress;
    Result result = compose(instance, territory_locate(territory), options_of(args), progress,
                            &settings.occupations);
    progress.finish();
    write_text(args.output, to_json(result).dump(2));
    summarise(result);
}

void compose_pole(const GlobalOptions& global, const ComposeArgs& args) {
    app::Config config;
    config.database_url = global.database_url;
    app::Application application(config);
    auto pole = application.accounts().find_pole(args.pole);
    if (!pole) throw Error(ErrorCode::not_found, "no pole '" + args.pole + "'", "pole");
    auto& service = application.sharedjobs();
    auto groups = service.groups(pole->id);
    if (groups.empty()) throw invalid("pole", "the pole has no employer group");
    std::int64_t group = args.group;
    if (!group) {
        if (groups.size() > 1)
            throw invalid("group", "the pole has several employer groups: say which with --group");
        group = groups.front().id;
    }
    io::TerminalProgress progress;
    auto plan = service.compose(pole->id, std::nullopt, group, options_of(args), progress);
    progress.finish();
    if (!args.output.empty())
        write_text(args.output, service.plan_result(pole->id, plan.id).dump(2));
    std::fprintf(stderr,
                 "plan %lld stored as the current plan of group %lld: %lld jobs, %lld unmet\n",
                 static_cast<long long>(plan.id), static_cast<long long>(group),
                 static_cast<long long>(plan.jobs), static_cast<long long>(plan.unmet));
}

// Re-reads a result file (jobs and billing) and runs the independent checker on it.
Result result_from_json(const Json& j) {
    Result r;
    for (const auto& job : j.at("jobs")) {
        Job out;
        out.worker = job.at("worker");
        for (const auto& a : job.at("assignments")) {
            Json window = {{"day", a.at("day")}, {"start", a.at("start")}, {"end", a.at("end")}};
            out.assignments.push_back({a.at("need"), a.at("member"), a.at("occupation"),
                                       a.at("commune"), window_from_json(window, "assignments"),
                                       a.at("period_start"), a.at("period_end"),
                                       a.at("travel_before_minutes")});
        }
        r.jobs.push_back(std::move(out));
    }
    for (const auto& u : j.at("unmet"))
        r.unmet.push_back({u.at("need"), u.at("member"),
                           minutes_from_hours(u.at("unmet_hours").get<double>(), "unmet_hours"),
                           UnmetReason::capacity, ""});
    for (const auto& b : j.at("billing"))
        r.billing.push_back(
            {b.at("member"), b.at("month"),
             minutes_from_hours(b.at("planned_hours").get<double>(), "planned_hours"), b.at("rate"),
             b.at("amount")});
    return r;
}

void check_file(const ComposeArgs& args) {
    auto settings = load_settings(paths::data_dir());
    auto territory = territory::Territory::load(paths::reference_dir());
    Instance instance = instance_from_json(read_json(args.input), settings.rules);
    Result result;
    try {
        result = result_from_json(read_json(args.result));
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::invalid_input,
                    args.result + ": not a result document (" + e.what() + ")");
    }
    auto problems = check_result(instance, result, territory_locate(territory));
    for (const auto& p : problems) std::fprintf(stderr, "  %s\n", p.c_str());
    if (!problems.empty())
        throw Error(ErrorCode::invalid_input,
                    std::to_string(problems.size()) + " rule(s) broken in " + args.result);
    std::fprintf(stderr, "%s keeps every rule (%zu jobs checked)\n", args.result.c_str(),
                 result.jobs.size());
}

}  // namespace

void add_sharedjobs_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<ComposeArgs>();
    auto* top = app.add_subcommand("sharedjobs", "Shared-time jobs of employer groups");
    top->require_subcommand(1);
    auto* compose_cmd = top->add_subcommand(
        "compose", "Compose shared jobs from --input FILE, or from a pole's database (--pole)");
    compose_cmd->add_option("--input", args->input, "Instance JSON (docs/sharedjobs.md)")
        ->check(CLI::ExistingFile);
    compose_cmd->add_option("--pole", args->pole, "Pole slug or id: compose from its database");
    compose_cmd->add_option("--group", args->group, "Employer group id, when the pole has several");
    compose_cmd->add_option("--output,-o", args->output, "Result JSON (default: stdout)");
    compose_cmd->add_option("--engine", args->engine, "exact, fast or auto")
        ->check(CLI::IsMember({"exact", "fast", "auto"}))
        ->capture_default_str();
    compose_cmd->add_option("--time-limit", args->time_limit, "Seconds")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    compose_cmd->add_option("--seed", args->seed, "Random seed")->capture_default_str();
    compose_cmd->callback([&global, args] {
        if (args->input.empty() == args->pole.empty())
            throw invalid("input", "give either --input FILE or --pole P");
        if (!args->input.empty())
            compose_file(*args);
        else
            compose_pole(global, *args);
    });
    auto* check_cmd = top->add_subcommand("check", "Check a result against its instance");
    check_cmd->add_option("--input", args->input, "Instance JSON")
        ->required()
        ->check(CLI::ExistingFile);
    check_cmd->add_option("--result", args->result, "Result JSON")
        ->required()
        ->check(CLI::ExistingFile);
    check_cmd->callback([args] { check_file(*args); });
}

}  // namespace maillage::cli
