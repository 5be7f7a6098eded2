#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "io/table_writer.hpp"
#include "needs/record_table.hpp"
#include "needs/synthetic.hpp"
#include "service_fixture.hpp"
#include "store/migrations.hpp"

#include <cstdio>
#include <filesystem>

using namespace maillage;
using namespace maillage::needs;
using test_support::ServiceTest;

namespace {

const char* kHeader =
    "record_id;date;centre;commune_code;person_key;age_band;situation;need_text;proposal_text;"
    "coop_interest;sectors\n";

bool effective(const Record& r, CodeKind kind, const std::string& code) {
    for (const auto& c : r.codes)
        if (c.kind == kind && c.code == code) return c.effective();
    return false;
}

// The fields an import must carry over, written as a line to compare records from any format.
std::string digest(const Record& r) {
    std::string s = r.record_id + "|" + r.date.value_or("") + "|" + r.commune.value_or("") + "|" +
                    r.person_key.value_or("") + "|" + r.age_band.value_or("") + "|" +
                    r.need_text.value_or("") + "|" + r.proposal_text.value_or("") + "|" +
                    r.coop_interest.value_or("") + "|" + r.resolved_language;
    for (const auto& x : r.situations) s += "|s:" + x;
    for (const auto& x : r.sectors) s += "|n:" + x;
    for (const auto& c : r.codes)
        if (c.effective()) s += "|" + std::string(to_string(c.kind)) + ":" + c.code;
    return s;
}

std::vector<std::string> digests(NeedsService& service, std::int64_t pole, std::int64_t user) {
    std::vector<std::string> out;
    service.for_each_record(pole, user, [&](const Record& r) { out.push_back(digest(r)); });
    return out;
}

std::vector<std::string> fields_of(const ImportRejected& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(std::to_string(p.line) + ":" + p.field);
    return out;
}

// `count` synthetic records as JSON Lines, with every column.
std::string synthetic_lines(std::size_t count, const std::string& prefix, std::uint64_t seed) {
    SyntheticOptions options;
    options.id_prefix = prefix;
    options.seed = seed;
    SyntheticIntake generator(test_support::data_dir(), test_support::small_territory(), options);
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        auto cells = to_row(generator.next().record);
        Json line = Json::object();
        for (std::size_t k = 0; k < cells.size(); ++k) line[record_columns()[k]] = cells[k];
        out += line.dump() + "\n";
    }
    return out;
}

// Every code of the pole's records, with its matched words, flags and the record's fingerprint.
std::vector<std::string> code_lines(store::Database& db, std::int64_t pole) {
    return db.read([&](store::Connection& c) {
        std::vector<std::string> out;
        for (const auto& row :
             c.query("SELECT r.record_id, k.kind, k.code, k.matched, k.declared, k.effective, "
                     "r.codes_fingerprint, COALESCE(k.correction, '') FROM needs_codes k JOIN "
                     "needs_records r ON r.id = k.record WHERE k.pole_id = ? ORDER BY r.id, "
                     "k.kind, k.code",
                     {pole}))
            out.push_back(row.text(0) + "|" + row.text(1) + "|" + row.text(2) + "|" + row.text(3) +
                          "|" + std::to_string(row.integer(4)) + std::to_string(row.integer(5)) +
                          "|" + std::to_string(row.integer(6)) + "|" + row.text(7));
        return out;
    });
}

// A migration's SQL for `db`'s dialect.
std::string migration_sql(store::Database& db, const std::string& name) {
    for (const auto& m : store::migrations_for(db.dialect()))
        if (m.name == name) return m.sql;
    return "";
}

// The statement of `sql` that starts with `start`.
std::string statement_of(const std::string& sql, const std::string& start) {
    auto at = sql.find(start);
    return at == std::string::npos ? "" : sql.substr(at, sql.find(';', at) - at);
}

}  // namespace

