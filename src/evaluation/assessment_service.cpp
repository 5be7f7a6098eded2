// Assessments: creation with its participants, the argument log, answers, evidence.
#include <sodium.h>

#include <set>

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "evaluation/answers.hpp"
#include "evaluation/evaluation_service.hpp"

namespace maillage::evaluation {

using store::Connection;

namespace {

constexpr std::size_t kMaxTitle = 300;
constexpr std::size_t kMaxNotes = 20000;
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxEvidenceBytes = 5 * 1024 * 1024;

// Files are served back as downloads with the type they came with, when it is one of these
// document and image types; anything else (HTML, scripts) becomes an opaque download.
std::string safe_content_type(const std::string& type) {
    static const std::set<std::string> allowed = {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "text/plain",
        "text/csv",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    return allowed.count(type) ? type : "application/octet-stream";
}

std::string to_base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

}  // namespace

std::string from_base64(const std::string& text) {
    std::string out(text.size() * 3 / 4 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), " \t\r\n", &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        throw invalid("file", "is not valid base64");
    out.resize(length);
    return out;
}

namespace {

void check_text(const std::optional<std::string>& text, std::size_t max, const char* field) {
    if (text && text->size() > max)
        throw invalid(field, "is longer than " + std::to_string(max) + " bytes");
}

bool listed(const std::vector<std::string>& list, const std::string& code) {
    return std::find(list.begin(), list.end(), code) != list.end();
}

}  // namespace

std::string EvaluationService::subject_title(std::int64_t pole_id, const Subject& s) {
    std::optional<std::string> title;
    const auto& l = config_.links;
    if (s.kind == "actor" && l.actor_name) title = l.actor_name(pole_id, s.id);
    if (s.kind == "project" && l.project_title) title = l.project_title(pole_id, s.id);
    if (s.kind == "pole" && s.id == pole_id) title = l.pole_name ? l.pole_name(pole_id) : "";
    if (s.kind == "demarche") {
        auto d = database_.read([&](Connection& c) { return storage::demarche(c, pole_id, s.id); });
        if (d) title = d->name;
    }
    return title.value_or("");
}

void EvaluationService::check_subject(std::int64_t pole_id, const Subject& s) {
    if (!vocabulary_.contains("evaluation_subject", s.kind))
        throw invalid("subject.kind", "must be one of " + vocabulary_.codes("evaluation_subject"));
    if (s.kind == "project" && !config_.links.project_title)
        throw invalid("subject.kind", "projects are not available on this server");
    bool found = false;
    const auto& l = config_.links;
    if (s.kind == "actor") found = l.actor_name && l.actor_name(pole_id, s.id).has_value();
    if (s.kind == "project") found = l.project_title(pole_id, s.id).has_value();
    if (s.kind == "pole") found = s.id == pole_id;
    if (s.kind == "demarche")
        found = database_.read(
            [&](Connection& c) { return storage::demarche(c, pole_id, s.id).has_value(); });
    if (!found)
        throw Error(ErrorCode::not_found, "no such " + s.kind + " in this pole", "subject.id");
}

void EvaluationService::check_participant(std::int64_t pole_id, const ParticipantInput& p,
                                          const std::string& field) {
    if (p.name.empty()) throw invalid(field + ".name", "is required");
    check_text(p.name, kMaxName, (field + ".name").c_str());
    check_text(p.role, kMaxName, (field + ".role").c_str());
    if (p.actor_id && !(config_.links.actor_name && config_.links.actor_name(pole_id, *p.actor_id)))
        throw Error(ErrorCode::not_found, "no such actor in this pole", field + ".actor_id");
}

AssessmentSummary EvaluationService::require_assessment(Connection& c, std::int64_t pole_id,
                                                        std::int64_t id, bool for_change) {
    auto a = storage::assessment(c, pole_id, id);
    if (!a) throw Error(ErrorCode::not_found, "no such assessment", "id");
    if (for_change && a->status == "closed")
        throw Error(ErrorCode::conflict, "this assessment is closed: reopen it to change it");
    return *a;
}

Assessment EvaluationService::load(Connection& c, std::int64_t pole_id, std::int64_t id) {
    Assessment a;
    static_cast<AssessmentSummary&>(a) = require_assessment(c, pole_id, id, false);
    storage::assessment(c, pole_id, id, &a.notes);
    a.grid = require_grid(c, pole_id, a.grid_id).grid;
    a.participant_list = storage::participants(c, id);
    a.log = storage::arguments(c, id);
    a.answers = storage::answers(c, id);
    a.evidence = storage::evidence(c, id);
    a.board = evaluation::replay(*a.grid, a.log);
    // A cursor's value is its replayed position, once the group has argued on it.
    for (const auto& [code, position] : a.board.positions) {
        auto count = a.board.arguments.at(code);
        if (count == 0) continue;
        auto& answer = a.answers[code];
        answer.number = position;
        answer.arguments = count;
    }
    return a;
}

std::vector<AssessmentSummary> EvaluationService::assessments(std::int64_t pole_id,
                                                              const AssessmentFilter& filter) {
    auto list =
        database_.read([&](Connection& c) { return storage::assessments(c, pole_id, filter); });
    for (auto& a : list) a.subject.title = subject_title(pole_id, a.subject);
    return list;
}

std::int64_t EvaluationService::revision(std::int64_t pole_id, std::int64_t id) {
    return database_.read(
        [&](Connection& c) { return require_assessment(c, pole_id, id, false).revision; });
}

Assessment EvaluationService::assessment(std::int64_t pole_id, std::int64_t id) {
    auto a = database_.read([&](Connection& c) { return load(c, pole_id, id); });
    a.subject.title = subject_title(pole_id, a.subject);
    return a;
}

std::int64_t EvaluationService::insert_checked(Connection& c, std::int64_t pole_id,
                                               std::int64_t user_id, AssessmentInput& in,
                                               bool for_campaign) {
    auto g = require_grid(c, pole_id, in.grid_id);
    const Grid& grid = *g.grid;
    if (g.hidden && !for_campaign)
        throw Error(ErrorCode::conflict, "this grid belongs to a campaign", "grid_id");
    if (!listed(grid.modes, in.mode))
        throw invalid("mode", "'" + in.mode + "' is not a mode of this grid");
    if (grid.stages.empty() ? !vocabulary_.contains("evaluation_stage", in.stage)
                            : !listed(grid.stages, in.stage))
        throw invalid("stage", "'" + in.stage + "' is not a stage of this grid");
    // Fiche II-3: « Elle s'utilise collectivement, avec trois personnes au moins ».
    if (std::int64_t(in.participants.size()) < grid.min_participants)
        throw invalid("participants", "this grid is used by a group of at least " +
                                          std::to_string(grid.min_participants) + " people (" +
                                          std::to_string(in.participants.size()) + " given)");
    if (in.previous_id) require_assessment(c, pole_id, *in.previous_id, false);
    if (in.round_id) {
        auto r = storage::round(c, pole_id, *in.round_id);
        if (!r) throw Error(ErrorCode::not_found, "no such round", "round_id");
        if (r->grid_id != in.grid_id) throw invalid("grid_id", "the round uses another grid");
    }
    if (in.title.empty()) in.title = grid.title.fr;
    auto id = storage::insert_assessment(c, pole_id, user_id, in);
    for (std::size_t i = 0; i < in.participants.size(); ++i)
        storage::insert_participant(c, id, in.participants[i], std::int64_t(i));
    accounts::record_activity(c, pole_id, by(user_id), "create", "assessment", id, in.title);
    return id;
}

void EvaluationService::check_input(std::int64_t pole_id, const AssessmentInput& in) {
    check_subject(pole_id, in.subject);
    if (!clock::is_iso_date(in.held_on)) throw invalid("held_on", "must be a date YYYY-MM-DD");
    check_text(in.title, kMaxTitle, "title");
    check_text(in.notes, kMaxNotes, "notes");
    for (std::size_t i = 0; i < in.participants.size(); ++i)
        check_participant(pole_id, in.participants[i], "participants[" + std::to_string(i) + "]");
}

Assessment EvaluationService::create_assessment(std::int64_t pole_id, std::int64_t user_id,
                                                AssessmentInput in) {
    check_input(pole_id, in);
    auto id = database_.write(
        [&](Connection& c) { return insert_checked(c, pole_id, user_id, in, false); });
    return assessment(pole_id, id);
}

Assessment EvaluationService::change_assessment(std::int64_t pole_id, std::int64_t user_id,
                                                std::int64_t id, const AssessmentChange& ch) {
    check_text(ch.title, kMaxTitle, "title");
    check_text(ch.notes, kMaxNotes, "notes");
    if (ch.held_on && !clock::is_iso_date(*ch.held_on))
        throw invalid("held_on", "must be a date YYYY-MM-DD");
    if (ch.status && *ch.status != "open" && *ch.status != "closed")
        throw invalid("status", "must be open or closed");
    database_.write([&](Connection& c) {
        // Only reopening is allowed on a closed assessment.
        bool reopening = ch.status && *ch.status == "open";
        auto a = require_assessment(c, pole_id, id, !reopening);
        std::optional<std::string> notes;
        storage::assessment(c, pole_id, id, &notes);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        if (ch.title) a.title = ch.title->empty() ? a.title : *ch.title;
        if (ch.held_on) a.held_on = *ch.held_on;
        if (ch.mode) {
            if (!listed(grid->modes, *ch.mode)) throw invalid("mode", "not a mode of this grid");
            a.mode = *ch.mode;
        }
        if (ch.stage) {
            if (!vocabulary_.contains("evaluation_stage", *ch.stage))
                throw invalid("stage", "not a stage");
            a.stage = *ch.stage;
        }
        if (ch.status) a.status = *ch.status;
        if (ch.notes) notes = *ch.notes;
        if (ch.previous_id) {
            if (*ch.previous_id == id)
                throw invalid("previous_id", "cannot be the assessment itself");
            if (*ch.previous_id) require_assessment(c, pole_id, **ch.previous_id, false);
            a.previous_id = *ch.previous_id;
        }
        storage::update_assessment(c, id, a, notes);
        accounts::record_activity(c, pole_id, by(user_id), "update", "assessment", id, a.title);
    });
    return assessment(pole_id, id);
}

void EvaluationService::delete_assessment(std::int64_t pole_id, std::int64_t user_id,
                                          std::int64_t id) {
    database_.write([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, false);
        if (a.campaign_id)
            throw Error(ErrorCode::conflict,
                        "this assessment is a campaign's: delete the campaign");
        storage::delete_assessment(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "assessment", id, a.title);
    });
}

Assessment EvaluationService::add_participant(std::int64_t pole_id, std::int64_t user_id,
                                              std::int64_t id, ParticipantInput p) {
    check_participant(pole_id, p, "participant");
    database_.write([&](Connection& c) {
        require_assessment(c, pole_id, id, true);
        auto count = std::int64_t(storage::participants(c, id).size());
        storage::insert_participant(c, id, p, count);
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "update", "assessment", id,
                                  "participant added");
    });
    return assessment(pole_id, id);
}

