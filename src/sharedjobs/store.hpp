#pragma once
// SQL of the shared-jobs module, portable across SQLite and PostgreSQL. Every function runs in
// the caller's transaction and filters on the pole: another pole's ids are never found.
#include <optional>
#include <vector>

#include "sharedjobs/records.hpp"
#include "store/database.hpp"

namespace maillage::sharedjobs::storage {

using store::Connection;

std::int64_t insert_group(Connection& c, std::int64_t pole, const GroupRecord& g);
bool update_group(Connection& c, std::int64_t pole, const GroupRecord& g);
std::vector<GroupRecord> groups(Connection& c, std::int64_t pole);
std::optional<GroupRecord> group(Connection& c, std::int64_t pole, std::int64_t id);

std::int64_t insert_member(Connection& c, std::int64_t pole, std::int64_t group,
                           const MemberInput& m);
bool update_member(Connection& c, std::int64_t pole, std::int64_t id, std::optional<double> rate);
bool delete_member(Connection& c, std::int64_t pole, std::int64_t id);
std::vector<MemberRecord> members(Connection& c, std::int64_t pole, std::int64_t group);
std::optional<MemberRecord> member(Connection& c, std::int64_t pole, std::int64_t id);

std::int64_t insert_need(Connection& c, std::int64_t pole, std::int64_t group, const NeedInput& n);
bool update_need(Connection& c, std::int64_t pole, std::int64_t id, const NeedInput& n);
bool delete_need(Connection& c, std::int64_t pole, std::int64_t id);
std::vector<NeedRecord> needs(Connection& c, std::int64_t pole, std::int64_t group);
std::optional<NeedRecord> need(Connection& c, std::int64_t pole, std::int64_t id);

std::int64_t insert_worker(Connection& c, std::int64_t pole, std::int64_t group,
                           const WorkerInput& w);
bool update_worker(Connection& c, std::int64_t pole, std::int64_t id, const WorkerInput& w);
bool delete_worker(Connection& c, std::int64_t pole, std::int64_t id);
std::vector<WorkerRecord> workers(Connection& c, std::int64_t pole, std::int64_t group);
std::optional<WorkerRecord> worker(Connection& c, std::int64_t pole, std::int64_t id);

// A worker's stored id from its instance id ("w12" → 12); the same for needs and members.
std::optional<std::int64_t> record_id(const std::string& instance_id, char prefix);

// Stores the plan as the group's current one, with one row per assignment.
std::int64_t insert_plan(Connection& c, std::int64_t pole, std::int64_t group,
                         std::optional<std::int64_t> user, const Result& result,
                         const std::string& result_json);
std::vector<PlanSummary> plans(Connection& c, std::int64_t pole, std::int64_t group);
std::optional<PlanSummary> plan(Connection& c, std::int64_t pole, std::int64_t id);
std::string plan_result(Connection& c, std::int64_t pole, std::int64_t id);

struct StoredAssignment {
    std::int64_t worker_id = 0, need_id = 0, member_id = 0;
    int day = 0, start = 0, end = 0;
    std::string period_start, period_end;
};
std::vector<StoredAssignment> assignments(Connection& c, std::int64_t pole, std::int64_t plan);

void upsert_ledger(Connection& c, std::int64_t pole, std::int64_t group, std::int64_t user,
                   const LedgerInput& entry);
// Realised entries of the group in [from, to] months.
std::vector<LedgerRow> ledger(Connection& c, std::int64_t pole, std::int64_t group,
                              const std::string& from, const std::string& to);

}  // namespace maillage::sharedjobs::storage
