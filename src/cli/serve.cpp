#include <csignal>
#include <cstdio>
#include <filesystem>

#include "api/server.hpp"
#include "app/application.hpp"
#include "cli/commands.hpp"
#include "core/paths.hpp"
#include "demo/demo.hpp"

namespace maillage::cli {
namespace {

api::HttpServer* running_server = nullptr;

void on_signal(int) {
    if (running_server) running_server->stop();
}

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    bool demo = false;
    std::string web_dir;
    std::size_t max_body_mb = 64;
    std::size_t connections = 16;
};

void serve(const GlobalOptions& global, const ServeOptions& options) {
    app::Config config;
    config.database_url = global.database_url;
    config.max_connections = options.connections;
    app::Application application(config);
    api::ServerOptions server_options;
    server_options.host = options.host;
    server_options.port = options.port;
    server_options.max_body_bytes = options.max_body_mb * 1024 * 1024;
    server_options.web_dir = options.web_dir.empty() ? paths::web_dir() : options.web_dir;
    if (!std::filesystem::exists(server_options.web_dir + "/index.html")) {
        std::fprintf(stderr,
                     "note: no web application in %s (build it with npm run build); "
                     "serving the API only\n",
                     server_options.web_dir.c_str());
        server_options.web_dir.clear();
    }
    api::HttpServer server(application.router(), server_options);
    int port = server.bind();
    std::string url = "http://" + options.host + ":" + std::to_string(port) + "/";
    if (options.demo) {
        auto result = demo::build_demo(application);
        std::printf("%s", demo::describe(result, url).c_str());
    }
    std::printf("Maillage is listening on %s (database: %s)\n", url.c_str(),
                global.database_url.c_str());
    std::fflush(stdout);
    running_server = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    server.serve();
    running_server = nullptr;
}

}  // namespace

void add_serve_command(CLI::App& app, GlobalOptions& global) {
    auto options = std::make_shared<ServeOptions>();
    auto* cmd = app.add_subcommand("serve", "Run the HTTP server (API and web application)");
    cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
    cmd->add_option("--port", options->port, "Port to listen on (0: any free port)")
        ->capture_default_str();
    cmd->add_flag("--demo", options->demo, "Create the demo territory if missing");
    cmd->add_option("--web", options->web_dir, "Folder of the built web application");
    cmd->add_option("--max-body-mb", options->max_body_mb, "Largest accepted request body")
        ->capture_default_str();
    cmd->add_option("--connections", options->connections, "Database connections in the pool")
        ->capture_default_str();
    cmd->callback([&global, options] { serve(global, *options); });
}

}  // namespace maillage::cli