Assessment EvaluationService::remove_participant(std::int64_t pole_id, std::int64_t user_id,
                                                 std::int64_t id, std::int64_t participant_id) {
    database_.write([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, true);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        auto list = storage::participants(c, id);
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Participant& p) { return p.id == participant_id; });
        if (it == list.end())
            throw Error(ErrorCode::not_found, "no such participant", "participant");
        auto spoken = c.query("SELECT COUNT(*) FROM eval_arguments WHERE participant_id = ?",
                              {participant_id})[0]
                          .integer(0);
        if (spoken > 0)
            throw Error(ErrorCode::conflict,
                        "this participant has spoken: their arguments stay in the log");
        if (std::int64_t(list.size()) - 1 < grid->min_participants)
            throw Error(ErrorCode::conflict, "the group would be smaller than " +
                                                 std::to_string(grid->min_participants) +
                                                 " people");
        storage::delete_participant(c, id, participant_id);
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "update", "assessment", id,
                                  "participant removed");
    });
    return assessment(pole_id, id);
}

Assessment EvaluationService::add_argument(std::int64_t pole_id, std::int64_t user_id,
                                           std::int64_t id, ArgumentInput in) {
    database_.write([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, true);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        if (!grid->is_board()) throw invalid("item", "this grid has no cursor board");
        auto participants = storage::participants(c, id);
        if (std::int64_t(participants.size()) < grid->min_participants)
            throw Error(ErrorCode::conflict, "the board needs at least " +
                                                 std::to_string(grid->min_participants) +
                                                 " participants");
        bool known = std::any_of(participants.begin(), participants.end(),
                                 [&](const Participant& p) { return p.id == in.participant_id; });
        if (!known) throw invalid("participant_id", "is not a participant of this session");
        Argument candidate;
        candidate.item = in.item;
        candidate.direction = in.direction;
        candidate.displacement = in.displacement;
        candidate.text = in.text;
        auto problem = argument_problem(*grid, candidate);
        if (!problem.empty())
            throw invalid(problem.find("question") != std::string::npos      ? "item"
                          : problem.find("direction") != std::string::npos   ? "direction"
                          : problem.find("argument is") != std::string::npos ? "text"
                                                                             : "displacement",
                          problem);
        auto argument = storage::insert_argument(c, id, user_id, in);
        storage::touch(c, id);
        accounts::record_activity(
            c, pole_id, by(user_id), "create", "argument", argument,
            in.item + (in.direction > 0 ? " +" : " −") + format_number(in.displacement));
    });
    return assessment(pole_id, id);
}

