// The network module in the route walker: pole B gets a second actor, a Grille I card, a
// relation, a nature of its own and a derived relation; pole A must neither see nor change them.
#include "isolation_support.hpp"

using namespace maillage;

namespace {

void seed_network(app::testing::IsolationContext& context, app::testing::PoleRecords& records) {
    auto& network = context.app.network();
    actors::ActorInput second;
    second.name = "Secret-B-Partner";
    second.kind = "ei";
    auto partner = context.app.actors().create(context.pole_b, std::nullopt, second).id;
    network.write_card(context.pole_b, context.admin_b, context.actor_b, 2026, "activity_creation",
                       {{"values", "Secret-B-Values"}});
    auto relation = network.set_relation(context.pole_b, context.admin_b,
                                         {2026, "activity_creation", context.actor_b, partner,
                                          "alliance", "values", 2, std::string("Secret-B-Note")});
    network::NatureInput nature;
    nature.code = "secret_b_rivalry";
    nature.weight = -0.5;
    nature.colour = "#6a1b9a";
    nature.label = {"Secret-B-Rivalry", "", ""};
    nature.abbreviation = {"RIV", "", ""};
    network.add_nature(context.pole_b, context.admin_b, nature);
    network.add_evidence_source("isolation", [=](std::int64_t pole, int) {
        std::vector<network::RelationEvidence> evidence;
        if (pole == context.pole_b)
            evidence.push_back({partner, context.actor_b, "shared_employee", "", "",
                                "Secret-B-Evidence", "2026-03-01"});
        return evidence;
    });
    network.refresh_derived(context.pole_b, context.admin_b, 2026);

    auto id = std::to_string(relation.id);
    records.params.push_back({"/network/relations/{id}", "id", id});
    records.bodies.push_back({"/network/relations/copy", R"({"from_year":2026,"to_year":2027})"});
    records.bodies.push_back(
        {"/network/relations", R"({"year":2026,"mission":"activity_creation","from_actor":)" +
                                   std::to_string(context.actor_b) + R"(,"to_actor":)" +
                                   std::to_string(partner) + R"(,"nature":"opposition"})"});
    records.bodies.push_back(
        {"/network/actors/{id}/card",
         R"({"year":2026,"mission":"activity_creation","entries":[{"field":"values","text":"Intruder"}]})"});
    records.bodies.push_back({"/network/derived/refresh", R"({"year":2026})"});
    records.bodies.push_back({"/network/analysis", R"({"year":2026})"});
    records.bodies.push_back(
        {"/network/natures",
         R"({"code":"intruder","weight":1,"colour":"#000000","label":{"fr":"Intruder"},"abbreviation":{"fr":"INT"}})"});
    // The partner's name is not secret: actors are in the shared directory.
    for (const char* secret :
         {"Secret-B-Values", "Secret-B-Note", "Secret-B-Rivalry", "Secret-B-Evidence"})
        records.secrets.push_back(secret);
    auto pole = std::to_string(context.pole_b);
    records.snapshot_queries = {
        "SELECT id, actor_id, field, text FROM network_logic_entries WHERE pole_id = " + pole +
            " ORDER BY id",
        "SELECT id, year, from_actor, to_actor, nature, updated_at FROM network_relations WHERE "
        "pole_id = " +
            pole + " ORDER BY id",
        "SELECT id, relation_id, action FROM network_relation_history WHERE pole_id = " + pole +
            " ORDER BY id",
        "SELECT code, weight FROM network_natures WHERE pole_id = " + pole + " ORDER BY code",
        "SELECT id, from_actor, to_actor, kind, computed_at FROM network_derived_relations WHERE "
        "pole_id = " +
            pole + " ORDER BY id"};
}

const int registered = app::testing::register_isolation_seeder("network", seed_network);

}  // namespace
