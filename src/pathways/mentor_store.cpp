#include "pathways/mentor_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "pathways/sql.hpp"

namespace maillage::pathways::storage {

using store::nullable;
using store::Params;

namespace {

store::Value coordinate(const std::optional<GeoPoint>& p, bool lat) {
    if (!p) return nullptr;
    return lat ? p->lat : p->lon;
}

void write_lists(Connection& c, std::int64_t pole_id, std::int64_t id, const MentorRow& row) {
    c.execute("DELETE FROM pathway_mentor_subjects WHERE mentor_id = ?", {id});
    c.execute("DELETE FROM pathway_mentor_sectors WHERE mentor_id = ?", {id});
    for (std::size_t i = 0; i < row.input.subjects.size(); ++i)
        c.execute(
            "INSERT INTO pathway_mentor_subjects (pole_id, mentor_id, subject, family) VALUES (?, "
            "?, ?, ?)",
            {pole_id, id, row.input.subjects[i], row.subject_families[i]});
    for (const auto& section : row.input.sectors)
        c.execute(
            "INSERT INTO pathway_mentor_sectors (pole_id, mentor_id, section) VALUES (?, ?, ?)",
            {pole_id, id, section});
}

Params mentor_values(const MentorRow& row) {
    const auto& in = row.input;
    return {in.kind,
            in.name,
            text::fold(in.name),
            nullable(in.actor_id),
            nullable(in.commune),
            coordinate(row.place, true),
            coordinate(row.place, false),
            in.capacity,
            nullable(in.experience_years),
            std::int64_t(in.active ? 1 : 0),
            nullable(in.bio),
            clock::now_iso()};
}

}  // namespace

std::int64_t insert_mentor(Connection& c, std::int64_t pole_id, const MentorRow& row) {
    Params params = {pole_id};
    for (auto& v : mentor_values(row)) params.push_back(std::move(v));
    params.push_back(clock::now_iso());
    auto id = c.query(
                   "INSERT INTO pathway_mentors (pole_id, kind, name, name_folded, actor_id, "
                   "commune, lat, lon, capacity, experience_years, active, bio, updated_at, "
                   "created_at) VALUES (" +
                       placeholders(params.size()) + ") RETURNING id",
                   params)[0]
                  .integer(0);
    write_lists(c, pole_id, id, row);
    return id;
}

bool update_mentor(Connection& c, std::int64_t pole_id, std::int64_t id, const MentorRow& row) {
    Params params = mentor_values(row);
    params.push_back(id);
    params.push_back(pole_id);
    if (c.execute("UPDATE pathway_mentors SET kind = ?, name = ?, name_folded = ?, actor_id = ?, "
                  "commune = ?, lat = ?, lon = ?, capacity = ?, experience_years = ?, active = ?, "
                  "bio = ?, updated_at = ? WHERE id = ? AND pole_id = ?",
                  params) == 0)
        return false;
    write_lists(c, pole_id, id, row);
    return true;
}

bool delete_mentor(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM pathway_mentors WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

std::int64_t mentorship_count(Connection& c, std::int64_t mentor_id) {
    return c.query("SELECT COUNT(*) FROM pathway_mentorships WHERE mentor_id = ?", {mentor_id})[0]
        .integer(0);
}

std::vector<Mentor> load_mentors(Connection& c, std::int64_t pole_id,
                                 const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    Params params = {pole_id};
    for (auto id : ids) params.push_back(id);
    std::string in = " IN (" + placeholders(ids.size()) + ")";
    std::unordered_map<std::int64_t, Mentor> found;
    for (const auto& r :
         c.query("SELECT m.id, m.kind, m.name, m.actor_id, a.name, m.commune, m.capacity, "
                 "m.experience_years, m.active, m.bio, (SELECT COUNT(*) FROM pathway_mentorships s "
                 "WHERE s.mentor_id = m.id AND s.status = 'active'), (SELECT COUNT(*) FROM "
                 "pathway_mentorships s WHERE s.mentor_id = m.id) FROM pathway_mentors m LEFT JOIN "
                 "actors a ON a.id = m.actor_id WHERE m.pole_id = ? AND m.id" +
                     in,
                 params)) {
        Mentor m;
        m.id = r.integer(0);
        m.kind = r.text(1);
        m.name = r.text(2);
        m.actor_id = r.optional_integer(3);
        m.actor_name = r.optional_text(4);
        m.commune = r.optional_text(5);
        m.capacity = r.integer(6);
        m.experience_years = r.optional_integer(7);
        m.active = r.integer(8) != 0;
        m.bio = r.optional_text(9);
        m.current = r.integer(10);
        m.total = r.integer(11);
        found.emplace(m.id, std::move(m));
    }
    for (const auto& r : c.query("SELECT mentor_id, subject FROM pathway_mentor_subjects WHERE "
                                 "pole_id = ? AND mentor_id" +
                                     in + " ORDER BY mentor_id, subject",
                                 params))
        found[r.integer(0)].subjects.push_back(r.text(1));
    for (const auto& r : c.query("SELECT mentor_id, section FROM pathway_mentor_sectors WHERE "
                                 "pole_id = ? AND mentor_id" +
                                     in + " ORDER BY mentor_id, section",
                                 params))
        found[r.integer(0)].sectors.push_back(r.text(1));
    std::vector<Mentor> out;
    for (auto id : ids)
        if (auto it = found.find(id); it != found.end() && it->second.id) out.push_back(it->second);
    return out;
}

MentorMatches search_mentors(Connection& c, std::int64_t pole_id, const MentorFilter& f) {
    std::string where = " WHERE m.pole_id = ?";
    Params params = {pole_id};
    if (!f.include_inactive) where += " AND m.active = 1";
    if (f.kind) {
        where += " AND m.kind = ?";
        params.push_back(*f.kind);
    }
    if (f.subject) {
        where +=
            " AND m.id IN (SELECT s.mentor_id FROM pathway_mentor_subjects s WHERE s.pole_id "
            "= m.pole_id AND (s.subject = ? OR s.family = ?))";
        params.push_back(*f.subject);
        params.push_back(*f.subject);
    }
    if (f.sector) {
        where +=
            " AND m.id IN (SELECT s.mentor_id FROM pathway_mentor_sectors s WHERE s.pole_id = "
            "m.pole_id AND s.section = ?)";
        params.push_back(*f.sector);
    }
    if (f.text)
        for (const auto& word : text::words(*f.text)) {
            where += " AND m.name_folded LIKE ?";
            params.push_back("%" + word + "%");
        }
    MentorMatches m;
    m.total = c.query("SELECT COUNT(*) FROM pathway_mentors m" + where, params)[0].integer(0);
    params.push_back(f.per_page);
    params.push_back((f.page - 1) * f.per_page);
    for (const auto& r : c.query("SELECT m.id FROM pathway_mentors m" + where +
                                     " ORDER BY m.name_folded, m.id LIMIT ? OFFSET ?",
                                 params))
        m.ids.push_back(r.integer(0));
    return m;
}

std::vector<MentorCandidate> mentor_candidates(Connection& c, std::int64_t pole_id,
                                               const CandidateQuery& q) {
    std::vector<MentorCandidate> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const auto& r : c.query("SELECT id, name, lat, lon, capacity FROM pathway_mentors WHERE "
                                 "pole_id = ? AND kind = ? AND active = 1 ORDER BY id",
                                 {pole_id, q.kind})) {
        MentorCandidate m;
        m.id = r.integer(0);
        m.name = r.text(1);
        if (!r.is_null(2) && !r.is_null(3)) m.place = GeoPoint{r.real(2), r.real(3)};
        m.capacity = int(r.integer(4));
        index.emplace(m.id, out.size());
        out.push_back(std::move(m));
    }
    auto each = [&](const std::string& sql, const Params& params, auto&& apply) {
        for (const auto& r : c.query(sql, params))
            if (auto it = index.find(r.integer(0)); it != index.end()) apply(out[it->second], r);
    };
    if (!q.families.empty()) {
        Params params = {pole_id};
        for (const auto& f : q.families) params.push_back(f);
        each(
            "SELECT mentor_id, subject FROM pathway_mentor_subjects WHERE pole_id = ? AND family "
            "IN (" +
                placeholders(q.families.size()) + ")",
            params,
            [](MentorCandidate& m, const store::Row& r) { m.subjects.push_back(r.text(1)); });
    }
    if (q.section)
        each("SELECT mentor_id FROM pathway_mentor_sectors WHERE pole_id = ? AND section = ?",
             {pole_id, *q.section},
             [&](MentorCandidate& m, const store::Row&) { m.sectors.push_back(*q.section); });
    each(
        "SELECT mentor_id, COUNT(*) FROM pathway_mentorships WHERE pole_id = ? AND status = "
        "'active' AND mentor_id IS NOT NULL GROUP BY mentor_id",
        {pole_id}, [](MentorCandidate& m, const store::Row& r) { m.current = int(r.integer(1)); });
    if (q.section || q.legal_form)
        each(
            "SELECT s.mentor_id, COUNT(*) FROM pathway_mentorships s JOIN pathway_projects p ON "
            "p.id = s.project_id WHERE s.pole_id = ? AND s.mentor_id IS NOT NULL AND s.project_id "
            "<> ? AND (p.sector = ? OR p.legal_form = ?) GROUP BY s.mentor_id",
            {pole_id, q.project_id, nullable(q.section), nullable(q.legal_form)},
            [](MentorCandidate& m, const store::Row& r) { m.similar = int(r.integer(1)); });
    // Mentors already working with the project are not suggested again.
    std::vector<std::int64_t> own;
    for (const auto& r : c.query("SELECT mentor_id FROM pathway_mentorships WHERE project_id = ? "
                                 "AND status = 'active' AND mentor_id IS NOT NULL",
                                 {q.project_id}))
        own.push_back(r.integer(0));
    if (!own.empty())
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const MentorCandidate& m) {
                                     return std::find(own.begin(), own.end(), m.id) != own.end();
                                 }),
                  out.end());
    return out;
}

