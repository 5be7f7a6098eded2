#include "fixtures.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <vector>

#include "app/reference_data.hpp"
#include "core/paths.hpp"
#include "core/progress.hpp"
#include "io/table_reader.hpp"

namespace maillage::bench {
namespace {

namespace fs = std::filesystem;

// Temporary databases, removed (with their WAL files) once the applications using them are gone.
struct Scratch {
    std::map<std::size_t, std::unique_ptr<app::Application>> directories;
    std::vector<std::string> files;
    int counter = 0;

    std::string new_file() {
        auto path = fs::temp_directory_path() / ("maillage-bench-" + std::to_string(::getpid()) +
                                                 "-" + std::to_string(++counter) + ".db");
        files.push_back(path.string());
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
        return path.string();
    }
    ~Scratch() {
        directories.clear();
        std::error_code ignored;
        for (const auto& file : files)
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file + suffix, ignored);
    }
};

Scratch& scratch() {
    static Scratch instance;
    return instance;
}

std::unique_ptr<app::Application> open_application(const std::string& file) {
    app::Config config;
    config.database_url = file;
    config.hash_cost = accounts::HashCost::minimum;
    config.max_connections = 4;
    return std::make_unique<app::Application>(config);
}

char luhn_check_digit(const std::string& digits) {
    int sum = 0;
    // The check digit will be rightmost, so the last digit given here is doubled.
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return char('0' + (10 - sum % 10) % 10);
}

const char* const kHeads[] = {"Atelier",     "Chantier", "Régie de quartier", "Ressourcerie",
                              "Recyclerie",  "Jardins",  "Association",       "Collectif",
                              "Coopérative", "Maison",   "Groupement",        "Institut"};
const char* const kThemes[] = {"Bâti",      "Bâtiment",      "Bois",    "Vert",       "Textile",
                               "Numérique", "Mobilité",      "Cuisine", "Maraîchage", "Rénovation",
                               "Services",  "Environnement", "Emploi",  "Réemploi",   "Culture",
                               "Habitat",   "Alimentation",  "Vélo",    "Paysage",    "Insertion"};
const char* const kQualifiers[] = {"Solidaire", "Durable", "Responsable", "Ensemble",
                                   "Partage",   "Avenir",  "Horizon",     "Atlantique"};
const char* const kKinds[] = {"association_1901",
                              "association_1901",
                              "association_1901",
                              "ei",
                              "aci",
                              "ai",
                              "scop",
                              "scic",
                              "ess_company",
                              "company_private",
                              "geiq",
                              "training_centre"};

}  // namespace

const territory::Territory& reference_territory() {
    static const territory::Territory territory = [] {
        auto directory = paths::reference_dir();
        if (!fs::exists(fs::path(directory) / "communes.tsv")) {
            std::fprintf(stderr,
                         "bench_maillage: no reference territory in %s; build it first "
                         "(scripts/build-reference.sh) or set MAILLAGE_REFERENCE_DIR\n",
                         directory.c_str());
            std::exit(2);
        }
        return territory::Territory::load(directory);
    }();
    return territory;
}

const Vocabulary& shipped_vocabulary() {
    static const Vocabulary vocabulary = app::load_shipped_vocabulary(paths::data_dir());
    return vocabulary;
}

std::string generated_actors_csv(std::size_t count, std::uint32_t seed) {
    const auto& communes = reference_territory().communes();
    std::vector<double> cumulative;
    cumulative.reserve(communes.size());
    double total = 0;
    for (const auto& c : communes) {
        // French communes only: every actor gets a SIRET.
        total +=
            c.country == "FR" ? double(std::max<std::int64_t>(50, c.population.value_or(0))) : 0.0;
        cumulative.push_back(total);
    }
    std::vector<const territory::NafCode*> naf;
    for (const auto& code : reference_territory().naf_codes())
        if (code.level == "subclass") naf.push_back(&code);

    std::mt19937_64 rng(seed);
    auto below = [&](std::size_t n) { return std::size_t(rng() % n); };
    auto pick = [&](const auto& array) { return array[below(sizeof(array) / sizeof(array[0]))]; };
    std::ostringstream out;
    out << "name;kind;siret;naf;commune;headcount;fte\n";
    std::vector<bool> used_sirens(100000000, false);  // by the 8-digit base
    for (std::size_t i = 0; i < count; ++i) {
        double x = double(rng() >> 11) * 0x1.0p-53 * total;
        auto at = std::size_t(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                              cumulative.begin());
        const auto& commune = communes[std::min(at, communes.size() - 1)];
        std::size_t base;
        do base = 10000000 + below(89999999);
        while (used_sirens[base] || base == 35600000);
        used_sirens[base] = true;
        std::string siren = std::to_string(base);
        siren += luhn_check_digit(siren);
        std::string nic = std::to_string(1000 + below(9000));
        std::string siret = siren + nic;
        siret += luhn_check_digit(siret);
        int headcount = int(below(60));
        out << pick(kHeads) << ' ' << pick(kThemes) << ' ' << pick(kQualifiers) << " de "
            << commune.name << ';' << pick(kKinds) << ';' << siret << ';'
            << naf[below(naf.size())]->code << ';' << commune.code << ';' << headcount << ';'
            << headcount / 2 << ",5\n";
    }
    return out.str();
}

std::unique_ptr<app::Application> empty_directory(std::int64_t& pole_id) {
    auto application = open_application(scratch().new_file());
    pole_id = application->accounts().create_pole("bench", "Bench", "ptce").id;
    return application;
}

app::Application& directory_of(std::size_t count) {
    auto& slot = scratch().directories[count];
    if (!slot) {
        std::int64_t pole_id = 0;
        slot = empty_directory(pole_id);
        auto csv = generated_actors_csv(count);
        auto size = csv.size();
        auto reader = io::open_csv_stream(std::make_unique<std::istringstream>(std::move(csv)),
                                          "bench.csv", size);
        NoProgress quiet;
        slot->actors().import_table(pole_id, std::nullopt, *reader, quiet);
    }
    return *slot;
}

}  // namespace maillage::bench
