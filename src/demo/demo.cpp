#include "demo/demo.hpp"

#include <cstdio>
#include <vector>

#include "demo/modules.hpp"

namespace maillage::demo {
namespace {

constexpr const char* kSlug = "seignanx";

struct DemoActor {
    const char* name;
    const char* kind;
    const char* legal_form;  // "" for none
    bool is_public;
    const char* naf;
    const char* commune;
    int headcount;
    double fte;
    const char* level;
    const char* nature;
    const char* description;
};

// Communes: Tarnos 40312, Ondres 40209, Saint-Martin-de-Seignanx 40273, Saint-André-de-Seignanx
// 40248, Biarrotte 40042, Biaudos 40044, Saint-Barthélemy 40251, Labenne 40133, Boucau 64140,
// Bayonne 64102, Anglet 64024, Capbreton 40065, Mont-de-Marsan 40192, Bordeaux 33063.
const DemoActor kActors[] = {
    {"Seignanx Insertion", "ei", "sas", false, "43.99C", "40312", 42, 31.5, "local", "",
     "Entreprise d'insertion du second œuvre du bâtiment : peinture, plâtrerie, isolation."},
    {"Chantier d'insertion Les Jardins de l'Adour", "aci", "association_1901", false, "01.13Z",
     "40273", 24, 14.0, "local", "", "Maraîchage biologique et paniers solidaires."},
    {"Association intermédiaire Seignanx Services", "ai", "association_1901", false, "78.30Z",
     "40209", 65, 22.0, "local", "", "Mise à disposition de personnel auprès des particuliers."},
    {"GEIQ BTP Sud Landes", "geiq", "association_1901", false, "78.30Z", "40312", 38, 35.0,
     "departmental", "networks", "Parcours qualifiants en alternance dans le bâtiment."},
    {"Groupement d'employeurs Adour Temps Partagé", "ge", "association_1901", false, "78.30Z",
     "40312", 27, 24.5, "local", "",
     "Emplois à temps partagé entre entreprises adhérentes du Seignanx et du BAB."},
    {"SCIC Le Comptoir du Seignanx", "scic", "scic_sas", false, "56.10A", "40312", 12, 9.5, "local",
     "", "Restaurant coopératif et épicerie de produits locaux."},
    {"Scop Menuiserie du Port", "scop", "scop_sarl", false, "16.23Z", "64140", 9, 9.0, "local", "",
     "Menuiserie et agencement, sous-traitance pour le chantier naval."},
    {"CAE Coopérer en Pays Basque et Landes", "cae", "scic_sas", false, "70.22Z", "64102", 86, 15.0,
     "regional", "", "Accompagnement d'entrepreneurs salariés."},
    {"Adour Compétences Formation", "training_centre", "sas", false, "85.59A", "40312", 15, 12.0,
     "local", "", "Centre de formation aux métiers du bâtiment et du tourisme."},
    {"Mairie de Tarnos", "municipality", "local_authority", true, "84.11Z", "40312", 0, 0, "local",
     "elected_officials", ""},
    {"Mairie d'Ondres", "municipality", "local_authority", true, "84.11Z", "40209", 0, 0, "local",
     "elected_officials", ""},
    {"Communauté de communes du Seignanx", "epci", "local_authority", true, "84.11Z", "40273", 0, 0,
     "local", "technicians", "Développement économique et emploi."},
    {"Département des Landes – insertion", "department_council", "local_authority", true, "84.12Z",
     "40192", 0, 0, "departmental", "institutional", "Politique d'insertion et RSA."},
    {"Région Nouvelle-Aquitaine – ESS", "regional_council", "local_authority", true, "84.11Z",
     "33063", 0, 0, "regional", "institutional", "Soutien aux PTCE et à l'ESS."},
    {"France Travail – agence de Tarnos", "france_travail", "public_body", true, "84.13Z", "40312",
     0, 0, "local", "technicians", ""},
    {"Mission locale du Seignanx", "mission_locale", "association_1901", false, "88.99B", "40273",
     11, 10.0, "local", "technicians", "Accompagnement des 16-25 ans."},
    {"Entreprise Adour Isolation", "company_private", "sarl", false, "43.29A", "40133", 18, 18.0,
     "local", "", "Membre du groupement d'employeurs."},
    {"Conserverie Côte Sud", "company_private", "sas", false, "10.85Z", "40065", 55, 41.0, "local",
     "", "Pics saisonniers de production : besoins à temps partagé."},
    {"Association Mobilité Seignanx", "association_1901", "association_1901", false, "49.39B",
     "40248", 6, 4.5, "local", "",
     "Plateforme de mobilité : location de scooters, auto-école sociale."},
    {"Réseau des PTCE de Nouvelle-Aquitaine", "federation", "association_1901", false, "94.99Z",
     "33063", 3, 2.5, "regional", "networks", ""},
};

int luhn_check_digit(const std::string& digits) {
    int sum = 0;
    // The check digit will sit at the rightmost place, so the digit left of it is doubled.
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return (10 - sum % 10) % 10;
}

std::string with_check_digit(std::string digits) {
    digits.push_back(char('0' + luhn_check_digit(digits)));
    return digits;
}

std::string fictitious_rna(unsigned seed) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "W40%07u", (seed * 7919u + 1234u) % 10000000u);
    return buf;
}

}  // namespace