Assessment EvaluationService::withdraw_argument(std::int64_t pole_id, std::int64_t user_id,
                                                std::int64_t id, std::int64_t argument_id,
                                                bool withdrawn) {
    database_.write([&](Connection& c) {
        require_assessment(c, pole_id, id, true);
        if (!storage::set_withdrawn(c, id, argument_id, withdrawn))
            throw Error(ErrorCode::not_found, "no such argument", "argument");
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "update", "argument", argument_id,
                                  withdrawn ? "withdrawn" : "restored");
    });
    return assessment(pole_id, id);
}

Assessment EvaluationService::save_answers(std::int64_t pole_id, std::int64_t user_id,
                                           std::int64_t id,
                                           const std::vector<AnswerInput>& inputs) {
    database_.write([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, true);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        auto stored = storage::answers(c, id);
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const auto& in = inputs[i];
            std::string field = "answers[" + std::to_string(i) + "]";
            const Item* item = grid->find_item(in.item);
            if (!item) throw invalid(field + ".item", "no item '" + in.item + "' in this grid");
            Answer& answer = stored[in.item];
            auto problem = apply_answer(*grid, *item, in, answer);
            if (!problem.empty()) throw invalid(field + ".value", in.item + ": " + problem);
            storage::save_answer(c, id, user_id, in.item, answer);
        }
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "update", "assessment", id,
                                  std::to_string(inputs.size()) + " answer(s)");
    });
    return assessment(pole_id, id);
}

