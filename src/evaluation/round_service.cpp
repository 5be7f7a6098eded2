// The pole level: démarches, rounds of one grid across member organisations, distributions
// and the core indicators shared across grids.
#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "evaluation/evaluation_service.hpp"

namespace maillage::evaluation {

using store::Connection;

std::vector<Demarche> EvaluationService::demarches(std::int64_t pole_id) {
    return database_.read([&](Connection& c) { return storage::demarches(c, pole_id); });
}

Demarche EvaluationService::save_demarche(std::int64_t pole_id, std::int64_t user_id,
                                          std::optional<std::int64_t> id, Demarche in) {
    if (in.name.empty()) throw invalid("name", "is required");
    if (in.name.size() > 300) throw invalid("name", "is longer than 300 bytes");
    if (in.description && in.description->size() > 20000)
        throw invalid("description", "is too long");
    if (in.actor_id &&
        !(config_.links.actor_name && config_.links.actor_name(pole_id, *in.actor_id)))
        throw Error(ErrorCode::not_found, "no such actor in this pole", "actor_id");
    auto saved = database_.write([&](Connection& c) {
        std::int64_t target = id.value_or(0);
        if (id) {
            if (!storage::update_demarche(c, pole_id, *id, in))
                throw Error(ErrorCode::not_found, "no such démarche", "id");
        } else {
            target = storage::insert_demarche(c, pole_id, in);
        }
        accounts::record_activity(c, pole_id, by(user_id), id ? "update" : "create", "demarche",
                                  target, in.name);
        return *storage::demarche(c, pole_id, target);
    });
    return saved;
}

void EvaluationService::delete_demarche(std::int64_t pole_id, std::int64_t user_id,
                                        std::int64_t id) {
    database_.write([&](Connection& c) {
        auto d = storage::demarche(c, pole_id, id);
        if (!d) throw Error(ErrorCode::not_found, "no such démarche", "id");
        AssessmentFilter f;
        f.subject_kind = "demarche";
        f.subject_id = id;
        if (!storage::assessments(c, pole_id, f).empty())
            throw Error(ErrorCode::conflict, "assessments are about this démarche");
        storage::delete_demarche(c, pole_id, id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "demarche", id, d->name);
    });
}

void EvaluationService::check_round_members(std::int64_t pole_id, const RoundInput& in) {
    if (in.title.empty()) throw invalid("title", "is required");
    if (in.title.size() > 300) throw invalid("title", "is longer than 300 bytes");
    if (in.year < 1990 || in.year > 2200) throw invalid("year", "must be a year");
    for (std::size_t i = 0; i < in.members.size(); ++i)
        if (!(config_.links.actor_name && config_.links.actor_name(pole_id, in.members[i])))
            throw Error(ErrorCode::not_found, "no such actor in this pole",
                        "members[" + std::to_string(i) + "]");
}

Round EvaluationService::create_round(std::int64_t pole_id, std::int64_t user_id, RoundInput in) {
    check_round_members(pole_id, in);
    auto id = database_.write([&](Connection& c) {
        auto g = require_grid(c, pole_id, in.grid_id);
        if (g.hidden) throw invalid("grid_id", "this grid belongs to a campaign");
        auto id = storage::insert_round(c, pole_id, in);
        accounts::record_activity(c, pole_id, by(user_id), "create", "evaluation_round", id,
                                  in.title);
        return id;
    });
    return round(pole_id, id);
}

Round EvaluationService::round(std::int64_t pole_id, std::int64_t id) {
    auto [row, grid, assessments] = database_.read([&](Connection& c) {
        auto r = storage::round(c, pole_id, id);
        if (!r) throw Error(ErrorCode::not_found, "no such round", "id");
        AssessmentFilter f;
        f.round_id = id;
        return std::tuple{*r, require_grid(c, pole_id, r->grid_id),
                          storage::assessments(c, pole_id, f)};
    });
    Round out{row.id,    row.grid_id, grid.grid->title.fr, row.title,     row.year,
              row.notes, {},          row.created_at,      row.updated_at};
    for (auto actor : row.members) {
        RoundMember m{
            actor,
            config_.links.actor_name ? config_.links.actor_name(pole_id, actor).value_or("") : "",
            {},
            "not_started",
            0};
        for (const auto& a : assessments)
            if (a.subject.kind == "actor" && a.subject.id == actor) {
                m.assessment_id = a.id;
                m.status = a.status;
                m.answers = a.answers;
            }
        out.members.push_back(std::move(m));
    }
    return out;
}

std::vector<Round> EvaluationService::rounds(std::int64_t pole_id) {
    auto rows = database_.read([&](Connection& c) { return storage::rounds(c, pole_id); });
    std::vector<Round> out;
    for (const auto& r : rows) out.push_back(round(pole_id, r.id));
    return out;
}

Round EvaluationService::change_round(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                      RoundInput in) {
    check_round_members(pole_id, in);
    database_.write([&](Connection& c) {
        if (!storage::update_round(c, pole_id, id, in))
            throw Error(ErrorCode::not_found, "no such round", "id");
        accounts::record_activity(c, pole_id, by(user_id), "update", "evaluation_round", id,
                                  in.title);
    });
    return round(pole_id, id);
}

void EvaluationService::delete_round(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto r = storage::round(c, pole_id, id);
        if (!r) throw Error(ErrorCode::not_found, "no such round", "id");
        // The members' assessments stay: they are theirs; they just leave the round.
        storage::delete_round(c, pole_id, id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "evaluation_round", id,
                                  r->title);
    });
}

