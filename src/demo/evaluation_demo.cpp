// The evaluation part of the Seignanx demo: two sustainable-development board sessions of the
// pole's DTS démarche a year apart (a real argument log, black balls), two yearly
// social-utility campaigns of the insertion enterprise, a self-diagnosis against the published
// PTCE references and a round of the three insertion structures. People are named by their
// function only: the least personal data a session needs.
#include "demo/modules.hpp"

namespace maillage::demo {
namespace {

using namespace evaluation;

struct Said {
    const char* item;
    int speaker;  // index into the session's participants
    int direction;
    double displacement;
    const char* text;
};

// The session of November 2025: a first reading of the démarche.
const Said kFirstSession[] = {
    {"ECO-1", 1, +1, 2, "Douze postes d'insertion créés sur le second œuvre, non délocalisables."},
    {"ECO-3", 2, +1, 1, "Les paniers des Jardins de l'Adour sont vendus au Comptoir du Seignanx."},
    {"ECO-5", 0, -1, 1, "Pas encore de politique d'achats responsables commune aux membres."},
    {"SOC-1", 3, +1, 2, "Les parcours s'adressent d'abord aux allocataires du RSA du territoire."},
    {"SOC-2", 3, -1, 1, "Beaucoup de contrats courts chez les clients du groupement."},
    {"SOC-5", 0, -1, 1, "Les métiers du bâtiment restent très masculins."},
    {"ENV-8", 2, -1, 2, "Les salariés viennent en voiture : pas de transport en commun le matin."},
    {"ENV-9", 1, +1, 1, "Tri des déchets de chantier en place chez Seignanx Insertion."},
    {"GOV-1", 0, +1, 1, "La démarche a été construite en comité avec la communauté de communes."},
    {"GOV-3", 3, -1, 2, "Les salariés en insertion disent ne pas être informés des décisions."},
    {"GOV-11", 2, -1, 1, "Aucun bilan n'est prévu à ce stade."},
};

// The session of November 2026.
const Said kSecondSession[] = {
    {"ECO-1", 1, +1, 2, "Dix-huit postes en insertion, et trois CDI chez des clients du BAB."},
    {"ECO-1", 0, +1, 1, "Les compétences restent sur le territoire grâce au GEIQ."},
    {"ECO-2", 2, +1, 2, "La SCIC associe la commune, des producteurs et des habitants."},
    {"ECO-3", 2, +1, 2, "Circuit court : la cantine de Tarnos achète aux Jardins de l'Adour."},
    {"ECO-5", 0, +1, 1, "Un groupement d'achats de fournitures entre quatre membres a démarré."},
    {"ECO-5", 1, -1, 0.5, "Il ne couvre pas encore les matériaux de chantier."},
    {"ECO-7", 3, +1, 1, "La recyclerie de matériaux donne une seconde vie aux chutes de chantier."},
    {"SOC-1", 3, +1, 2, "Les parcours restent orientés vers les personnes les plus éloignées."},
    {"SOC-2", 1, +1, 1,
     "Le groupement d'employeurs a transformé des contrats courts en temps partagé."},
    {"SOC-2", 3, -1, 0.5, "Des horaires encore décalés pour les équipes d'entretien."},
    {"SOC-3", 0, +1, 2, "Formations qualifiantes en alternance avec le GEIQ BTP."},
    {"SOC-5", 2, +1, 1, "Deux femmes recrutées en peinture, une première."},
    {"SOC-6", 3, +1, 1, "Accueil de deux salariés reconnus travailleurs handicapés."},
    {"ENV-3", 1, +1, 1, "Peintures à faible émission de COV sur tous les chantiers."},
    {"ENV-8", 2, -1, 1, "La voiture reste indispensable pour venir travailler."},
    {"ENV-8", 0, +1, 1, "La plateforme mobilité prête des scooters aux nouveaux salariés."},
    {"ENV-9", 1, +1, 2, "Les déchets de chantier sont triés et revendus à la recyclerie."},
    {"ENV-14", 2, -1, 1, "Les tournées de livraison des paniers ne sont pas optimisées."},
    {"GOV-1", 0, +1, 2, "Le comité de pilotage réunit élus, structures et salariés."},
    {"GOV-2", 2, +1, 1, "Une convention de coopération signée par quinze membres."},
    {"GOV-3", 3, +1, 2, "Une lettre mensuelle et un représentant des salariés au comité."},
    {"GOV-4", 3, -1, 1, "Les décisions restent préparées par deux ou trois personnes."},
    {"GOV-6", 1, +1, 2, "Ancrage fort : la plupart des membres sont à Tarnos et à Ondres."},
    {"GOV-11", 0, +1, 2, "Un bilan annuel avec cette grille est désormais au calendrier."},
    {"GOV-11", 2, +1, 1, "Et la mesure de l'utilité sociale de Seignanx Insertion a commencé."},
};

const ParticipantInput kParticipants[] = {
    {"Coordinatrice du pôle", {}, std::string("animation")},
    {"Directeur de Seignanx Insertion", {}, std::string("membre")},
    {"Élue à l'économie solidaire", {}, std::string("collectivité")},
    {"Représentant des salariés en insertion", {}, std::string("salariés")},
};

Assessment board_session(DemoContext& ctx, std::int64_t demarche, const char* date,
                         const char* stage, std::optional<std::int64_t> previous) {
    auto& s = ctx.app.evaluation();
    AssessmentInput in;
    in.grid_id = s.find_grid(ctx.pole_id, "dd-appraisal").id;
    in.subject = {"demarche", demarche, ""};
    in.title = std::string("Appréciation développement durable — ") + date;
    in.held_on = date;
    in.stage = stage;
    in.mode = "partnership";
    in.previous_id = previous;
    for (const auto& p : kParticipants) in.participants.push_back(p);
    in.participants[1].actor_id = ctx.actor("Seignanx Insertion");
    in.participants[2].actor_id = ctx.actor("Communauté de communes du Seignanx");
    return s.create_assessment(ctx.pole_id, ctx.coordinator_user_id, in);
}

template <std::size_t N>
void argue(DemoContext& ctx, const Assessment& a, const Said (&log)[N]) {
    for (const auto& said : log)
        ctx.app.evaluation().add_argument(
            ctx.pole_id, ctx.coordinator_user_id, a.id,
            {said.item, a.participant_list[std::size_t(said.speaker)].id, said.direction,
             said.displacement, said.text});
}

AnswerInput flag(const char* item, bool priority, bool significant, const char* comment = "") {
    return {item, {}, priority, significant, std::string(comment)};
}

AnswerInput value(const char* item, Json v) {
    return {item, std::move(v), {}, {}, {}};
}

void seed_boards(DemoContext& ctx) {
    auto& s = ctx.app.evaluation();
    Demarche d;
    d.name = "Démarche DTS du Seignanx : l'emploi local par la coopération";
    d.description =
        "Démarche de développement de territoire solidaire portée par le pôle avec la "
        "communauté de communes : emplois partagés, achats groupés, mobilité.";
    d.actor_id = ctx.actor("Communauté de communes du Seignanx");
    auto demarche = s.save_demarche(ctx.pole_id, ctx.coordinator_user_id, std::nullopt, d);
    auto first = board_session(ctx, demarche.id, "2025-11-20", "design", std::nullopt);
    argue(ctx, first, kFirstSession);
    s.save_answers(ctx.pole_id, ctx.coordinator_user_id, first.id,
                   {flag("ECO-1", true, false), flag("GOV-3", false, true)});
    AssessmentChange close;
    close.status = "closed";
    s.change_assessment(ctx.pole_id, ctx.coordinator_user_id, first.id, close);
    auto second = board_session(ctx, demarche.id, "2026-11-19", "implementation", first.id);
    argue(ctx, second, kSecondSession);
    s.save_answers(
        ctx.pole_id, ctx.coordinator_user_id, second.id,
        {flag("ECO-1", true, false, "Priorité du pôle : l'emploi local durable."),
         flag("ENV-8", false, true, "La mobilité pèse sur les parcours et sur le climat."),
         flag("GOV-3", true, false), flag("SOC-5", false, true)});
}

void fill_results(DemoContext& ctx, std::int64_t assessment, const std::vector<double>& v) {
    // hours, contracts, clients (4 kinds), principals, turnover, budget, wages,
    // registered, welcomed, supported, exits CDI, CDD, subsidised, training, other
    const char* codes[] = {"iae.hours",
                           "iae.contracts",
                           "iae.clients.individuals",
                           "iae.clients.local_authorities",
                           "iae.clients.associations",
                           "iae.clients.companies",
                           "iae.principals",
                           "iae.turnover",
                           "iae.budget",
                           "iae.wages",
                           "iae.people.registered",
                           "iae.people.welcomed",
                           "iae.people.supported",
                           "iae.exits.cdi",
                           "iae.exits.cdd",
                           "iae.exits.subsidised",
                           "iae.exits.training",
                           "iae.exits.other"};
    std::vector<AnswerInput> inputs;
    for (std::size_t i = 0; i < v.size(); ++i) inputs.push_back(value(codes[i], Json(v[i])));
    ctx.app.evaluation().save_answers(ctx.pole_id, ctx.coordinator_user_id, assessment, inputs);
}

void seed_campaign_setup(DemoContext& ctx, std::int64_t campaign) {
    auto& s = ctx.app.evaluation();
    auto user = ctx.coordinator_user_id;
    s.save_campaign_step(
        ctx.pole_id, user, campaign, "demand",
        {{"requester", "Le conseil d'administration de Seignanx Insertion"},
         {"motive",
          "Montrer aux financeurs ce que l'entreprise apporte au territoire au-delà du "
          "retour à l'emploi, et réinterroger son projet."},
         {"origin", "internal"},
         {"stakeholders",
          {{{"name", "Salariés en insertion"},
            {"side", "internal"},
            {"participation", "concertation"}},
           {{"name", "Encadrants techniques"},
            {"side", "internal"},
            {"participation", "codecision"}},
           {{"name", "Département des Landes"},
            {"side", "external"},
            {"participation", "consultation"}},
           {{"name", "France Travail"}, {"side", "external"}, {"participation", "information"}}}}},
        true);
    s.save_campaign_step(ctx.pole_id, user, campaign, "perimeter",
                         {{"scope", "whole_structure"},
                          {"core_business", true},
                          {"territories", "Seignanx et agglomération Pays basque (BAB)"},
                          {"note", "Le second œuvre du bâtiment, activité support, est inclus."}},
                         true);
    s.save_campaign_step(ctx.pole_id, user, campaign, "criteria",
                         {{"retained", {"SU-1", "SU-2", "SU-3", "SU-5", "SU-6"}},
                          {"methods", {"working_groups", "surveys"}},
                          {"note", "Deux groupes de travail, salariés et partenaires."}},
                         true);
    IndicatorInput local{"SU-3",
                         {"Achats auprès de fournisseurs du Seignanx", "", ""},
                         "number",
                         {"% des achats", "% degli acquisti", "% of purchases"},
                         "Comptabilité",
                         "Extraction annuelle des factures",
                         "Responsable administrative",
                         false};
    IndicatorInput waste{"SU-5",
                         {"Déchets de chantier triés et valorisés", "", ""},
                         "number",
                         {"tonnes", "tonnellate", "tonnes"},
                         "Bons de dépôt de la recyclerie",
                         "Cumul des bons",
                         "Encadrant technique",
                         false};
    IndicatorInput open{"SU-6",
                        {"Participants aux portes ouvertes", "", ""},
                        "number",
                        {"personnes", "persone", "people"},
                        "Feuilles d'émargement",
                        "",
                        "Chargée d'accompagnement",
                        true};
    for (auto& i : {local, waste, open}) s.add_campaign_indicator(ctx.pole_id, user, campaign, i);
}

void seed_campaigns(DemoContext& ctx) {
    auto& s = ctx.app.evaluation();
    auto user = ctx.coordinator_user_id;
    CampaignInput in;
    in.subject = {"actor", ctx.actor("Seignanx Insertion"), ""};
    in.title = "Utilité sociale de Seignanx Insertion 2024";
    in.year = 2024;
    auto first = s.create_campaign(ctx.pole_id, user, in);
    seed_campaign_setup(ctx, first.id);
    fill_results(
        ctx, first.assessment_id,
        {36800, 49, 188, 7, 11, 31, 9, 1310000, 1560000, 940000, 88, 63, 57, 6, 12, 4, 7, 7});
    s.save_answers(
        ctx.pole_id, user, first.assessment_id,
        {value("SU-3.i1", Json(41)), value("SU-5.i1", Json(62)), value("SU-6.i1", Json(38))});
    auto next = s.next_year_campaign(ctx.pole_id, user, first.id);
    fill_results(
        ctx, next.assessment_id,
        {41250, 58, 212, 9, 14, 37, 11, 1480000, 1720000, 1050000, 96, 71, 64, 9, 14, 5, 8, 6});
    s.save_answers(
        ctx.pole_id, user, next.assessment_id,
        {value("SU-3.i1", Json(47)), value("SU-5.i1", Json(85)), value("SU-6.i1", Json(61)),
         value("iae.sectors", Json("Peinture, plâtrerie, isolation ; particuliers et bailleurs")),
         value("SU-2.appraisal", Json("Les salariés décrivent une confiance retrouvée et des "
                                      "projets professionnels précisés ; neuf CDI en 2025.")),
         value("SU-3.appraisal", Json("Près de la moitié des achats auprès d'entreprises du "
                                      "Seignanx, contre quatre sur dix l'an passé.")),
         value("SU-6.appraisal",
               Json("Les portes ouvertes ont réuni habitants, clients et élus."))});
    struct Proof {
        const char* kind;
        const char* item;
        const char* title;
        const char* date;
    };
    for (const auto& p :
         {Proof{"activity_report", "SU-2", "Rapport d'activités 2025", "2026-04-15"},
          Proof{"general_assembly_minutes", nullptr, "Compte rendu de l'assemblée générale",
                "2026-06-12"},
          Proof{"press_article", "SU-6",
                "« Portes ouvertes chez Seignanx Insertion » (presse locale)", "2026-05-22"},
          Proof{"satisfaction_survey", "SU-1", "Enquête de satisfaction des clients particuliers",
                "2026-03-01"}}) {
        EvidenceInput e;
        e.kind = p.kind;
        if (p.item) e.item = p.item;
        e.title = p.title;
        e.happened_on = p.date;
        if (std::string(p.kind) == "satisfaction_survey")
            e.file = EvidenceFile{"enquete-satisfaction-2026.csv", "text/csv",
                                  "question;tres satisfait;satisfait;peu satisfait\n"
                                  "Qualite des travaux;58;31;4\nRespect des delais;47;39;7\n",
                                  0};
        s.add_evidence(ctx.pole_id, user, next.assessment_id, e);
    }
    s.save_campaign_step(ctx.pole_id, user, next.id, "evidence",
                         {{"note", "Le rapport d'activités et l'enquête existaient déjà."}}, true);
    s.save_campaign_step(ctx.pole_id, user, next.id, "collection",
                         {{"procedure",
                           "Relevés mensuels d'heures, bilan de sortie à chaque fin "
                           "de parcours, extraction comptable annuelle."}},
                         true);
    s.save_campaign_step(
        ctx.pole_id, user, next.id, "debate",
        {{"sessions",
          {{{"date", "2026-06-12"},
            {"audience", "internal"},
            {"participants", "Conseil d'administration, encadrants, délégués des salariés"},
            {"conclusions",
             "Poursuivre le tri des déchets ; ouvrir les portes ouvertes aux écoles."}},
           {{"date", "2026-10-03"},
            {"audience", "external"},
            {"participants", "Comité de pilotage avec le Département et la communauté de communes"},
            {"conclusions",
             "L'apport au territoire est reconnu ; un indicateur mobilité sera ajouté."}}}},
         {"argument",
          "Seignanx Insertion crée de l'emploi local durable, achète au territoire et "
          "réduit les déchets de chantier : son utilité dépasse le retour à l'emploi."}},
        true);
}

void seed_ptce_and_round(DemoContext& ctx) {
    auto& s = ctx.app.evaluation();
    auto user = ctx.coordinator_user_id;
    AssessmentInput in;
    in.grid_id = s.find_grid(ctx.pole_id, "ptce-references").id;
    in.subject = {"pole", ctx.pole_id, ""};
    in.title = "Autodiagnostic du pôle au regard des repères publiés";
    in.held_on = "2026-09-24";
    in.stage = "implementation";
    in.mode = "self";
    auto a = s.create_assessment(ctx.pole_id, user, in);
    const char* agree[] = {"REF-A.1", "3", "REF-A.2", "2", "REF-A.3", "3", "REF-A.4", "2",
                           "REF-A.5", "2", "REF-A.6", "3", "REF-A.7", "1", "REF-B.1", "2",
                           "REF-B.2", "3", "REF-B.3", "2", "REF-B.4", "2", "REF-C.1", "3",
                           "REF-C.2", "3", "REF-C.3", "2", "REF-C.4", "2", "REF-C.5", "3",
                           "REF-C.6", "2", "REF-C.7", "1", "REF-E.1", "2", "REF-E.2", "3",
                           "REF-E.3", "1", "REF-E.4", "1"};
    std::vector<AnswerInput> answers;
    for (std::size_t i = 0; i < std::size(agree); i += 2)
        answers.push_back(value(agree[i], Json(agree[i + 1])));
    for (const char* yes : {"REF-D.1", "REF-D.2", "REF-D.3", "REF-D.4", "REF-D.5"})
        answers.push_back(value(yes, Json(std::string(yes) != "REF-D.3")));
    answers.back().comment = "Projet d'une recyclerie de matériaux à l'étude.";
    answers[6].comment = "Le pôle dépend encore surtout de financements publics.";
    s.save_answers(ctx.pole_id, user, a.id, answers);

    RoundInput r;
    r.grid_id = s.find_grid(ctx.pole_id, "social-utility").id;
    r.title = "Bilan 2025 des structures d'insertion du pôle";
    r.year = 2025;
    r.members = {ctx.actor("Seignanx Insertion"),
                 ctx.actor("Chantier d'insertion Les Jardins de l'Adour"),
                 ctx.actor("Association intermédiaire Seignanx Services")};
    auto round = s.create_round(ctx.pole_id, user, r);
    const std::vector<std::vector<double>> figures = {
        {41250, 58, 212, 9, 14, 37, 11, 1480000, 1720000, 1050000, 96, 71, 64, 9, 14, 5, 8, 6},
        {21600, 31, 640, 4, 6, 2, 3, 182000, 690000, 455000, 52, 34, 31, 2, 6, 4, 7, 5}};
    for (std::size_t i = 0; i < figures.size(); ++i) {
        auto m = s.start_member_assessment(ctx.pole_id, user, round.id, r.members[i]);
        fill_results(ctx, m.id, figures[i]);
    }
}

}  // namespace

void seed_evaluation(DemoContext& ctx) {
    seed_boards(ctx);
    seed_campaigns(ctx);
    seed_ptce_and_round(ctx);
}

}  // namespace maillage::demo