Assessment EvaluationService::prefill_from_feeds(std::int64_t pole_id, std::int64_t user_id,
                                                 std::int64_t id) {
    auto current = assessment(pole_id, id);
    std::vector<AnswerInput> inputs;
    if (config_.links.indicator_feed && current.subject.kind == "actor") {
        auto year = std::stoll(current.held_on.substr(0, 4));
        for (const auto* item : current.grid->items()) {
            if (item->feed.empty()) continue;
            auto value =
                config_.links.indicator_feed(pole_id, current.subject.id, item->feed, year);
            if (value) inputs.push_back({item->code, Json(*value), {}, {}, {}});
        }
    }
    if (inputs.empty()) return current;
    return save_answers(pole_id, user_id, id, inputs);
}

Replay EvaluationService::replay(std::int64_t pole_id, std::int64_t id, std::int64_t arguments) {
    return database_.read([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, false);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        auto log = storage::arguments(c, id);
        if (arguments >= 0 && std::size_t(arguments) < log.size())
            log.resize(std::size_t(arguments));
        return evaluation::replay(*grid, log);
    });
}

std::vector<AssessmentSummary> EvaluationService::history(std::int64_t pole_id, std::int64_t id) {
    auto current = assessment(pole_id, id);
    AssessmentFilter f;
    f.grid_code = current.grid_code;
    f.subject_kind = current.subject.kind;
    f.subject_id = current.subject.id;
    auto list = assessments(pole_id, f);
    std::reverse(list.begin(), list.end());  // oldest first
    return list;
}