TEST_P(ServiceTest, RecordsAreCodedOnCreationAndReadsAreLogged) {
    RecordInput r = input("CPI-1", "Ouvrir une épicerie coopérative avec un dépôt de pain");
    r.need_text = "Plus de bus pour aller à la gare";
    r.situations = {"RSA"};
    auto created = service_->create_record(pole_a_, user_, r);
    EXPECT_EQ(created.resolved_language, "fr");
    EXPECT_EQ(created.commune_name, "Tarnos");
    EXPECT_EQ(created.situations, std::vector<std::string>{"rsa"});
    EXPECT_TRUE(effective(created, CodeKind::need, "food_shop"));
    EXPECT_TRUE(effective(created, CodeKind::need, "mobility"));
    EXPECT_FALSE(effective(created, CodeKind::need, "housing"));

    RecordFilter words;
    words.text = "EPICERIE cooperative";  // accents and case aside
    EXPECT_EQ(service_->records(pole_a_, user_, words).total, 1);
    words.text = "CPI-1";  // a record id
    EXPECT_EQ(service_->records(pole_a_, user_, words).total, 1);
    words.text = "boulangerie";
    EXPECT_EQ(service_->records(pole_a_, user_, words).total, 0);

    std::int64_t logged = count("SELECT COUNT(*) FROM access_log");
    service_->record(pole_a_, user_, created.id);
    service_->records(pole_a_, user_, {});
    EXPECT_EQ(count("SELECT COUNT(*) FROM access_log"), logged + 2);

    // Another pole does not see it, even by id.
    EXPECT_THROW(service_->record(pole_b_, user_, created.id), Error);
    EXPECT_EQ(service_->records(pole_b_, user_, {}).total, 0);
    // The same record_id may exist in another pole, not twice in one.
    EXPECT_NO_THROW(service_->create_record(pole_b_, user_, r));
    try {
        service_->create_record(pole_a_, user_, r);
        FAIL() << "duplicate accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::conflict);
        EXPECT_EQ(e.field(), "record_id");
    }
    RecordInput empty = input("CPI-2", "");
    empty.proposal_text.reset();
    try {
        service_->create_record(pole_a_, user_, empty);
        FAIL() << "empty record accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "need_text");
    }
}

TEST_P(ServiceTest, CorrectionsWinAndSurviveARerunOfTheCatalogue) {
    auto r = service_->create_record(pole_a_, user_,
                                     input("CPI-1", "Créer une épicerie avec un médecin"));
    ASSERT_TRUE(effective(r, CodeKind::need, "health"));
    r = service_->correct_code(pole_a_, user_, r.id, CodeKind::need, "health", "remove");
    r = service_->correct_code(pole_a_, user_, r.id, CodeKind::need, "elderly_care", "add");
    EXPECT_FALSE(effective(r, CodeKind::need, "health"));
    EXPECT_TRUE(effective(r, CodeKind::need, "elderly_care"));
    auto summary = service_->catalogue(pole_a_, user_, quiet_);
    EXPECT_EQ(summary.records, 1);
    r = service_->record(pole_a_, user_, r.id);
    EXPECT_FALSE(effective(r, CodeKind::need, "health"));
    EXPECT_TRUE(effective(r, CodeKind::need, "elderly_care"));
    EXPECT_TRUE(effective(r, CodeKind::need, "food_shop"));
    for (const auto& c : r.codes) {
        if (c.code == "health") {
            EXPECT_EQ(c.matched, std::vector<std::string>{"médecin"});
        }
    }
    r = service_->correct_code(pole_a_, user_, r.id, CodeKind::need, "health", "reset");
    EXPECT_TRUE(effective(r, CodeKind::need, "health"));
    EXPECT_THROW(service_->correct_code(pole_a_, user_, r.id, CodeKind::need, "astrology", "add"),
                 Error);
}

TEST_P(ServiceTest, TheCatalogueRewritesOnlyTheRecordsWhoseCodesChanged) {
    auto a = service_->create_record(pole_a_, user_, input("CPI-1", "Créer une épicerie"));
    auto b = service_->create_record(pole_a_, user_, input("CPI-2", "Un médecin au village"));
    service_->create_record(pole_a_, user_, input("CPI-3", "Une navette vers la gare"));
    ASSERT_TRUE(effective(a, CodeKind::need, "food_shop"));
    ASSERT_TRUE(effective(b, CodeKind::need, "health"));
    auto summary = service_->catalogue(pole_a_, user_, quiet_);
    EXPECT_EQ(summary.records, 3);
    EXPECT_EQ(summary.rewritten, 0);  // the rules give what the records were written with
    // Two records as if coded by other rules: their codes gone, their fingerprints unknown.
    fixture_->database().write([&](store::Connection& c) {
        for (auto id : {a.id, b.id}) {
            c.execute("DELETE FROM needs_codes WHERE record = ?", {id});
            c.execute("UPDATE needs_records SET codes_fingerprint = 0 WHERE id = ?", {id});
        }
    });
    summary = service_->catalogue(pole_a_, user_, quiet_);
    EXPECT_EQ(summary.rewritten, 2);
    EXPECT_EQ(digest(service_->record(pole_a_, user_, a.id)), digest(a));
    EXPECT_EQ(digest(service_->record(pole_a_, user_, b.id)), digest(b));
    EXPECT_EQ(service_->catalogue(pole_a_, user_, quiet_).rewritten, 0);
}