std::vector<TutorRow> tutor_candidates(Connection& c, std::int64_t pole_id,
                                       const std::vector<std::string>& kinds,
                                       std::int64_t project_id,
                                       std::optional<std::int64_t> project_actor_id) {
    if (kinds.empty()) return {};
    Params params = {pole_id};
    for (const auto& k : kinds) params.push_back(k);
    params.push_back(project_actor_id.value_or(0));
    params.push_back(project_id);
    std::vector<TutorRow> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const auto& r :
         c.query("SELECT a.id, a.name, a.kind, a.naf, a.commune, a.lat, a.lon FROM actors a JOIN "
                 "actor_poles ap ON ap.actor_id = a.id WHERE ap.pole_id = ? AND a.kind IN (" +
                     placeholders(kinds.size()) +
                     ") AND a.id <> ? AND a.id NOT IN (SELECT s.tutor_actor_id FROM "
                     "pathway_mentorships s WHERE s.project_id = ? AND s.status = 'active' AND "
                     "s.tutor_actor_id IS NOT NULL) ORDER BY a.id",
                 params)) {
        TutorRow t;
        t.actor_id = r.integer(0);
        t.name = r.text(1);
        t.kind = r.text(2);
        t.naf = r.optional_text(3);
        t.commune = r.optional_text(4);
        if (!r.is_null(5) && !r.is_null(6)) t.place = GeoPoint{r.real(5), r.real(6)};
        index.emplace(t.actor_id, out.size());
        out.push_back(std::move(t));
    }
    for (const auto& r : c.query("SELECT tutor_actor_id, COUNT(*) FROM pathway_mentorships WHERE "
                                 "pole_id = ? AND status = 'active' AND tutor_actor_id IS NOT "
                                 "NULL GROUP BY tutor_actor_id",
                                 {pole_id}))
        if (auto it = index.find(r.integer(0)); it != index.end())
            out[it->second].current = int(r.integer(1));
    return out;
}

}  // namespace maillage::pathways::storage
