#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/application.hpp"
#include "app/reference_data.hpp"
#include "cli/commands.hpp"
#include "demo/demo.hpp"
#include "store/migrations.hpp"

namespace maillage::cli {
namespace {

app::Application open_application(const GlobalOptions& global) {
    app::Config config;
    config.database_url = global.database_url;
    return app::Application(config);
}

accounts::Pole require_pole(app::Application& application, const std::string& pole) {
    auto found = application.accounts().find_pole(pole);
    if (!found) throw Error(ErrorCode::not_found, "no pole '" + pole + "'", "pole");
    return *found;
}

// Reads a password from stdin: without echo on a terminal, as one line from a pipe.
std::string read_password() {
    bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "Password: ");
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return password;
}

void add_pole_commands(CLI::App& app, GlobalOptions& global) {
    auto* pole = app.add_subcommand("pole", "Manage poles (the tenants)");
    pole->require_subcommand(1);
    struct PoleArgs {
        std::string slug, name, kind = "ptce";
    };
    auto args = std::make_shared<PoleArgs>();
    auto* add = pole->add_subcommand("add", "Create a pole");
    add->add_option("slug", args->slug, "Short name used in URLs (a-z, 0-9, -)")->required();
    add->add_option("--name", args->name, "Full name")->required();
    add->add_option("--kind", args->kind,
                    "ptce, employer_group, federation_office, "
                    "employment_network or other")
        ->capture_default_str();
    add->callback([&global, args] {
        auto application = open_application(global);
        auto created = application.accounts().create_pole(args->slug, args->name, args->kind);
        std::printf("Pole %s created (id %lld)\n", created.slug.c_str(),
                    static_cast<long long>(created.id));
    });
    pole->add_subcommand("list", "List the poles")->callback([&global] {
        auto application = open_application(global);
        for (const auto& p : application.accounts().all_poles())
            std::printf("%-20s %-20s %s\n", p.slug.c_str(), p.kind.c_str(), p.name.c_str());
    });
}

void add_user_commands(CLI::App& app, GlobalOptions& global) {
    auto* user = app.add_subcommand("user", "Manage users and their roles");
    user->require_subcommand(1);
    struct UserArgs {
        std::string pole, email, name, role, locale = "fr";
        bool password_stdin = false, platform_admin = false;
    };
    auto args = std::make_shared<UserArgs>();
    auto* add = user->add_subcommand("add", "Create a user or give them a role in a pole");
    add->add_option("--pole", args->pole, "Pole slug or id")->required();
    add->add_option("--email", args->email)->required();
    add->add_option("--name", args->name, "Display name (for a new user)");
    add->add_option("--role", args->role, "admin, coordinator, counsellor, member or observer")
        ->required();
    add->add_option("--locale", args->locale, "fr, it or en")->capture_default_str();
    add->add_flag("--password-stdin", args->password_stdin,
                  "Read the password from standard input (otherwise asked on the terminal for "
                  "a new user)");
    add->add_flag("--platform-admin", args->platform_admin, "May create poles");
    add->callback([&global, args] {
        auto application = open_application(global);
        auto pole = require_pole(application, args->pole);
        accounts::NewUser user{args->email, args->name,   std::nullopt,
                               args->role,  args->locale, args->platform_admin};
        bool exists = application.accounts().user_id_by_email(args->email).has_value();
        if (args->password_stdin || !exists) user.password = read_password();
        auto id = application.accounts().add_member(pole.id, user);
        if (args->platform_admin) application.accounts().set_platform_admin(id, true);
        std::printf("%s is %s of %s\n", args->email.c_str(), args->role.c_str(), pole.slug.c_str());
    });
}

void add_enumeration_commands(CLI::App& app, GlobalOptions& global) {
    auto* enumeration =
        app.add_subcommand("enum", "List or extend the enumerations (rules as data)");
    enumeration->require_subcommand(1);
    struct EnumArgs {
        std::string name, code, parent, fr, it, en;
    };
    auto args = std::make_shared<EnumArgs>();
    auto* list = enumeration->add_subcommand("list", "List an enumeration's values");
    list->add_option("enumeration", args->name)->required();
    list->callback([&global, args] {
        auto application = open_application(global);
        for (const auto& v : application.vocabulary().values(args->name))
            std::printf("%-24s %-16s %s\n", v.code.c_str(), v.parent.value_or("").c_str(),
                        v.label.fr.c_str());
    });
    auto* add = enumeration->add_subcommand("add", "Add a value to an enumeration");
    add->add_option("enumeration", args->name)->required();
    add->add_option("code", args->code)->required();
    add->add_option("--parent", args->parent, "Parent code (family)");
    add->add_option("--fr", args->fr, "French label")->required();
    add->add_option("--it", args->it, "Italian label")->required();
    add->add_option("--en", args->en, "English label")->required();
    add->callback([&global, args] {
        auto application = open_application(global);
        Vocabulary vocabulary = application.vocabulary();
        VocabularyValue value{args->code, {}, {args->fr, args->it, args->en}};
        if (!args->parent.empty()) value.parent = args->parent;
        app::add_enumeration_value(application.database(), vocabulary, args->name, value);
        std::printf("%s: %s added (restart running servers to use it)\n", args->name.c_str(),
                    args->code.c_str());
    });
}

}  // namespace

void add_admin_commands(CLI::App& app, GlobalOptions& global) {
    app.add_subcommand("migrate", "Apply pending database migrations")->callback([&global] {
        auto database = store::Database::open(global.database_url, 1);
        auto applied = store::migrate(*database);
        for (const auto& name : applied) std::printf("applied %s\n", name.c_str());
        std::printf("%zu migration(s) applied; schema is up to date\n", applied.size());
    });
    app.add_subcommand("demo", "Create the demo territory (Seignanx pole)")->callback([&global] {
        auto application = open_application(global);
        auto result = demo::build_demo(application);
        std::printf("%s", demo::describe(result, "http://127.0.0.1:8080/").c_str());
    });
    add_pole_commands(app, global);
    add_user_commands(app, global);
    add_enumeration_commands(app, global);
}

}  // namespace maillage::cli