TEST_P(ServiceTest, ImportsTheSameRecordsFromCsvLatin1XlsxJsonAndJsonLines) {
    // One file, five spellings: UTF-8 with ';', Windows-1252 with ',', XLSX, a JSON array and
    // JSON Lines. The imported records must be identical.
    std::string utf8 =
        std::string(kHeader) +
        "A1;15/03/2024;CPI Tarnos;40312;P001;50_64;rsa|disability;Plus d'épicerie au village;"
        "Créer une épicerie coopérative;oui;G\n"
        "A2;2024-03-16;CPI Tarnos;092009;P002;under_26;under_26;Non c'è il medico;"
        "Aprire una casa della salute;forse;Q\n";
    auto from_csv = csv(utf8);
    EXPECT_EQ(import(pole_a_, *from_csv).rows, 2);
    auto expected = digests(*service_, pole_a_, user_);
    ASSERT_EQ(expected.size(), 2u);
    EXPECT_NE(expected[0].find("need:food_shop"), std::string::npos);
    EXPECT_NE(expected[1].find("|it|"), std::string::npos);  // the Cagliari record is Italian

    std::string latin1 = utf8;
    for (auto& c : latin1)
        if (c == ';') c = ',';
    // The texts have no commas, so swapping separators is safe; then re-encode to Latin-1.
    std::string encoded;
    for (std::size_t i = 0; i < latin1.size(); ++i) {
        auto c = static_cast<unsigned char>(latin1[i]);
        if (c == 0xC3) {
            encoded.push_back(static_cast<char>(static_cast<unsigned char>(latin1[++i]) + 0x40));
        } else {
            encoded.push_back(latin1[i]);
        }
    }
    ASSERT_FALSE(text::is_valid_utf8(encoded));
    auto from_latin1 = csv(encoded);
    EXPECT_EQ(import(pole_b_, *from_latin1).rows, 2);
    EXPECT_EQ(digests(*service_, pole_b_, user_), expected);

    auto third = insert(
        "INSERT INTO poles (slug, name, kind, created_at) VALUES ('c', 'C', 'ptce', 'now') "
        "RETURNING id");
    std::string path = (std::filesystem::temp_directory_path() / "needs-import-test.xlsx").string();
    {
        auto writer = io::make_xlsx_writer(path, "intake");
        auto reader = csv(utf8);
        writer->write_header(reader->header());
        io::TableRow row;
        while (reader->next(row)) writer->write_row(row.cells);
        writer->finish();
    }
    auto from_xlsx = open_records_file(path);
    EXPECT_EQ(import(third, *from_xlsx).rows, 2);
    EXPECT_EQ(digests(*service_, third, user_), expected);
    std::filesystem::remove(path);

    auto fourth = insert(
        "INSERT INTO poles (slug, name, kind, created_at) VALUES ('d', 'D', 'ptce', 'now') "
        "RETURNING id");
    auto from_json = json(R"([
      {"record_id": "A1", "date": "15/03/2024", "centre": "CPI Tarnos", "commune_code": "40312",
       "person_key": "P001", "age_band": "50_64", "situation": ["rsa", "disability"],
       "need_text": "Plus d'épicerie au village", "proposal_text": "Créer une épicerie coopérative",
       "coop_interest": "oui", "sectors": ["G"]},
      {"record_id": "A2", "date": "2024-03-16", "centre": "CPI Tarnos", "commune_code": "092009",
       "person_key": "P002", "age_band": "under_26", "situation": "under_26",
       "need_text": "Non c'è il medico", "proposal_text": "Aprire una casa della salute",
       "coop_interest": "forse", "sectors": ["Q"]}
    ])");
    EXPECT_EQ(import(fourth, *from_json).rows, 2);
    EXPECT_EQ(digests(*service_, fourth, user_), expected);

    auto fifth = insert(
        "INSERT INTO poles (slug, name, kind, created_at) VALUES ('e', 'E', 'ptce', 'now') "
        "RETURNING id");
    auto from_lines = json(
        "{\"record_id\": \"A1\", \"date\": \"15/03/2024\", \"centre\": \"CPI Tarnos\", "
        "\"commune_code\": \"40312\", "
        "\"person_key\": \"P001\", \"age_band\": \"50_64\", \"situation\": [\"rsa\", "
        "\"disability\"], \"need_text\": "
        "\"Plus d'épicerie au village\", \"proposal_text\": \"Créer une épicerie coopérative\", "
        "\"coop_interest\": "
        "\"oui\", \"sectors\": \"G\"}\n\n"
        "{\"record_id\": \"A2\", \"date\": \"2024-03-16\", \"centre\": \"CPI Tarnos\", "
        "\"commune_code\": \"092009\", "
        "\"person_key\": \"P002\", \"age_band\": \"under_26\", \"situation\": \"under_26\", "
        "\"need_text\": \"Non c'è "
        "il medico\", \"proposal_text\": \"Aprire una casa della salute\", \"coop_interest\": "
        "\"forse\", "
        "\"sectors\": [\"Q\"]}\n");
    EXPECT_EQ(import(fifth, *from_lines).rows, 2);
    EXPECT_EQ(digests(*service_, fifth, user_), expected);
}

