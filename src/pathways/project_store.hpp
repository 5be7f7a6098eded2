#pragma once
// SQL for projects, promoters, the transition log and deliverables. Every function runs
// inside the caller's transaction and takes the pole, so that another pole's ids find nothing.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pathways/model.hpp"
#include "store/database.hpp"

namespace maillage::pathways::storage {

using store::Connection;

// The pathway columns of a project, written by creation and by each transition.
struct PathwayColumns {
    std::string step, stage, status;
    std::string entered_on;
    std::int32_t entered_day = 0;
    std::optional<std::string> due_on, closed_on;
};

struct NewProject {
    ProjectInput input;
    std::optional<std::string> sector;
    std::int64_t template_id = 0;
    std::string model;
    std::string started_on;
    PathwayColumns state;
};

std::int64_t insert_project(Connection& c, std::int64_t pole_id, const NewProject& project);
void update_project(Connection& c, std::int64_t pole_id, std::int64_t id, const ProjectInput& input,
                    const std::optional<std::string>& sector);
void set_pathway(Connection& c, std::int64_t id, const PathwayColumns& state);
void set_created_on(Connection& c, std::int64_t id, const std::string& date);
void set_ceased_on(Connection& c, std::int64_t id, const std::string& date);
bool delete_project(Connection& c, std::int64_t pole_id, std::int64_t id);

// Projects of the pole in the order of `ids` (missing or foreign ids are skipped).
std::vector<Project> load_projects(Connection& c, std::int64_t pole_id,
                                   const std::vector<std::int64_t>& ids);
std::optional<Project> load_project(Connection& c, std::int64_t pole_id, std::int64_t id);

struct ProjectMatches {
    std::vector<std::int64_t> ids;
    std::int64_t total = 0;
};
ProjectMatches search_projects(Connection& c, std::int64_t pole_id, const ProjectFilter& filter);

std::int64_t insert_promoter(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                             const PromoterInput& input);
bool update_promoter(Connection& c, std::int64_t pole_id, std::int64_t id,
                     const PromoterInput& input);
bool delete_promoter(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<Promoter> promoters_of(Connection& c, std::int64_t pole_id, std::int64_t project_id);
std::optional<Promoter> promoter(Connection& c, std::int64_t pole_id, std::int64_t id);

struct NewTransition {
    std::int64_t project_id = 0;
    std::optional<std::int64_t> user_id;
    std::string on_date, action, model;
    std::string from_step, from_stage, from_status, to_step, to_stage, to_status;
    std::int64_t days_in_step = 0;
    std::optional<std::string> note;
};
void insert_transition(Connection& c, std::int64_t pole_id, const NewTransition& t);
std::vector<TransitionRecord> transitions_of(Connection& c, std::int64_t pole_id,
                                             std::int64_t project_id);

void set_deliverable(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                     const DeliverableRecord& record, std::optional<std::int64_t> user_id);
bool clear_deliverable(Connection& c, std::int64_t pole_id, std::int64_t project_id,
                       const std::string& step, const std::string& code);
std::vector<DeliverableRecord> deliverables_of(Connection& c, std::int64_t pole_id,
                                               std::int64_t project_id);
std::set<std::string> done_deliverables(Connection& c, std::int64_t project_id,
                                        const std::string& step);

}  // namespace maillage::pathways::storage
