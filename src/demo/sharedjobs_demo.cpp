// The demo pole's shared-time jobs: "Groupement d'employeurs Adour Temps Partagé" with a dozen
// member firms around Tarnos, their needs (some seasonal, as in seed 003's III-20), eight
// workers, a composed plan and a month of realised hours. Names are invented.
#include <cstdio>

#include "core/progress.hpp"
#include "demo/demo.hpp"
#include "demo/modules.hpp"

namespace maillage::demo {
namespace {

using sharedjobs::TimeWindow;

struct NewFirm {
    const char* name;
    const char* naf;
    const char* commune;
    int headcount;
    const char* description;
};

// Member firms that the foundation's demo does not have yet.
const NewFirm kFirms[] = {
    {"Boulangerie Lafitte", "10.71C", "40209", 7, "Boulangerie-pâtisserie, vente le week-end."},
    {"Garage Lacoste", "45.20A", "40273", 5, "Entretien et réparation automobile."},
    {"Camping Les Pins", "55.30Z", "40133", 4, "Camping saisonnier, de juin à septembre."},
    {"Ferme maraîchère du Seignanx", "01.13Z", "40273", 3, "Maraîchage, pic de mars à juin."},
    {"Hôtel du Port", "55.10Z", "40065", 12, "Hôtel-restaurant, pic estival."},
    {"Plateforme logistique de Tarnos", "52.10B", "40312", 40, "Entreposage et préparation."},
    {"Cabinet comptable Etcheverry", "69.20Z", "64102", 6, "Expertise comptable."},
};

TimeWindow at(int day, int start_h, int start_m, int end_h, int end_m) {
    return {day, start_h * 60 + start_m, end_h * 60 + end_m};
}

std::vector<TimeWindow> days(std::initializer_list<int> which, int sh, int sm, int eh, int em) {
    std::vector<TimeWindow> out;
    for (int d : which) out.push_back(at(d, sh, sm, eh, em));
    return out;
}

struct DemoNeed {
    const char* member;
    const char* label;
    const char* occupation;
    int weekly_minutes;
    std::vector<TimeWindow> windows;
    const char* start;  // "" for the whole horizon
    const char* end;
    bool splittable;
    std::vector<std::string> skills;
};

std::vector<DemoNeed> demo_needs() {
    return {
        {"Conserverie Côte Sud",
         "Conditionnement",
         "H3302",
         20 * 60,
         days({0, 1, 2, 3, 4}, 8, 0, 12, 0),
         "",
         "",
         false,
         {}},
        {"Conserverie Côte Sud",
         "Pic de production (thon)",
         "H3302",
         15 * 60,
         days({0, 1, 2}, 13, 0, 18, 0),
         "2026-04-06",
         "2026-09-27",
         false,
         {}},
        {"Entreprise Adour Isolation",
         "Secrétariat de chantier",
         "M1602",
         7 * 60,
         days({1, 3}, 9, 0, 12, 30),
         "",
         "",
         false,
         {}},
        {"Scop Menuiserie du Port",
         "Atelier menuiserie",
         "H2206",
         16 * 60,
         days({0, 1, 2, 3}, 13, 30, 17, 30),
         "",
         "",
         false,
         {}},
        {"Scop Menuiserie du Port",
         "Comptabilité",
         "M1203",
         4 * 60,
         days({4}, 8, 30, 12, 30),
         "",
         "",
         false,
         {}},
        {"SCIC Le Comptoir du Seignanx",
         "Service du midi",
         "G1603",
         15 * 60,
         days({0, 1, 2, 3, 4}, 12, 30, 15, 30),
         "",
         "",
         true,
         {"haccp"}},
        {"Adour Compétences Formation",
         "Entretien des locaux",
         "K2204",
         10 * 60,
         days({0, 1, 2, 3, 4}, 18, 0, 20, 0),
         "",
         "",
         false,
         {}},
        {"Boulangerie Lafitte",
         "Vente du week-end",
         "D1106",
         12 * 60,
         days({5, 6}, 7, 0, 13, 0),
         "",
         "",
         false,
         {}},
        {"Garage Lacoste",
         "Accueil et facturation",
         "M1602",
         8 * 60,
         days({0, 2}, 8, 0, 18, 0),
         "",
         "",
         false,
         {}},
        {"Camping Les Pins",
         "Entretien des sanitaires",
         "K2204",
         20 * 60,
         days({0, 1, 2, 3, 4}, 9, 0, 13, 0),
         "2026-06-01",
         "2026-09-27",
         false,
         {}},
        {"Ferme maraîchère du Seignanx",
         "Récolte et paniers",
         "A1414",
         20 * 60,
         days({0, 1, 2, 3}, 7, 0, 12, 0),
         "2026-03-02",
         "2026-05-31",
         false,
         {}},
        {"Hôtel du Port",
         "Cuisine (saison)",
         "G1602",
         12 * 60,
         days({3, 4}, 10, 0, 16, 0),
         "2026-07-01",
         "2026-08-30",
         false,
         {"haccp"}},
        {"Plateforme logistique de Tarnos",
         "Préparation de commandes",
         "N1103",
         16 * 60,
         days({0, 1, 2, 3}, 8, 0, 12, 0),
         "",
         "",
         false,
         {"caces_1"}},
        {"Cabinet comptable Etcheverry",
         "Saisie comptable",
         "M1203",
         8 * 60,
         days({1, 3}, 13, 30, 17, 30),
         "",
         "",
         false,
         {}},
        {"Association Mobilité Seignanx",
         "Livraisons solidaires",
         "N4105",
         6 * 60,
         days({4}, 8, 0, 14, 0),
         "",
         "",
         false,
         {"permis_b"}},
        {"Cabinet comptable Etcheverry",
         "Maintenance des locaux",
         "I1203",
         6 * 60,
         days({5}, 8, 0, 14, 0),
         "",
         "",
         false,
         {}},
    };
}

struct DemoWorker {
    const char* name;
    const char* home;
    std::vector<std::string> skills;
    int target_hours, min_hours;
    bool weekends;
};

const DemoWorker kWorkers[] = {
    {"Claire Dufau", "40312", {"H3302", "G1603", "K2204", "haccp"}, 35, 24, false},
    {"Mathieu Lagarde", "40209", {"M1602", "M1203"}, 15, 8, false},
    {"Inès Bordes", "40133", {"K2204", "A1414", "H3302"}, 30, 10, false},
    {"Julien Sallaberry", "64140", {"H2206", "N1103", "caces_1"}, 16, 12, false},
    {"Sofia Ferreira", "40065", {"G1602", "G1603", "D1106", "haccp"}, 24, 12, true},
    {"Karim Benali", "40273", {"N4105", "permis_b", "N1103", "caces_1"}, 22, 16, false},
    {"Amaia Etxeberria", "64102", {"M1203", "M1602"}, 12, 8, false},
    {"Paul Lacroix", "40248", {"A1414", "K2204", "D1106"}, 12, 8, true},
};

std::int64_t create_firm(DemoContext& ctx, const NewFirm& f, unsigned seed) {
    actors::ActorInput input;
    input.name = f.name;
    input.kind = "company_private";
    input.legal_form = "sarl";
    input.is_public = false;
    input.naf = f.naf;
    input.commune = f.commune;
    input.headcount = f.headcount;
    input.description = f.description;
    input.siret = fictitious_siret(seed);
    auto id = ctx.app.actors().create(ctx.pole_id, std::nullopt, std::move(input)).id;
    ctx.actor_ids[f.name] = id;
    return id;
}

}  // namespace

void seed_sharedjobs(DemoContext& ctx) {
    auto& service = ctx.app.sharedjobs();
    unsigned seed = 500;
    for (const auto& f : kFirms) create_firm(ctx, f, seed++);
    auto user = ctx.coordinator_user_id;
    auto group = service.create_group(ctx.pole_id, user,
                                      {ctx.actor("Groupement d'employeurs Adour Temps Partagé"),
                                       1.08, 21.0, "2026-01-05", "2026-12-27"});
    std::map<std::string, std::int64_t> members;
    auto member = [&](const std::string& name, std::optional<double> rate) {
        members[name] = service.add_member(ctx.pole_id, user, group.id, {ctx.actor(name), rate}).id;
    };
    member("Conserverie Côte Sud", 22.5);
    member("Entreprise Adour Isolation", std::nullopt);
    member("Scop Menuiserie du Port", 23.0);
    member("SCIC Le Comptoir du Seignanx", std::nullopt);
    member("Adour Compétences Formation", std::nullopt);
    member("Association Mobilité Seignanx", 20.0);
    for (const auto& f : kFirms) member(f.name, std::nullopt);
    for (const auto& n : demo_needs()) {
        sharedjobs::NeedInput in;
        in.member_id = members.at(n.member);
        in.label = n.label;
        in.occupation = n.occupation;
        in.weekly_minutes = n.weekly_minutes;
        in.windows = n.windows;
        if (*n.start) in.start = n.start;
        if (*n.end) in.end = n.end;
        in.splittable = n.splittable;
        in.skills = n.skills;
        in.agreement = "3127";  // IDCC of the employer groups' agreement
        service.create_need(ctx.pole_id, user, group.id, std::move(in));
    }
    std::vector<std::int64_t> workers;
    for (const auto& w : kWorkers) {
        sharedjobs::WorkerInput in;
        in.name = w.name;
        in.home_commune = w.home;
        in.skills = w.skills;
        for (int d = 0; d < (w.weekends ? 7 : 5); ++d)
            in.availability.push_back(at(d, 6, 30, 20, 30));
        in.target_minutes = w.target_hours * 60;
        in.min_minutes = w.min_hours * 60;
        in.max_travel_minutes = 40;
        in.max_employers = 4;
        workers.push_back(service.create_worker(ctx.pole_id, user, group.id, std::move(in)).id);
    }
    NoProgress progress;
    sharedjobs::ComposeOptions options;
    options.engine = sharedjobs::Engine::exact;
    options.time_limit_seconds = 20;
    auto plan = service.compose(ctx.pole_id, user, group.id, options, progress);
    // January's realised hours: what the plan said, give or take an absence.
    auto ledger = service.ledger(ctx.pole_id, user, group.id, "2026-01", "2026-01");
    int k = 0;
    for (const auto& row : ledger) {
        int realised = row.planned_minutes - (k++ % 3 == 1 ? 240 : 0);
        service.record_realised(ctx.pole_id, user, group.id,
                                {row.worker_id, row.member_id, "2026-01", std::max(0, realised),
                                 realised < row.planned_minutes
                                     ? std::optional<std::string>("absence d'une demi-journée")
                                     : std::nullopt});
    }
    (void)plan;
}

}  // namespace maillage::demo
