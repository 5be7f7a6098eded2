#pragma once
// The pathways module's records: projects on a pathway, their promoters (personal data),
// the transition log, support actions, mentors and mentorships, follow-up visits, test
// contracts and declared jobs. Dates are ISO "YYYY-MM-DD" text; timestamps ISO UTC.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace maillage::pathways {

// What a user may set on a project. The pathway state is changed only by transitions.
struct ProjectInput {
    std::string title;
    std::optional<std::string> summary;
    std::optional<std::string> commune;           // INSEE or ISTAT code
    std::optional<std::string> naf;               // sector, a NAF code (any level)
    std::optional<std::string> legal_form;        // project_legal_form enumeration
    std::string origin_kind;                      // project_origin enumeration
    std::optional<std::int64_t> origin_ref;       // need group or call id (needs module)
    std::optional<std::int64_t> origin_actor_id;  // the institution or cooperative that asked
    std::optional<std::string> origin_note;
    std::string template_code;  // on creation only
    std::optional<std::string> started_on;
    std::optional<std::string> created_on;  // legal creation
    std::optional<std::string> ceased_on;
    std::optional<std::int64_t> actor_id;  // the project once it is an actor of the directory
};

struct TemplateRef {
    std::int64_t id = 0;
    std::string code;
    int version = 1;
    std::string model;
    bool shipped = true;
};

struct Project : ProjectInput {
    std::int64_t id = 0;
    std::int64_t pole_id = 0;
    std::optional<std::string> sector;  // NAF section letter derived from naf
    std::optional<std::string> commune_name, origin_title, origin_actor_name, actor_name;
    TemplateRef pathway;
    std::string step, stage, status;
    std::string step_entered_on;
    std::optional<std::string> step_due_on, closed_on;
    std::int64_t promoter_count = 0;
    std::string created_at, updated_at;
};

struct ProjectFilter {
    std::optional<std::string> text, stage, step, status, model, template_code, legal_form;
    std::string order = "title";  // or "entered": longest in the current step first
    std::int64_t page = 1;
    std::int64_t per_page = 50;
};

struct ProjectPage {
    std::vector<Project> items;
    std::int64_t total = 0, page = 1, per_page = 50;
};

// A member of the promoter group: the least a coordinator needs, and a pseudonym will do.
struct PromoterInput {
    std::string alias;
    bool pseudonymous = false;
    std::optional<std::string> role;  // "lead", "member"…
    std::optional<bool> under_30;     // for the under-30 aid of "de l'envie au projet"
    std::optional<std::string> contact;
};

struct Promoter : PromoterInput {
    std::int64_t id = 0, project_id = 0;
};

struct TransitionInput {
    std::string action;
    std::optional<std::string> to, note, on_date;
};

struct TransitionRecord {
    std::int64_t id = 0;
    std::string at, on_date;
    std::optional<std::string> user;
    std::string action, from_step, from_status, to_step, to_status;
    std::int64_t days_in_step = 0;
    std::optional<std::string> note;
};

struct DeliverableRecord {
    std::string step, code, done_on;
    std::optional<std::string> note;
};

// Coaching sessions, mentoring sessions, expert interventions, training modules, hotline
// contacts: the support_kind enumeration.
struct ActionInput {
    std::string kind;
    std::string on_date;
    std::optional<std::int64_t> minutes;
    std::optional<std::string> subject;  // mentoring_subject enumeration
    std::optional<std::string> need, outcome;
    std::optional<std::int64_t> mentorship_id, mentor_id, funder_actor_id;
    std::optional<std::string> funder_name;
};

struct SupportAction : ActionInput {
    std::int64_t id = 0, project_id = 0;
    std::string step;
    std::optional<std::string> mentor_name, funder_actor_name;
};

struct MentorInput {
    std::string kind;  // person (an experienced leader) or expert (a firm's consultant)
    std::string name;
    std::optional<std::int64_t> actor_id;  // the organisation they belong to
    std::optional<std::string> commune;
    std::int64_t capacity = 3;
    std::optional<std::int64_t> experience_years;
    std::vector<std::string> subjects;  // mentoring_subject enumeration
    std::vector<std::string> sectors;   // NAF sections
    bool active = true;
    std::optional<std::string> bio;
};

struct Mentor : MentorInput {
    std::int64_t id = 0;
    std::optional<std::string> actor_name, commune_name;
    std::int64_t current = 0;  // active mentorships
    std::int64_t total = 0;    // every mentorship
};

struct MentorFilter {
    std::optional<std::string> text, kind, subject, sector;
    bool include_inactive = false;
    std::int64_t page = 1, per_page = 50;
};

struct MentorPage {
    std::vector<Mentor> items;
    std::int64_t total = 0, page = 1, per_page = 50;
};

// A confirmed pairing: a mentor or expert (mentor_id) or a tutor cooperative (tutor_actor_id).
struct MentorshipInput {
    std::string kind;  // mentoring, expert, tutoring
    std::optional<std::int64_t> mentor_id, tutor_actor_id;
    std::vector<std::string> objectives;
    std::optional<std::string> started_on;
    std::optional<std::string> factors;  // the routing breakdown shown when confirming (JSON)
};

struct Mentorship : MentorshipInput {
    std::int64_t id = 0, project_id = 0;
    std::string status;  // active, ended
    std::optional<std::string> ended_on, partner_name;
    std::optional<std::int64_t> partner_actor_id;
    std::int64_t sessions = 0;
};

struct VisitInput {
    std::string due_on;
    std::optional<std::string> done_on, note;
};

struct Visit : VisitInput {
    std::int64_t id = 0, project_id = 0;
    std::string origin;  // "plan" (from the template) or "manual"
};

struct TestContractInput {
    std::string kind = "cape";
    std::optional<std::int64_t> host_actor_id;  // the business incubator (couveuse)
    std::string start_on, end_on;
    std::optional<std::string> followup_end_on, ended_on, note;
};

struct TestContract : TestContractInput {
    std::int64_t id = 0, project_id = 0;
    std::optional<std::string> host_name;
};

struct JobsDeclaration {
    int year = 0;
    std::int64_t jobs = 0;
    std::optional<double> fte;
};

// A Grille II relation the network module derives from a pairing (see mentoring_links).
struct MentoringLink {
    std::int64_t from_actor_id = 0;  // the mentor's organisation or the tutor cooperative
    std::int64_t to_actor_id = 0;    // the project, once it is an actor
    std::string kind;                // mentoring, expert, tutoring
    std::string date;                // when the pairing started
    std::int64_t project_id = 0;
};

// Titles of the needs observatory's records, injected by the composition root (the needs
// module); unset functions mean the observatory is not connected.
struct OriginCatalog {
    std::function<std::optional<std::string>(std::int64_t pole, std::int64_t id)> need_group_title,
        call_title;
};

}  // namespace maillage::pathways
