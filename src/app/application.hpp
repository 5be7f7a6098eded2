#pragma once
// The composition root: one Application holds the database, the rules loaded from data,
// the services and the router. The server and the CLI both build one.
#include <memory>
#include <string>

#include "accounts/account_service.hpp"
#include "actors/actor_service.hpp"
#include "api/jobs.hpp"
#include "api/router.hpp"
#include "commons/commons_service.hpp"
#include "core/roles.hpp"
#include "core/vocabulary.hpp"
#include "evaluation/evaluation_service.hpp"
#include "needs/needs_service.hpp"
#include "network/network_service.hpp"
#include "pathways/pathway_service.hpp"
#include "sharedjobs/service.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::app {

struct Config {
    std::string database_url = "maillage.db";
    std::string data_dir;       // default: paths::data_dir()
    std::string reference_dir;  // default: paths::reference_dir()
    accounts::HashCost hash_cost = accounts::HashCost::interactive;
    std::size_t max_connections = 16;
    bool migrate = true;
};

class Application {
  public:
    explicit Application(Config config);
    // Runs on a database someone else owns (tests).
    Application(Config config, store::Database& database);
    ~Application();

    store::Database& database() { return *database_; }
    const std::string& data_dir() const { return config_.data_dir; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    const Roles& roles() const { return roles_; }
    const territory::Territory& territory() const { return *territory_; }
    accounts::AccountService& accounts() { return *accounts_; }
    actors::ActorService& actors() { return *actors_; }
    pathways::PathwayService& pathways() { return *pathways_; }
    needs::NeedsService& needs() { return *needs_; }
    evaluation::EvaluationService& evaluation() { return *evaluation_; }
    network::NetworkService& network() { return *network_; }
    api::Jobs& jobs() { return *jobs_; }
    sharedjobs::SharedJobsService& sharedjobs() { return *sharedjobs_; }
    commons::CommonsService& commons() { return *commons_; }
    const api::Router& router() const { return *router_; }

  private:
    void start();
    void build_modules();
    void register_routes();
    Config config_;
    std::unique_ptr<store::Database> owned_database_;
    store::Database* database_ = nullptr;
    Vocabulary vocabulary_;
    Roles roles_;
    std::unique_ptr<territory::Territory> territory_;
    std::unique_ptr<accounts::AccountService> accounts_;
    std::unique_ptr<actors::ActorService> actors_;
    std::unique_ptr<pathways::PathwayService> pathways_;
    std::unique_ptr<needs::Taxonomy> needs_taxonomy_;
    std::unique_ptr<needs::NeedsService> needs_;
    std::unique_ptr<evaluation::EvaluationService> evaluation_;
    // Before jobs_: destroyed after it, so that no running job outlives the service it uses.
    std::unique_ptr<sharedjobs::SharedJobsService> sharedjobs_;
    std::unique_ptr<commons::CommonsService> commons_;
    network::NetworkRules network_rules_;
    std::unique_ptr<network::NetworkService> network_;
    std::unique_ptr<api::Jobs> jobs_;
    std::unique_ptr<api::Router> router_;
};

}  // namespace maillage::app