TEST_P(ServiceTest, BadFilesAreReportedLineByLineAndNothingIsWritten) {
    service_->create_record(pole_a_, user_, input("OLD-1", "Un jardin partagé"));
    std::int64_t before = count("SELECT COUNT(*) FROM needs_records");
    std::string file =
        std::string(kHeader) +
        "B1;2024-01-10;CPI;40312;P1;50_64;rsa;Plus de bus;Une navette;oui;H\n"    // 2: fine
        "B2;2024-01-10;CPI;99999;P2;;;Plus de bus;;;\n"                           // 3: commune
        "B3;2024-01-10;CPI;40312;P3;;;;;;\n"                                      // 4: no text
        "B1;2024-01-11;CPI;40312;P4;;;Une crèche;;;\n"                            // 5: duplicate
        "OLD-1;2024-01-11;CPI;40312;P5;;;Une crèche;;;\n"                         // 6: exists
        "B6;31/02/2024;CPI;40312;jean@example.org;old;astronaut;Texte;;bof;ZZ\n"  // 7
        "B7;2024-01-10;CPI;40312;P7;;;Texte\n"                                    // 8: cells
        "B8;2024-01-12;CPI;40312;P8;;;Une épicerie;;;\n";                         // 9: fine
    auto reader = csv(file);
    try {
        import(pole_a_, *reader);
        FAIL() << "bad file accepted";
    } catch (const ImportRejected& e) {
        EXPECT_EQ(e.file(), "intake.csv");
        EXPECT_EQ(fields_of(e),
                  (std::vector<std::string>{"3:commune_code", "4:need_text", "5:record_id",
                                            "6:record_id", "7:date", "7:person_key", "7:age_band",
                                            "7:coop_interest", "7:situation", "7:sectors", "8:"}));
        for (const auto& p : e.problems()) EXPECT_FALSE(p.reason.empty());
        EXPECT_NE(e.problems()[2].reason.find("line 2"), std::string::npos);  // names the first one
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_records"), before);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM needs_codes WHERE pole_id = " + std::to_string(pole_a_)),
        count("SELECT COUNT(*) FROM needs_codes WHERE record IN (SELECT id FROM needs_records)"));

    // Broken encodings. A UTF-8 file with a Latin-1 byte far from its start: that line is
    // reported. A file mixing encodings near its start is read as Latin-1, and its UTF-8
    // accents come out as "Ã©": the import says so instead of storing garbled text.
    std::string late = kHeader;
    for (int i = 0; late.size() < 70 * 1024; ++i)
        late += "L" + std::to_string(i) + ";2024-01-10;CPI;40312;P;;;Un café à la gare;;;\n";
    late += "LBAD;2024-01-10;CPI;40312;P;;;Caf\xE9;;;\n";
    auto late_reader = csv(late);
    try {
        import(pole_a_, *late_reader);
        FAIL() << "broken encoding accepted";
    } catch (const ImportRejected& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_NE(e.problems()[0].reason.find("UTF-8"), std::string::npos);
    }
    auto mixed = csv(std::string(kHeader) + "M1;2024-01-10;CPI;40312;P;;;Caf\xE9 fermé;;;\n");
    try {
        import(pole_a_, *mixed);
        FAIL() << "mixed encodings accepted";
    } catch (const ImportRejected& e) {
        EXPECT_EQ(fields_of(e), std::vector<std::string>{"2:need_text"});
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_records"), before);

    // Missing columns and identity columns are refused before any line is read.
    auto missing = csv("record_id;need_text;nom\nX;Un texte;Dupont\n");
    try {
        import(pole_a_, *missing);
        FAIL() << "missing columns accepted";
    } catch (const ImportRejected& e) {
        auto f = fields_of(e);
        EXPECT_NE(std::find(f.begin(), f.end(), "1:nom"), f.end());
        EXPECT_NE(std::find(f.begin(), f.end(), "1:commune_code"), f.end());
        EXPECT_NE(std::find(f.begin(), f.end(), "1:proposal_text"), f.end());
    }
    auto bad_json =
        json(R"([{"record_id": "J1", "need_text": "ok", "email": "a@b.c"}, {"record_id": "J2"}])");
    try {
        import(pole_a_, *bad_json);
        FAIL() << "bad JSON accepted";
    } catch (const ImportRejected& e) {
        EXPECT_EQ(fields_of(e), (std::vector<std::string>{"1:", "1:need_text"}));
        EXPECT_NE(e.problems()[0].reason.find("pseudonymous"), std::string::npos);
    }
    auto broken = json("[{\"record_id\": \"J1\", \"need_text\": \"ok\"},\n {\"record_id\": ");
    EXPECT_THROW(import(pole_a_, *broken), Error);
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_records"), before);
}

