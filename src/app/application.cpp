#include "app/application.hpp"

#include "accounts/routes.hpp"
#include "actors/routes.hpp"
#include "app/module_links.hpp"
#include "app/reference_data.hpp"
#include "app/routes.hpp"
#include "commons/routes.hpp"
#include "core/paths.hpp"
#include "evaluation/routes.hpp"
#include "needs/routes.hpp"
#include "network/routes.hpp"
#include "pathways/routes.hpp"
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
    build_modules();
    register_routes();
}

// In the order of the flow: needs → projects and pathways → shared jobs → actor system →
// evaluation, each module connected to the ones before it (module_links.hpp).
void Application::build_modules() {
    const auto& data = config_.data_dir;
    needs_taxonomy_ = std::make_unique<needs::Taxonomy>(needs::Taxonomy::load(data, vocabulary_));
    needs_ = std::make_unique<needs::NeedsService>(*database_, *needs_taxonomy_, *territory_);
    pathways_ = std::make_unique<pathways::PathwayService>(*database_, vocabulary_, *territory_,
                                                           pathways::load_rules(data, vocabulary_));
    pathways_->set_origin_catalog(needs_origins(*needs_));
    sharedjobs_ = std::make_unique<sharedjobs::SharedJobsService>(
        *database_, vocabulary_, *territory_, sharedjobs::load_settings(data));
    commons_ = std::make_unique<commons::CommonsService>(*database_, vocabulary_);
    network_rules_ = network::load_rules(data);
    network_ = std::make_unique<network::NetworkService>(*database_, vocabulary_, network_rules_,
                                                         *actors_, *accounts_);
    network_->add_evidence_source("sharedjobs", shared_jobs_evidence(*sharedjobs_));
    network_->add_evidence_source("pathways", mentoring_evidence(*pathways_));
    network_->add_evidence_source("commons", co_contracting_evidence(*commons_));
    auto evaluation_config = evaluation::links_for(data, *accounts_, *actors_);
    link_evaluation(evaluation_config.links, *pathways_, *sharedjobs_);
    evaluation_ = std::make_unique<evaluation::EvaluationService>(*database_, vocabulary_,
                                                                  std::move(evaluation_config));
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
    pathways::register_routes(*router_, *pathways_);
    needs::register_routes(*router_, *needs_, *jobs_, roles_);
    evaluation::register_routes(*router_, *evaluation_);
    sharedjobs::register_routes(*router_, *sharedjobs_, *jobs_);
    commons::register_routes(*router_, *commons_);
    network::register_routes(*router_, *network_, *jobs_);
    app::register_routes(*router_, *this);
}

}  // namespace maillage::app
