#pragma once
// The `maillage` command's subcommands. Each only parses options and calls services.
#include <CLI/CLI.hpp>

#include <string>

namespace maillage::cli {

struct GlobalOptions {
    std::string database_url = "maillage.db";
};

void add_serve_command(CLI::App& app, GlobalOptions& global);
void add_admin_commands(CLI::App& app, GlobalOptions& global);
void add_table_commands(CLI::App& app, GlobalOptions& global);
void add_pathways_commands(CLI::App& app, GlobalOptions& global);
void add_needs_commands(CLI::App& app, GlobalOptions& global);
void add_evaluation_commands(CLI::App& app, GlobalOptions& global);
void add_sharedjobs_commands(CLI::App& app, GlobalOptions& global);
void add_network_commands(CLI::App& app, GlobalOptions& global);
void add_commons_commands(CLI::App& app, GlobalOptions& global);

// Runs the whole command line; returns the process exit code and never throws.
int run(int argc, char** argv);

}  // namespace maillage::cli
