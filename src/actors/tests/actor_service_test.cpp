#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "accounts/account_service.hpp"
#include "actors/actor_service.hpp"
#include "actors/tests/fixtures.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/table_reader.hpp"
#include "store/migrations.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::actors;

namespace {

Vocabulary test_vocabulary() {
    Vocabulary v;
    v.add("actor_kind", {"siae", {}, {}});
    v.add("actor_kind", {"ei", "siae", {}});
    v.add("actor_kind", {"aci", "siae", {}});
    v.add("actor_kind", {"association", {}, {}});
    v.add("actor_kind", {"association_1901", "association", {}});
    v.add("actor_kind", {"municipality", {}, {}});
    v.add("legal_form", {"sas", {}, {}});
    v.add("level", {"local", {}, {}});
    v.add("nature", {"networks", {}, {}});
    v.add("pole_kind", {"ptce", {}, {}});
    v.add("role", {"admin", {}, {}});
    return v;
}

// The spherical law of cosines: an independent second implementation of the distance.
double cosine_law_km(double lat1, double lon1, double lat2, double lon2) {
    const double r = M_PI / 180.0;
    double c = std::sin(lat1 * r) * std::sin(lat2 * r) +
               std::cos(lat1 * r) * std::cos(lat2 * r) * std::cos((lon2 - lon1) * r);
    return 6371.0088 * std::acos(std::min(1.0, c));
}

ActorInput input(std::string name, std::string kind, std::optional<std::string> commune = {}) {
    ActorInput a;
    a.name = std::move(name);
    a.kind = std::move(kind);
    a.commune = std::move(commune);
    return a;
}

std::unique_ptr<io::TableReader> csv(const std::string& text) {
    return io::open_csv_stream(std::make_unique<std::istringstream>(text), "actors.csv",
                               text.size());
}

}  // namespace

class ActorServiceTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        service_ = std::make_unique<ActorService>(fixture_->database(), vocabulary_, territory_);
        auto& db = fixture_->database();
        pole_a_ = db.write([](store::Connection& c) {
            return c
                .query(
                    "INSERT INTO poles (slug, name, kind, created_at) VALUES "
                    "('a', 'A', 'ptce', 'now') RETURNING id")[0]
                .integer(0);
        });
        pole_b_ = db.write([](store::Connection& c) {
            return c
                .query(
                    "INSERT INTO poles (slug, name, kind, created_at) VALUES "
                    "('b', 'B', 'ptce', 'now') RETURNING id")[0]
                .integer(0);
        });
        user_ = db.write([](store::Connection& c) {
            return c
                .query(
                    "INSERT INTO users (email, name, created_at) VALUES "
                    "('u@x.org', 'U', 'now') RETURNING id")[0]
                .integer(0);
        });
    }
    std::int64_t count(const std::string& table) {
        return fixture_->database().read([&](store::Connection& c) {
            return c.query("SELECT COUNT(*) FROM " + table)[0].integer(0);
        });
    }
    Vocabulary vocabulary_ = test_vocabulary();
    territory::Territory territory_ = territory::Territory::load(kTerritoryFixture);
    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<ActorService> service_;
    std::int64_t pole_a_ = 0, pole_b_ = 0, user_ = 0;
};

TEST_P(ActorServiceTest, CreateDerivesFamilyCoordinatesAndSiren) {
    auto a = input("Seignanx Insertion", "ei", "40312");
    a.siret = "732 829 320 00074";
    a.naf = "4399c";
    auto actor = service_->create(pole_a_, user_, a);
    EXPECT_EQ(actor.family, "siae");
    EXPECT_EQ(actor.siret, "73282932000074");
    EXPECT_EQ(actor.siren, "732829320");
    EXPECT_EQ(actor.naf, "43.99C");
    EXPECT_EQ(actor.commune_name, "Tarnos");
    EXPECT_NEAR(*actor.lat, 43.5417, 1e-4);
    ASSERT_EQ(actor.poles.size(), 1u);
    EXPECT_EQ(actor.poles[0].slug, "a");
}

