// Mentors and experts, routing suggestions and the pairings a coordinator confirms.
#include <algorithm>

#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "pathways/mentor_store.hpp"
#include "pathways/pathway_service.hpp"
#include "pathways/project_store.hpp"
#include "pathways/support_store.hpp"

namespace maillage::pathways {

using store::Connection;

namespace {

Error no_mentor() {
    return Error(ErrorCode::not_found, "no such mentor in this pole", "id");
}

}  // namespace

MentorPage PathwayService::mentors(std::int64_t pole_id, MentorFilter filter) {
    if (filter.page < 1) throw invalid("page", "must be 1 or more");
    if (filter.per_page < 1 || filter.per_page > 200)
        throw invalid("per_page", "must be from 1 to 200");
    auto page = database_.read([&](Connection& c) {
        auto m = storage::search_mentors(c, pole_id, filter);
        return MentorPage{storage::load_mentors(c, pole_id, m.ids), m.total, filter.page,
                          filter.per_page};
    });
    for (auto& m : page.items)
        if (m.commune)
            if (const auto* commune = territory_.commune(*m.commune))
                m.commune_name = commune->name;
    return page;
}

Mentor PathwayService::mentor(std::int64_t pole_id, std::int64_t id) {
    auto found =
        database_.read([&](Connection& c) { return storage::load_mentors(c, pole_id, {id}); });
    if (found.empty()) throw no_mentor();
    auto m = found.front();
    if (m.commune)
        if (const auto* commune = territory_.commune(*m.commune)) m.commune_name = commune->name;
    return m;
}

namespace {

storage::MentorRow mentor_row(const MentorInput& input, const Vocabulary& vocabulary,
                              const territory::Territory& territory) {
    storage::MentorRow row{input, {}, std::nullopt};
    for (const auto& s : input.subjects)
        row.subject_families.push_back(vocabulary.family("pathway_subject", s));
    if (input.commune)
        if (const auto* commune = territory.commune(*input.commune))
            row.place = GeoPoint{commune->lat, commune->lon};
    return row;
}

}  // namespace

Mentor PathwayService::create_mentor(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                     MentorInput input) {
    reject_if_any(check_mentor(input, checks(today_utc())));
    auto id = database_.write([&](Connection& c) {
        require_actor(c, "actor_id", input.actor_id);
        auto id = storage::insert_mentor(c, pole_id, mentor_row(input, vocabulary_, territory_));
        accounts::record_activity(c, pole_id, user_id, "create", "mentor", id, input.name);
        return id;
    });
    return mentor(pole_id, id);
}

Mentor PathwayService::update_mentor(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                     MentorInput input) {
    reject_if_any(check_mentor(input, checks(today_utc())));
    database_.write([&](Connection& c) {
        require_actor(c, "actor_id", input.actor_id);
        if (!storage::update_mentor(c, pole_id, id, mentor_row(input, vocabulary_, territory_)))
            throw no_mentor();
        accounts::record_activity(c, pole_id, user_id, "update", "mentor", id, input.name);
    });
    return mentor(pole_id, id);
}

void PathwayService::remove_mentor(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (storage::load_mentors(c, pole_id, {id}).empty()) throw no_mentor();
        if (storage::mentorship_count(c, id) > 0)
            throw Error(ErrorCode::conflict,
                        "this mentor has pairings on record: mark them inactive instead", "id");
        storage::delete_mentor(c, pole_id, id);
        accounts::record_activity(c, pole_id, user_id, "delete", "mentor", id, "");
    });
}

Suggestions PathwayService::suggest(std::int64_t pole_id, std::int64_t project_id,
                                    RoutingRequest request) {
    if (request.kind != "mentoring" && request.kind != "expert" && request.kind != "tutoring")
        throw invalid("kind", "must be mentoring, expert or tutoring");
    if (request.limit < 1 || request.limit > 100) throw invalid("limit", "must be from 1 to 100");
    for (std::size_t i = 0; i < request.subjects.size(); ++i)
        if (!vocabulary_.contains("pathway_subject", request.subjects[i]))
            throw invalid("subjects", "'" + request.subjects[i] + "' is not a pathway_subject");
    return database_.read([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        Suggestions s;
        s.kind = request.kind;
        s.profile.naf = p.naf;
        s.profile.section = p.sector;
        s.profile.legal_form = p.legal_form;
        if (p.commune)
            if (const auto* commune = territory_.commune(*p.commune))
                s.profile.place = GeoPoint{commune->lat, commune->lon};
        if (request.kind == "tutoring") {
            s.rules = rules_.routing.tutor;
            std::vector<TutorCandidate> candidates;
            for (auto& row : storage::tutor_candidates(
                     c, pole_id, vocabulary_.members_of_family("actor_kind", "cooperative"),
                     project_id, p.actor_id)) {
                TutorCandidate t{
                    row.actor_id, row.name,
                    row.kind,     vocabulary_.family("actor_kind", row.kind),
                    row.naf,      row.naf ? naf_section(territory_, *row.naf) : std::nullopt,
                    row.place,    row.current};
                candidates.push_back(std::move(t));
                s.tutors.emplace(row.actor_id, std::move(row));
            }
            s.ranking = rank_tutors(s.profile, candidates, s.rules, request.limit);
            return s;
        }
        s.profile.subjects = request.subjects;
        if (s.profile.subjects.empty()) {
            auto pathway = template_by_id(c, p.pathway.id);
            if (const auto* step = pathway->step(p.step)) s.profile.subjects = step->subjects;
        }
        s.rules = request.kind == "expert" ? rules_.routing.expert : rules_.routing.mentor;
        storage::CandidateQuery query{
            request.kind == "expert" ? "expert" : "person", {}, p.sector, p.legal_form, project_id};
        SubjectFamilies families;
        for (const auto& subject : s.profile.subjects) {
            auto family = vocabulary_.family("pathway_subject", subject);
            families[subject] = family;
            if (std::find(query.families.begin(), query.families.end(), family) ==
                query.families.end())
                query.families.push_back(family);
        }
        auto candidates = storage::mentor_candidates(c, pole_id, query);
        for (const auto& m : candidates)
            for (const auto& subject : m.subjects)
                families.emplace(subject, vocabulary_.family("pathway_subject", subject));
        s.ranking = rank_mentors(s.profile, candidates, s.rules, families, request.limit);
        std::vector<std::int64_t> ids;
        for (const auto& r : s.ranking.candidates) ids.push_back(r.id);
        s.mentors = storage::load_mentors(c, pole_id, ids);
        return s;
    });
}

