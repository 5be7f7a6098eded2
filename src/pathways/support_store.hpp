#pragma once
// SQL for what is done around a project: support actions, follow-up visits, test contracts,
// declared jobs and mentorships. Every function runs inside the caller's transaction and
// takes the pole.
#include <optional>
#include <vector>

#include "pathways/model.hpp"
#include "store/database.hpp"

namespace maillage::pathways::storage {

using store::Connection;

std::int64_t insert_action(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                           const std::string& step, const ActionInput& input,
                           std::optional<std::int64_t> user_id);
bool delete_action(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<SupportAction> actions_of(Connection& c, std::int64_t pole_id, std::int64_t project_id);

std::int64_t insert_visit(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                          const VisitInput& input, const std::string& origin,
                          std::optional<std::int64_t> user_id);
bool update_visit(Connection& c, std::int64_t pole_id, std::int64_t id, const VisitInput& input);
bool delete_visit(Connection& c, std::int64_t pole_id, std::int64_t id);
std::optional<Visit> visit(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<Visit> visits_of(Connection& c, std::int64_t pole_id, std::int64_t project_id);

std::int64_t insert_contract(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                             const TestContractInput& input);
bool update_contract(Connection& c, std::int64_t pole_id, std::int64_t id,
                     const TestContractInput& input);
std::optional<TestContract> contract(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<TestContract> contracts_of(Connection& c, std::int64_t pole_id,
                                       std::int64_t project_id);

void set_jobs(Connection& c, std::int64_t pole_id, std::int64_t project_id,
              const JobsDeclaration& jobs);
bool delete_jobs(Connection& c, std::int64_t pole_id, std::int64_t project_id, int year);
std::vector<JobsDeclaration> jobs_of(Connection& c, std::int64_t pole_id, std::int64_t project_id);

std::int64_t insert_mentorship(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                               const MentorshipInput& input, const std::string& started_on,
                               std::optional<std::int64_t> user_id);
bool end_mentorship(Connection& c, std::int64_t pole_id, std::int64_t id, const std::string& on);
std::optional<Mentorship> mentorship(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<Mentorship> mentorships_of(Connection& c, std::int64_t pole_id,
                                       std::int64_t project_id);
// Mentorships running at some time in `year` whose two sides are actors of the directory.
std::vector<MentoringLink> mentoring_links(Connection& c, std::int64_t pole_id, int year);

}  // namespace maillage::pathways::storage