std::string fictitious_siret(unsigned seed) {
    char siren[16], nic[16];
    // 9xx... SIRENs are not allocated to companies in the demo's range; good enough for a demo.
    std::snprintf(siren, sizeof siren, "99%06u", (seed * 104729u + 17u) % 1000000u);
    std::string full_siren = with_check_digit(siren);
    std::snprintf(nic, sizeof nic, "%04u", (seed * 31u + 1u) % 10000u);
    return with_check_digit(full_siren + nic);
}

// Each module's part of the demo, in the order of the flow.
const std::vector<void (*)(DemoContext&)> kModuleSeeders = {
    seed_needs, seed_pathways, seed_sharedjobs, seed_commons, seed_network, seed_evaluation};

DemoResult build_demo(app::Application& application) {
    auto& accounts = application.accounts();
    auto& actors = application.actors();
    DemoResult result;
    result.pole_slug = kSlug;
    result.accounts = {{"admin@seignanx.demo", "demo-admin-2026", "admin"},
                       {"coordination@seignanx.demo", "demo-coord-2026", "coordinator"},
                       {"conseil@seignanx.demo", "demo-cons-2026", "counsellor"},
                       {"membre@seignanx.demo", "demo-memb-2026", "member"},
                       {"observateur@seignanx.demo", "demo-obs-2026", "observer"}};
    if (accounts.find_pole(kSlug)) return result;
    auto pole = accounts.create_pole(
        kSlug, "Pôle territorial de coopération économique du Seignanx", "ptce");
    const char* names[] = {"Administration du pôle", "Coordination du pôle", "Conseil en insertion",
                           "Structure membre", "Observatoire"};
    DemoContext context{application, pole.id, 0, 0, 0, {}};
    for (std::size_t i = 0; i < result.accounts.size(); ++i) {
        const auto& a = result.accounts[i];
        auto user = accounts.add_member(pole.id, {a.email, names[i], a.password, a.role});
        if (a.role == "admin") context.admin_user_id = user;
        if (a.role == "coordinator") context.coordinator_user_id = user;
        if (a.role == "counsellor") context.counsellor_user_id = user;
    }
    unsigned seed = 1;
    for (const auto& d : kActors) {
        actors::ActorInput input;
        input.name = d.name;
        input.kind = d.kind;
        if (*d.legal_form) input.legal_form = d.legal_form;
        input.is_public = d.is_public;
        input.naf = d.naf;
        input.commune = d.commune;
        if (d.headcount) input.headcount = d.headcount;
        if (d.fte > 0) input.fte = d.fte;
        if (*d.level) input.level = d.level;
        if (*d.nature) input.nature = d.nature;
        if (*d.description) input.description = d.description;
        if (std::string(d.legal_form) == "association_1901") input.rna = fictitious_rna(seed);
        if (!d.is_public) input.siret = fictitious_siret(seed);
        ++seed;
        context.actor_ids[d.name] = actors.create(pole.id, std::nullopt, std::move(input)).id;
        ++result.actors;
    }
    for (auto seed : kModuleSeeders) seed(context);
    result.created = true;
    return result;
}

std::string describe(const DemoResult& result, const std::string& url) {
    std::string text =
        "Demo pole '" + result.pole_slug + "'" +
        (result.created ? " created with " + std::to_string(result.actors) + " actors"
                        : " already present") +
        ".\nSign in at " + url + " with:\n";
    for (const auto& a : result.accounts)
        text += "  " + a.role + std::string(12 - std::min<std::size_t>(11, a.role.size()), ' ') +
                a.email + "  /  " + a.password + "\n";
    return text;
}

}  // namespace maillage::demo