TEST_P(ServiceTest, UpdatesRecodeAndDeletesLeaveNoCodes) {
    auto r = service_->create_record(pole_a_, user_, input("U1", "Créer une crèche"));
    EXPECT_TRUE(effective(r, CodeKind::need, "childcare"));
    auto changed = input("U1", "Monter un atelier de réparation de vélos");
    r = service_->update_record(pole_a_, user_, r.id, changed);
    EXPECT_FALSE(effective(r, CodeKind::need, "childcare"));
    EXPECT_TRUE(effective(r, CodeKind::need, "mobility"));
    EXPECT_THROW(service_->update_record(pole_b_, user_, r.id, changed), Error);
    service_->delete_record(pole_a_, user_, r.id);
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_codes"), 0);
    EXPECT_THROW(service_->delete_record(pole_a_, user_, r.id), Error);
}

TEST_P(ServiceTest, TheBulkImportWritesWhatTheIncrementalImportWrites) {
    // Into an empty table, SQLite's import sets the secondary indexes aside and builds them
    // after; into a table holding more rows than the file, it writes them as it goes. Both
    // must store the same records and codes, in file order, and leave every index in place.
    bool sqlite = fixture_->database().dialect() == store::Dialect::sqlite;
    std::string indexes = sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                                   "tbl_name LIKE 'needs_%'"
                                 : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = "
                                   "current_schema() AND tablename LIKE 'needs_%'";
    auto index_count = count(indexes);
    const std::size_t records = 5000;  // more than one of the import's batches (4,096)
    std::string file = synthetic_lines(records, "S", 7);

    // A bad last line: the earlier batches were written, and all of it is rolled back.
    std::string bad = file + R"({"record_id":"S-bad","commune_code":"99999","need_text":"x"})";
    auto rejected = json(bad);
    EXPECT_THROW(import(pole_a_, *rejected), ImportRejected);
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_records"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM needs_codes"), 0);
    EXPECT_EQ(count(indexes), index_count);

    auto bulk = json(file);
    EXPECT_EQ(import(pole_a_, *bulk).rows, std::int64_t(records));  // empty table: bulk
    EXPECT_EQ(count(indexes), index_count);
    auto more = json(synthetic_lines(records + 1000, "T", 8));
    import(pole_b_, *more);
    auto pole_c = insert(
        "INSERT INTO poles (slug, name, kind, created_at) VALUES ('c', 'Pôle C', 'ptce', 'now') "
        "RETURNING id");
    auto incremental = json(file);
    EXPECT_EQ(import(pole_c, *incremental).rows, std::int64_t(records));  // 5,000 < 11,000
    EXPECT_EQ(count(indexes), index_count);

    auto a = digests(*service_, pole_a_, user_);
    EXPECT_EQ(a, digests(*service_, pole_c, user_));
    auto codes_a = code_lines(fixture_->database(), pole_a_);
    EXPECT_GT(codes_a.size(), records);
    EXPECT_EQ(codes_a, code_lines(fixture_->database(), pole_c));
    expect_no_dangling_reference();
    auto nowhere = json(file);
    EXPECT_THROW(import(pole_c + 1000, *nowhere), Error);  // no such pole
    // Ids follow the file's order, whatever the threads did.
    std::vector<std::string> in_file;
    std::istringstream lines(file);
    for (std::string line; std::getline(lines, line);)
        in_file.push_back(Json::parse(line)["record_id"].get<std::string>());
    ASSERT_EQ(a.size(), in_file.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        ASSERT_EQ(a[i].substr(0, a[i].find('|')), in_file[i]) << i;
}

