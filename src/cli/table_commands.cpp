#include <cstdio>
#include <fstream>

#include "actors/routes.hpp"
#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "io/terminal_progress.hpp"

namespace maillage::cli {
namespace {

struct TableArgs {
    std::string pole, file, format = "csv", output;
};

void import_actors(const GlobalOptions& global, const TableArgs& args) {
    auto [application, pole] = open_pole(global, args.pole);
    auto reader = io::open_table(args.file);
    io::TerminalProgress progress;
    auto summary = application->actors().import_table(pole.id, std::nullopt, *reader, progress);
    progress.finish();
    std::printf("%s: %lld rows, %lld actors created, %lld already in the directory linked to %s\n",
                args.file.c_str(), static_cast<long long>(summary.rows),
                static_cast<long long>(summary.created), static_cast<long long>(summary.linked),
                pole.slug.c_str());
}

void export_actors(const GlobalOptions& global, const TableArgs& args) {
    auto [application, pole] = open_pole(global, args.pole);
    auto bytes = actors::export_actors(application->actors(), pole.id, args.format);
    if (args.output.empty() || args.output == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return;
    }
    std::ofstream out(args.output, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) throw Error(ErrorCode::internal, "cannot write " + args.output);
    std::fprintf(stderr, "wrote %s\n", args.output.c_str());
}

}  // namespace

void add_table_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<TableArgs>();
    auto* import = app.add_subcommand("import", "Import records from a file");
    import->require_subcommand(1);
    auto* import_actors_cmd =
        import->add_subcommand("actors", "Import actors from CSV or XLSX (all or nothing)");
    import_actors_cmd->add_option("file", args->file, "FILE.csv or FILE.xlsx")
        ->required()
        ->check(CLI::ExistingFile);
    import_actors_cmd->add_option("--pole", args->pole, "Pole slug or id")->required();
    import_actors_cmd->callback([&global, args] { import_actors(global, *args); });

    auto* export_cmd = app.add_subcommand("export", "Export records to a file");
    export_cmd->require_subcommand(1);
    auto* export_actors_cmd = export_cmd->add_subcommand("actors", "Export the pole's actors");
    export_actors_cmd->add_option("--pole", args->pole, "Pole slug or id")->required();
    export_actors_cmd->add_option("--format", args->format, "csv, xlsx or json")
        ->check(CLI::IsMember({"csv", "xlsx", "json"}))
        ->capture_default_str();
    export_actors_cmd->add_option("--output,-o", args->output, "File to write (default: stdout)");
    export_actors_cmd->callback([&global, args] { export_actors(global, *args); });
}

}  // namespace maillage::cli
