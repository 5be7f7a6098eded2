// The needs observatory in the route walker: intake records, a proposal group, a decision and
// a call of pole B, which no route may show or change for pole A.
#include "core/progress.hpp"
#include "isolation_support.hpp"

namespace {

using maillage::app::testing::IsolationContext;
using maillage::app::testing::PoleRecords;

void seed_needs(IsolationContext& context, PoleRecords& records) {
    auto& needs = context.app.needs();
    const std::int64_t pole = context.pole_b;
    maillage::needs::RecordInput r;
    r.commune = "40312";
    r.need_text = "Secret-B-Need: plus de bus";
    r.proposal_text = "Secret-B-Proposal: une navette solidaire vers la gare";
    r.person_key = "SECRETKEYB";
    for (const char* id : {"B-REC-1", "B-REC-2", "B-REC-3"}) {
        r.record_id = id;
        needs.create_record(pole, context.admin_b, r);
    }
    maillage::NoProgress quiet;
    needs.rationalise(pole, context.admin_b, quiet);
    std::int64_t group = needs.groups(pole, {}, true).items.front().id;
    auto split = needs.split_group(pole, context.admin_b, group, {"B-REC-3"});
    maillage::needs::CallRequest call_request;
    call_request.group_ids = {group};
    call_request.title = "Secret-B-Call";
    auto call = needs.draft_call(pole, context.admin_b, call_request);
    auto record = needs.records(pole, context.admin_b, {}).items.front().id;
    auto decision = needs.decisions(pole).front().id;

    std::string id = std::to_string(record), g = std::to_string(group),
                other = std::to_string(split[1].id);
    records.params.push_back({"/needs/records/{id}", "id", id});
    records.params.push_back({"/needs/groups/{id}", "id", g});
    records.params.push_back({"/needs/calls/{id}", "id", std::to_string(call.id)});
    records.params.push_back({"/needs/decisions/{id}", "id", std::to_string(decision)});
    records.bodies.push_back(
        {"/needs/records/{id}/codes", R"({"kind":"need","code":"mobility","action":"add"})"});
    records.bodies.push_back(
        {"/needs/records", R"({"record_id":"Intruder-1","need_text":"Intruder need"})"});
    records.bodies.push_back({"/needs/groups/merge", "{\"groups\":[" + g + "," + other + "]}"});
    records.bodies.push_back({"/needs/groups/{id}/split", R"({"records":["B-REC-1"]})"});
    records.bodies.push_back({"/needs/groups/{id}", R"({"title":"Intruder"})"});
    records.bodies.push_back({"/needs/settings", R"({"min_cell_size":3})"});
    records.bodies.push_back({"/needs/figures", R"({"figures":[]})"});
    records.bodies.push_back({"/needs/calls/{id}", R"({"title":"Intruder"})"});
    records.bodies.push_back({"/needs/calls", "{\"group_ids\":[" + g + "]}"});
    records.secrets = {"Secret-B-Need", "Secret-B-Proposal", "SECRETKEYB", "Secret-B-Call",
                       "B-REC-1"};
    std::string p = std::to_string(pole);
    records.snapshot_queries = {
        "SELECT id, record_id, need_text, proposal_text, updated_at FROM needs_records WHERE "
        "pole_id = " +
            p + " ORDER BY id",
        "SELECT record, kind, code, effective FROM needs_codes WHERE pole_id = " + p +
            " ORDER BY record, kind, code",
        "SELECT record, kind, code, action FROM needs_corrections WHERE pole_id = " + p +
            " ORDER BY record",
        "SELECT id, representative_text, COALESCE(custom_title, ''), size FROM needs_groups WHERE "
        "pole_id = " +
            p + " ORDER BY id",
        "SELECT group_id, record FROM needs_group_members WHERE pole_id = " + p +
            " ORDER BY group_id, record",
        "SELECT id, kind, records FROM needs_decisions WHERE pole_id = " + p + " ORDER BY id",
        "SELECT id, title, status, updated_at FROM needs_calls WHERE pole_id = " + p +
            " ORDER BY id",
        "SELECT pole_id, min_cell_size FROM needs_settings WHERE pole_id = " + p +
            " ORDER BY pole_id",
        "SELECT indicator, territory, value FROM needs_figures WHERE pole_id = " + p +
            " ORDER BY indicator"};
}

const int needs_seeder_registered =
    maillage::app::testing::register_isolation_seeder("needs", seed_needs);

}  // namespace
