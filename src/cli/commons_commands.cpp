// `maillage commons …`: collective tender responses from the command line. Options are parsed
// here; the work is the commons module's service (the same as the API's).
#include <cstdio>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "commons/tender_json.hpp"
#include "io/terminal_progress.hpp"

namespace maillage::cli {
namespace {

struct CommonsArgs {
    std::string pole, file, status, format = "table";
    int year = 0;
};

void list_tenders(const GlobalOptions& global, const CommonsArgs& args) {
    auto [application, pole] = open_pole(global, args.pole);
    commons::TenderFilter filter;
    if (!args.status.empty()) filter.status = args.status;
    if (args.year) filter.year = args.year;
    auto tenders = application->commons().tenders(pole.id, filter);
    if (args.format == "json") {
        Json list = Json::array();
        for (const auto& t : tenders) list.push_back(commons::to_json(t));
        std::printf("%s\n", list.dump(2).c_str());
        return;
    }
    std::printf("%-6s %-17s %-10s %-11s %7s %9s %9s  %s\n", "id", "reference", "status", "deadline",
                "members", "committed", "realised", "title");
    for (const auto& t : tenders)
        std::printf("%-6lld %-17s %-10s %-11s %7lld %9.1f %9.1f  %s\n",
                    static_cast<long long>(t.id), t.reference.value_or("-").c_str(),
                    t.status.c_str(), t.deadline_on.value_or("-").c_str(),
                    static_cast<long long>(t.members), t.hours_committed, t.hours_realised,
                    t.title.c_str());
}

void import_tenders(const GlobalOptions& global, const CommonsArgs& args) {
    auto [application, pole] = open_pole(global, args.pole);
    auto reader = io::open_table(args.file);
    io::TerminalProgress progress;
    auto summary = application->commons().import_table(pole.id, std::nullopt, *reader, progress);
    progress.finish();
    for (const auto& line : summary.lines)
        std::printf("line %lld: tender %s \"%s\" recorded (id %lld) with %lld consortium members\n",
                    static_cast<long long>(line.line),
                    line.reference.empty() ? "-" : line.reference.c_str(), line.title.c_str(),
                    static_cast<long long>(line.tender_id), static_cast<long long>(line.members));
    std::printf("%s: %lld rows, %lld tenders, %lld consortium members imported into %s\n",
                args.file.c_str(), static_cast<long long>(summary.rows),
                static_cast<long long>(summary.tenders), static_cast<long long>(summary.members),
                pole.slug.c_str());
}

}  // namespace

void add_commons_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<CommonsArgs>();
    auto* commons = app.add_subcommand("commons", "Collective tender responses of a pole");
    commons->require_subcommand(1);
    auto* tenders = commons->add_subcommand("tenders", "Tenders answered as a consortium");
    tenders->require_subcommand(1);

    auto* list = tenders->add_subcommand("list", "List the pole's tenders");
    list->add_option("--pole", args->pole, "Pole slug or id")->required();
    list->add_option("--status", args->status, "watch, preparing, submitted, won, lost, abandoned");
    list->add_option("--year", args->year, "Deadline, award or contract in this year");
    list->add_option("--format", args->format, "table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    list->callback([&global, args] { list_tenders(global, *args); });

    auto* import = tenders->add_subcommand(
        "import", "Import tenders and consortium members from CSV or XLSX (all or nothing)");
    import->add_option("file", args->file, "FILE.csv or FILE.xlsx")
        ->required()
        ->check(CLI::ExistingFile);
    import->add_option("--pole", args->pole, "Pole slug or id")->required();
    import->callback([&global, args] { import_tenders(global, *args);
});
}  // namespace maillage::cli

}  // namespace maillage::cli
