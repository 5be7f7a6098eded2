// maillage needs …: the needs observatory from the command line. Each command opens the
// database, calls the same service as the API, and draws a progress bar on stderr.
#include <cstdio>
#include <fstream>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "io/terminal_progress.hpp"
#include "needs/exports.hpp"
#include "needs/json_records.hpp"

namespace maillage::cli {
namespace {

struct NeedsArgs {
    std::string pole, file, output, level = "commune", format, category;
    std::string title, language = "fr", deadline;
    std::vector<std::int64_t> groups;
    std::vector<std::string> territories;
    double budget = -1;
};

void run_import(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    auto reader = needs::open_records_file(args.file);
    io::TerminalProgress progress;
    auto summary =
        open.application->needs().import_records(open.pole.id, std::nullopt, *reader, progress);
    progress.finish();
    std::printf("%s: %lld records imported into %s (%lld coded, %lld left to code)\n",
                args.file.c_str(), (long long)summary.rows, open.pole.slug.c_str(),
                (long long)summary.coded, (long long)summary.uncoded);
}

void run_catalogue(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    io::TerminalProgress progress;
    auto summary = open.application->needs().catalogue(open.pole.id, std::nullopt, progress);
    progress.finish();
    std::printf(
        "%lld records coded: %lld with a need category, %lld without, %lld codes (%lld records "
        "whose codes changed written again)\n",
        (long long)summary.records, (long long)summary.coded, (long long)summary.uncoded,
        (long long)summary.codes, (long long)summary.rewritten);
}

void run_rationalise(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    io::TerminalProgress progress;
    auto summary = open.application->needs().rationalise(open.pole.id, std::nullopt, progress);
    progress.finish();
    std::printf(
        "%lld records: %lld groups of %lld records, %lld alone; %lld similar pairs linking them; "
        "%lld groups "
        "kept "
        "their id; %lld decisions replayed\n",
        (long long)summary.records, (long long)summary.groups, (long long)summary.grouped,
        (long long)summary.singles, (long long)summary.pairs, (long long)summary.kept_ids,
        (long long)summary.decisions);
    if (!args.output.empty())
        write_output(needs::groups_document(open.application->needs(), open.pole.id).dump(2) + "\n",
                     args.output);
}

void run_diagnostic(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    needs::DiagnosticRequest request;
    request.level = *needs::parse_level(args.level);
    if (!args.category.empty()) request.category = args.category;
    io::TerminalProgress progress;
    progress.update("aggregating", 0, 1);
    auto d = open.application->needs().diagnostic(open.pole.id, request);
    progress.update("aggregating", 1, 1);
    progress.update("writing", 0, 1);
    auto bytes = needs::export_diagnostic(d, open.application->needs().taxonomy(), args.format);
    progress.update("writing", 1, 1);
    progress.finish();
    write_output(bytes, args.output);
}

void run_call_draft(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    needs::CallRequest request;
    if (!args.title.empty()) request.title = args.title;
    request.language = args.language;
    request.group_ids = args.groups;
    request.level = *needs::parse_level(args.level);
    request.territories = args.territories;
    if (args.budget >= 0) request.budget = args.budget;
    if (!args.deadline.empty()) request.deadline = args.deadline;
    io::TerminalProgress progress;
    progress.update("drafting", 0, 1);
    auto call = open.application->needs().draft_call(open.pole.id, std::nullopt, request);
    progress.update("drafting", 1, 1);
    progress.update("rendering", 0, 1);
    auto bytes = needs::export_call(call, open.application->needs().taxonomy(), args.format, true);
    progress.update("rendering", 1, 1);
    progress.finish();
    std::fprintf(stderr, "call %lld drafted from %zu need groups\n", (long long)call.id,
                 call.document.groups.size());
    write_output(bytes, args.output);
}

void run_export_records(const GlobalOptions& global, const NeedsArgs& args) {
    auto open = open_pole(global, args.pole, true);
    io::TerminalProgress progress;
    progress.update("exporting", 0, 1);
    auto bytes =
        needs::export_records(open.application->needs(), open.pole.id, std::nullopt, args.format);
    progress.update("exporting", 1, 1);
    progress.finish();
    write_output(bytes, args.output);
}

void pole_option(CLI::App* command, NeedsArgs& args) {
    command->add_option("--pole", args.pole,
                        "Pole slug or id (default: the only pole of the database)");
}

}  // namespace

void add_needs_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<NeedsArgs>();
    auto* needs = app.add_subcommand("needs",
                                     "The needs observatory: intake records, catalogue, groups, "
                                     "diagnostic, calls for projects");
    needs->require_subcommand(1);

