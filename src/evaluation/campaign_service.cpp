// Social-utility campaigns: the six steps, the campaign's own grid, next year's campaign.
#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "evaluation/evaluation_service.hpp"

namespace maillage::evaluation {

using store::Connection;

storage::CampaignRow EvaluationService::require_campaign(Connection& c, std::int64_t pole_id,
                                                         std::int64_t id) {
    auto row = storage::campaign(c, pole_id, id);
    if (!row) throw Error(ErrorCode::not_found, "no such campaign", "id");
    return *row;
}

Campaign EvaluationService::to_campaign(const storage::CampaignRow& row) {
    Campaign k = row;
    k.steps = Json::parse(row.steps_text);
    return k;
}

Campaign EvaluationService::campaign(std::int64_t pole_id, std::int64_t id) {
    auto k = database_.read(
        [&](Connection& c) { return to_campaign(require_campaign(c, pole_id, id)); });
    k.subject.title = subject_title(pole_id, k.subject);
    return k;
}

std::vector<Campaign> EvaluationService::campaigns(std::int64_t pole_id) {
    auto rows = database_.read([&](Connection& c) { return storage::campaigns(c, pole_id); });
    std::vector<Campaign> out;
    for (const auto& r : rows) {
        out.push_back(to_campaign(r));
        out.back().subject.title = subject_title(pole_id, out.back().subject);
    }
    return out;
}

Campaign EvaluationService::create_campaign(std::int64_t pole_id, std::int64_t user_id,
                                            CampaignInput in) {
    if (in.year < 1990 || in.year > 2200) throw invalid("year", "must be a year");
    AssessmentInput a;
    a.subject = in.subject;
    a.held_on = std::to_string(in.year) + "-12-31";
    a.stage = "evaluation";
    a.mode = in.mode;
    a.title = in.title;
    check_input(pole_id, a);
    auto id = database_.write([&](Connection& c) {
        std::int64_t base_id = in.base_grid_id.value_or(0);
        if (!in.base_grid_id) {
            auto shipped = storage::latest_shipped(c, "social-utility");
            if (!shipped)
                throw Error(ErrorCode::not_found, "no social-utility grid", "base_grid_id");
            base_id = *shipped;
        }
        auto base = require_grid(c, pole_id, base_id);
        auto criteria = base.grid->sections;
        bool has_criteria = std::any_of(criteria.begin(), criteria.end(),
                                        [](const Section& s) { return s.role == "criterion"; });
        if (!has_criteria || base.hidden)
            throw invalid("base_grid_id", "a campaign starts from a grid with criteria sections");
        // The campaign's own grid: a hidden copy it adapts (criteria kept, indicators added).
        Grid own = *base.grid;
        own.code = base.grid->code + "-campaign";
        own.version = storage::next_version(c, pole_id, own.code);
        auto grid_id =
            storage::insert_grid(c, {pole_id, &own, grid_to_json(own).dump(), base.id, "", true});
        a.grid_id = grid_id;
        if (a.title.empty()) a.title = base.grid->title.fr + " " + std::to_string(in.year);
        auto assessment_id = insert_checked(c, pole_id, user_id, a, true);
        Campaign k;
        k.subject = in.subject;
        k.title = a.title;
        k.year = in.year;
        k.base_grid_id = base.id;
        k.grid_id = grid_id;
        k.assessment_id = assessment_id;
        k.steps = initial_steps(*base.grid);
        auto id = storage::insert_campaign(c, pole_id, k);
        accounts::record_activity(c, pole_id, by(user_id), "create", "campaign", id, k.title);
        return id;
    });
    return campaign(pole_id, id);
}

void EvaluationService::rewrite_campaign_grid(Connection& c, const storage::CampaignRow& row,
                                              const Grid& grid) {
    Json document = grid_to_json(grid);
    Grid checked = parse_grid_or_throw(document, grid_vocabulary_, "campaign grid");
    // The campaign's grid is its own and used by its assessment only: it changes in place,
    // and answers to indicators it no longer has go with them.
    storage::update_grid(c, row.grid_id, checked, document.dump());
    auto kept = checked.items();
    for (const auto& [code, answer] : storage::answers(c, row.assessment_id)) {
        bool still =
            std::any_of(kept.begin(), kept.end(), [&](const Item* i) { return i->code == code; });
        if (!still) storage::delete_answer(c, row.assessment_id, code);
    }
    // Evidence that supported a removed indicator stays, attached to no item.
    for (const auto& e : storage::evidence(c, row.assessment_id))
        if (e.item && !checked.find_item(*e.item) && !checked.find_section(*e.item))
            c.execute("UPDATE eval_evidence SET item_code = NULL WHERE id = ?", {e.id});
    storage::touch(c, row.assessment_id);
}

Campaign EvaluationService::save_campaign_step(std::int64_t pole_id, std::int64_t user_id,
                                               std::int64_t id, const std::string& step,
                                               const Json& data, std::optional<bool> done) {
    database_.write([&](Connection& c) {
        auto row = require_campaign(c, pole_id, id);
        require_assessment(c, pole_id, row.assessment_id, true);
        auto base = require_grid(c, pole_id, row.base_grid_id);
        Json steps = Json::parse(row.steps_text);
        Json checked = checked_step(step, data, *base.grid, campaign_vocabulary_);
        steps[step] = checked;
        if (done) mark_step(steps, step, *done);
        if (step == "criteria") {
            auto current = require_grid(c, pole_id, row.grid_id);
            auto retained = checked["retained"].get<std::vector<std::string>>();
            rewrite_campaign_grid(c, row, campaign_grid(*base.grid, *current.grid, retained));
        }
        storage::save_campaign_steps(c, id, steps.dump());
        accounts::record_activity(c, pole_id, by(user_id), "update", "campaign", id, step);
    });
    return campaign(pole_id, id);
}

Campaign EvaluationService::add_campaign_indicator(std::int64_t pole_id, std::int64_t user_id,
                                                   std::int64_t id, IndicatorInput in,
                                                   std::string* code) {
    database_.write([&](Connection& c) {
        auto row = require_campaign(c, pole_id, id);
        require_assessment(c, pole_id, row.assessment_id, true);
        Grid g = *require_grid(c, pole_id, row.grid_id).grid;
        auto added = add_indicator(g, in);
        if (code) *code = added;
        rewrite_campaign_grid(c, row, g);
        accounts::record_activity(c, pole_id, by(user_id), "update", "campaign", id,
                                  "indicator " + added + ": " + in.label.fr);
    });
    return campaign(pole_id, id);
}

Campaign EvaluationService::remove_campaign_indicator(std::int64_t pole_id, std::int64_t user_id,
                                                      std::int64_t id, const std::string& item) {
    database_.write([&](Connection& c) {
        auto row = require_campaign(c, pole_id, id);
        require_assessment(c, pole_id, row.assessment_id, true);
        Grid g = *require_grid(c, pole_id, row.grid_id).grid;
        if (!remove_indicator(g, item))
            throw Error(ErrorCode::not_found, "no indicator '" + item + "' added by this campaign",
                        "item");
        rewrite_campaign_grid(c, row, g);
        accounts::record_activity(c, pole_id, by(user_id), "update", "campaign", id,
                                  "indicator " + item + " removed");
    });
    return campaign(pole_id, id);
}

Campaign EvaluationService::next_year_campaign(std::int64_t pole_id, std::int64_t user_id,
                                               std::int64_t id) {
    auto previous = campaign(pole_id, id);
    auto previous_assessment = assessment(pole_id, previous.assessment_id);
    auto next_id = database_.write([&](Connection& c) {
        for (const auto& k : storage::campaigns(c, pole_id))
            if (k.previous_id == id)
                throw Error(ErrorCode::conflict,
                            "next year's campaign already exists (" + std::to_string(k.id) + ")");
        Grid own = *previous_assessment.grid;
        own.version = storage::next_version(c, pole_id, own.code);
        auto grid_id = storage::insert_grid(
            c, {pole_id, &own, grid_to_json(own).dump(), previous.grid_id, "", true});
        AssessmentInput a;
        a.grid_id = grid_id;
        a.subject = previous.subject;
        a.held_on = std::to_string(previous.year + 1) + "-12-31";
        a.stage = "evaluation";
        a.mode = previous_assessment.mode;
        // "Utilité sociale de X 2024" becomes "Utilité sociale de X 2025".
        std::string year = std::to_string(previous.year);
        a.title = previous.title;
        if (a.title.size() >= year.size() &&
            a.title.compare(a.title.size() - year.size(), year.size(), year) == 0)
            a.title.resize(a.title.size() - year.size());
        else
            a.title += " ";
        a.title += std::to_string(previous.year + 1);
        a.previous_id = previous.assessment_id;
        auto assessment_id = insert_checked(c, pole_id, user_id, a, true);
        Campaign k;
        k.subject = previous.subject;
        k.title = a.title;
        k.year = previous.year + 1;
        k.base_grid_id = previous.base_grid_id;
        k.grid_id = grid_id;
        k.assessment_id = assessment_id;
        k.previous_id = id;
        // The yearly review keeps the set-up (steps 1 to 3) and starts the rest afresh.
        k.steps = initial_steps(own);
        for (const char* step : {"demand", "perimeter", "criteria"})
            k.steps[step] = previous.steps[step];
        auto next = storage::insert_campaign(c, pole_id, k);
        accounts::record_activity(c, pole_id, by(user_id), "create", "campaign", next, k.title);
        return next;
    });
    return campaign(pole_id, next_id);
}

void EvaluationService::delete_campaign(std::int64_t pole_id, std::int64_t user_id,
                                        std::int64_t id) {
    database_.write([&](Connection& c) {
        auto row = require_campaign(c, pole_id, id);
        storage::delete_campaign(c, pole_id, id);
        storage::delete_assessment(c, row.assessment_id);
        storage::delete_grid(c, row.grid_id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "campaign", id, row.title);
    });
}

}  // namespace maillage::evaluation