TEST_P(ActorServiceTest, InvalidFieldsAreNamed) {
    auto expect_field = [&](ActorInput a, const std::string& field) {
        try {
            service_->create(pole_a_, user_, a);
            FAIL() << "accepted a bad " << field;
        } catch (const Error& e) {
            EXPECT_EQ(e.field(), field) << e.what();
        }
    };
    auto a = input("X", "ei");
    a.siret = "73282932000075";
    expect_field(a, "siret");
    expect_field(input("X", "castle"), "kind");
    expect_field(input("", "ei"), "name");
    expect_field(input("X", "ei", "99999"), "commune");
    auto b = input("X", "ei");
    b.naf = "99.99Z";
    expect_field(b, "naf");
    auto c = input("X", "ei");
    c.rna = "W12345";
    expect_field(c, "rna");
    auto d = input("X", "ei");
    d.headcount = -1;
    expect_field(d, "headcount");
    EXPECT_EQ(count("actors"), 0);
}

TEST_P(ActorServiceTest, DuplicateOfficialIdentifierIsAConflict) {
    auto a = input("One", "ei");
    a.siret = "73282932000074";
    service_->create(pole_a_, user_, a);
    a.name = "Two";
    try {
        service_->create(pole_b_, user_, a);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::conflict);
    }
    EXPECT_EQ(count("actors"), 1);
}

TEST_P(ActorServiceTest, TextSearchIgnoresAccentsAndMatchesWordPrefixes) {
    service_->create(pole_a_, user_, input("École de la Deuxième Chance", "association_1901"));
    service_->create(pole_a_, user_, input("Ecolo Services", "ei"));
    service_->create(pole_a_, user_, input("Mairie de Tarnos", "municipality"));
    ActorFilter f;
    f.text = "ECOL";
    EXPECT_EQ(service_->search(f).total, 2);
    f.text = "ecole deux";
    auto page = service_->search(f);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].name, "École de la Deuxième Chance");
    f.text = "chance ecole";
    EXPECT_EQ(service_->search(f).total, 1);
}

TEST_P(ActorServiceTest, FamilyKindAndNafFilters) {
    auto ei = input("EI", "ei");
    ei.naf = "43.99C";
    service_->create(pole_a_, user_, ei);
    auto aci = input("ACI", "aci");
    aci.naf = "88.99B";
    service_->create(pole_a_, user_, aci);
    service_->create(pole_a_, user_, input("Asso", "association_1901"));
    ActorFilter f;
    f.family = "siae";
    EXPECT_EQ(service_->search(f).total, 2);
    f = {};
    f.kind = "aci";
    EXPECT_EQ(service_->search(f).total, 1);
    f = {};
    f.naf_prefix = "43";
    auto page = service_->search(f);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].name, "EI");
}

TEST_P(ActorServiceTest, RadiusSearchMatchesABruteForceOracle) {
    const char* communes[] = {"40312", "40209", "64140", "64102",
                              "64122", "40065", "75056", "092009"};
    int i = 0;
    for (const char* code : communes)
        service_->create(pole_a_, user_, input("Actor " + std::to_string(i++), "ei", code));
    const auto* tarnos = territory_.commune("40312");
    for (double radius : {0.5, 5.0, 12.0, 1000.0}) {
        std::vector<std::pair<double, std::string>> expected;
        for (const char* code : communes) {
            const auto* c = territory_.commune(code);
            double d = cosine_law_km(tarnos->lat, tarnos->lon, c->lat, c->lon);
            if (d <= radius) expected.emplace_back(d, code);
        }
        std::sort(expected.begin(), expected.end());
        ActorFilter f;
        f.commune = "40312";
        f.radius_km = radius;
        f.per_page = 50;
        auto page = service_->search(f);
        ASSERT_EQ(page.total, std::int64_t(expected.size())) << "radius " << radius;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            EXPECT_EQ(*page.items[k].commune, expected[k].second);
            EXPECT_NEAR(*page.items[k].distance_km, expected[k].first, 1e-6);
        }
    }
}