std::optional<Comparison> EvaluationService::comparison(std::int64_t pole_id, std::int64_t id,
                                                        std::optional<std::int64_t> other) {
    auto current = assessment(pole_id, id);
    if (!other) other = current.previous_id;
    if (!other) {
        // The latest earlier session of the same subject on the same grid.
        for (const auto& h : history(pole_id, id))
            if (h.id != id &&
                (h.held_on < current.held_on || (h.held_on == current.held_on && h.id < id)))
                other = h.id;
    }
    if (!other) return std::nullopt;
    auto previous = assessment(pole_id, *other);
    return Comparison{current, previous, compare(*current.grid, current.answers, previous.answers)};
}

Evidence EvaluationService::add_evidence(std::int64_t pole_id, std::int64_t user_id,
                                         std::int64_t id, EvidenceInput in) {
    if (!vocabulary_.contains("evaluation_evidence_kind", in.kind))
        throw invalid("kind", "must be one of " + vocabulary_.codes("evaluation_evidence_kind"));
    if (in.title.empty()) throw invalid("title", "is required");
    check_text(in.title, kMaxTitle, "title");
    check_text(in.note, kMaxNotes, "note");
    check_text(in.url, 2000, "url");
    if (in.happened_on && !clock::is_iso_date(*in.happened_on))
        throw invalid("happened_on", "must be a date YYYY-MM-DD");
    EvidenceInput stored = in;
    if (in.file) {
        if (in.file->bytes.empty()) throw invalid("file", "is empty");
        if (in.file->bytes.size() > kMaxEvidenceBytes)
            throw Error(ErrorCode::payload_too_large, "an evidence file holds at most 5 MB",
                        "file");
        check_text(in.file->name, kMaxName, "file.name");
        stored.file->size = std::int64_t(in.file->bytes.size());
        stored.file->bytes = to_base64(in.file->bytes);
        stored.file->content_type = safe_content_type(in.file->content_type);
    }
    auto evidence_id = database_.write([&](Connection& c) {
        auto a = require_assessment(c, pole_id, id, true);
        auto grid = require_grid(c, pole_id, a.grid_id).grid;
        if (in.item && !grid->find_item(*in.item) && !grid->find_section(*in.item))
            throw invalid("item", "no item or section '" + *in.item + "' in this grid");
        auto eid = storage::insert_evidence(c, id, user_id, stored);
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "create", "evidence", eid, in.title);
        return eid;
    });
    auto list = database_.read([&](Connection& c) { return storage::evidence(c, id); });
    for (auto& e : list)
        if (e.id == evidence_id) return e;
    throw Error(ErrorCode::internal, "evidence vanished");
}

EvidenceFile EvaluationService::evidence_file(std::int64_t pole_id, std::int64_t id,
                                              std::int64_t evidence_id) {
    return database_.read([&](Connection& c) {
        require_assessment(c, pole_id, id, false);
        auto f = storage::evidence_file(c, id, evidence_id);
        if (!f) throw Error(ErrorCode::not_found, "no such file", "evidence");
        f->bytes = from_base64(f->bytes);
        return *f;
    });
}

void EvaluationService::remove_evidence(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                        std::int64_t evidence_id) {
    database_.write([&](Connection& c) {
        require_assessment(c, pole_id, id, true);
        if (!storage::delete_evidence(c, id, evidence_id))
            throw Error(ErrorCode::not_found, "no such evidence", "evidence");
        storage::touch(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "evidence", evidence_id, "");
    });
}

}  // namespace maillage::evaluation
