// Collective tender responses in the route walker: a won tender of pole B with its consortium
// and realised hours, which no route may show or change for pole A.
#include "isolation_support.hpp"

namespace {

using maillage::app::testing::IsolationContext;
using maillage::app::testing::PoleRecords;

void seed_commons(IsolationContext& context, PoleRecords& records) {
    auto& app = context.app;
    const std::int64_t pole = context.pole_b;
    maillage::actors::ActorInput partner;
    partner.name = "Secret-B-Partner";
    partner.kind = "ei";
    auto partner_id = app.actors().create(pole, std::nullopt, partner).id;
    maillage::commons::TenderInput t;
    t.buyer_name = "Secret-B-Buyer";
    t.title = "Secret-B-Tender";
    t.reference = "SECRET-B-REF";
    t.deadline_on = "2026-02-01";
    t.status = "won";
    t.awarded_on = "2026-03-01";
    t.contract_start = "2026-04-01";
    t.contract_end = "2027-03-31";
    t.lots = {{1, "Secret-B-Lot", 500}};
    maillage::commons::MemberInput lead, co;
    lead.actor_id = context.actor_b;
    lead.role = "mandataire";
    co.actor_id = partner_id;
    co.role = "co_traitant";
    auto d = app.commons().create(pole, context.admin_b, t, {lead, co});
    auto member = d.members.front().id;
    auto hours = app.commons().record_hours(pole, context.admin_b, member,
                                            {"2026-05", 77.25, "Secret-B-Hours"});

    records.params.push_back({"/commons/tenders/{id}", "id", std::to_string(d.tender.id)});
    records.params.push_back({"/commons/members/{id}", "id", std::to_string(member)});
    records.params.push_back({"/commons/hours/{id}", "id", std::to_string(hours.id)});
    records.bodies.push_back(
        {"/commons/tenders/{id}/members",
         "{\"actor_id\":" + std::to_string(partner_id) + ",\"role\":\"sous_traitant\"}"});
    records.bodies.push_back({"/commons/members/{id}/hours", R"({"period":"2026-06","hours":1})"});
    records.bodies.push_back(
        {"/commons/members/{id}",
         "{\"actor_id\":" + std::to_string(context.actor_b) + ",\"role\":\"co_traitant\"}"});
    records.bodies.push_back({"/commons/tenders", R"({"title":"Intruder","buyer_name":"X"})"});
    records.secrets = {"Secret-B-Tender", "Secret-B-Buyer", "SECRET-B-REF",
                       "Secret-B-Lot",    "Secret-B-Hours", "Secret-B-Partner"};
    std::string p = std::to_string(pole);
    records.snapshot_queries = {
        "SELECT id, title, status, updated_at FROM commons_tenders WHERE pole_id = " + p +
            " ORDER BY id",
        "SELECT tender_id, number, title FROM commons_lots WHERE pole_id = " + p +
            " ORDER BY tender_id, number",
        "SELECT id, actor_id, role, lots FROM commons_members WHERE pole_id = " + p +
            " ORDER BY id",
        "SELECT id, member_id, period, hours FROM commons_realised_hours WHERE pole_id = " + p +
            " ORDER BY id"};
}

const int commons_seeder_registered =
    maillage::app::testing::register_isolation_seeder("commons", seed_commons);

}  // namespace
