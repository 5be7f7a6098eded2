#include "app/application.hpp"

#include <cstdio>

#include "accounts/routes.hpp"
#include "actors/routes.hpp"
#include "app/reference_data.hpp"
#include "app/routes.hpp"
#include "core/paths.hpp"
#include "network/routes.hpp"
#include "sharedjobs/routes.hpp"
#include "store/migrations.hpp"
#include "territory/routes.hpp"

namespace maillage::app {
namespace {

// The shared-jobs module's evidence for the network's derived relations: two member firms that
// share a worker in the current plans, and each member with its employer group. The detail is
// the weekly hours the shared workers spend at the two firms.
network::EvidenceSource shared_jobs_evidence(sharedjobs::SharedJobsService& sharedjobs) {
    return [&sharedjobs](std::int64_t pole, int year) {
        std::vector<network::RelationEvidence> evidence;
        for (const auto& link : sharedjobs.shared_worker_links(pole, year)) {
            bool shares = link.kind == "shares_worker";
            char hours[32];
            std::snprintf(hours, sizeof hours, "%.1f h", link.weekly_hours);
            evidence.push_back({link.member_a, link.member_b,
                                shares ? "shared_employee" : "employer_group_member", "", "",
                                shares ? hours : "", ""});
        }
        return evidence;
    };
}

void add_network_evidence(network::NetworkService& network,
                          sharedjobs::SharedJobsService& sharedjobs) {
    network.add_evidence_source("sharedjobs", shared_jobs_evidence(sharedjobs));
    // PATHWAYS MENTORING HOOK: when the pathways module lands, add its mentoring links here as
    // evidence of kind "mentoring" (data/network/evidence_kinds.csv), e.g.
    //   network.add_evidence_source("pathways", <adapter over the pathways service>);
}

}  // namespace

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
    network_rules_ = network::load_rules(config_.data_dir);
    network_ = std::make_unique<network::NetworkService>(*database_, vocabulary_, network_rules_,
                                                         *actors_, *accounts_);
    jobs_ = std::make_unique<api::Jobs>(2);
    sharedjobs_ = std::make_unique<sharedjobs::SharedJobsService>(
        *database_, vocabulary_, *territory_, sharedjobs::load_settings(config_.data_dir));
    add_network_evidence(*network_, *sharedjobs_);
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
    network::register_routes(*router_, *network_, *jobs_);
    app::register_routes(*router_, *this);
}

}  // namespace maillage::app
