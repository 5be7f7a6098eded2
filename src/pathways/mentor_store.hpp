#pragma once
// SQL for mentors and experts, and the few aggregate reads routing needs (current load,
// experience with similar projects), shaped so that ranking 10,000 mentors stays cheap.
#include <optional>
#include <string>
#include <vector>

#include "pathways/model.hpp"
#include "pathways/routing.hpp"
#include "store/database.hpp"

namespace maillage::pathways::storage {

using store::Connection;

struct MentorRow {
    MentorInput input;
    std::vector<std::string> subject_families;  // one per input.subjects
    std::optional<GeoPoint> place;
};

std::int64_t insert_mentor(Connection& c, std::int64_t pole_id, const MentorRow& row);
bool update_mentor(Connection& c, std::int64_t pole_id, std::int64_t id, const MentorRow& row);
bool delete_mentor(Connection& c, std::int64_t pole_id, std::int64_t id);
std::int64_t mentorship_count(Connection& c, std::int64_t mentor_id);

std::vector<Mentor> load_mentors(Connection& c, std::int64_t pole_id,
                                 const std::vector<std::int64_t>& ids);
struct MentorMatches {
    std::vector<std::int64_t> ids;
    std::int64_t total = 0;
};
MentorMatches search_mentors(Connection& c, std::int64_t pole_id, const MentorFilter& filter);

struct CandidateQuery {
    std::string kind;                       // person or expert
    std::vector<std::string> families;      // of the subjects asked
    std::optional<std::string> section;     // the project's NAF section
    std::optional<std::string> legal_form;  // the project's target legal form
    std::int64_t project_id = 0;            // its own mentors are left out
};

// Active mentors of the kind, with the subjects they have in the families asked, whether
// they cover the section, their current load and their similar past mentorships.
std::vector<MentorCandidate> mentor_candidates(Connection& c, std::int64_t pole_id,
                                               const CandidateQuery& query);

struct TutorRow {
    std::int64_t actor_id = 0;
    std::string name, kind;
    std::optional<std::string> naf, commune;
    std::optional<GeoPoint> place;
    int current = 0;
};
// Actors of the pole whose kind is one of `kinds`, with the projects each tutors now; the
// project's own actor and its current tutors are left out.
std::vector<TutorRow> tutor_candidates(Connection& c, std::int64_t pole_id,
                                       const std::vector<std::string>& kinds,
                                       std::int64_t project_id,
                                       std::optional<std::int64_t> project_actor_id);

}  // namespace maillage::pathways::storage
