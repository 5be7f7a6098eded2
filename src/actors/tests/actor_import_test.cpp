// Bulk imports write rows in batches and multi-row statements: these tests check, row by row,
// that what is stored is what a line-at-a-time import would have stored.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "actors/actor_service.hpp"
#include "actors/tests/fixtures.hpp"
#include "io/table_reader.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::actors;

namespace {

Vocabulary import_vocabulary() {
    Vocabulary v;
    v.add("actor_kind", {"siae", {}, {}});
    v.add("actor_kind", {"ei", "siae", {}});
    v.add("actor_kind", {"association", {}, {}});
    return v;
}

// `digits` completed with its Luhn check digit (written here, independently of identifiers.cpp).
std::string with_luhn_digit(const std::string& digits) {
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;  // doubled: next to the check digit
        sum += d;
    }
    return digits + char('0' + (10 - sum % 10) % 10);
}

// SIRETs of one valid SIREN (732829320), numbered by their establishment number.
std::string siret(int establishment) {
    char nic[5];
    std::snprintf(nic, sizeof nic, "%04d", establishment);
    return with_luhn_digit(std::string("732829320") + nic);
}

std::int64_t insert_row(store::Database& db, const std::string& sql) {
    return db.write([&](store::Connection& c) { return c.query(sql)[0].integer(0); });
}

}  // namespace

class ActorImportTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        auto& db = fixture_->database();
        service_ = std::make_unique<ActorService>(db, vocabulary_, territory_);
        pole_a_ = insert_row(db,
                             "INSERT INTO poles (slug, name, kind, created_at) VALUES "
                             "('a', 'A', 'ptce', 'now') RETURNING id");
        pole_b_ = insert_row(db,
                             "INSERT INTO poles (slug, name, kind, created_at) VALUES "
                             "('b', 'B', 'ptce', 'now') RETURNING id");
    }
    ActorInput actor(std::string name, std::optional<std::string> siret_value,
                     std::optional<std::string> rna = {}) {
        ActorInput a;
        a.name = std::move(name);
        a.kind = "association";
        a.siret = std::move(siret_value);
        a.rna = std::move(rna);
        return a;
    }
    Vocabulary vocabulary_ = import_vocabulary();
    territory::Territory territory_ = territory::Territory::load(kTerritoryFixture);
    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<ActorService> service_;
    std::int64_t pole_a_ = 0, pole_b_ = 0;
};

// 603 lines: more than two batches, and a remainder that every chunk size divides up. Three
// lines name actors already in the directory (by SIRET, by RNA, one already in the pole).
TEST_P(ActorImportTest, LargeImportsStoreEveryLineAndLinkExistingActors) {
    auto by_siret = service_->create(pole_b_, std::nullopt, actor("Existing", siret(9000)));
    auto by_rna = service_->create(pole_b_, std::nullopt, actor("Registered", {}, "W401000123"));
    auto in_a = service_->create(pole_a_, std::nullopt, actor("Already here", siret(9001)));

    std::ostringstream csv;
    csv << "name;kind;siret;rna;commune;headcount\n";
    std::map<std::string, std::pair<std::string, std::optional<std::string>>> expected;
    for (int i = 0; i < 600; ++i) {
        std::string name = "Atelier " + std::to_string(i) + (i % 3 ? " Élan" : "");
        std::optional<std::string> commune;
        if (i % 2) commune = i % 4 == 1 ? "40312" : "40209";
        csv << name << ";ei;" << siret(i) << ";;" << commune.value_or("") << ";" << i << "\n";
        expected[siret(i)] = {name, commune};
    }
    csv << "Renamed;ei;" << siret(9000) << ";;;\n"
        << "Other name;association;;W401000123;;\n"
        << "Again;ei;" << siret(9001) << ";;;\n";
    auto text = csv.str();
    auto reader =
        io::open_csv_stream(std::make_unique<std::istringstream>(text), "big.csv", text.size());
    NoProgress quiet;
    auto summary = service_->import_table(pole_a_, std::nullopt, *reader, quiet);
    EXPECT_EQ(summary.rows, 603);
    EXPECT_EQ(summary.created, 600);
    EXPECT_EQ(summary.linked, 3);

    std::set<std::int64_t> ids;
    std::size_t imported = 0;
    service_->for_each_in_pole(pole_a_, [&](const Actor& a) {
        EXPECT_TRUE(ids.insert(a.id).second) << "id given twice: " << a.id;
        if (a.id == by_siret.id || a.id == by_rna.id || a.id == in_a.id) {
            EXPECT_NE(a.name, "Renamed");  // linking leaves the existing actor as it was
            return;
        }
        ++imported;
        auto it = expected.find(a.siret.value_or(""));
        ASSERT_NE(it, expected.end()) << a.name;
        EXPECT_EQ(a.name, it->second.first);
        EXPECT_EQ(a.commune, it->second.second);
        EXPECT_EQ(a.lat.has_value(), it->second.second.has_value());
        EXPECT_EQ(a.siren, "732829320");
        EXPECT_EQ(a.headcount, std::stoi(a.name.substr(8)));
        ASSERT_EQ(a.poles.size(), 1u);
    });
    EXPECT_EQ(imported, 600u);
    EXPECT_EQ(ids.size(), 603u);
    EXPECT_EQ(service_->get(by_siret.id).poles.size(), 2u);
    EXPECT_EQ(service_->get(in_a.id).poles.size(), 1u);

    // Every imported name is found by its words: "elan" in two names out of three.
    ActorFilter elan;
    elan.text = "elan";
    EXPECT_EQ(service_->search(elan).total, 400);
    ActorFilter one;
    one.text = "atelier 517";
    auto page = service_->search(one);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].siret, siret(517));

    // The ids given by the import are taken: the next actor gets another one.
    auto after = service_->create(pole_a_, std::nullopt, actor("After", siret(9002)));
    EXPECT_EQ(ids.count(after.id), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActorImportTest, ::testing::ValuesIn(store::testdb::backends()),
                         [](const auto& info) { return info.param; });