namespace {

// The test territory plus communes on both sides of latitude-band edges (bands are 0.1 degree),
// north and south of the equator, where a floor computed as a truncation would go wrong.
territory::Territory territory_with_band_edges() {
    namespace fs = std::filesystem;
    auto dir = fs::temp_directory_path() / ("maillage-bands-" + std::to_string(getpid()));
    fs::create_directories(dir);
    for (const auto& file : fs::directory_iterator(kTerritoryFixture))
        fs::copy_file(file.path(), dir / file.path().filename(),
                      fs::copy_options::overwrite_existing);
    std::ofstream communes(dir / "communes.tsv", std::ios::app);
    const std::pair<const char*, const char*> edges[] = {
        {"99001", "43.59999"},  {"99002", "43.60000"},  {"99003", "43.60001"},
        {"99004", "-20.00001"}, {"99005", "-20.00000"}, {"99006", "-19.99999"},
        {"99007", "-20.04000"}, {"99008", "-19.93000"}};
    for (auto [code, lat] : edges)
        communes << "FR\t" << code << "\tEdge " << code << "\t40220\t40\t75\t244000659\t10\t" << lat
                 << "\t" << (lat[0] == '-' ? "55.45" : "-1.43") << "\t0\n";
    communes.close();
    auto territory = territory::Territory::load(dir.string());
    fs::remove_all(dir);
    return territory;
}

}  // namespace

// A floor computed as a truncation would merge the bands either side of the equator (still
// correct, but the migration and the application must agree on every existing row).
TEST_P(ActorServiceTest, LatitudeBandsAreFloorsOfTenthsOfADegree) {
    territory::Territory territory = territory_with_band_edges();
    ActorService service(fixture_->database(), vocabulary_, territory);
    for (const char* code : {"99001", "99002", "99003", "99004", "99005", "99006", "40312"})
        service.create(pole_a_, user_, input("Edge", "ei", code));
    auto& db = fixture_->database();
    auto expect_floors = [&](const char* written_by) {
        auto rows = db.read([](store::Connection& c) {
            return c.query("SELECT lat, lat_band FROM actors WHERE lat IS NOT NULL");
        });
        ASSERT_EQ(rows.size(), 7u);
        for (const auto& r : rows)
            EXPECT_EQ(r.integer(1), std::int64_t(std::floor(r.real(0) * 10)))
                << written_by << ", latitude " << r.real(0);
    };
    expect_floors("the application");
    // The migration's own statement, on rows as they were before it.
    std::string update;
    for (const auto& m : store::migrations_for(db.dialect()))
        if (std::string(m.name) == "0005_actor_bands_and_words") {
            std::string sql = m.sql;
            auto at = sql.find("UPDATE actors SET lat_band");
            update = sql.substr(at, sql.find(';', at) - at);
        }
    ASSERT_FALSE(update.empty());
    db.write([&](store::Connection& c) {
        c.execute("UPDATE actors SET lat_band = NULL");
        c.execute(update);
    });
    expect_floors("migration 0005");
}

// Every filter a radius search combines, against a brute force over the created actors.
TEST_P(ActorServiceTest, FilteredRadiusSearchesMatchABruteForceOracle) {
    territory::Territory territory = territory_with_band_edges();
    ActorService service(fixture_->database(), vocabulary_, territory);
    struct Created {
        ActorInput input;
        std::int64_t pole;
    };
    std::vector<Created> created;
    const char* communes[] = {"40312", "40209", "64140", "64102", "40065", "99001", "99002",
                              "99003", "99004", "99005", "99006", "99007", "99008"};
    const char* names[] = {"Bâtiment Solidaire", "Atelier du Bois",   "Jardins d'Insertion",
                           "Bâti Vert",          "Recyclerie Océane", "Le Chantier Bâtisseur"};
    const char* kinds[] = {"ei", "aci", "association_1901"};
    int n = 0;
    for (const char* code : communes)
        for (int k = 0; k < 3; ++k, ++n) {
            auto a = input(names[n % 6], kinds[(n / 2) % 3], code);
            auto pole = n % 4 == 0 ? pole_b_ : pole_a_;
            service.create(pole, user_, a);
            created.push_back({a, pole});
        }
    auto name_matches = [](const std::string& name, const std::string& query) {
        for (const auto& wanted : text::words(query)) {
            bool found = false;
            for (const auto& word : text::words(name)) found = found || word.rfind(wanted, 0) == 0;
            if (!found) return false;
        }
        return true;
    };
    struct Case {
        const char* centre;
        double radius;
        std::optional<std::string> kind, family, text;
        bool pole_b;
    };
    const Case cases[] = {
        {"40312", 12, "ei", {}, {}, false},          {"40312", 30, {}, "siae", "bat", false},
        {"40312", 20, {}, {}, "BATI", true},         {"99005", 1, {}, {}, {}, false},
        {"99005", 5, "aci", {}, {}, false},          {"99002", 0.01, {}, {}, {}, false},
        {"99002", 2, {}, {}, "atelier bois", false}, {"99007", 9, {}, "siae", "chantier", true},
        {"40312", 2000, {}, {}, "recyc", false}};
    for (const auto& c : cases) {
        const auto* centre = territory.commune(c.centre);
        std::vector<std::pair<double, std::string>> expected;
        for (const auto& [a, pole] : created) {
            const auto* at = territory.commune(*a.commune);
            double d = cosine_law_km(centre->lat, centre->lon, at->lat, at->lon);
            bool in_family = !c.family || vocabulary_.family("actor_kind", a.kind) == *c.family;
            if (d <= c.radius && (!c.kind || a.kind == *c.kind) && in_family &&
                (!c.text || name_matches(a.name, *c.text)) && (!c.pole_b || pole == pole_b_))
                expected.emplace_back(d, a.name + "@" + *a.commune);
        }
        std::sort(expected.begin(), expected.end());
        ActorFilter f;
        f.commune = c.centre;
        f.radius_km = c.radius;
        f.kind = c.kind;
        f.family = c.family;
        f.text = c.text;
        if (c.pole_b) f.pole_id = pole_b_;
        f.per_page = 200;
        auto page = service.search(f);
        std::string label = std::string(c.centre) + " " + std::to_string(c.radius);
        ASSERT_EQ(page.total, std::int64_t(expected.size())) << label;
        // The law of cosines is good to a centimetre at the shortest distances here.
        for (std::size_t k = 0; k < expected.size(); ++k)
            EXPECT_NEAR(*page.items[k].distance_km, expected[k].first, 1e-5) << label;
    }
}