    auto* import = needs->add_subcommand(
        "import", "Import intake records from CSV, XLSX or JSON (all or nothing)");
    import->add_option("file", args->file, "FILE.csv, FILE.xlsx, FILE.json or FILE.jsonl")
        ->required()
        ->check(CLI::ExistingFile);
    pole_option(import, *args);
    import->callback([&global, args] { run_import(global, *args);
});

auto* catalogue =
    needs->add_subcommand("catalogue", "Code every record with the rules (corrections win)");
pole_option(catalogue, *args);
catalogue->callback([&global, args] { run_catalogue(global, *args); });

auto* rationalise =
    needs->add_subcommand("rationalise", "Group the proposals that say the same thing");
pole_option(rationalise, *args);
rationalise->add_option("--output,-o", args->output,
                        "Write the groups (id, texts, record ids) as JSON");
rationalise->callback([&global, args] { run_rationalise(global, *args); });

auto* diagnostic =
    needs->add_subcommand("diagnostic", "The territorial diagnostic (small cells suppressed)");
pole_option(diagnostic, *args);
diagnostic->add_option("--level", args->level, "commune, epci, department or region")
    ->check(CLI::IsMember({"commune", "epci", "department", "region"}))
    ->capture_default_str();
diagnostic->add_option("--format", args->format, "csv, json or xlsx")
    ->check(CLI::IsMember({"csv", "json", "xlsx"}))
    ->default_val("csv");
diagnostic->add_option("--category", args->category, "Only this need category");
diagnostic->add_option("--output,-o", args->output, "File to write (default: stdout)");
diagnostic->callback([&global, args] { run_diagnostic(global, *args); });

auto* call = needs->add_subcommand("call", "Calls for projects");
call->require_subcommand(1);
auto* draft = call->add_subcommand("draft", "Draft a call from need groups");
pole_option(draft, *args);
draft->add_option("--groups", args->groups, "Need group ids")->required()->delimiter(',');
draft->add_option("--title", args->title, "Title (default: the template's)");
draft->add_option("--language", args->language, "fr, it or en")
    ->check(CLI::IsMember({"fr", "it", "en"}))
    ->capture_default_str();
draft->add_option("--level", args->level, "Level of the eligible territories")
    ->check(CLI::IsMember({"commune", "epci", "department", "region"}))
    ->capture_default_str();
draft
    ->add_option("--territories", args->territories,
                 "Eligible territories (codes at --level); default: where the records live")
    ->delimiter(',');
draft->add_option("--budget", args->budget, "Total budget in euros");
draft->add_option("--deadline", args->deadline, "Deadline for applications (YYYY-MM-DD)");
draft->add_option("--format", args->format, "json, html or pdf")
    ->check(CLI::IsMember({"json", "html", "pdf"}))
    ->default_val("json");
draft->add_option("--output,-o", args->output, "File to write (default: stdout)");
draft->callback([&global, args] { run_call_draft(global, *args); });

auto* export_cmd = needs->add_subcommand("export", "Export intake records (personal data)");
export_cmd->require_subcommand(1);
auto* records = export_cmd->add_subcommand("records", "The records with the import's columns");
pole_option(records, *args);
records->add_option("--format", args->format, "csv, xlsx or json")
    ->check(CLI::IsMember({"csv", "xlsx", "json"}))
    ->default_val("csv");
records->add_option("--output,-o", args->output, "File to write (default: stdout)");
records->callback([&global, args] { run_export_records(global, *args); });
}  // namespace maillage::cli

}  // namespace maillage::cli
