// SQL for assessments, their participants, argument log, answers and evidence, and campaigns.
#include "core/clock.hpp"
#include "evaluation/evaluation_store.hpp"

namespace maillage::evaluation::storage {

using store::nullable;
using store::Params;
using store::Row;

namespace {

constexpr const char* kSummary =
    "SELECT a.id, a.grid_id, g.code, g.title, g.version, g.tool, a.subject_kind, a.subject_id, "
    "a.title, a.held_on, a.stage, a.mode, a.status, a.previous_id, a.round_id, "
    "(SELECT MIN(k.id) FROM eval_campaigns k WHERE k.assessment_id = a.id), "
    "(SELECT COUNT(*) FROM eval_participants p WHERE p.assessment_id = a.id), "
    "(SELECT COUNT(*) FROM eval_arguments x WHERE x.assessment_id = a.id AND x.withdrawn = 0), "
    "(SELECT COUNT(*) FROM eval_answers w WHERE w.assessment_id = a.id AND "
    "(w.value_number IS NOT NULL OR w.value_text IS NOT NULL)), "
    "a.revision, a.created_at, a.updated_at, a.notes "
    "FROM eval_assessments a JOIN eval_grids g ON g.id = a.grid_id ";

// 0 stands for no signed-in user (the command line): the column stays empty.
store::Value author(std::int64_t user_id) {
    return user_id ? store::Value(user_id) : store::Value(nullptr);
}

AssessmentSummary summary_from(const Row& r) {
    AssessmentSummary s;
    s.id = r.integer(0);
    s.grid_id = r.integer(1);
    s.grid_code = r.text(2);
    s.grid_title = r.text(3);
    s.grid_version = r.integer(4);
    s.tool = r.text(5);
    s.subject.kind = r.text(6);
    s.subject.id = r.integer(7);
    s.title = r.text(8);
    s.held_on = r.text(9);
    s.stage = r.text(10);
    s.mode = r.text(11);
    s.status = r.text(12);
    s.previous_id = r.optional_integer(13);
    s.round_id = r.optional_integer(14);
    s.campaign_id = r.optional_integer(15);
    s.participants = r.integer(16);
    s.arguments = r.integer(17);
    s.answers = r.integer(18);
    s.revision = r.integer(19);
    s.created_at = r.text(20);
    s.updated_at = r.text(21);
    return s;
}

}  // namespace

std::int64_t insert_assessment(Connection& c, std::int64_t pole_id, std::int64_t user_id,
                               const AssessmentInput& in) {
    auto now = clock::now_iso();
    return c
        .query(
            "INSERT INTO eval_assessments (pole_id, grid_id, subject_kind, subject_id, "
            "title, held_on, stage, mode, status, previous_id, round_id, notes, revision, "
            "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, "
            "?, ?, 1, ?, ?, ?) RETURNING id",
            {pole_id, in.grid_id, in.subject.kind, in.subject.id, in.title, in.held_on, in.stage,
             in.mode, nullable(in.previous_id), nullable(in.round_id), nullable(in.notes),
             author(user_id), now, now})[0]
        .integer(0);
}

void update_assessment(Connection& c, std::int64_t id, const AssessmentSummary& v,
                       const std::optional<std::string>& notes) {
    c.execute(
        "UPDATE eval_assessments SET title = ?, held_on = ?, stage = ?, mode = ?, status = "
        "?, previous_id = ?, notes = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
        {v.title, v.held_on, v.stage, v.mode, v.status, nullable(v.previous_id), nullable(notes),
         clock::now_iso(), id});
}

void set_assessment_grid(Connection& c, std::int64_t id, std::int64_t grid_id) {
    c.execute("UPDATE eval_assessments SET grid_id = ?, revision = revision + 1 WHERE id = ?",
              {grid_id, id});
}

void delete_assessment(Connection& c, std::int64_t id) {
    c.execute("UPDATE eval_assessments SET previous_id = NULL WHERE previous_id = ?", {id});
    c.execute("DELETE FROM eval_arguments WHERE assessment_id = ?", {id});
    c.execute("DELETE FROM eval_assessments WHERE id = ?", {id});
}

void touch(Connection& c, std::int64_t assessment_id) {
    c.execute("UPDATE eval_assessments SET revision = revision + 1, updated_at = ? WHERE id = ?",
              {clock::now_iso(), assessment_id});
}

std::optional<AssessmentSummary> assessment(Connection& c, std::int64_t pole_id, std::int64_t id,
                                            std::optional<std::string>* notes) {
    auto rows = c.query(std::string(kSummary) + "WHERE a.id = ? AND a.pole_id = ?", {id, pole_id});
    if (rows.empty()) return std::nullopt;
    if (notes) *notes = rows[0].optional_text(22);
    return summary_from(rows[0]);
}

std::vector<AssessmentSummary> assessments(Connection& c, std::int64_t pole_id,
                                           const AssessmentFilter& f) {
    std::string sql = std::string(kSummary) + "WHERE a.pole_id = ?";
    Params params{pole_id};
    auto add = [&](const char* condition, store::Value value) {
        sql += condition;
        params.push_back(std::move(value));
    };
    if (f.grid_id) add(" AND a.grid_id = ?", *f.grid_id);
    if (f.grid_code) add(" AND g.code = ?", *f.grid_code);
    if (f.round_id) add(" AND a.round_id = ?", *f.round_id);
    if (f.subject_kind) add(" AND a.subject_kind = ?", *f.subject_kind);
    if (f.subject_id) add(" AND a.subject_id = ?", *f.subject_id);
    if (f.status) add(" AND a.status = ?", *f.status);
    if (f.year) add(" AND substr(a.held_on, 1, 4) = ?", std::to_string(*f.year));
    sql += " ORDER BY a.held_on DESC, a.id DESC";
    std::vector<AssessmentSummary> out;
    for (const auto& r : c.query(sql, params)) out.push_back(summary_from(r));
    return out;
}

std::vector<std::int64_t> assessments_in_year(Connection& c, std::int64_t pole_id,
                                              std::int64_t year) {
    std::vector<std::int64_t> out;
    for (const auto& r : c.query("SELECT id FROM eval_assessments WHERE pole_id = ? AND "
                                 "substr(held_on, 1, 4) = ? ORDER BY id",
                                 {pole_id, std::to_string(year)}))
        out.push_back(r.integer(0));
    return out;
}

// ---- participants

std::int64_t insert_participant(Connection& c, std::int64_t assessment_id,
                                const ParticipantInput& p, std::int64_t position) {
    return c
        .query(
            "INSERT INTO eval_participants (assessment_id, name, actor_id, role, position) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            {assessment_id, p.name, nullable(p.actor_id), nullable(p.role), position})[0]
        .integer(0);
}

std::vector<Participant> participants(Connection& c, std::int64_t assessment_id) {
    std::vector<Participant> out;
    for (const auto& r :
         c.query("SELECT p.id, p.name, p.actor_id, p.role, (SELECT COUNT(*) FROM eval_arguments "
                 "x WHERE x.participant_id = p.id AND x.withdrawn = 0) FROM eval_participants p "
                 "WHERE p.assessment_id = ? ORDER BY p.position, p.id",
                 {assessment_id})) {
        Participant p;
        p.id = r.integer(0);
        p.name = r.text(1);
        p.actor_id = r.optional_integer(2);
        p.role = r.optional_text(3);
        p.arguments = r.integer(4);
        out.push_back(std::move(p));
    }
    return out;
}

bool delete_participant(Connection& c, std::int64_t assessment_id, std::int64_t id) {
    return c.execute("DELETE FROM eval_participants WHERE id = ? AND assessment_id = ?",
                     {id, assessment_id}) > 0;
}

// ---- arguments

std::int64_t insert_argument(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                             const ArgumentInput& a) {
    auto seq = c.query(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM eval_arguments WHERE "
                    "assessment_id = ?",
                    {assessment_id})[0]
                   .integer(0);
    return c
        .query(
            "INSERT INTO eval_arguments (assessment_id, seq, item_code, participant_id, "
            "direction, displacement, text, withdrawn, created_by, created_at) VALUES (?, ?, "
            "?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
            {assessment_id, seq, a.item, a.participant_id, std::int64_t(a.direction),
             a.displacement, a.text, author(user_id), clock::now_iso()})[0]
        .integer(0);
}

std::vector<Argument> arguments(Connection& c, std::int64_t assessment_id) {
    std::vector<Argument> out;
    for (const auto& r : c.query("SELECT id, seq, item_code, participant_id, direction, "
                                 "displacement, text, withdrawn, created_at FROM eval_arguments "
                                 "WHERE assessment_id = ? ORDER BY seq",
                                 {assessment_id})) {
        Argument a;
        a.id = r.integer(0);
        a.seq = r.integer(1);
        a.item = r.text(2);
        a.participant_id = r.integer(3);
        a.direction = int(r.integer(4));
        a.displacement = r.real(5);
        a.text = r.text(6);
        a.withdrawn = r.integer(7) != 0;
        a.created_at = r.text(8);
        out.push_back(std::move(a));
    }
    return out;
}

bool set_withdrawn(Connection& c, std::int64_t assessment_id, std::int64_t id, bool withdrawn) {
    return c.execute("UPDATE eval_arguments SET withdrawn = ? WHERE id = ? AND assessment_id = ?",
                     {std::int64_t(withdrawn ? 1 : 0), id, assessment_id}) > 0;
}

std::int64_t count_arguments_on(Connection& c, std::int64_t assessment_id,
                                const std::string& item) {
    return c
        .query("SELECT COUNT(*) FROM eval_arguments WHERE assessment_id = ? AND item_code = ?",
               {assessment_id, item})[0]
        .integer(0);
}

// ---- answers

Answers answers(Connection& c, std::int64_t assessment_id) {
    Answers out;
    for (const auto& r : c.query("SELECT item_code, value_number, value_text, priority, "
                                 "significant, comment FROM eval_answers WHERE assessment_id = ?",
                                 {assessment_id})) {
        Answer a;
        a.number = r.optional_real(1);
        a.text = r.optional_text(2);
        a.priority = r.integer(3) != 0;
        a.significant = r.integer(4) != 0;
        a.comment = r.optional_text(5).value_or("");
        out[r.text(0)] = std::move(a);
    }
    return out;
}

void save_answer(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                 const std::string& item, const Answer& a) {
    Params values{nullable(a.number),
                  nullable(a.text),
                  std::int64_t(a.priority ? 1 : 0),
                  std::int64_t(a.significant ? 1 : 0),
                  a.comment.empty() ? store::Value(nullptr) : store::Value(a.comment),
                  author(user_id),
                  clock::now_iso(),
                  assessment_id,
                  item};
    if (c.execute("UPDATE eval_answers SET value_number = ?, value_text = ?, priority = ?, "
                  "significant = ?, comment = ?, updated_by = ?, updated_at = ? WHERE "
                  "assessment_id = ? AND item_code = ?",
                  values) > 0)
        return;
    c.execute(
        "INSERT INTO eval_answers (value_number, value_text, priority, significant, comment, "
        "updated_by, updated_at, assessment_id, item_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
}

void delete_answer(Connection& c, std::int64_t assessment_id, const std::string& item) {
    c.execute("DELETE FROM eval_answers WHERE assessment_id = ? AND item_code = ?",
              {assessment_id, item});
}

// ---- evidence

std::int64_t insert_evidence(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                             const EvidenceInput& e) {
    store::Value name = nullptr, type = nullptr, content = nullptr, bytes = nullptr;
    if (e.file) {
        name = e.file->name;
        type = e.file->content_type;
        content = e.file->bytes;  // base64 (see the service): portable TEXT on both backends
        bytes = e.file->size;
    }
    return c
        .query(
            "INSERT INTO eval_evidence (assessment_id, item_code, kind, title, happened_on, "
            "url, note, file_name, content_type, file_bytes, content, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {assessment_id, nullable(e.item), e.kind, e.title, nullable(e.happened_on),
             nullable(e.url), nullable(e.note), name, type, bytes, content, author(user_id),
             clock::now_iso()})[0]
        .integer(0);
}

std::vector<Evidence> evidence(Connection& c, std::int64_t assessment_id) {
    std::vector<Evidence> out;
    for (const auto& r : c.query("SELECT id, item_code, kind, title, happened_on, url, note, "
                                 "file_name, content_type, file_bytes, created_at FROM "
                                 "eval_evidence WHERE assessment_id = ? ORDER BY id",
                                 {assessment_id})) {
        Evidence e;
        e.id = r.integer(0);
        e.item = r.optional_text(1);
        e.kind = r.text(2);
        e.title = r.text(3);
        e.happened_on = r.optional_text(4);
        e.url = r.optional_text(5);
        e.note = r.optional_text(6);
        e.file_name = r.optional_text(7);
        e.content_type = r.optional_text(8);
        e.file_bytes = r.optional_integer(9).value_or(0);
        e.created_at = r.text(10);
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<EvidenceFile> evidence_file(Connection& c, std::int64_t assessment_id,
                                          std::int64_t id) {
    auto rows = c.query(
        "SELECT file_name, content_type, content FROM eval_evidence WHERE id = ? "
        "AND assessment_id = ? AND content IS NOT NULL",
        {id, assessment_id});
    if (rows.empty()) return std::nullopt;
    return EvidenceFile{rows[0].text(0), rows[0].text(1), rows[0].text(2)};
}

bool delete_evidence(Connection& c, std::int64_t assessment_id, std::int64_t id) {
    return c.execute("DELETE FROM eval_evidence WHERE id = ? AND assessment_id = ?",
                     {id, assessment_id}) > 0;
}

// ---- campaigns

namespace {
constexpr const char* kCampaign =
    "SELECT id, subject_kind, subject_id, title, year, base_grid_id, grid_id, assessment_id, "
    "previous_id, steps, created_at, updated_at FROM eval_campaigns ";

CampaignRow campaign_from(const Row& r) {
    CampaignRow k;
    k.id = r.integer(0);
    k.subject.kind = r.text(1);
    k.subject.id = r.integer(2);
    k.title = r.text(3);
    k.year = r.integer(4);
    k.base_grid_id = r.integer(5);
    k.grid_id = r.integer(6);
    k.assessment_id = r.integer(7);
    k.previous_id = r.optional_integer(8);
    k.steps_text = r.text(9);
    k.created_at = r.text(10);
    k.updated_at = r.text(11);
    return k;
}
}  // namespace

std::int64_t insert_campaign(Connection& c, std::int64_t pole_id, const Campaign& k) {
    auto now = clock::now_iso();
    return c
        .query(
            "INSERT INTO eval_campaigns (pole_id, subject_kind, subject_id, title, year, "
            "base_grid_id, grid_id, assessment_id, previous_id, steps, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, k.subject.kind, k.subject.id, k.title, k.year, k.base_grid_id, k.grid_id,
             k.assessment_id, nullable(k.previous_id), k.steps.dump(), now, now})[0]
        .integer(0);
}

void save_campaign_steps(Connection& c, std::int64_t id, const std::string& steps) {
    c.execute("UPDATE eval_campaigns SET steps = ?, updated_at = ? WHERE id = ?",
              {steps, clock::now_iso(), id});
}

void update_campaign(Connection& c, std::int64_t id, const std::string& title) {
    c.execute("UPDATE eval_campaigns SET title = ?, updated_at = ? WHERE id = ?",
              {title, clock::now_iso(), id});
}

bool delete_campaign(Connection& c, std::int64_t pole_id, std::int64_t id) {
    c.execute("UPDATE eval_campaigns SET previous_id = NULL WHERE previous_id = ?", {id});
    return c.execute("DELETE FROM eval_campaigns WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

std::optional<CampaignRow> campaign(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(std::string(kCampaign) + "WHERE id = ? AND pole_id = ?", {id, pole_id});
    if (rows.empty()) return std::nullopt;
    return campaign_from(rows[0]);
}

std::vector<CampaignRow> campaigns(Connection& c, std::int64_t pole_id) {
    std::vector<CampaignRow> out;
    for (const auto& r : c.query(
             std::string(kCampaign) + "WHERE pole_id = ? ORDER BY year DESC, title, id", {pole_id}))
        out.push_back(campaign_from(r));
    return out;
}

}  // namespace maillage::evaluation::storage