Mentorship PathwayService::confirm_pairing(std::int64_t pole_id,
                                           std::optional<std::int64_t> user_id,
                                           std::int64_t project_id, MentorshipInput input,
                                           Date today) {
    reject_if_any(check_mentorship(input, checks(today)));
    return database_.write([&](Connection& c) {
        auto p = require_project(c, pole_id, project_id);
        if (p.status == "abandoned" || p.status == "completed")
            throw Error(ErrorCode::conflict, "the project's pathway is " + p.status, "project");
        std::string partner;
        if (input.mentor_id) {
            auto found = storage::load_mentors(c, pole_id, {*input.mentor_id});
            if (found.empty()) throw invalid("mentor_id", "no such mentor in this pole");
            const auto& m = found.front();
            std::string wanted = input.kind == "expert" ? "expert" : "person";
            if (m.kind != wanted)
                throw invalid("mentor_id",
                              "a " + input.kind + " pairing needs a mentor of kind " + wanted);
            if (!m.active) throw Error(ErrorCode::conflict, m.name + " is inactive", "mentor_id");
            if (m.current >= m.capacity)
                throw Error(ErrorCode::conflict,
                            m.name + " is at capacity (" + std::to_string(m.capacity) + ")",
                            "mentor_id");
            partner = m.name;
        } else {
            auto rows = c.query(
                "SELECT a.name, a.kind FROM actors a JOIN actor_poles ap ON ap.actor_id = a.id "
                "WHERE a.id = ? AND ap.pole_id = ?",
                {*input.tutor_actor_id, pole_id});
            if (rows.empty() || vocabulary_.family("actor_kind", rows[0].text(1)) != "cooperative")
                throw invalid("tutor_actor_id", "is not a cooperative of this pole's directory");
            if (p.actor_id && *p.actor_id == *input.tutor_actor_id)
                throw invalid("tutor_actor_id", "a project cannot tutor itself");
            partner = rows[0].text(0);
        }
        for (const auto& existing : storage::mentorships_of(c, pole_id, project_id))
            if (existing.status == "active" && existing.mentor_id == input.mentor_id &&
                existing.tutor_actor_id == input.tutor_actor_id)
                throw Error(ErrorCode::conflict, partner + " already works with this project",
                            input.mentor_id ? "mentor_id" : "tutor_actor_id");
        auto started = input.started_on.value_or(to_iso(today));
        auto id = storage::insert_mentorship(c, pole_id, project_id, input, started, user_id);
        accounts::record_activity(c, pole_id, user_id, "pair", "project", project_id,
                                  p.title + " ↔ " + partner + " (" + input.kind + ")");
        return *storage::mentorship(c, pole_id, id);
    });
}

Mentorship PathwayService::end_mentorship(std::int64_t pole_id, std::int64_t user_id,
                                          std::int64_t id, std::optional<std::string> on,
                                          Date today) {
    Date day = on ? require_date(*on, "ended_on") : today;
    if (day > today) throw invalid("ended_on", "is in the future");
    return database_.write([&](Connection& c) {
        auto m = storage::mentorship(c, pole_id, id);
        if (!m) throw Error(ErrorCode::not_found, "no such pairing in this pole", "id");
        if (m->status != "active")
            throw Error(ErrorCode::conflict, "this pairing has already ended", "id");
        if (day < *parse_date(*m->started_on))
            throw invalid("ended_on", "is before the pairing started");
        storage::end_mentorship(c, pole_id, id, to_iso(day));
        accounts::record_activity(c, pole_id, user_id, "unpair", "project", m->project_id,
                                  m->partner_name.value_or(""));
        return *storage::mentorship(c, pole_id, id);
    });
}

std::vector<MentoringLink> PathwayService::mentoring_links(std::int64_t pole_id, int year) {
    return database_.read(
        [&](Connection& c) { return storage::mentoring_links(c, pole_id, year); });
}

std::optional<std::string> PathwayService::project_title(std::int64_t pole_id,
                                                         std::int64_t project_id) {
    return database_.read([&](Connection& c) -> std::optional<std::string> {
        auto rows = c.query("SELECT title FROM pathway_projects WHERE id = ? AND pole_id = ?",
                            {project_id, pole_id});
        if (rows.empty()) return std::nullopt;
        return rows[0].text(0);
    });
}

}  // namespace maillage::pathways
