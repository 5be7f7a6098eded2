// `maillage eval …`: grids (list, validate, import, export) and reports. Every command calls
// the evaluation service, as the API does.
#include <cstdio>
#include <fstream>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "evaluation/evaluation_json.hpp"
#include "evaluation/grid_files.hpp"
#include "evaluation/routes.hpp"

namespace maillage::cli {
namespace {

struct EvalArgs {
    std::string pole, grid, file, output, format = "pdf", language = "fr";
    std::int64_t id = 0;
    bool campaign = false, all_versions = false;
    std::vector<std::string> files;
};

void list_grids(const GlobalOptions& global, const EvalArgs& args) {
    auto s = open_pole(global, args.pole);
    std::printf("%-6s %-28s %-4s %-6s %-8s %s\n", "id", "code", "v", "tool", "scope", "title");
    for (const auto& g : s.application->evaluation().grids(s.pole.id)) {
        if (!g.latest && !args.all_versions) continue;
        std::printf("%-6lld %-28s %-4lld %-6s %-8s %s\n", static_cast<long long>(g.id),
                    g.grid->code.c_str(), static_cast<long long>(g.grid->version),
                    g.grid->tool.c_str(), g.pole_id ? "pole" : "shipped", g.grid->title.fr.c_str());
    }
}

// Checks grid files without a database: what a territory runs after editing one.
void validate_grids(const EvalArgs& args) {
    int bad = 0;
    for (const auto& path : args.files) {
        try {
            auto g = evaluation::read_grid_file(path, {});
            std::printf("%s: grid '%s' version %lld, %zu items: valid\n", path.c_str(),
                        g.code.c_str(), static_cast<long long>(g.version), g.items().size());
        } catch (const Error& e) {
            std::fprintf(stderr, "%s\n", e.what());
            ++bad;
        }
    }
    if (bad) throw Error(ErrorCode::invalid_input, std::to_string(bad) + " invalid grid file(s)");
}

void import_grid(const GlobalOptions& global, const EvalArgs& args) {
    auto s = open_pole(global, args.pole);
    std::ifstream in(args.file, std::ios::binary);
    Json document;
    try {
        document = Json::parse(in);
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, args.file + ": not valid JSON: " + e.what());
    }
    auto g = s.application->evaluation().import_grid(s.pole.id, 0, document, args.file);
    std::printf("imported grid '%s' as id %lld, version %lld, %zu items\n", g.grid->code.c_str(),
                static_cast<long long>(g.id), static_cast<long long>(g.grid->version),
                g.grid->items().size());
}

void export_grid(const GlobalOptions& global, const EvalArgs& args) {
    auto s = open_pole(global, args.pole);
    auto g = s.application->evaluation().find_grid(s.pole.id, args.grid);
    write_output(evaluation::grid_to_json(*g.grid).dump(2) + "\n", args.output);
}

void report(const GlobalOptions& global, const EvalArgs& args) {
    auto s = open_pole(global, args.pole);
    auto& service = s.application->evaluation();
    auto file = args.campaign ? evaluation::campaign_report(service, s.pole.id, args.id,
                                                            args.format, args.language)
                              : evaluation::assessment_report(service, s.pole.id, args.id,
                                                              args.format, args.language);
    write_output(file.bytes, args.output.empty() ? file.file_name : args.output);
}

}  // namespace

void add_evaluation_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<EvalArgs>();
    auto* eval = app.add_subcommand("eval", "Evaluation: grids and reports");
    eval->require_subcommand(1);
    auto* grids = eval->add_subcommand("grids", "List, validate, import and export grids");
    grids->require_subcommand(1);

    auto* list = grids->add_subcommand("list", "The grids a pole can use");
    list->add_option("--pole", args->pole, "Pole slug or id")->required();
    list->add_flag("--all-versions", args->all_versions, "Also the earlier versions");
    list->callback([&global, args] { list_grids(global, *args); });

    auto* validate = grids->add_subcommand("validate", "Check grid files (no database needed)");
    validate->add_option("files", args->files, "Grid JSON files")
        ->required()
        ->check(CLI::ExistingFile);
    validate->callback([args] { validate_grids(*args); });

    auto* import = grids->add_subcommand("import", "Import a grid file into a pole");
    import->add_option("file", args->file, "Grid JSON file")->required()->check(CLI::ExistingFile);
    import->add_option("--pole", args->pole, "Pole slug or id")->required();
    import->callback([&global, args] { import_grid(global, *args);
});

auto* exp = grids->add_subcommand("export", "Write a grid's definition");
exp->add_option("grid", args->grid, "A shipped grid's code (latest version) or a grid id")
    ->required();
exp->add_option("--pole", args->pole, "Pole slug or id")->required();
exp->add_option("--output,-o", args->output, "File to write (default: stdout)");
exp->callback([&global, args] { export_grid(global, *args); });

auto* rep = eval->add_subcommand("report", "An assessment's (or a campaign's) report");
rep->add_option("id", args->id, "Assessment id (campaign id with --campaign)")->required();
rep->add_option("--pole", args->pole, "Pole slug or id")->required();
rep->add_option("--format", args->format, "pdf, html or xlsx")
    ->check(CLI::IsMember({"pdf", "html", "xlsx"}))
    ->capture_default_str();
rep->add_option("--lang", args->language, "fr, it or en")
    ->check(CLI::IsMember({"fr", "it", "en"}))
    ->capture_default_str();
rep->add_flag("--campaign", args->campaign, "The id is a social-utility campaign's");
rep->add_option("--output,-o", args->output,
                "File to write (default: the report's name; - for stdout)");
rep->callback([&global, args] { report(global, *args); });
}  // namespace maillage::cli

}  // namespace maillage::cli
