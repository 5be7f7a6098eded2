#include <cstdio>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace maillage::cli {

int run(int argc, char** argv) {
    CLI::App app{"Maillage: the platform a territory runs its economic cooperation on."};
    app.require_subcommand(1);
    GlobalOptions global;
    app.add_option("--db", global.database_url,
                   "SQLite file (default ./maillage.db) or postgresql://user@host/db")
        ->envname("MAILLAGE_DB");
    add_serve_command(app, global);
    add_admin_commands(app, global);
    add_table_commands(app, global);
    add_pathways_commands(app, global);
    add_needs_commands(app, global);
    add_evaluation_commands(app, global);
    add_sharedjobs_commands(app, global);
    add_network_commands(app, global);
    add_commons_commands(app, global);
    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const ImportRejected& e) {
        std::fprintf(stderr, "%s\n", e.what());
        for (const auto& p : e.problems())
            std::fprintf(stderr, "  line %lld, field %s: %s\n", static_cast<long long>(p.line),
                         p.field.empty() ? "-" : p.field.c_str(), p.reason.c_str());
        return 2;
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return e.code() == ErrorCode::internal ? 1 : 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

}  // namespace maillage::cli