TEST_P(ActorServiceTest, PaginationCoversEveryActorOnce) {
    for (int i = 0; i < 25; ++i)
        service_->create(pole_a_, user_, input("N" + std::to_string(100 + i), "ei"));
    std::set<std::int64_t> seen;
    ActorFilter f;
    f.per_page = 10;
    for (f.page = 1; f.page <= 3; ++f.page) {
        auto page = service_->search(f);
        EXPECT_EQ(page.total, 25);
        for (const auto& a : page.items) EXPECT_TRUE(seen.insert(a.id).second);
    }
    EXPECT_EQ(seen.size(), 25u);
}

TEST_P(ActorServiceTest, PolesSeeOnlyTheirActorsAndCannotChangeOthers) {
    auto mine = service_->create(pole_a_, user_, input("Mine", "ei"));
    service_->create(pole_b_, user_, input("Theirs", "ei"));
    ActorFilter f;
    f.pole_id = pole_a_;
    auto page = service_->search(f);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, mine.id);
    try {
        service_->update(pole_b_, user_, mine.id, input("Hijacked", "ei"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::forbidden);
    }
    EXPECT_EQ(service_->get(mine.id).name, "Mine");
}

// A page is read with its actors' poles in one statement (a row per actor and pole): an actor
// of two poles must come once, with both, whatever the page.
TEST_P(ActorServiceTest, SearchPagesListEachActorOnceWithAllItsPoles) {
    service_->create(pole_a_, user_, input("Alpha", "ei"));
    auto bravo = input("Bravo", "aci");
    bravo.siret = "73282932000074";
    bravo.description = "Chantier d'insertion";
    service_->create(pole_b_, user_, bravo);
    auto reader = csv("name;kind;siret\nBravo;aci;73282932000074\n");
    NoProgress quiet;
    ASSERT_EQ(service_->import_table(pole_a_, user_, *reader, quiet).linked, 1);
    service_->create(pole_b_, user_, input("Charlie", "ei"));

    ActorFilter all;
    auto page = service_->search(all);
    ASSERT_EQ(page.total, 3);
    ASSERT_EQ(page.items.size(), 3u);
    std::vector<std::vector<std::string>> poles;
    for (const auto& actor : page.items) {
        poles.emplace_back();
        for (const auto& pole : actor.poles) poles.back().push_back(pole.slug);
    }
    EXPECT_EQ(page.items[0].name, "Alpha");
    EXPECT_EQ(page.items[1].name, "Bravo");
    EXPECT_EQ(page.items[1].kind, "aci");
    EXPECT_EQ(page.items[1].description, "Chantier d'insertion");
    EXPECT_EQ(page.items[2].name, "Charlie");
    EXPECT_EQ(poles, (std::vector<std::vector<std::string>>{{"a"}, {"a", "b"}, {"b"}}));

    ActorFilter second = all;
    second.per_page = 2;
    second.page = 2;
    auto last = service_->search(second);
    ASSERT_EQ(last.items.size(), 1u);
    EXPECT_EQ(last.items[0].name, "Charlie");
}

