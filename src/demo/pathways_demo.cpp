// The pathways part of the demo: projects of the Seignanx pole at every stage of the shipped
// pathways, mentors and experts, coaching and mentoring sessions, follow-up visits (some
// overdue), a CAPE test contract, peer tutoring by an operating Scop. Dates are counted back
// from today so that the alerts are live whenever the demo is built.
#include "demo/modules.hpp"
#include "pathways/pathway_service.hpp"

namespace maillage::demo {
namespace {

using pathways::Date;

struct Seeder {
    DemoContext& ctx;
    pathways::PathwayService& s;
    Date today;
    std::int64_t user;

    std::string ago(int days) const { return pathways::to_iso(pathways::add_days(today, -days)); }

    std::int64_t project(const char* title, const char* pathway, const char* commune,
                         const char* naf, const char* legal_form, const char* origin,
                         int started_days_ago, const char* summary,
                         std::optional<std::string> origin_actor = std::nullopt) {
        pathways::ProjectInput in;
        in.title = title;
        in.template_code = pathway;
        in.commune = commune;
        in.naf = naf;
        if (*legal_form) in.legal_form = legal_form;
        in.origin_kind = origin;
        if (origin_actor) in.origin_actor_id = ctx.actor(*origin_actor);
        in.summary = summary;
        in.started_on = ago(started_days_ago);
        return s.create_project(ctx.pole_id, user, in).id;
    }

    // Marks the step's required deliverables done, then moves to the next step, `days_ago`.
    void advance(std::int64_t id, int days_ago, const std::string& to = "",
                 const std::string& note = "") {
        auto on = pathways::add_days(today, -days_ago);
        auto detail = s.detail(ctx.pole_id, id, today);
        for (const auto& d : detail.pathway->step(detail.project.step)->deliverables)
            if (d.required)
                s.set_deliverable(ctx.pole_id, user, id, d.code, pathways::to_iso(on), std::nullopt,
                                  today);
        move(id, "advance", days_ago, to, note);
    }

    void move(std::int64_t id, const char* action, int days_ago, const std::string& to = "",
              const std::string& note = "") {
        pathways::TransitionInput t;
        t.action = action;
        if (!to.empty()) t.to = to;
        if (!note.empty()) t.note = note;
        t.on_date = ago(days_ago);
        s.transition(ctx.pole_id, user, id, t, today);
    }

    void walk(std::int64_t id, std::initializer_list<int> days_ago) {
        for (int d : days_ago) advance(id, d);
    }

    void promoter(std::int64_t id, const char* alias, const char* role, bool pseudonym,
                  std::optional<bool> under_30 = std::nullopt) {
        s.add_promoter(ctx.pole_id, user, id, {alias, pseudonym, role, under_30, std::nullopt});
    }

    std::int64_t mentor(const char* kind, const char* name, std::optional<std::string> actor,
                        const char* commune, int capacity, int years,
                        std::vector<std::string> subjects, std::vector<std::string> sectors,
                        const char* bio) {
        pathways::MentorInput m;
        m.kind = kind;
        m.name = name;
        if (actor) m.actor_id = ctx.actor(*actor);
        m.commune = commune;
        m.capacity = capacity;
        m.experience_years = years;
        m.subjects = std::move(subjects);
        m.sectors = std::move(sectors);
        m.bio = bio;
        return s.create_mentor(ctx.pole_id, user, m).id;
    }

    std::int64_t pair(std::int64_t project, const char* kind, std::int64_t mentor, int days_ago,
                      std::vector<std::string> objectives) {
        pathways::MentorshipInput in;
        in.kind = kind;
        in.mentor_id = mentor;
        in.objectives = std::move(objectives);
        in.started_on = ago(days_ago);
        return s.confirm_pairing(ctx.pole_id, ctx.coordinator_user_id, project, in, today).id;
    }

    void action(std::int64_t project, const char* kind, int days_ago, std::optional<int> minutes,
                const char* subject, const char* need, const char* outcome,
                std::optional<std::int64_t> mentorship = std::nullopt, const char* funder = "") {
        pathways::ActionInput a;
        a.kind = kind;
        a.on_date = ago(days_ago);
        if (minutes) a.minutes = *minutes;
        if (*subject) a.subject = subject;
        if (*need) a.need = need;
        if (*outcome) a.outcome = outcome;
        a.mentorship_id = mentorship;
        if (*funder) a.funder_name = funder;
        s.add_action(ctx.pole_id, user, project, a, today);
    }

