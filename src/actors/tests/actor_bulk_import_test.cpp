// A bulk import writes actors its own way (on SQLite: the secondary indexes dropped and created
// again when the import is at least as large as the directory, name words staged and written
// in key order). The oracle is the other implementation: the same actors created one at a time
// by ActorService::create. Both must store the same rows and words and answer every search
// the same way, and the indexes of the migrations must all be there afterwards.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "actors/actor_service.hpp"
#include "actors/actor_table.hpp"
#include "actors/tests/fixtures.hpp"
#include "io/table_reader.hpp"
#include "store/testing.hpp"

using namespace maillage;
using namespace maillage::actors;

namespace {

Vocabulary bulk_vocabulary() {
    Vocabulary v;
    v.add("actor_kind", {"siae", {}, {}});
    v.add("actor_kind", {"ei", "siae", {}});
    v.add("actor_kind", {"aci", "siae", {}});
    v.add("actor_kind", {"association", {}, {}});
    return v;
}

// The actor numbered `i`: names sharing words (some accented, some repeated), several kinds,
// communes of the fixture territory or none, and optional fields set or not.
ActorInput numbered(int i) {
    static const char* const first[] = {"Atelier", "Ressourcerie", "Café", "Jardin", "Régie"};
    static const char* const second[] = {"Élan", "Solidaire", "du Port", "Vert", "Élan Vert"};
    static const char* const communes[] = {"40312", "40209", "64102", "64024", "75056", "092009"};
    static const char* const kinds[] = {"ei", "aci", "association", "association"};
    ActorInput a;
    a.name = std::string(first[i % 5]) + " " + second[(i / 5) % 5] + " " + std::to_string(i);
    a.kind = kinds[i % 4];
    if (i % 7) a.commune = communes[i % 6];
    if (i % 3 == 0) a.headcount = i % 40;
    if (i % 4 == 1) a.description = "Activité " + std::to_string(i % 9);
    if (i % 5 == 2) a.website = "https://example.org/" + std::to_string(i);
    return a;
}

std::string import_text(int from, int to) {
    std::ostringstream csv;
    csv << "name;kind;commune;headcount;description;website\n";
    for (int i = from; i < to; ++i) {
        auto a = numbered(i);
        csv << a.name << ";" << a.kind << ";" << a.commune.value_or("") << ";"
            << (a.headcount ? std::to_string(*a.headcount) : "") << ";"
            << a.description.value_or("") << ";" << a.website.value_or("") << "\n";
    }
    return csv.str();
}

// Everything stored about one actor but its id, creation times and poles: its table row (as
// an export writes it) with its coordinates, and its words as `actor_words` holds them.
struct Stored {
    std::vector<std::string> row;
    std::set<std::string> words;
    bool operator==(const Stored&) const = default;
};

}  // namespace

class ActorBulkImportTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        service_ = std::make_unique<ActorService>(db(), vocabulary_, territory_);
        imported_ = pole("imported");
        created_ = pole("created");
    }
    store::Database& db() { return fixture_->database(); }
    std::int64_t pole(const std::string& slug) {
        return db().write([&](store::Connection& c) {
            return c
                .query(
                    "INSERT INTO poles (slug, name, kind, created_at) VALUES (?, ?, 'ptce', "
                    "'now') RETURNING id",
                    {slug, slug})[0]
                .integer(0);
        });
    }
    void import(int from, int to) {
        auto text = import_text(from, to);
        auto reader = io::open_csv_stream(std::make_unique<std::istringstream>(text), "bulk.csv",
                                          text.size());
        NoProgress quiet;
        auto summary = service_->import_table(imported_, std::nullopt, *reader, quiet);
        ASSERT_EQ(summary.created, to - from);
    }
    void create(int from, int to) {
        for (int i = from; i < to; ++i) service_->create(created_, std::nullopt, numbered(i));
    }
    // The pole's actors by their number (the number ends the name).
    std::map<int, Stored> stored(std::int64_t pole_id) {
        std::map<int, Stored> result;
        std::map<std::int64_t, int> number_of;
        service_->for_each_in_pole(pole_id, [&](const Actor& a) {
            int number = std::stoi(a.name.substr(a.name.rfind(' ') + 1));
            number_of[a.id] = number;
            auto row = to_row(a);
            for (auto coordinate : {a.lat, a.lon})
                row.push_back(coordinate ? std::to_string(*coordinate) : "");
            result[number].row = row;
        });
        db().read([&](store::Connection& c) {
            for (auto& r : c.query("SELECT w.actor_id, w.word FROM actor_words w JOIN actor_poles "
                                   "p ON p.actor_id = w.actor_id WHERE p.pole_id = ?",
                                   {pole_id}))
                result[number_of.at(r.integer(0))].words.insert(r.text(1));
        });
        return result;
    }
    // A search's answer as numbers (in order) and its total.
    std::pair<std::vector<int>, std::int64_t> numbers(ActorFilter filter, std::int64_t pole_id) {
        filter.pole_id = pole_id;
        auto page = service_->search(filter);
        std::vector<int> found;
        for (const auto& a : page.items)
            found.push_back(std::stoi(a.name.substr(a.name.rfind(' ') + 1)));
        return {found, page.total};
    }
    std::set<std::string> indexes() {
        return db().read([&](store::Connection& c) {
            std::set<std::string> names;
            auto sql = c.dialect() == store::Dialect::sqlite
                           ? "SELECT name FROM sqlite_master WHERE type = 'index'"
                           : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()";
            for (auto& r : c.query(sql)) names.insert(r.text(0));
            return names;
        });
    }
    std::int64_t count(const std::string& table) {
        return db().read([&](store::Connection& c) {
            return c.query("SELECT COUNT(*) FROM " + table)[0].integer(0);
        });
    }
    // The import writes with foreign keys unchecked: SQLite's own check of every reference
    // must still find nothing dangling (PostgreSQL checks them on every statement anyway).
    void expect_no_dangling_reference() {
        if (db().dialect() != store::Dialect::sqlite) return;
        auto dangling = db().read(
            [](store::Connection& c) { return c.query("PRAGMA foreign_key_check").size(); });
        EXPECT_EQ(dangling, 0u);
    }
    void expect_same_answers() {
        auto imported = stored(imported_), created = stored(created_);
        ASSERT_EQ(imported.size(), created.size());
        for (const auto& [number, actor] : created) {
            EXPECT_EQ(imported[number].row, actor.row) << "actor " << number;
            EXPECT_EQ(imported[number].words, actor.words) << "actor " << number;
            EXPECT_FALSE(actor.words.empty());
        }
        std::vector<ActorFilter> filters(11);
        filters[0].text = "elan";
        filters[1].text = "atelier vert";
        filters[2].text = "cafe 1";
        filters[3].kind = "aci";
        filters[4].family = "siae";
        filters[5].commune = "40312";
        filters[6].commune = "40312", filters[6].radius_km = 25;
        filters[7].commune = "64102", filters[7].radius_km = 40, filters[7].text = "jardin";
        filters[8].commune = "40209", filters[8].radius_km = 60, filters[8].kind = "ei";
        filters[9].page = 3, filters[9].per_page = 7;
        filters[10].text = "regie", filters[10].family = "siae", filters[10].per_page = 200;
        for (std::size_t i = 0; i < filters.size(); ++i) {
            auto expected = numbers(filters[i], created_);
            EXPECT_GT(expected.second, 0) << "filter " << i << " finds nothing: a weak check";
            EXPECT_EQ(numbers(filters[i], imported_), expected) << "filter " << i;
        }
    }

    Vocabulary vocabulary_ = bulk_vocabulary();
    territory::Territory territory_ = territory::Territory::load(kTerritoryFixture);
    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<ActorService> service_;
    std::int64_t imported_ = 0, created_ = 0;
};

// Into an empty directory: on SQLite, the path that drops and creates the indexes again.
TEST_P(ActorBulkImportTest, AnImportIntoAnEmptyDirectoryStoresWhatCreatingEachActorStores) {
    auto before = indexes();
    import(0, 700);
    EXPECT_EQ(indexes(), before);
    expect_no_dangling_reference();
    create(0, 700);
    expect_same_answers();
}

// Larger than the directory it goes into: on SQLite the first lines go through the indexes,
// which are dropped once the import has written as many actors as the directory held.
TEST_P(ActorBulkImportTest, AnImportLargerThanTheDirectoryStoresWhatCreatingEachActorStores) {
    import(0, 300);
    create(0, 300);
    auto before = indexes();
    import(300, 1200);
    EXPECT_EQ(indexes(), before);
    expect_no_dangling_reference();
    create(300, 1200);
    expect_same_answers();
}

// The writes start while the file is still being read: a bad line after several batches have
// been written must still leave nothing written (rows, words, links, dropped indexes), and the
// report must name it alone.
TEST_P(ActorBulkImportTest, ALateBadLineLeavesNothingWritten) {
    auto before = indexes();
    auto text = import_text(0, 1500);
    text += "Sans type;;40312;;;\n";  // line 1502: the header is line 1
    auto rest = import_text(1500, 1600);
    text += rest.substr(rest.find('\n') + 1);
    auto reader =
        io::open_csv_stream(std::make_unique<std::istringstream>(text), "bulk.csv", text.size());
    NoProgress quiet;
    try {
        service_->import_table(imported_, std::nullopt, *reader, quiet);
        FAIL() << "the import was accepted";
    } catch (const ImportRejected& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].line, 1502);
        EXPECT_EQ(e.problems()[0].field, "kind");
    }
    for (auto table : {"actors", "actor_words", "actor_poles", "activity"})
        EXPECT_EQ(count(table), 0) << table;
    EXPECT_EQ(indexes(), before);
    import(0, 300);  // and the directory takes the next import
    EXPECT_EQ(count("actors"), 300);
}

// Into a larger directory: the indexes stay and take the new rows one by one.
TEST_P(ActorBulkImportTest, AnImportIntoALargerDirectoryStoresWhatCreatingEachActorStores) {
    import(0, 400);
    create(0, 400);
    auto before = indexes();
    import(400, 600);
    EXPECT_EQ(indexes(), before);
    expect_no_dangling_reference();
    create(400, 600);
    expect_same_answers();
}

INSTANTIATE_TEST_SUITE_P(Backends, ActorBulkImportTest,
                         ::testing::ValuesIn(store::testdb::backends()),
                         [](const auto& info) { return info.param; });