Assessment EvaluationService::start_member_assessment(std::int64_t pole_id, std::int64_t user_id,
                                                      std::int64_t round_id,
                                                      std::int64_t actor_id) {
    auto r = round(pole_id, round_id);
    auto member = std::find_if(r.members.begin(), r.members.end(),
                               [&](const RoundMember& m) { return m.actor_id == actor_id; });
    if (member == r.members.end())
        throw Error(ErrorCode::not_found, "this actor is not a member of the round", "actor");
    if (member->assessment_id) return assessment(pole_id, *member->assessment_id);
    auto g = grid(pole_id, r.grid_id);
    if (g.grid->min_participants > 1)
        throw invalid("grid_id", "this grid is used by a group of at least " +
                                     std::to_string(g.grid->min_participants) +
                                     " people: create the member's session with its participants");
    AssessmentInput in;
    in.grid_id = r.grid_id;
    in.subject = {"actor", actor_id, ""};
    in.title = r.title + " — " + member->name;
    in.held_on = clock::now_iso().substr(0, 10);
    in.stage = g.grid->stages.empty() ? "evaluation" : g.grid->stages.back();
    in.mode = g.grid->modes.front();
    in.round_id = round_id;
    return create_assessment(pole_id, user_id, in);
}

namespace {

void add_distributions(const Grid& grid, const std::vector<Section>& sections,
                       const std::vector<const Answers*>& answers, DistributionReport& out) {
    for (const auto& s : sections) {
        for (const auto& item : s.items) {
            std::vector<const Answer*> values;
            for (const auto* a : answers) {
                auto it = a ? a->find(item.code) : Answers::const_iterator{};
                values.push_back(a && it != a->end() ? &it->second : nullptr);
            }
            out.items.push_back({s.code, &item, distribution(item, values)});
        }
        add_distributions(grid, s.sections, answers, out);
    }
}

}  // namespace

DistributionReport EvaluationService::round_distribution(std::int64_t pole_id, std::int64_t id) {
    auto r = round(pole_id, id);
    DistributionReport out;
    out.grid = grid(pole_id, r.grid_id).grid;
    std::vector<Answers> loaded;
    loaded.reserve(r.members.size());
    for (const auto& m : r.members)
        loaded.push_back(m.assessment_id ? assessment(pole_id, *m.assessment_id).answers
                                         : Answers{});
    std::vector<const Answers*> answers;
    for (std::size_t i = 0; i < r.members.size(); ++i)
        answers.push_back(r.members[i].assessment_id ? &loaded[i] : nullptr);
    out.assessments = std::int64_t(r.members.size());
    add_distributions(*out.grid, out.grid->sections, answers, out);
    return out;
}

DistributionReport EvaluationService::core_indicators(std::int64_t pole_id, std::int64_t year) {
    auto ids = database_.read(
        [&](Connection& c) { return storage::assessments_in_year(c, pole_id, year); });
    // The core items, in the order first met, and each assessment's answers to them.
    auto core = std::make_shared<Grid>();
    core->code = "core";
    core->title = {"Indicateurs communs", "Indicatori comuni", "Core indicators"};
    Section section;
    section.code = "core";
    section.label = core->title;
    std::vector<Answers> answers;
    std::map<std::string, std::vector<std::size_t>> holders;  // item → assessments that hold it
    for (auto id : ids) {
        auto a = assessment(pole_id, id);
        for (const auto* item : a.grid->items()) {
            if (!item->core) continue;
            auto& who = holders[item->code];
            if (who.empty()) section.items.push_back(*item);
            who.push_back(answers.size());
        }
        answers.push_back(std::move(a.answers));
    }
    core->sections.push_back(std::move(section));
    DistributionReport out;
    out.grid = core;
    out.assessments = std::int64_t(ids.size());
    for (const auto& item : core->sections[0].items) {
        std::vector<const Answer*> values;
        for (auto index : holders[item.code]) {
            auto it = answers[index].find(item.code);
            values.push_back(it == answers[index].end() ? nullptr : &it->second);
        }
        out.items.push_back({"core", &item, distribution(item, values)});
    }
    return out;
}

EvaluationService::Counts EvaluationService::counts(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        auto n = [&](const char* table) {
            return c
                .query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE pole_id = ?",
                       {pole_id})[0]
                .integer(0);
        };
        return Counts{n("eval_assessments"), n("eval_campaigns"), n("eval_rounds")};
    });
}

}  // namespace maillage::evaluation
