// The demo pole's actor system (Fiche II-1), as its board might have assessed it in 2025 and
// again in 2026 for the mission "creating activities": who allies with whom, where the
// competition and the negotiations are, and a few actors' Grille I cards signed by the
// admin and the coordinator. Invented, but plausible for a PTCE around Tarnos.
#include "demo/actor_names.hpp"
#include "demo/modules.hpp"

namespace maillage::demo {
namespace {

constexpr const char* kMission = "activity_creation";

struct DemoRelation {
    const char* from;
    const char* to;
    const char* nature;
    const char* object;  // "" for none
    int intensity;
};

// Relations both years assessed alike.
const DemoRelation kStable[] = {
    {kSI, kGE, "alliance", "means", 3},
    {kGE, kSI, "alliance", "means", 3},
    {kSI, kJardins, "alliance", "practices", 2},
    {kJardins, kSI, "alliance", "practices", 2},
    {kSI, kTarnos, "negotiation", "means", 2},
    {kTarnos, kSI, "alliance", "values", 2},
    {kCC, kSI, "alliance", "global", 2},
    {kSI, kCC, "alliance", "global", 2},
    {kDep, kSI, "negotiation", "means", 2},
    {kSI, kDep, "negotiation", "means", 2},
    {kIsolation, kGE, "alliance", "means", 3},
    {kGE, kIsolation, "alliance", "means", 3},
    {kConserverie, kGE, "alliance", "means", 2},
    {kGE, kConserverie, "alliance", "means", 2},
    {kGEIQ, kFormation, "alliance", "practices", 3},
    {kFormation, kGEIQ, "alliance", "practices", 3},
    {kFT, kAI, "alliance", "means", 2},
    {kAI, kFT, "alliance", "means", 2},
    {kFT, kGEIQ, "alliance", "practices", 1},
    {kRegion, kNetwork, "alliance", "values", 3},
    {kNetwork, kCC, "alliance", "values", 2},
    {kCC, kRegion, "negotiation", "means", 2},
    {kOndres, kCC, "alliance", "global", 2},
    {kTarnos, kOndres, "neutrality", "", 1},
    {kCAE, kScop, "interdependence", "practices", 2},
    {kScop, kSI, "neutrality", "", 1},
    {kAI, kSI, "negotiation", "practices", 2},
    {kSI, kAI, "negotiation", "practices", 2},
    {kConserverie, kTarnos, "neutrality", "", 1},
    {kML, kFT, "alliance", "practices", 2},
};

// 2025 only: what changed by 2026.
const DemoRelation kOnly2025[] = {
    {kIsolation, kSI, "neutrality", "", 1},   {kSI, kIsolation, "neutrality", "", 1},
    {kDep, kAI, "negotiation", "means", 2},   {kAI, kDep, "negotiation", "means", 2},
    {kGEIQ, kGE, "alliance", "practices", 2}, {kGE, kGEIQ, "alliance", "practices", 2},
    {kML, kCC, "negotiation", "means", 1},
};

// 2026 only: the insulation market turned into competition, the Department cut the AI's
// funding, the GEIQ and the employer group now compete for the same workers, the SCIC and the
// mobility platform joined the system.
const DemoRelation kOnly2026[] = {
    {kIsolation, kSI, "opposition", "practices", 2},
    {kSI, kIsolation, "opposition", "practices", 2},
    {kDep, kAI, "opposition", "means", 2},
    {kAI, kDep, "opposition", "means", 3},
    {kGEIQ, kGE, "negotiation", "practices", 2},
    {kGE, kGEIQ, "negotiation", "practices", 2},
    {kSCIC, kJardins, "alliance", "practices", 3},
    {kJardins, kSCIC, "alliance", "practices", 3},
    {kSCIC, kTarnos, "alliance", "values", 2},
    {kML, kMobility, "alliance", "practices", 2},
    {kMobility, kML, "alliance", "practices", 2},
    {kMobility, kCC, "negotiation", "means", 2},
    {kCC, kMobility, "alliance", "means", 2},
};

struct DemoCard {
    const char* actor;
    int year;
    std::vector<network::LogicEntryInput> entries;
};

const DemoCard kCards[] = {
    {kSI,
     2025,
     {{"territory", "Seignanx et sud des Landes"},
      {"values", "Insertion par l'activité économique, qualité du travail dans le bâtiment."},
      {"goals", "Stabiliser le chiffre d'affaires sur les chantiers de rénovation."}}},
    {kSI,
     2026,
     {{"territory", "Seignanx, sud des Landes et BAB"},
      {"values", "Insertion par l'activité économique ; ancrage territorial ; emplois de qualité."},
      {"trends",
       "Rénovation énergétique en forte croissance, concurrence des entreprises "
       "classiques sur l'isolation, clauses sociales plus fréquentes."},
      {"goals", "Se positionner sur la rénovation énergétique des bâtiments publics du Seignanx."},
      {"strategies",
       "Cotraitance avec le groupement d'employeurs ; réponses groupées aux "
       "marchés de la communauté de communes."},
      {"competences", "Encadrement technique second œuvre, accompagnement socio-professionnel."},
      {"rules_of_the_game", "Bonne connaissance des clauses sociales des marchés publics."},
      {"information",
       "Membre du PTCE, présent aux commissions emploi de la communauté de communes."},
      {"symbolic", "Reconnue pour la qualité de ses chantiers ; 20 ans d'ancienneté."},
      {"means", "42 salariés dont 31,5 ETP, deux camions, un atelier à Tarnos."}}},
    {kDep,
     2026,
     {{"territory", "Département des Landes"},
      {"values", "Insertion des allocataires du RSA, retour à l'emploi durable."},
      {"trends", "Resserrement budgétaire ; priorité aux sorties vers l'emploi classique."},
      {"goals", "Réduire le nombre d'allocataires sans accompagnement."},
      {"rules_of_the_game", "Financeur du PDI ; maîtrise des conventions et des appels à projets."},
      {"means", "Crédits d'insertion, référents RSA."}}},
    {kTarnos,
     2026,
     {{"territory", "Commune de Tarnos"},
      {"values", "Commande publique responsable, emploi local."},
      {"goals", "Développer les clauses sociales dans les marchés de la commune."},
      {"rules_of_the_game", "Donneur d'ordre : maîtrise des marchés publics."},
      {"symbolic", "Assimilation à l'intérêt général, légitimité élective."}}},
    {kIsolation,
     2026,
     {{"territory", "Sud des Landes"},
      {"goals", "Gagner des parts de marché sur la rénovation énergétique."},
      {"strategies", "Prix bas ; recours au groupement d'employeurs pour les pics d'activité."},
      {"competences", "Isolation thermique, certification RGE."}}},
};

std::vector<std::pair<const DemoRelation*, int>> relations_of_year(int year) {
    std::vector<std::pair<const DemoRelation*, int>> out;
    for (const auto& r : kStable) out.emplace_back(&r, year);
    if (year == 2025)
        for (const auto& r : kOnly2025) out.emplace_back(&r, year);
    else
        for (const auto& r : kOnly2026) out.emplace_back(&r, year);
    return out;
}

}  // namespace

void seed_network(DemoContext& context) {
    auto& network = context.app.network();
    for (int year : {2025, 2026})
        for (const auto& [r, y] : relations_of_year(year)) {
            network::RelationInput input;
            input.year = y;
            input.mission = kMission;
            input.from_actor = context.actor(r->from);
            input.to_actor = context.actor(r->to);
            input.nature = r->nature;
            if (*r->object) input.object = r->object;
            input.intensity = r->intensity;
            // Half the grid was filled in by the coordinator, half by the admin.
            auto author = (input.from_actor + input.to_actor) % 2 ? context.coordinator_user_id
                                                                  : context.admin_user_id;
            network.set_relation(context.pole_id, author, input);
        }
    for (const auto& card : kCards)
        network.write_card(context.pole_id, context.admin_user_id, context.actor(card.actor),
                           card.year, kMission, card.entries);
    // The coordinator revised one assessment after the board meeting: it has a history.
    network.write_card(context.pole_id, context.coordinator_user_id, context.actor(kSI), 2026,
                       kMission,
                       {{"goals",
                         "Se positionner sur la rénovation énergétique des bâtiments "
                         "publics du Seignanx, avec le groupement d'employeurs."}});
    for (int year : {2025, 2026})
        network.refresh_derived(context.pole_id, context.admin_user_id, year);
}

}  // namespace maillage::demo