    // The first `count` visits due so far, done three days after their due date.
    void visits_done(std::int64_t project, int count) {
        int done = 0;
        for (const auto& v : s.detail(ctx.pole_id, project, today).visits) {
            auto due = *pathways::parse_date(v.due_on);
            if (done == count || due > today) break;
            pathways::VisitInput in{v.due_on,
                                    pathways::to_iso(std::min(pathways::add_days(due, 3), today)),
                                    "Visite de suivi : activité conforme au prévisionnel."};
            s.update_visit(ctx.pole_id, user, v.id, in, today);
            ++done;
        }
    }
};

}  // namespace

void seed_pathways(DemoContext& ctx) {
    auto& service = ctx.app.pathways();
    Seeder d{ctx, service, pathways::today_utc(), ctx.counsellor_user_id};

    // Mentors: experienced leaders of the pole's cooperatives, and experts paid by the movement.
    auto m_port =
        d.mentor("person", "Jean-Marc Etcheverry", "Scop Menuiserie du Port", "64140", 3, 22,
                 {"growth", "management_tools", "human_resources"}, {"C", "F"},
                 "Gérant de la Scop depuis 2004 ; a conduit la transmission aux salariés.");
    auto m_comptoir = d.mentor("person", "Amaia Lasserre", "SCIC Le Comptoir du Seignanx", "40312",
                               2, 12, {"governance", "community_engagement", "business_model"},
                               {"I", "G"}, "Cofondatrice de la SCIC, cinq collèges d'associés.");
    auto m_cae = d.mentor("person", "Patrick Duhalde", "CAE Coopérer en Pays Basque et Landes",
                          "64102", 4, 15, {"business_plan", "accounting", "legal_form"},
                          {"M", "N", "S"}, "Accompagne les entrepreneurs salariés de la CAE.");
    d.mentor("person", "Hélène Sarraute", std::nullopt, "40133", 2, 30,
             {"financing_plan", "fundraising", "growth"}, {"D", "F"},
             "Ancienne dirigeante d'une PME de l'énergie, bénévole du mouvement.");
    auto m_bio = d.mentor("person", "Michel Lacoste", std::nullopt, "40273", 2, 18,
                          {"farm_test", "organic_farming", "commercial_development"}, {"A"},
                          "Maraîcher bio retraité, référent des terres de test.");
    d.mentor("person", "Sofia Iriarte", "Association Mobilité Seignanx", "40248", 1, 8,
             {"partnerships", "community_engagement"}, {"H", "N"},
             "Directrice de la plateforme de mobilité.");
    auto x_strategy =
        d.mentor("expert", "Cabinet Adour Stratégie", "Réseau des PTCE de Nouvelle-Aquitaine",
                 "33063", 5, 20, {"growth", "business_model", "diversification"},
                 {"C", "F", "I", "N"}, "Appui d'experts financé par le mouvement coopératif.");
    d.mentor("expert", "Conseil Marchés Publics Sud Landes", std::nullopt, "40192", 3, 10,
             {"public_procurement", "commercial_development"}, {"F", "N"},
             "Réponses groupées aux appels d'offres.");
    d.mentor("expert", "Adour Compétences Formation – gestion coopérative",
             "Adour Compétences Formation", "40312", 6, 9,
             {"management_tools", "accounting", "human_resources"}, {},
             "Modules de formation à la gestion coopérative.");

    // Emergence.
    auto epicerie = d.project("Épicerie coopérative de Biarrotte", "cross_border", "40042",
                              "47.11C", "community_cooperative", "citizen", 40,
                              "Rouvrir un commerce de proximité porté par les habitants.");
    d.promoter(epicerie, "Habitante référente (pseudonyme)", "lead", true);
    d.promoter(epicerie, "Groupe des parents d'élèves", "member", true);
    d.action(epicerie, "coaching", 20, 90, "community_engagement",
             "Préparer la première réunion publique", "Ordre du jour et invitation diffusée");
    auto ondres = d.project("Coopérative de communauté d'Ondres", "tuscany", "40209", "88.10A",
                            "community_cooperative", "institution", 150,
                            "Services aux aînés et lien social, à la demande de la commune.",
                            "Mairie d'Ondres");
    d.walk(ondres, {75});
    d.promoter(ondres, "Collectif des aînés d'Ondres", "lead", true);
    // Feasibility and legal organisation.
    auto mobilite =
        d.project("Scic Mobilité solidaire du Seignanx", "scop_scic_paca", "40248", "49.39B",
                  "scic", "institution", 200, "Transport à la demande et garage solidaire.",
                  "Communauté de communes du Seignanx");
    d.walk(mobilite, {60});
    d.action(mobilite, "coaching", 40, 120, "market_analysis", "Étude de marché du transport",
             "Trois segments de clientèle identifiés");
    d.action(mobilite, "hotline", 25, 20, "legal_form", "SCIC ou association ?",
             "Orientation vers la SCIC, collège des collectivités");
    auto services = d.project("Coopérative de services à la personne", "liguria", "40312", "88.10A",
                              "scop", "citizen", 160, "Aide à domicile en Scop.");
    d.walk(services, {140, 90, 45});
    auto reprise = d.project("Reprise de la menuiserie navale", "scop_scic_paca", "64140", "16.23Z",
                             "scop", "cooperative", 260,
                             "Transmission d'une entreprise aux salariés, avec l'appui d'une Scop.",
                             "Scop Menuiserie du Port");
    d.walk(reprise, {200, 40});
    // Financing plan and creation.
    auto energie =
        d.project("Scic Énergies citoyennes du Seignanx", "scop_scic_paca", "40273", "35.11Z",
                  "scic", "citizen", 330, "Centrales solaires citoyennes sur les toits publics.");
    d.walk(energie, {270, 180, 70});
    d.pair(energie, "expert", x_strategy, 60, {"Structurer le plan de financement"});
    d.action(energie, "expert", 30, 240, "financing_plan", "Plan de financement et capital citoyen",
             "Montage avec une société de capital-risque du mouvement", std::nullopt,
             "Confédération générale des Scop et des Scic");
    auto conserverie =
        d.project("Conserverie partagée de Capbreton", "scop_scic_paca", "40065", "10.85Z", "scic",
                  "cooperative", 420, "Atelier de transformation partagé entre producteurs.",
                  "SCIC Le Comptoir du Seignanx");
    d.walk(conserverie, {360, 270, 210, 120});
    d.move(conserverie, "pause", 30, "", "En attente de l'accord bancaire");
    // Created cooperatives: management tools, follow-up, development.
    auto bati =
        d.project("Scop Atelier Bâti Durable", "scop_scic_paca", "40312", "43.99C", "scop",
                  "cooperative", 640, "Rénovation énergétique en Scop.", "Scop Menuiserie du Port");
    d.walk(bati, {580, 490, 430, 340, 150});
    auto bati_mentor = d.pair(bati, "mentoring", m_port, 140,
                              {"Passer de 4 à 8 salariés associés", "Fiabiliser les devis"});
    d.action(bati, "mentoring", 110, 120, "growth", "Organisation du chantier et recrutement",
             "Plan de recrutement sur 18 mois", bati_mentor);
    d.action(bati, "mentoring", 50, 90, "management_tools", "Tableau de bord mensuel",
             "Indicateurs de marge par chantier", bati_mentor);
    d.action(bati, "training", 130, 420, "management_tools", "Module gestion coopérative (3 jours)",
             "Comptes annuels compris par les associés");
    auto restauration =
        d.project("Scic Restauration collective de Labenne", "scop_scic_paca", "40133", "56.29A",
                  "scic", "institution", 900,
                  "Cuisine centrale en circuits courts pour les écoles.", "Mairie de Tarnos");
    d.walk(restauration, {840, 750, 690, 600, 520, 220});
    d.visits_done(restauration, 1);  // the second visit is overdue
    d.pair(restauration, "mentoring", m_comptoir, 300, {"Ouvrir un collège des usagers"});
    auto tiers =
        d.project("Scic Tiers-lieu du port de Tarnos", "cross_border", "40312", "68.20B", "scic",
                  "citizen", 1500, "Tiers-lieu, ateliers partagés et café associatif.");
    d.walk(tiers, {1440, 1350, 1290, 1200, 1140, 960, 240});
    d.visits_done(tiers, 8);
    d.pair(tiers, "expert", x_strategy, 200, {"Diversifier les activités du lieu"});
    // Seed 001: de l'envie au projet, with a CAPE in the incubator.
    auto maraichage = d.project("Maraîchage bio à l'essai – Saint-Martin-de-Seignanx",
                                "envie_au_projet", "40273", "01.13Z", "", "citizen", 200,
                                "Test sur les terres agricoles bio avant installation.");
    d.promoter(maraichage, "Porteur de projet, 27 ans (pseudonyme)", "lead", true, true);
    d.walk(maraichage, {170, 120});
    pathways::TestContractInput cape;
    cape.kind = "cape";
    cape.host_actor_id = ctx.actor("CAE Coopérer en Pays Basque et Landes");
    // Six months, ending in about three weeks: the dashboard warns that it is ending.
    auto cape_start = pathways::add_days(pathways::add_months(d.today, -6), 20);
    cape.start_on = pathways::to_iso(cape_start);
    cape.end_on = pathways::to_iso(pathways::add_months(cape_start, 6));
    service.add_contract(ctx.pole_id, d.user, maraichage, cape, d.today);
    d.pair(maraichage, "mentoring", m_bio, 110,
           {"Valider la rentabilité du maraîchage sur 1,5 ha"});
    d.action(maraichage, "workshop", 160, 420, "accounting", "Atelier comptabilité", "");
    auto gite =
        d.project("Gîte rural et table paysanne de Biaudos", "envie_au_projet", "40044", "55.20Z",
                  "association", "citizen", 70, "Accueil paysan : gîte et produits de la ferme.");
    d.promoter(gite, "Couple de porteurs (pseudonyme)", "lead", true, false);
    d.walk(gite, {45});
    d.action(gite, "workshop", 30, 360, "rural_tourism", "Atelier « créer un gîte »",
             "Étude des normes d'accueil");
    // Closed pathways, for the statistics: a cooperative that ceased, a project given up.
    auto com = d.project("Scop Communication Adour", "scop_scic_paca", "64102", "73.11Z", "scop",
                         "citizen", 2000, "Agence de communication en Scop.");
    d.walk(com, {1950, 1880, 1830, 1760, 1700});
    d.move(com, "abandon", 400, "", "Liquidation amiable après la perte du principal client");
    auto repair = d.project("Repair café itinérant", "liguria", "40312", "95.29Z", "association",
                            "citizen", 500, "Ateliers de réparation dans les communes.");
    d.walk(repair, {450});
    d.move(repair, "abandon", 300, "", "Les bénévoles ont rejoint une association existante");

    // Peer tutoring: the menuiserie tutors the transmission project (seed 000's "tutorship").
    pathways::MentorshipInput tutoring;
    tutoring.kind = "tutoring";
    tutoring.tutor_actor_id = ctx.actor("Scop Menuiserie du Port");
    tutoring.objectives = {"Partager l'expérience de la transmission aux salariés"};
    tutoring.started_on = d.ago(100);
    service.confirm_pairing(ctx.pole_id, ctx.coordinator_user_id, reprise, tutoring, d.today);
    d.pair(reprise, "mentoring", m_cae, 90, {"Construire le plan de reprise"});

    // Jobs declared by the created cooperatives.
    int year = pathways::year_of(d.today);
    service.declare_jobs(ctx.pole_id, d.user, bati, {year - 1, 4, 3.5});
    service.declare_jobs(ctx.pole_id, d.user, restauration, {year - 1, 9, 7.2});
    service.declare_jobs(ctx.pole_id, d.user, restauration, {year - 2, 6, 5.0});
    service.declare_jobs(ctx.pole_id, d.user, tiers, {year - 1, 5, 3.0});
    service.declare_jobs(ctx.pole_id, d.user, tiers, {year - 2, 4, 2.5});
    service.declare_jobs(ctx.pole_id, d.user, com, {year - 4, 3, 3.0});
    (void)services;
}

}  // namespace maillage::demo