TEST_P(ActorServiceTest, RemovingFromTheLastPoleDeletesTheActor) {
    auto a = input("Shared", "ei");
    a.siret = "73282932000074";
    auto actor = service_->create(pole_a_, user_, a);
    auto csv_text = "name;kind;siret\nShared again;ei;73282932000074\n";
    auto reader = csv(csv_text);
    NoProgress quiet;
    auto summary = service_->import_table(pole_b_, user_, *reader, quiet);
    EXPECT_EQ(summary.linked, 1);
    EXPECT_EQ(service_->get(actor.id).poles.size(), 2u);
    service_->remove(pole_a_, user_, actor.id);
    EXPECT_EQ(service_->get(actor.id).poles.size(), 1u);
    service_->remove(pole_b_, user_, actor.id);
    EXPECT_THROW(service_->get(actor.id), Error);
    EXPECT_EQ(count("actor_words"), 0);
}

TEST_P(ActorServiceTest, ImportIsAllOrNothingWithAFullReport) {
    std::string bad =
        "name;kind;siret;commune;headcount\n"
        "Bonne ligne;ei;73282932000074;40312;12\n"
        "Sans type;;;40312;\n"
        "Mauvais SIRET;ei;73282932000075;;\n"
        "Commune inconnue;ei;;99999;x\n"
        "Doublon;ei;73282932000074;;\n";
    auto reader = csv(bad);
    NoProgress quiet;
    try {
        service_->import_table(pole_a_, user_, *reader, quiet);
        FAIL();
    } catch (const ImportRejected& e) {
        std::set<std::pair<std::int64_t, std::string>> got;
        for (const auto& p : e.problems()) got.insert({p.line, p.field});
        std::set<std::pair<std::int64_t, std::string>> expected = {
            {3, "kind"}, {4, "siret"}, {5, "commune"}, {5, "headcount"}, {6, "siret"}};
        EXPECT_EQ(got, expected);
    }
    EXPECT_EQ(count("actors"), 0);

    auto good = csv("name,kind,commune,fte\nA,ei,40312,\"2,5\"\nB,aci,40209,3\n");
    auto summary = service_->import_table(pole_a_, user_, *good, quiet);
    EXPECT_EQ(summary.created, 2);
    ActorFilter f;
    f.text = "a";
    auto page = service_->search(f);
    ASSERT_EQ(page.total, 1);
    EXPECT_DOUBLE_EQ(*page.items[0].fte, 2.5);
}

TEST_P(ActorServiceTest, UnknownColumnsAreReportedOnLineOne) {
    auto reader = csv("name,kind,colour\nA,ei,red\n");
    NoProgress quiet;
    try {
        service_->import_table(pole_a_, user_, *reader, quiet);
        FAIL();
    } catch (const ImportRejected& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].line, 1);
        EXPECT_EQ(e.problems()[0].field, "colour");
    }
}

TEST_P(ActorServiceTest, ContactReadsAreLoggedAndStayInTheirPole) {
    auto actor = service_->create(pole_a_, user_, input("Org", "ei"));
    ContactInput person{"Marie Dupont", std::string("Directrice"), std::string("marie@org.fr"), {}};
    auto contact = service_->add_contact(pole_a_, user_, actor.id, person);
    auto seen = service_->contacts(pole_a_, user_, actor.id);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].email, "marie@org.fr");
    EXPECT_EQ(count("access_log"), 1);
    EXPECT_TRUE(service_->contacts(pole_b_, user_, actor.id).empty());
    EXPECT_THROW(service_->update_contact(pole_b_, user_, contact.id, person), Error);
    EXPECT_THROW(service_->add_contact(pole_b_, user_, actor.id, person), Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActorServiceTest,
                         ::testing::ValuesIn(store::testdb::backends()));
