// `maillage network …`: the actor-system analysis from the command line. Options are parsed
// here; the work is the network module's (the same service and analysis as the API).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "core/paths.hpp"
#include "io/terminal_progress.hpp"
#include "network/analysis_json.hpp"
#include "network/graph_file.hpp"
#include "network/network_json.hpp"
#include "network/rules.hpp"

namespace maillage::cli {
namespace {

struct NetworkArgs {
    std::string pole, mission, input, format = "json", output, focus, lang = "fr";
    int year = 0;
};

network::Scope scope_of(const NetworkArgs& args) {
    network::Scope scope{args.year, std::nullopt};
    if (!args.mission.empty()) scope.mission = args.mission;
    return scope;
}

// The analysis of a graph.json file: no database, the shipped rules.
void analyse_file(const NetworkArgs& args) {
    auto rules = network::load_rules(paths::data_dir());
    std::ifstream in(args.input, std::ios::binary);
    if (!in) throw Error(ErrorCode::not_found, "cannot read " + args.input, "input");
    io::TerminalProgress progress;
    progress.update("reading", 0, 1);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<network::NatureWeight> natures;
    for (const auto& n : rules.natures) natures.push_back({n.code, n.weight});
    network::Graph graph;
    try {
        graph = network::read_graph_json(text, args.input, natures);
    } catch (const ImportRejected& e) {
        progress.finish();
        for (const auto& p : e.problems())
            std::fprintf(stderr, "  line %lld, field %s: %s\n", static_cast<long long>(p.line),
                         p.field.c_str(), p.reason.c_str());
        throw Error(ErrorCode::invalid_input, args.input + ": " +
                                                  std::to_string(e.problems().size()) +
                                                  " problem(s), nothing was analysed");
    }
    progress.update("reading", 1, 1);
    // In a file, actor ids are any text: --focus names them as they are written.
    std::vector<std::int32_t> focus;
    std::stringstream ids(args.focus);
    for (std::string key; std::getline(ids, key, ',');) {
        auto at = std::find_if(graph.nodes.begin(), graph.nodes.end(),
                               [&](const network::NodeInput& n) { return n.key == key; });
        if (at == graph.nodes.end()) throw invalid("focus", "no node \"" + key + "\" in the file");
        focus.push_back(std::int32_t(at - graph.nodes.begin()));
    }
    auto result = network::analyse(graph, rules.analysis, focus, progress);
    progress.finish();
    std::ostringstream out;
    if (args.format == "csv")
        network::write_metrics_csv(graph, result, out);
    else
        out << network::analysis_to_json(graph, result).dump(2) << "\n";
    write_output(out.str(), args.output);
}

void analyse_pole(const GlobalOptions& global, const NetworkArgs& args) {
    if (args.pole.empty() || !args.year)
        throw invalid("pole", "give --pole and --year, or --input");
    auto [application, pole] = open_pole(global, args.pole);
    io::TerminalProgress progress;
    auto analysis = application->network().analyse(pole.id, scope_of(args),
                                                   network::focus_from(args.focus), progress);
    progress.finish();
    std::ostringstream out;
    if (args.format == "csv")
        network::write_metrics_csv(analysis.graph, analysis.result, out);
    else
        out << network::to_json(analysis).dump(2) << "\n";
    write_output(out.str(), args.output);
}

void add_scope_options(CLI::App* command, NetworkArgs& args, bool required) {
    auto* pole = command->add_option("--pole", args.pole, "Pole slug or id");
    auto* year = command->add_option("--year", args.year, "Year of the snapshot");
    if (required) {
        pole->required();
        year->required();
    }
    command->add_option("--mission", args.mission, "Key mission code (default: every mission)");
}

}  // namespace

void add_network_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<NetworkArgs>();
    auto* network = app.add_subcommand("network", "Actor-system analysis (Grille I and II)");
    network->require_subcommand(1);

    auto* analyse = network->add_subcommand(
        "analyse",
        "Centralities, communities and structural balance of a pole's actor system "
        "or of a graph.json file (docs/network.md)");
    add_scope_options(analyse, *args, false);
    auto* input =
        analyse->add_option("--input", args->input, "graph.json to analyse instead of a pole")
            ->check(CLI::ExistingFile);
    input->excludes(analyse->get_option("--pole"))->excludes(analyse->get_option("--year"));
    analyse->add_option("--format", args->format, "json (everything) or csv (per-actor metrics)")
        ->check(CLI::IsMember({"json", "csv"}))
        ->capture_default_str();
    analyse->add_option("--focus", args->focus,
                        "Actor ids separated by commas: suggestions for them");
    analyse->add_option("--output,-o", args->output, "File to write (default: stdout)");
    analyse->callback([&global, args] {
        if (!args->input.empty())
            analyse_file(*args);
        else
            analyse_pole(global, *args);
    });

    auto* derive = network->add_subcommand(
        "derive",
        "Recompute the relations that operational data proves (shared employees, "
        "co-contracting, mentoring, membership of the same other pole)");
    add_scope_options(derive, *args, true);
    derive->callback([&global, args] {
        auto [application, pole] = open_pole(global, args->pole);
        auto summary = application->network().refresh_derived(pole.id, std::nullopt, args->year);
        std::printf("%s %d: %lld derived relation(s), %lld piece(s) of evidence ignored\n",
                    pole.slug.c_str(), args->year, static_cast<long long>(summary.derived),
                    static_cast<long long>(summary.ignored));
        for (const auto& [source, count] : summary.by_source)
            std::printf("  %-12s %lld\n", source.c_str(), static_cast<long long>(count));
    });

    auto* export_cmd = network->add_subcommand(
        "export", "The actor system as GraphML or GEXF (Gephi), or the Grille II matrix as XLSX");
    add_scope_options(export_cmd, *args, true);
    export_cmd->add_option("--format", args->format, "graphml, gexf or xlsx")
        ->check(CLI::IsMember({"graphml", "gexf", "xlsx"}))
        ->required();
    export_cmd->add_option("--lang", args->lang, "fr, it or en")->capture_default_str();
    export_cmd->add_option("--output,-o", args->output, "File to write (default: stdout)");
    export_cmd->callback([&global, args] {
        auto [application, pole] = open_pole(global, args->pole);
        write_output(
            application->network().export_scope(pole.id, scope_of(*args), args->format, args->lang),
            args->output);
    });
}

}  // namespace maillage::cli
