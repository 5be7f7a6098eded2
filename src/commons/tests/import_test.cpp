// The CSV import of tenders and consortium members, on both backends: a good file creates
// what it says; a file with bad lines writes nothing and names every line, field and reason.
#include <sstream>

#include "commons_fixture.hpp"
#include "core/progress.hpp"

using namespace maillage;
using namespace maillage::commons;
using namespace maillage::commons::testing;

namespace {

const char* kHeader =
    "tender_reference;title;buyer;buyer_siret;procedure;deadline_on;status;awarded_on;"
    "contract_start;contract_end;member_siret;role;share_percent;insertion_hours_committed\n";

std::unique_ptr<io::TableReader> csv(const std::string& body) {
    auto text = std::string(kHeader) + body;
    return io::open_csv_stream(std::make_unique<std::istringstream>(text), "tenders.csv",
                               text.size());
}

}  // namespace

class TenderImportTest : public CommonsTest {};

TEST_P(TenderImportTest, RowsPerMemberBecomeTendersWithTheirConsortium) {
    auto reader =
        csv("EV-01;Espaces verts;;21400305500016;adapted;2026-02-15;won;2026-03-20;2026-04-01;"
            "2028-03-31;40000000600017;mandataire;60;900\n"
            "EV-01;;;;;;;;;;40000001400011;co_traitant;39,5;300\n"
            "NET-02;Nettoyage des locaux;Syndicat mixte;;;2026-05-10;preparing;;;;;;;\n");
    NoProgress quiet;
    auto summary = service().import_table(pole_, admin_, *reader, quiet);
    EXPECT_EQ(summary.rows, 3);
    EXPECT_EQ(summary.tenders, 2);
    EXPECT_EQ(summary.members, 2);
    auto list = service().tenders(pole_, {});
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].title, "Nettoyage des locaux");  // the later deadline first
    EXPECT_EQ(list[0].members, 0);
    auto d = service().detail(pole_, list[1].id);
    EXPECT_EQ(d.tender.buyer_actor_id, city_);
    EXPECT_EQ(d.tender.status, "won");
    ASSERT_EQ(d.members.size(), 2u);
    EXPECT_EQ(d.members[0].actor_id, siae_);
    EXPECT_EQ(d.members[1].actor_id, coop_);
    EXPECT_DOUBLE_EQ(*d.members[1].share_percent, 39.5);
    EXPECT_DOUBLE_EQ(d.tender.hours_committed, 1200);
}

TEST_P(TenderImportTest, ABadFileWritesNothingAndReportsEveryLine) {
    auto reader = csv(
        "EV-01;Espaces verts;Mairie;;adapted;2026-02-15;won;;;;40000000600017;mandataire;60;900\n"
        "EV-01;Autre titre;;;;;;;;;40000003000017;co_traitant;20;x\n"
        "EV-01;;;;;;;;;;40000001400011;mandataire;20;100\n"
        ";Sans référence;Mairie;;;;watch;;;;;;;\n");
    NoProgress quiet;
    try {
        service().import_table(pole_, admin_, *reader, quiet);
        ADD_FAILURE() << "a bad file was imported";
    } catch (const ImportRejected& rejected) {
        std::set<std::string> found;
        for (const auto& p : rejected.problems())
            found.insert(std::to_string(p.line) + " " + p.field);
        std::set<std::string> expected = {"2 awarded_on",  // won without an award date
                                          "3 title",       // disagrees with line 2
                                          "3 insertion_hours_committed",  // not a number
                                          "3 member_siret",               // another pole's actor
                                          "2 role",                       // two mandataires
                                          "5 tender_reference"};          // missing
        EXPECT_EQ(found, expected);
        EXPECT_EQ(rejected.file(), "tenders.csv");
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_tenders"), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_members"), 0);
}

TEST_P(TenderImportTest, AReferenceAlreadyRecordedIsRefused) {
    service().create(pole_, admin_, won_tender(), three_members());
    auto reader = csv("2026-EV-01;Espaces verts;Mairie;;;;watch;;;;;;;\n");
    NoProgress quiet;
    EXPECT_THROW(service().import_table(pole_, admin_, *reader, quiet), ImportRejected);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM commons_tenders"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TenderImportTest,
                         ::testing::ValuesIn(store::testdb::backends()));