// Migration 0022 keys needs_codes by code. Its statements, run on codes laid out as migration
// 0020 made them (the application's own rows, a correction among them), must keep every code,
// and leave the indexes the application expects (the same count as a fresh schema's).
TEST_P(ServiceTest, TheCodesByCodeMigrationKeepsEveryCode) {
    auto& db = fixture_->database();
    bool sqlite = db.dialect() == store::Dialect::sqlite;
    std::string indexes = sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                                   "tbl_name = 'needs_codes'"
                                 : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = "
                                   "current_schema() AND tablename = 'needs_codes'";
    auto index_count = count(indexes);
    auto file = json(synthetic_lines(300, "M", 9));
    import(pole_a_, *file);
    auto r = service_->create_record(pole_a_, user_, input("M-c", "Un bus vers la gare"));
    service_->correct_code(pole_a_, user_, r.id, CodeKind::need, "childcare", "add");
    auto before = code_lines(db, pole_a_);
    ASSERT_GT(before.size(), 300u);
    auto childcare_records = count(
        "SELECT COUNT(*) FROM needs_codes WHERE kind = 'need' AND code = 'childcare' AND "
        "effective = 1");
    auto old_table = statement_of(migration_sql(db, "0020_needs"), "CREATE TABLE needs_codes");
    auto old_index = statement_of(migration_sql(db, "0020_needs"), "CREATE INDEX needs_codes_code");
    auto migration = migration_sql(db, "0022_needs_codes_by_code");
    ASSERT_FALSE(old_table.empty());
    ASSERT_FALSE(old_index.empty());
    ASSERT_FALSE(migration.empty());
    db.write([&](store::Connection& c) {
        c.execute_script("CREATE TABLE codes_before AS SELECT * FROM needs_codes");
        c.execute_script("DROP TABLE needs_codes");
        c.execute_script(old_table);
        c.execute_script(old_index);
        c.execute_script("INSERT INTO needs_codes SELECT * FROM codes_before");
        c.execute_script("DROP TABLE codes_before");
    });
    EXPECT_EQ(code_lines(db, pole_a_), before);  // the old layout, as before the migration
    db.write([&](store::Connection& c) { c.execute_script(migration); });
    EXPECT_EQ(code_lines(db, pole_a_), before);
    EXPECT_EQ(count(indexes), index_count);
    // A search by category reads the new key: as many records as counted before the migration.
    RecordFilter childcare;
    childcare.category = "childcare";
    EXPECT_GE(childcare_records, 1);
    EXPECT_EQ(service_->records(pole_a_, user_, childcare).total, childcare_records);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::ValuesIn(store::testdb::backends()));
