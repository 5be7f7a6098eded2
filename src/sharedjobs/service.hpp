#pragma once
// The shared-jobs use cases, called alike by the HTTP API, the CLI and the demo. Each is one
// transaction; every read and write is confined to the caller's pole.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/progress.hpp"
#include "core/vocabulary.hpp"
#include "sharedjobs/problem.hpp"
#include "sharedjobs/records.hpp"
#include "sharedjobs/settings.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::sharedjobs {

class SharedJobsService {
  public:
    SharedJobsService(store::Database& database, const Vocabulary& vocabulary,
                      const territory::Territory& territory, Settings settings);

    const Settings& settings() const { return settings_; }
    Locate locate() const;

    // Employer groups: a GE or GEIQ actor of the pole, with its billing settings and horizon.
    std::vector<GroupRecord> groups(std::int64_t pole);
    GroupRecord group(std::int64_t pole, std::int64_t id);
    GroupRecord create_group(std::int64_t pole, std::optional<std::int64_t> user, GroupInput in);
    GroupRecord update_group(std::int64_t pole, std::int64_t user, std::int64_t id, GroupInput in);

    std::vector<MemberRecord> members(std::int64_t pole, std::int64_t group);
    MemberRecord add_member(std::int64_t pole, std::optional<std::int64_t> user, std::int64_t group,
                            MemberInput in);
    MemberRecord update_member(std::int64_t pole, std::int64_t user, std::int64_t id,
                               std::optional<double> rate);
    void remove_member(std::int64_t pole, std::int64_t user, std::int64_t id);

    std::vector<NeedRecord> needs(std::int64_t pole, std::int64_t group);
    NeedRecord create_need(std::int64_t pole, std::optional<std::int64_t> user, std::int64_t group,
                           NeedInput in);
    NeedRecord update_need(std::int64_t pole, std::int64_t user, std::int64_t id, NeedInput in);
    void remove_need(std::int64_t pole, std::int64_t user, std::int64_t id);

    // Workers are personal data: every read is written to the access log.
    std::vector<WorkerRecord> workers(std::int64_t pole, std::int64_t user, std::int64_t group);
    WorkerRecord create_worker(std::int64_t pole, std::optional<std::int64_t> user,
                               std::int64_t group, WorkerInput in);
    WorkerRecord update_worker(std::int64_t pole, std::int64_t user, std::int64_t id,
                               WorkerInput in);
    void remove_worker(std::int64_t pole, std::int64_t user, std::int64_t id);

    // The group's instance as stored (members "m<id>", needs "n<id>", workers "w<id>").
    Instance instance(std::int64_t pole, std::int64_t group);
    // Composes and stores the plan as the group's current one.
    PlanSummary compose(std::int64_t pole, std::optional<std::int64_t> user, std::int64_t group,
                        const ComposeOptions& options, Progress& progress);
    std::vector<PlanSummary> plans(std::int64_t pole, std::int64_t group);
    PlanSummary plan(std::int64_t pole, std::int64_t id);
    // The plan's result document (docs/sharedjobs.md), without worker names.
    Json plan_result(std::int64_t pole, std::int64_t id);
    // Worker names of a plan, by instance id: personal data, logged.
    std::map<std::string, std::string> plan_worker_names(std::int64_t pole, std::int64_t user,
                                                         std::int64_t plan);
    std::vector<MemberMonth> billing(std::int64_t pole, std::int64_t plan);
    std::string billing_xlsx(std::int64_t pole, std::int64_t plan);

    // The hours ledger: the current plan's planned hours against the realised ones, per worker
    // × member × month (months "YYYY-MM"). Logged, since it is per worker.
    std::vector<LedgerRow> ledger(std::int64_t pole, std::int64_t user, std::int64_t group,
                                  const std::string& from, const std::string& to);
    void record_realised(std::int64_t pole, std::int64_t user, std::int64_t group,
                         LedgerInput entry);

    // For the network module: pairs of member firms that share a worker in the current plans
    // of the pole's groups during `year`, and members of the same group.
    std::vector<SharedWorkerLink> shared_worker_links(std::int64_t pole, int year);
    // For the evaluation module: each member firm's planned and realised hours, dates inclusive.
    std::vector<MemberHours> member_hours(std::int64_t pole, const std::string& from,
                                          const std::string& to);

    struct Counts {
        std::int64_t groups = 0, needs = 0, workers = 0, plans = 0;
    };
    Counts counts(std::int64_t pole);

  private:
    GroupRecord require_group(store::Connection& c, std::int64_t pole, std::int64_t id);
    void check_need(store::Connection& c, std::int64_t pole, const GroupRecord& g, NeedInput& in);
    void check_worker(const GroupRecord& g, const WorkerInput& in);
    Instance instance_in(store::Connection& c, std::int64_t pole, const GroupRecord& g);

    store::Database& database_;
    const Vocabulary& vocabulary_;
    const territory::Territory& territory_;
    Settings settings_;
};

}  // namespace maillage::sharedjobs
