#include "cli/pole_command.hpp"

#include <cstdio>
#include <fstream>

#include "core/error.hpp"

namespace maillage::cli {

OpenPole open_pole(const GlobalOptions& global, const std::string& slug,
                   bool only_pole_if_unnamed) {
    app::Config config;
    config.database_url = global.database_url;
    OpenPole out{std::make_unique<app::Application>(config), {}};
    if (slug.empty() && only_pole_if_unnamed) {
        auto poles = out.application->accounts().all_poles();
        if (poles.size() != 1)
            throw invalid("pole", poles.empty()
                                      ? "the database has no pole yet (maillage pole add)"
                                      : "the database has several poles: name one with --pole");
        out.pole = poles.front();
        return out;
    }
    auto pole = out.application->accounts().find_pole(slug);
    if (!pole) throw Error(ErrorCode::not_found, "no pole '" + slug + "'", "pole");
    out.pole = *pole;
    return out;
}

void write_output(const std::string& bytes, const std::string& path) {
    if (path.empty() || path == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) throw Error(ErrorCode::internal, "cannot write " + path);
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", path.c_str(), bytes.size());
}

}  // namespace maillage::cli
