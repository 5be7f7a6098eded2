#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "test_support.hpp"

using namespace maillage;
using namespace maillage::io;
using namespace maillage::io::testing;
using Cells = std::vector<std::string>;

TEST(CsvReader, SemicolonSeparatedWithNormalisedHeader) {
    auto reader = csv_from(" Nom ;Commune;SIRET\nScic Tarnos;Tarnos;73282932000074\n");
    EXPECT_EQ(reader->header(), (Cells{"nom", "commune", "siret"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].line, 2);
    EXPECT_EQ(rows[0].cells, (Cells{"Scic Tarnos", "Tarnos", "73282932000074"}));
    EXPECT_EQ(rows[0].problem, "");
}

TEST(CsvReader, HeaderIsLowerCasedBeyondAscii) {
    auto reader = csv_from("DÉNOMINATION;ÉTABLISSEMENT\na;b\n");
    EXPECT_EQ(reader->header(), (Cells{"dénomination", "établissement"}));
}

TEST(CsvReader, CommaSeparatedWithQuotedSeparators) {
    // The header has one semicolon, but inside quotes: the comma is the separator.
    auto reader = csv_from("\"name;alias\",city\n\"Dupont, Durand\",Paris\n");
    EXPECT_EQ(reader->header(), (Cells{"name;alias", "city"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"Dupont, Durand", "Paris"}));
}

TEST(CsvReader, TabSeparated) {
    auto reader = csv_from("a\tb\tc\n1\t2,5\t3;4\n");
    EXPECT_EQ(reader->header(), (Cells{"a", "b", "c"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"1", "2,5", "3;4"}));
}

TEST(CsvReader, QuotedNewlinesKeepLineNumbersRight) {
    auto reader = csv_from(
        "id;description;city\n"        // line 1
        "1;\"two\nlines\";Paris\n"     // lines 2-3
        "2;\"say \"\"hi\"\"\";Lyon\n"  // line 4
        "3;\"a\r\nb\";Nice\r\n"        // lines 5-6
        "4;x;y");                      // line 7, no final line break
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].line, 2);
    EXPECT_EQ(rows[0].cells, (Cells{"1", "two\nlines", "Paris"}));
    EXPECT_EQ(rows[1].line, 4);
    EXPECT_EQ(rows[1].cells, (Cells{"2", "say \"hi\"", "Lyon"}));
    EXPECT_EQ(rows[2].line, 5);
    EXPECT_EQ(rows[2].cells, (Cells{"3", "a\r\nb", "Nice"}));
    EXPECT_EQ(rows[3].line, 7);
    EXPECT_EQ(rows[3].cells, (Cells{"4", "x", "y"}));
    for (const auto& row : rows) EXPECT_EQ(row.problem, "") << row.line;
}

TEST(CsvReader, EmptyCellsAndQuotedEmptyCells) {
    auto rows = read_all(*csv_from("a,b,c\n,\"\",x\n"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"", "", "x"}));
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
    auto rows = read_all(*csv_from("a;b\n\n1;2\n;\n\r\n3;4\n\n"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].line, 3);
    EXPECT_EQ(rows[1].line, 6);
    EXPECT_EQ(rows[1].cells, (Cells{"3", "4"}));
}

TEST(CsvReader, OldMacLineEndings) {
    auto rows = read_all(*csv_from("a;b\r1;2\r3;4\r"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(rows[1].cells, (Cells{"3", "4"}));
}

TEST(CsvReader, RaggedRowsAreReportedWithTheirLinesAndReadingGoesOn) {
    auto rows = read_all(*csv_from("a;b;c\n1;2;3\n1;2\n\"x\ny\";2;3;4\n5;6;7\n"));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].problem, "");
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(rows[1].problem, "has 2 cells but the header has 3");
    EXPECT_EQ(rows[2].line, 4);
    EXPECT_EQ(rows[2].problem, "has 4 cells but the header has 3");
    EXPECT_EQ(rows[3].line, 6);
    EXPECT_EQ(rows[3].problem, "");
    EXPECT_EQ(rows[3].cells, (Cells{"5", "6", "7"}));
}

