#pragma once
// What every pole-scoped subcommand starts with, and how it writes a produced file.
#include <memory>
#include <string>

#include "accounts/model.hpp"
#include "app/application.hpp"
#include "cli/commands.hpp"

namespace maillage::cli {

struct OpenPole {
    std::unique_ptr<app::Application> application;
    accounts::Pole pole;
};

// The application on the command line's database and the pole named by its slug. With
// `only_pole_if_unnamed`, an empty slug names the database's only pole (an error if there are
// none or several).
OpenPole open_pole(const GlobalOptions& global, const std::string& slug,
                   bool only_pole_if_unnamed = false);

// Writes the bytes to `path`, or to standard output when it is empty or "-".
void write_output(const std::string& bytes, const std::string& path);

}  // namespace maillage::cli
