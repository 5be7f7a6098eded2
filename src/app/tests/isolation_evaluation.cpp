// The evaluation module's part of the route walker: pole B holds a grid copy, a démarche, a
// board session with its participants, argument and evidence, a round and a campaign; pole
// A's admin must neither read nor change any of them.
#include "isolation_support.hpp"

namespace {

using maillage::Json;
using namespace maillage::evaluation;
using maillage::app::testing::IsolationContext;
using maillage::app::testing::PoleRecords;

void seed_evaluation(IsolationContext& ctx, PoleRecords& records) {
    auto& s = ctx.app.evaluation();
    auto pole = ctx.pole_b;
    auto user = ctx.admin_b;
    auto board = s.find_grid(pole, "dd-appraisal");
    maillage::Label title{"Secret-B-Grid", "", ""};
    auto grid = s.copy_grid(pole, user, board.id, std::nullopt, title);
    Demarche d;
    d.name = "Secret-B-Demarche";
    auto demarche = s.save_demarche(pole, user, std::nullopt, d);
    AssessmentInput in;
    in.grid_id = grid.id;
    in.subject = {"demarche", demarche.id, ""};
    in.title = "Secret-B-Session";
    in.held_on = "2025-05-05";
    in.stage = "evaluation";
    in.mode = "self";
    in.participants = {{"Secret-B-Participant", {}, {}}, {"B2", {}, {}}, {"B3", {}, {}}};
    auto a = s.create_assessment(pole, user, in);
    auto participant = a.participant_list[0].id;
    a = s.add_argument(pole, user, a.id, {"ECO-1", participant, +1, 2, "Secret-B-Argument"});
    EvidenceInput e;
    e.kind = "press_article";
    e.title = "Secret-B-Evidence";
    e.file = EvidenceFile{"b.txt", "text/plain", "Secret-B-File", 0};
    auto evidence = s.add_evidence(pole, user, a.id, e);
    RoundInput r;
    r.grid_id = s.find_grid(pole, "social-utility").id;
    r.title = "Secret-B-Round";
    r.year = 2025;
    r.members = {ctx.actor_b};
    auto round = s.create_round(pole, user, r);
    CampaignInput k;
    k.subject = {"actor", ctx.actor_b, ""};
    k.title = "Secret-B-Campaign";
    k.year = 2025;
    auto campaign = s.create_campaign(pole, user, k);
    IndicatorInput indicator;
    indicator.criterion = "SU-2";
    indicator.label = {"Secret-B-Indicator", "", ""};
    std::string added;
    s.add_campaign_indicator(pole, user, campaign.id, indicator, &added);

    auto id = [](std::int64_t v) { return std::to_string(v); };
    records.params = {
        {"/participants/{participant}", "participant", id(participant)},
        {"/arguments/{argument}", "argument", id(a.log[0].id)},
        {"/evidence/{evidence}", "evidence", id(evidence.id)},
        {"/members/{actor}", "actor", id(ctx.actor_b)},
        {"/steps/{step}", "step", "demand"},
        {"/indicators/{item}", "item", added},
        {"/evaluation/assessments/{id}", "id", id(a.id)},
        {"/evaluation/grids/{id}", "id", id(grid.id)},
        {"/evaluation/demarches/{id}", "id", id(demarche.id)},
        {"/evaluation/rounds/{id}", "id", id(round.id)},
        {"/evaluation/campaigns/{id}", "id", id(campaign.id)},
    };
    Json grid_doc = grid_to_json(*grid.grid);
    grid_doc["title"] = {{"fr", "Intruder"}};
    records.bodies = {
        {"/arguments/{argument}", R"({"withdrawn": true})"},
        {"/arguments", Json{{"item", "ECO-1"},
                            {"participant_id", participant},
                            {"direction", "+"},
                            {"displacement", 1},
                            {"text", "Intruder"}}
                           .dump()},
        {"/participants", R"({"name": "Intruder"})"},
        {"/answers", R"({"answers": [{"item": "ECO-1", "priority": true}]})"},
        {"/evidence", R"({"kind": "press_article", "title": "Intruder"})"},
        {"/steps/", R"({"data": {"requester": "Intruder"}, "done": true})"},
        {"/indicators", R"({"criterion": "SU-2", "label": {"fr": "Intruder"}})"},
        {"/evaluation/grids/import", grid_doc.dump()},
        {"/evaluation/grids/{id}", Json{{"definition", grid_doc}}.dump()},
        {"/evaluation/grids", Json{{"from", grid.id}}.dump()},
        {"/evaluation/assessments/{id}", R"({"title": "Intruder", "status": "closed"})"},
        {"/evaluation/assessments",
         Json{{"grid_id", grid.id},
              {"subject", {{"kind", "actor"}, {"id", ctx.actor_b}}},
              {"held_on", "2025-01-01"},
              {"stage", "evaluation"},
              {"mode", "self"},
              {"participants", Json::parse(R"([{"name": "I1"}, {"name": "I2"}, {"name": "I3"}])")}}
             .dump()},
        {"/evaluation/demarches", Json{{"name", "Intruder"}, {"actor_id", ctx.actor_b}}.dump()},
        {"/evaluation/rounds", Json{{"grid_id", r.grid_id},
                                    {"title", "Intruder"},
                                    {"year", 2025},
                                    {"members", {ctx.actor_b}}}
                                   .dump()},
        {"/evaluation/campaigns",
         Json{{"subject", {{"kind", "actor"}, {"id", ctx.actor_b}}}, {"year", 2025}}.dump()},
    };
    records.secrets = {"Secret-B-Grid",        "Secret-B-Demarche", "Secret-B-Session",
                       "Secret-B-Participant", "Secret-B-Argument", "Secret-B-Evidence",
                       "Secret-B-File",        "Secret-B-Round",    "Secret-B-Campaign",
                       "Secret-B-Indicator"};
    std::string b = std::to_string(pole);
    std::string in_b = " IN (SELECT id FROM eval_assessments WHERE pole_id = " + b + ")";
    // The walker reads every column as text: each query selects one text of its row's values.
    auto row = [](std::initializer_list<const char*> columns) {
        std::string out;
        for (const char* c : columns)
            out += std::string(out.empty() ? "" : " || '|' || ") + "COALESCE(CAST(" + c +
                   " AS TEXT), '')";
        return "SELECT " + out;
    };
    records.snapshot_queries = {
        row({"id", "code", "version", "title", "definition", "updated_at"}) +
            " FROM eval_grids WHERE pole_id = " + b + " ORDER BY id",
        row({"id", "name", "actor_id", "updated_at"}) +
            " FROM eval_demarches WHERE pole_id = " + b + " ORDER BY id",
        row({"id", "title", "status", "revision", "previous_id", "updated_at"}) +
            " FROM eval_assessments WHERE pole_id = " + b + " ORDER BY id",
        row({"id", "assessment_id", "name"}) + " FROM eval_participants WHERE assessment_id" +
            in_b + " ORDER BY id",
        row({"id", "assessment_id", "seq", "text", "withdrawn"}) +
            " FROM eval_arguments WHERE assessment_id" + in_b + " ORDER BY id",
        row({"assessment_id", "item_code", "value_number", "value_text", "priority"}) +
            " FROM eval_answers WHERE assessment_id" + in_b + " ORDER BY assessment_id, item_code",
        row({"id", "assessment_id", "title"}) + " FROM eval_evidence WHERE assessment_id" + in_b +
            " ORDER BY id",
        row({"id", "title", "year", "updated_at"}) + " FROM eval_rounds WHERE pole_id = " + b +
            " ORDER BY id",
        row({"round_id", "actor_id"}) +
            " FROM eval_round_members WHERE round_id IN (SELECT id FROM eval_rounds WHERE "
            "pole_id = " +
            b + ") ORDER BY round_id, actor_id",
        row({"id", "title", "steps", "updated_at"}) + " FROM eval_campaigns WHERE pole_id = " + b +
            " ORDER BY id",
    };
}

const int evaluation_seeder_registered =
    maillage::app::testing::register_isolation_seeder("evaluation", seed_evaluation);

}  // namespace
