#pragma once
// The pathways module's use cases, called alike by the HTTP API, the CLI and the demo. Each
// is one transaction; every record is looked up in the caller's pole, so another pole's ids
// answer "not found".
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"
#include "pathways/alerts.hpp"
#include "pathways/dashboard_store.hpp"
#include "pathways/mentor_store.hpp"
#include "pathways/model.hpp"
#include "pathways/routing.hpp"
#include "pathways/rules.hpp"
#include "pathways/schedule.hpp"
#include "pathways/state_machine.hpp"
#include "pathways/timeline.hpp"
#include "pathways/validation.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::pathways {

struct TemplateInfo {
    TemplatePtr pathway;
    std::int64_t id = 0;  // the recorded version
    bool shipped = true;
    std::optional<std::string> based_on;
    std::int64_t projects = 0;  // projects of the pole on this template code
};

// Everything the project page shows.
struct ProjectDetail {
    Project project;
    TemplatePtr pathway;
    std::vector<PlannedStep> plan;
    std::vector<Stay> stays;
    std::vector<TransitionRecord> transitions;
    std::vector<DeliverableRecord> deliverables;
    std::vector<AvailableMove> moves;
    std::vector<SupportAction> actions;
    std::vector<Mentorship> mentorships;
    std::vector<Visit> visits;
    std::vector<TestContract> contracts;
    std::vector<JobsDeclaration> jobs;
    std::vector<Alert> alerts;
    std::int64_t coaching_minutes = 0;
};

struct KanbanColumn {
    std::string stage;
    std::int64_t total = 0;
    std::vector<Project> projects;  // the first ones, longest in the stage first
};

struct RoutingRequest {
    std::string kind = "mentoring";     // mentoring, expert, tutoring
    std::vector<std::string> subjects;  // default: the current step's subjects
    std::size_t limit = 10;
};

struct Suggestions {
    std::string kind;
    ProjectProfile profile;
    Ranking ranking;
    RankingRules rules;
    std::vector<Mentor> mentors;  // mentoring and expert: details, in ranking order
    std::map<std::int64_t, storage::TutorRow> tutors;  // tutoring: by actor id
};

struct AlertView {
    Alert alert;
    std::string project_title;
    std::optional<Label> step_label;  // step alerts: the step's name in the project's template
};

struct Dashboard {
    std::string as_of;
    std::vector<storage::StageCount> stages;
    std::vector<storage::StageTime> times;
    std::vector<storage::YearCount> years;
    std::vector<storage::Cohort> cohorts;
    std::vector<storage::JobsYear> jobs;
    std::map<std::string, std::int64_t> alert_counts;
    std::int64_t projects_with_overdue = 0;
    std::vector<AlertView> alerts;  // the first ones
};

// An invalid_input error naming `field` when `id` is set and no actor of the directory has it.
void require_actor(store::Connection& c, const char* field, const std::optional<std::int64_t>& id);

class PathwayService {
  public:
    PathwayService(store::Database& database, const Vocabulary& vocabulary,
                   const territory::Territory& territory, PathwayRules rules);

    // The composition root connects the needs observatory (need groups, calls).
    void set_origin_catalog(OriginCatalog catalog);
    const PathwayRules& rules() const { return rules_; }

    // Templates: the shipped ones and the pole's own copies (a new version at each change).
    std::vector<TemplateInfo> templates(std::int64_t pole_id);
    TemplateInfo template_info(std::int64_t pole_id, const std::string& code);
    TemplateInfo copy_template(std::int64_t pole_id, std::int64_t user_id, const std::string& from,
                               const std::string& code);
    TemplateInfo save_template(std::int64_t pole_id, std::int64_t user_id, const std::string& code,
                               const Json& document);

