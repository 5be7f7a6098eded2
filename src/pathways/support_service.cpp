// Support around a project: actions (coaching, mentoring sessions, experts, training,
// hotline), follow-up visits, test contracts and declared jobs.
#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "pathways/pathway_service.hpp"
#include "pathways/project_store.hpp"
#include "pathways/support_store.hpp"

namespace maillage::pathways {

using store::Connection;

namespace {

Error missing(const std::string& what) {
    return Error(ErrorCode::not_found, "no such " + what + " in this pole", "id");
}

}  // namespace

SupportAction PathwayService::add_action(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                         std::int64_t project_id, ActionInput input, Date today) {
    reject_if_any(check_action(input, checks(today)));
    auto id = database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        require_actor(c, "funder_actor_id", input.funder_actor_id);
        if (input.mentorship_id) {
            auto m = storage::mentorship(c, pole_id, *input.mentorship_id);
            if (!m || m->project_id != project_id)
                throw invalid("mentorship_id", "is not a pairing of this project");
            if (m->mentor_id) input.mentor_id = m->mentor_id;
        }
        if (input.mentor_id && c.query("SELECT 1 FROM pathway_mentors WHERE id = ? AND pole_id = ?",
                                       {*input.mentor_id, pole_id})
                                   .empty())
            throw invalid("mentor_id", "no such mentor in this pole");
        auto id = storage::insert_action(c, pole_id, project_id, p.step, input, user_id);
        accounts::record_activity(c, pole_id, user_id, "create", "support_action", id,
                                  p.title + ": " + input.kind + " " + input.on_date);
        return id;
    });
    return database_.read([&](Connection& c) {
        for (auto& a : storage::actions_of(c, pole_id, project_id))
            if (a.id == id) return a;
        throw missing("support action");
    });
}

void PathwayService::remove_action(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_action(c, pole_id, id)) throw missing("support action");
        accounts::record_activity(c, pole_id, user_id, "delete", "support_action", id, "");
    });
}

Visit PathwayService::schedule_visit(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                     std::int64_t project_id, VisitInput input, Date today) {
    reject_if_any(check_visit(input, checks(today)));
    return database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        auto id = storage::insert_visit(c, pole_id, project_id, input, "manual", user_id);
        accounts::record_activity(c, pole_id, user_id, "schedule", "visit", id,
                                  p.title + ": " + input.due_on);
        return *storage::visit(c, pole_id, id);
    });
}

Visit PathwayService::update_visit(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   std::int64_t id, VisitInput input, Date today) {
    reject_if_any(check_visit(input, checks(today)));
    return database_.write([&](Connection& c) {
        if (!storage::update_visit(c, pole_id, id, input)) throw missing("visit");
        accounts::record_activity(c, pole_id, user_id, input.done_on ? "done" : "update", "visit",
                                  id, input.done_on.value_or(input.due_on));
        return *storage::visit(c, pole_id, id);
    });
}

void PathwayService::remove_visit(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_visit(c, pole_id, id)) throw missing("visit");
        accounts::record_activity(c, pole_id, user_id, "delete", "visit", id, "");
    });
}

namespace {

// Checks a contract against the project template's rule and fills the follow-up end.
void apply_contract_rule(const PathwayTemplate& pathway, TestContractInput& input) {
    if (!pathway.test_contract) return;
    const auto& rule = *pathway.test_contract;
    auto problem =
        test_contract_problem(rule, *parse_date(input.start_on), *parse_date(input.end_on));
    if (!problem.empty()) throw invalid("end_on", problem);
    if (!input.followup_end_on) {
        Date exit = *parse_date(input.ended_on.value_or(input.end_on));
        input.followup_end_on = to_iso(followup_end(rule, exit));
    }
}

}  // namespace

TestContract PathwayService::add_contract(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                          std::int64_t project_id, TestContractInput input,
                                          Date today) {
    reject_if_any(check_contract(input, checks(today)));
    return database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        require_actor(c, "host_actor_id", input.host_actor_id);
        apply_contract_rule(*template_by_id(c, p.pathway.id), input);
        auto id = storage::insert_contract(c, pole_id, project_id, input);
        accounts::record_activity(c, pole_id, user_id, "create", "test_contract", id,
                                  p.title + ": " + input.start_on + " → " + input.end_on);
        return *storage::contract(c, pole_id, id);
    });
}

TestContract PathwayService::update_contract(std::int64_t pole_id, std::int64_t user_id,
                                             std::int64_t id, TestContractInput input, Date today) {
    reject_if_any(check_contract(input, checks(today)));
    return database_.write([&](Connection& c) {
        auto existing = storage::contract(c, pole_id, id);
        if (!existing) throw missing("test contract");
        auto p = require_project(c, pole_id, existing->project_id);
        require_actor(c, "host_actor_id", input.host_actor_id);
        apply_contract_rule(*template_by_id(c, p.pathway.id), input);
        storage::update_contract(c, pole_id, id, input);
        accounts::record_activity(c, pole_id, user_id, "update", "test_contract", id, p.title);
        return *storage::contract(c, pole_id, id);
    });
}

void PathwayService::declare_jobs(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                  std::int64_t project_id, JobsDeclaration jobs) {
    reject_if_any(check_jobs(jobs));
    database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        storage::set_jobs(c, pole_id, project_id, jobs);
        accounts::record_activity(
            c, pole_id, user_id, "declare", "jobs", project_id,
            p.title + ": " + std::to_string(jobs.jobs) + " jobs in " + std::to_string(jobs.year));
    });
}

void PathwayService::remove_jobs(std::int64_t pole_id, std::int64_t user_id,
                                 std::int64_t project_id, int year) {
    database_.write([&](Connection& c) {
        require_project(c, pole_id, project_id);
        if (!storage::delete_jobs(c, pole_id, project_id, year))
            throw Error(ErrorCode::not_found, "no jobs declared for that year", "year");
        accounts::record_activity(c, pole_id, user_id, "delete", "jobs", project_id,
                                  std::to_string(year));
    });
}

}  // namespace maillage::pathways
