#include "app/application.hpp"

#include "accounts/routes.hpp"
#include "actors/routes.hpp"
#include "app/reference_data.hpp"
#include "app/routes.hpp"
#include "core/paths.hpp"
#include "sharedjobs/routes.hpp"
#include "store/migrations.hpp"
#include "territory/routes.hpp"

namespace maillage::app {

Application::Application(Config config) : config_(std::move(config)) {
    owned_database_ = store::Database::open(config_.database_url, config_.max_connections);
    database_ = owned_database_.get();
    start();
}

Application::Application(Config config, store::Database& database)
    : config_(std::move(config)), database_(&database) {
    start();
}

void Application::start() {
    if (config_.data_dir.empty()) config_.data_dir = paths::data_dir();
    if (config_.reference_dir.empty()) config_.reference_dir = paths::reference_dir();
    if (config_.migrate) store::migrate(*database_);
    vocabulary_ = load_shipped_vocabulary(config_.data_dir);
    add_database_values(vocabulary_, *database_);
    roles_ = load_roles(config_.data_dir);
    territory_ =
        std::make_unique<territory::Territory>(territory::Territory::load(config_.reference_dir));
    accounts_ = std::make_unique<accounts::AccountService>(
        *database_, roles_, vocabulary_, accounts::AccountsConfig{config_.hash_cost});
    actors_ = std::make_unique<actors::ActorService>(*database_, vocabulary_, *territory_);
    jobs_ = std::make_unique<api::Jobs>(2);
    sharedjobs_ = std::make_unique<sharedjobs::SharedJobsService>(
        *database_, vocabulary_, *territory_, sharedjobs::load_settings(config_.data_dir));
    register_routes();
}

Application::~Application() = default;

void Application::register_routes() {
    router_ = std::make_unique<api::Router>(
        [this](const std::string& token) { return accounts_->authenticate(token); },
        [this](std::string_view pole) -> std::optional<std::int64_t> {
            auto found = accounts_->find_pole(pole);
            if (!found) return std::nullopt;
            return found->id;
        },
        roles_);
    accounts::register_routes(*router_, *accounts_);
    territory::register_routes(*router_, *territory_);
    actors::register_routes(*router_, *actors_, *jobs_);
    sharedjobs::register_routes(*router_, *sharedjobs_, *jobs_);
    app::register_routes(*router_, *this);
}

}  // namespace maillage::app