    // Projects.
    Project create_project(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                           ProjectInput input);
    Project update_project(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                           ProjectInput input);
    void remove_project(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Project project(std::int64_t pole_id, std::int64_t id);
    ProjectPage projects(std::int64_t pole_id, ProjectFilter filter);
    ProjectDetail detail(std::int64_t pole_id, std::int64_t id, Date today);
    std::vector<KanbanColumn> kanban(std::int64_t pole_id, const ProjectFilter& filter,
                                     std::size_t per_column);
    Project transition(std::int64_t pole_id, std::optional<std::int64_t> user_id, std::int64_t id,
                       TransitionInput input, Date today);
    void set_deliverable(std::int64_t pole_id, std::optional<std::int64_t> user_id, std::int64_t id,
                         const std::string& code, std::optional<std::string> done_on,
                         std::optional<std::string> note, Date today);
    void clear_deliverable(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                           const std::string& code);

    // Promoters are personal data: every read is written to the access log.
    std::vector<Promoter> promoters(std::int64_t pole_id, std::int64_t user_id,
                                    std::int64_t project_id);
    Promoter add_promoter(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                          std::int64_t project_id, PromoterInput input);
    Promoter update_promoter(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                             PromoterInput input);
    void remove_promoter(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    // Support actions, follow-up visits, test contracts, declared jobs.
    SupportAction add_action(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                             std::int64_t project_id, ActionInput input, Date today);
    void remove_action(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Visit schedule_visit(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         std::int64_t project_id, VisitInput input, Date today);
    Visit update_visit(std::int64_t pole_id, std::optional<std::int64_t> user_id, std::int64_t id,
                       VisitInput input, Date today);
    void remove_visit(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    TestContract add_contract(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                              std::int64_t project_id, TestContractInput input, Date today);
    TestContract update_contract(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                 TestContractInput input, Date today);
    void declare_jobs(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                      std::int64_t project_id, JobsDeclaration jobs);
    void remove_jobs(std::int64_t pole_id, std::int64_t user_id, std::int64_t project_id, int year);

    // Mentors and experts, routing, pairings.
    MentorPage mentors(std::int64_t pole_id, MentorFilter filter);
    Mentor mentor(std::int64_t pole_id, std::int64_t id);
    Mentor create_mentor(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         MentorInput input);
    Mentor update_mentor(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                         MentorInput input);
    void remove_mentor(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Suggestions suggest(std::int64_t pole_id, std::int64_t project_id, RoutingRequest request);
    Mentorship confirm_pairing(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                               std::int64_t project_id, MentorshipInput input, Date today);
    Mentorship end_mentorship(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                              std::optional<std::string> on, Date today);

    // Dashboards and alerts.
    Dashboard dashboard(std::int64_t pole_id, Date today, std::size_t alert_limit = 20);
    std::vector<AlertView> alerts(std::int64_t pole_id, Date today,
                                  std::optional<std::int64_t> project_id = std::nullopt);

    // For the other modules (network, evaluation).
    std::vector<MentoringLink> mentoring_links(std::int64_t pole_id, int year);
    std::optional<std::string> project_title(std::int64_t pole_id, std::int64_t project_id);

    struct PoleCounts {
        std::int64_t projects = 0, active = 0, mentors = 0;
    };
    PoleCounts counts(std::int64_t pole_id);

  private:
    void record_shipped_templates();
    TemplatePtr template_by_id(store::Connection& c, std::int64_t id);
    TemplateInfo resolve_template(store::Connection& c, std::int64_t pole_id,
                                  const std::string& code);
    TemplateInfo save_version(store::Connection& c, std::int64_t pole_id, std::int64_t user_id,
                              const std::string& code, Json document,
                              std::optional<std::string> based_on);
    Project require_project(store::Connection& c, std::int64_t pole_id, std::int64_t id);
    void check_references(store::Connection& c, std::int64_t pole_id, const ProjectInput& input);
    void fill_names(Project& project);
    void fill_names(std::vector<Project>& projects);
    void schedule_plan_visits(store::Connection& c, std::int64_t pole_id, std::int64_t project_id,
                              const Step& step, Date entered_on);
    Checks checks(Date today) const { return {vocabulary_, territory_, today}; }
    std::vector<AlertView> with_titles(store::Connection& c, std::int64_t pole_id,
                                       std::vector<Alert> alerts, std::size_t limit);

    store::Database& database_;
    const Vocabulary& vocabulary_;
    const territory::Territory& territory_;
    PathwayRules rules_;
    OriginCatalog origins_;
    std::map<std::string, std::int64_t> shipped_ids_;  // code → recorded id of the current version
    std::mutex cache_mutex_;
    std::map<std::int64_t, TemplatePtr> cache_;  // recorded versions never change
};

}  // namespace maillage::pathways
