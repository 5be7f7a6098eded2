// The demo pole's collective tender responses: the Seignanx community of communes awarded the
// upkeep of its green spaces and coastal paths to a consortium led by the insertion worksite,
// with the intermediary association and the joinery cooperative as co-traitants; the town of
// Tarnos did not retain the pole's bid for cleaning its premises; a school renovation bid is
// being prepared. The won contract's members become co-contractors in the network's
// derived relations (seed_network refreshes them after this seeder).
#include <cstdio>

#include "demo/actor_names.hpp"
#include "demo/modules.hpp"

namespace maillage::demo {
namespace {

commons::MemberInput member(const DemoContext& context, const char* actor, const char* role,
                            std::vector<std::int64_t> lots, double share, double hours) {
    commons::MemberInput m;
    m.actor_id = context.actor(actor);
    m.role = role;
    m.lots = std::move(lots);
    m.share_percent = share;
    m.insertion_hours_committed = hours;
    return m;
}

void seed_green_spaces(DemoContext& context) {
    auto& commons = context.app.commons();
    commons::TenderInput t;
    t.buyer_actor_id = context.actor("Communauté de communes du Seignanx");
    t.title = "Entretien des espaces verts et des sentiers du littoral";
    t.reference = "CCS-2025-EV-04";
    t.procedure = "adapted";
    t.published_on = "2025-04-14";
    t.deadline_on = "2025-05-26";
    t.estimated_amount = 236000;
    t.status = "won";
    t.awarded_on = "2025-07-10";
    t.contract_start = "2025-09-01";
    t.contract_end = "2027-08-31";
    t.note = "Clause sociale d'insertion : 2 700 heures sur la durée du marché.";
    t.lots = {{1, "Tonte, débroussaillage et fauchage raisonné", 2000},
              {2, "Sentiers du littoral : ganivelles et platelages", 700}};
    auto d = commons.create(context.pole_id, context.coordinator_user_id, t,
                            {member(context, kJardins, "mandataire", {1, 2}, 50, 1500),
                             member(context, kAI, "co_traitant", {1}, 25, 900),
                             member(context, kScop, "co_traitant", {2}, 25, 300)});
    // Realised hours from September 2025 to November 2026, a little behind on the coast in
    // winter (the paths are closed to works during the nesting season's preparation).
    const double base[] = {68, 36, 11};
    for (std::size_t i = 0; i < d.members.size(); ++i) {
        auto& m = d.members[i];
        double per_month = m.actor_id == context.actor(kJardins) ? base[0]
                           : m.actor_id == context.actor(kAI)    ? base[1]
                                                                 : base[2];
        for (int k = 0; k < 15; ++k) {
            int month = 9 + k, year = 2025 + (month - 1) / 12;
            month = (month - 1) % 12 + 1;
            char period[16];
            std::snprintf(period, sizeof period, "%04d-%02d", year, month);
            bool winter = month == 12 || month <= 2;
            double hours = per_month * (winter ? 0.6 : 1.0) + double((k * 7 + int(i) * 3) % 9);
            commons.record_hours(context.pole_id, context.coordinator_user_id, m.id,
                                 {period, hours, std::nullopt});
        }
    }
}

void seed_other_bids(DemoContext& context) {
    auto& commons = context.app.commons();
    commons::TenderInput cleaning;
    cleaning.buyer_actor_id = context.actor("Mairie de Tarnos");
    cleaning.title = "Nettoyage des locaux communaux et des écoles";
    cleaning.reference = "TARNOS-2025-12";
    cleaning.procedure = "open";
    cleaning.published_on = "2025-09-02";
    cleaning.deadline_on = "2025-10-06";
    cleaning.estimated_amount = 410000;
    cleaning.status = "lost";
    cleaning.awarded_on = "2025-11-18";
    cleaning.note = "Offre classée deuxième : prix jugé trop élevé sur le lot des écoles.";
    cleaning.lots = {{1, "Bâtiments administratifs", 1500}, {2, "Groupes scolaires", 2500}};
    commons.create(context.pole_id, context.coordinator_user_id, cleaning,
                   {member(context, kAI, "mandataire", {1, 2}, 70, 2800),
                    member(context, kSI, "co_traitant", {2}, 30, 1200)});

    commons::TenderInput schools;
    schools.buyer_name = "Département des Landes – direction de l'éducation";
    schools.title = "Rénovation énergétique de deux collèges du Seignanx";
    schools.reference = "CD40-2026-COL-07";
    schools.procedure = "restricted";
    schools.published_on = "2026-10-05";
    schools.deadline_on = "2026-12-18";
    schools.estimated_amount = 1250000;
    schools.status = "preparing";
    schools.lots = {{1, "Isolation des combles et des façades", 3000},
                    {2, "Menuiseries extérieures", 800}};
    commons.create(context.pole_id, context.coordinator_user_id, schools,
                   {member(context, kSI, "mandataire", {1}, 45, 2200),
                    member(context, kIsolation, "co_traitant", {1}, 35, 400),
                    member(context, kScop, "sous_traitant", {2}, 20, 300)});

    commons::TenderInput watch;
    watch.buyer_name = "Syndicat mixte de collecte des déchets du Seignanx";
    watch.title = "Collecte et valorisation des encombrants";
    watch.procedure = "reserved";
    watch.published_on = "2026-11-20";
    watch.deadline_on = "2027-01-15";
    watch.status = "watch";
    commons.create(context.pole_id, context.coordinator_user_id, watch);
}

}  // namespace

void seed_commons(DemoContext& context) {
    seed_green_spaces(context);
    seed_other_bids(context);
}

}  // namespace maillage::demo