TEST(CsvReader, UnterminatedQuoteIsReportedAtTheLineWhereItOpens) {
    auto rows = read_all(*csv_from("a;b\n1;2\n3;\"never closed\n4;5\n6;7\n"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(rows[1].problem, "has a quoted cell that is never closed");
}

TEST(CsvReader, StrayQuotesAreKeptAsText) {
    auto rows = read_all(*csv_from("a;b\nécran 15\";\"x\"y\n"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"écran 15\"", "xy"}));
    EXPECT_EQ(rows[0].problem, "");
}

TEST(CsvReader, RequireWellFormedNamesFileAndLine) {
    auto reader = csv_from("a;b\n1\n", "acteurs.csv");
    TableRow row;
    ASSERT_TRUE(reader->next(row));
    try {
        require_well_formed(*reader, row);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
        EXPECT_STREQ(e.what(), "acteurs.csv: line 2: has 1 cells but the header has 2");
    }
    auto problem = to_line_problem(row);
    EXPECT_EQ(problem.line, 2);
    EXPECT_EQ(problem.reason, "has 1 cells but the header has 2");
}

TEST(CsvReader, Windows1252FileIsDecoded) {
    auto reader = open_table(data_path("windows1252.csv"));
    EXPECT_EQ(reader->header(), (Cells{"nom", "commune", "siret"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells[0], "Café de la Gare");
    // 0x8C and 0x92 are Œ and ’ in Windows-1252 (control codes in strict Latin-1).
    EXPECT_EQ(rows[1].cells[0], "Œuvre ’solidaire’");
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(reader->bytes_read(), reader->total_bytes());
}

TEST(CsvReader, Latin1BytesDecodedFromStream) {
    auto rows = read_all(*csv_from("ville;r\xE9gion\nB\xE9ziers;Occitanie\n"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells[0], "Béziers");
}

TEST(CsvReader, Utf8ByteOrderMarkIsStripped) {
    auto reader = open_table(data_path("utf8_bom.csv"));
    EXPECT_EQ(reader->header(), (Cells{"nom", "ville"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"École du Sud", "Bayonne"}));
}

TEST(CsvReader, EncodingIsDecidedOnceFromTheStart) {
    // 70 KiB of ASCII: the file is taken as UTF-8, so a later Latin-1 byte is a bad line.
    std::string content = "name;n\n";
    std::int64_t lines = 1;
    while (content.size() < 70 * 1024) {
        content += "ascii only;" + std::to_string(lines) + "\n";
        ++lines;
    }
    content += "caf\xE9;x\n";
    auto rows = read_all(*csv_from(content));
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(lines));
    EXPECT_EQ(rows.back().line, lines + 1);
    EXPECT_NE(rows.back().problem.find("not valid UTF-8"), std::string::npos)
        << rows.back().problem;
}

TEST(CsvReader, Utf8CharacterCutBySampleBoundaryStaysUtf8) {
    // Place "é" (2 bytes) across the 64 KiB boundary used to decide the encoding.
    std::string content = "a;b\n";
    content += "x;" + std::string(65536 - content.size() - 3, 'y');
    content += "é\n";
    ASSERT_EQ(content.substr(65535, 2), "é");
    auto rows = read_all(*csv_from(content));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].problem, "");
    EXPECT_TRUE(rows[0].cells[1].ends_with("yé"));
}

TEST(CsvReader, Utf16IsRefusedWithAnExplanation) {
    try {
        csv_from(std::string("\xFF\xFEn\0o\0m\0", 8), "unicode.txt");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
        EXPECT_NE(std::string(e.what()).find("UTF-16"), std::string::npos);
    }
}

TEST(CsvReader, EmptyFileIsRefused) {
    EXPECT_THROW(csv_from(""), Error);
    EXPECT_THROW(csv_from("\n\n"), Error);
}

TEST(CsvReader, UnterminatedQuoteInHeaderIsRefused) {
    try {
        csv_from("\"a;b\n1;2\n", "x.csv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "x.csv: line 1: has a quoted cell that is never closed");
    }
}

TEST(CsvReader, ProgressReachesTheTotal) {
    std::string content = "a;b\n";
    for (int i = 0; i < 20000; ++i) content += std::to_string(i) + ";x\n";
    auto reader = csv_from(content);
    EXPECT_LE(reader->bytes_read(), 64u * 1024);
    read_all(*reader);
    EXPECT_EQ(reader->bytes_read(), content.size());
    EXPECT_EQ(reader->total_bytes(), content.size());
}

TEST(OpenTable, DispatchesOnExtensionCaseInsensitively) {
    ScratchDir dir;
    for (std::string name : {"a.CSV", "b.tsv", "c.txt"}) {
        std::ofstream(dir.file(name)) << "x;y\n1;2\n";
        auto reader = open_table(dir.file(name));
        EXPECT_EQ(reader->header(), (Cells{"x", "y"})) << name;
    }
    std::ofstream(dir.file("d.pdf")) << "x";
    try {
        open_table(dir.file("d.pdf"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unsupported_media_type);
    }
    std::ofstream(dir.file("e.xls")) << "x";
    try {
        open_table(dir.file("e.xls"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unsupported_media_type);
        EXPECT_NE(std::string(e.what()).find(".xlsx"), std::string::npos);
    }
    EXPECT_THROW(open_table(dir.file("missing.csv")), Error);
}

TEST(OpenTable, BytesDispatchOnContentType) {
    auto reader = open_table_bytes("a;b\n1;2\n", "upload", "text/csv; charset=utf-8");
    EXPECT_EQ(reader->header(), (Cells{"a", "b"}));
    reader = open_table_bytes("a;b\n1;2\n", "upload", "application/vnd.ms-excel");
    EXPECT_EQ(read_all(*reader).size(), 1u);
    try {
        open_table_bytes("a;b\n", "upload", "image/png");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unsupported_media_type);
    }
    try {
        open_table_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "old.xls",
                         "application/vnd.ms-excel");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unsupported_media_type);
    }
    // Zip magic that is not a valid archive: recognised as XLSX, then refused as corrupt.
    try {
        open_table_bytes("PK\x03\x04garbage", "upload", "application/octet-stream");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
        EXPECT_NE(std::string(e.what()).find("XLSX"), std::string::npos);
    }
}
