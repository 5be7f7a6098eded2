// The pathway itself: transitions, deliverables, the project page and promoters.
#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "pathways/pathway_service.hpp"
#include "pathways/project_store.hpp"
#include "pathways/support_store.hpp"

namespace maillage::pathways {

using store::Connection;

namespace {

Status status_of(const Project& p) {
    return status_from(p.status).value_or(Status::active);
}

}  // namespace

Project PathwayService::transition(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   std::int64_t id, TransitionInput input, Date today) {
    auto action = action_from(input.action);
    if (!action)
        throw invalid("action", "must be one of advance, rework, pause, resume, abandon, complete");
    std::string note = input.note ? text::trim(*input.note) : "";
    if (note.size() > 5000) throw invalid("note", "is longer than 5000 characters");
    database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, id);
        auto pathway = template_by_id(c, p.pathway.id);
        Date entered = *parse_date(p.step_entered_on);
        Date on = input.on_date ? require_date(*input.on_date, "on_date") : today;
        if (on > today) throw invalid("on_date", "is in the future");
        if (on < entered)
            throw invalid("on_date",
                          "is before the project entered its step (" + p.step_entered_on + ")");
        auto done = storage::done_deliverables(c, id, p.step);
        TransitionRequest request{*action, input.to.value_or(""), note};
        Move move = decide(*pathway, {p.step, status_of(p)}, request, done);
        const Step& next = *pathway->step(move.step);
        bool leaves = move.step != p.step;
        storage::PathwayColumns state{
            move.step,
            next.stage,
            to_string(move.status),
            leaves ? to_iso(on) : p.step_entered_on,
            leaves ? on.days : entered.days,
            leaves ? std::optional(to_iso(step_due(next, on))) : p.step_due_on,
            std::nullopt};
        bool closed = move.status == Status::abandoned || move.status == Status::completed;
        if (closed) state.closed_on = to_iso(on);
        storage::set_pathway(c, id, state);
        if (*action == Action::advance && p.step == pathway->creation_step)
            storage::set_created_on(c, id, to_iso(on));
        if (*action == Action::abandon) storage::set_ceased_on(c, id, to_iso(on));
        if (leaves) schedule_plan_visits(c, pole_id, id, next, on);
        storage::NewTransition log{id,
                                   user_id,
                                   to_iso(on),
                                   input.action,
                                   p.pathway.model,
                                   p.step,
                                   p.stage,
                                   p.status,
                                   move.step,
                                   next.stage,
                                   to_string(move.status),
                                   days_between(entered, on),
                                   note.empty() ? std::nullopt : std::optional(note)};
        storage::insert_transition(c, pole_id, log);
        accounts::record_activity(c, pole_id, user_id, input.action, "project", id,
                                  p.title + ": " + p.step + " → " + move.step);
    });
    return project(pole_id, id);
}

void PathwayService::set_deliverable(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                     std::int64_t id, const std::string& code,
                                     std::optional<std::string> done_on,
                                     std::optional<std::string> note, Date today) {
    Date done = done_on ? require_date(*done_on, "done_on") : today;
    if (done > today) throw invalid("done_on", "is in the future");
    if (note && note->size() > 2000) throw invalid("note", "is longer than 2000 characters");
    database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, id);
        auto pathway = template_by_id(c, p.pathway.id);
        const Step& step = *pathway->step(p.step);
        bool known = false;
        for (const auto& d : step.deliverables) known = known || d.code == code;
        if (!known)
            throw Error(ErrorCode::not_found,
                        "step '" + p.step + "' has no deliverable '" + code + "'", "code");
        storage::set_deliverable(c, pole_id, id, {p.step, code, to_iso(done), note}, user_id);
        accounts::record_activity(c, pole_id, user_id, "deliver", "project", id,
                                  p.title + ": " + code);
    });
}

void PathwayService::clear_deliverable(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                       const std::string& code) {
    database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, id);
        if (!storage::clear_deliverable(c, pole_id, id, p.step, code))
            throw Error(ErrorCode::not_found, "no deliverable '" + code + "' done in this step",
                        "code");
        accounts::record_activity(c, pole_id, user_id, "undeliver", "project", id,
                                  p.title + ": " + code);
    });
}

ProjectDetail PathwayService::detail(std::int64_t pole_id, std::int64_t id, Date today) {
    ProjectDetail d = database_.read([&](Connection& c) {
        ProjectDetail d;
        d.project = require_project(c, pole_id, id);
        d.pathway = template_by_id(c, d.project.pathway.id);
        d.plan = planned_schedule(*d.pathway, *parse_date(*d.project.started_on));
        d.transitions = storage::transitions_of(c, pole_id, id);
        d.stays = actual_stays(d.transitions, today);
        d.deliverables = storage::deliverables_of(c, pole_id, id);
        std::set<std::string> done;
        for (const auto& r : d.deliverables)
            if (r.step == d.project.step) done.insert(r.code);
        d.moves = available_moves(*d.pathway, {d.project.step, status_of(d.project)}, done);
        d.actions = storage::actions_of(c, pole_id, id);
        for (const auto& a : d.actions)
            if (a.kind == "coaching") d.coaching_minutes += a.minutes.value_or(0);
        d.mentorships = storage::mentorships_of(c, pole_id, id);
        d.visits = storage::visits_of(c, pole_id, id);
        d.contracts = storage::contracts_of(c, pole_id, id);
        d.jobs = storage::jobs_of(c, pole_id, id);
        auto schedule = storage::open_schedule(
            c, pole_id, to_iso(latest_due_that_can_fire(today, rules_.alerts)), id);
        d.alerts = pathways::alerts(schedule, today, rules_.alerts);
        return d;
    });
    fill_names(d.project);
    return d;
}

std::vector<Promoter> PathwayService::promoters(std::int64_t pole_id, std::int64_t user_id,
                                                std::int64_t project_id) {
    return database_.write([&](Connection& c) {
        require_project(c, pole_id, project_id);
        accounts::record_access(c, pole_id, user_id, "read", "promoters_of_project", project_id);
        return storage::promoters_of(c, pole_id, project_id);
    });
}

Promoter PathwayService::add_promoter(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                      std::int64_t project_id, PromoterInput input) {
    reject_if_any(check_promoter(input));
    return database_.write([&](Connection& c) {
        require_project(c, pole_id, project_id);
        auto id = storage::insert_promoter(c, pole_id, project_id, input);
        // The activity log is shown to every role: it names the project, not the person.
        accounts::record_activity(c, pole_id, user_id, "create", "promoter", id,
                                  "project " + std::to_string(project_id));
        return *storage::promoter(c, pole_id, id);
    });
}

Promoter PathwayService::update_promoter(std::int64_t pole_id, std::int64_t user_id,
                                         std::int64_t id, PromoterInput input) {
    reject_if_any(check_promoter(input));
    return database_.write([&](Connection& c) {
        if (!storage::update_promoter(c, pole_id, id, input))
            throw Error(ErrorCode::not_found, "no such promoter in this pole", "id");
        accounts::record_activity(c, pole_id, user_id, "update", "promoter", id, "");
        return *storage::promoter(c, pole_id, id);
    });
}

void PathwayService::remove_promoter(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_promoter(c, pole_id, id))
            throw Error(ErrorCode::not_found, "no such promoter in this pole", "id");
        accounts::record_activity(c, pole_id, user_id, "delete", "promoter", id, "");
    });
}

}  // namespace maillage::pathways
