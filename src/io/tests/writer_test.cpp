#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/detail.hpp"
#include "io/table_reader.hpp"
#include "io/table_writer.hpp"
#include "test_support.hpp"

using namespace maillage;
using namespace maillage::io;
using namespace maillage::io::testing;
using Cells = std::vector<std::string>;

namespace {

const Cells header = {"name", "code", "amount", "notes"};

// Values that a careless writer or reader would change.
const std::vector<Cells> tricky_rows = {
    {"Scic Tarnos, Ondres", "01000", "1250", "say \"hi\"; then go"},
    {"Café ’Œuvre’", "0612345678", "-3.75", "line 1\nline 2"},
    {"", "35600000000048", "0.1", "crlf\r\ninside"},
    {"tab\there", "+33 5 59", "1.50", "  spaces kept  "},
    {"Città di Castello", "2A004", "1e5", ""},
    {"only name", "", "", ""},
    {"_x0041_ is not an escape here", "x", "", "control \x01 char"},
};

std::vector<Cells> cells_of(const std::vector<TableRow>& rows) {
    std::vector<Cells> cells;
    for (const auto& row : rows) {
        EXPECT_EQ(row.problem, "") << "line " << row.line;
        cells.push_back(row.cells);
    }
    return cells;
}

}  // namespace

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    std::ostringstream out;
    auto writer = make_csv_writer(out, ';');
    writer->write_header({"a", "b", "c"});
    writer->write_row({"x;y", "say \"hi\"", "plain"});
    writer->write_row({"two\nlines", "comma,here", ""});
    writer->finish();
    EXPECT_EQ(out.str(),
              "a;b;c\r\n"
              "\"x;y\";\"say \"\"hi\"\"\";plain\r\n"
              "\"two\nlines\";\"comma,here\";\r\n");
}

TEST(CsvWriter, OptionalByteOrderMark) {
    std::ostringstream out;
    auto writer = make_csv_writer(out, ',', true);
    writer->write_header({"é"});
    writer->finish();
    EXPECT_EQ(out.str(), "\xEF\xBB\xBF\xC3\xA9\r\n");
}

TEST(CsvWriter, RowOfTheWrongWidthIsAProgrammingError) {
    std::ostringstream out;
    auto writer = make_csv_writer(out);
    writer->write_header({"a", "b"});
    try {
        writer->write_row({"1"});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::internal);
    }
}

TEST(RoundTrip, CsvWithEachSeparator) {
    for (char separator : {',', ';', '\t'}) {
        std::ostringstream out;
        auto writer = make_csv_writer(out, separator, separator == ';');
        writer->write_header(header);
        for (const auto& row : tricky_rows) writer->write_row(row);
        writer->finish();
        auto reader = csv_from(out.str());
        EXPECT_EQ(reader->header(), header);
        EXPECT_EQ(cells_of(read_all(*reader)), tricky_rows) << "separator " << separator;
    }
}

TEST(RoundTrip, CsvWithOneColumn) {
    std::ostringstream out;
    auto writer = make_csv_writer(out, ';');
    writer->write_header({"name"});
    writer->write_row({"Dupont, Durand"});
    writer->write_row({"A;B"});
    writer->finish();
    auto reader = csv_from(out.str());
    EXPECT_EQ(cells_of(read_all(*reader)), (std::vector<Cells>{{"Dupont, Durand"}, {"A;B"}}));
}

TEST(RoundTrip, XlsxFileKeepsTextAndNumbers) {
    ScratchDir dir;
    std::string path = dir.file("export.xlsx");
    auto writer = make_xlsx_writer(path, "Acteurs");
    writer->write_header(header);
    for (const auto& row : tricky_rows) writer->write_row(row);
    writer->finish();

    auto reader = open_table(path);
    EXPECT_EQ(reader->header(), header);
    auto rows = read_all(*reader);
    EXPECT_EQ(cells_of(rows), tricky_rows);
    EXPECT_EQ(rows.front().line, 2);

    // "1250" and "-3.75" are numbers; "01000", "1.50", "1e5" and "+33 5 59" stay text.
    std::string bytes = read_file(path);
    std::string sheet = zip_entry(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<v>1250</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<v>-3.75</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<v>35600000000048</v>"), std::string::npos);
    EXPECT_EQ(sheet.find("<v>1000</v>"), std::string::npos);
    // Header row frozen, header bold.
    EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos);
    EXPECT_NE(zip_entry(bytes, "xl/styles.xml").find("<b/>"), std::string::npos);
}

TEST(RoundTrip, XlsxInMemoryForHttp) {
    std::string bytes =
        xlsx_to_bytes("Export: 2024/01 [pôle Sud Landes] acteurs", [](TableWriter& w) {
            w.write_header({"nom", "siret"});
            w.write_row({"Scic", "73282932000074"});
        });
    ASSERT_TRUE(bytes.starts_with("PK\x03\x04"));
    std::string workbook = zip_entry(bytes, "xl/workbook.xml");
    // Forbidden characters replaced, cut to Excel's 31 characters.
    EXPECT_NE(workbook.find("name=\"Export_ 2024_01 _pôle Sud Lande\""), std::string::npos)
        << workbook;
    auto reader = open_xlsx_bytes(bytes, "export.xlsx");
    EXPECT_EQ(cells_of(read_all(*reader)), (std::vector<Cells>{{"Scic", "73282932000074"}}));
}

TEST(RoundTrip, XlsxWriterRefusesRowsOfTheWrongWidth) {
    EXPECT_THROW(xlsx_to_bytes("x",
                               [](TableWriter& w) {
                                   w.write_header({"a", "b"});
                                   w.write_row({"1", "2", "3"});
                               }),
                 Error);
}

TEST(Numbers, SpreadsheetNumbersRenderAsPeopleWriteThem) {
    using detail::render_spreadsheet_number;
    EXPECT_EQ(render_spreadsheet_number("42"), "42");
    EXPECT_EQ(render_spreadsheet_number("42.0"), "42");
    EXPECT_EQ(render_spreadsheet_number("-0"), "0");
    EXPECT_EQ(render_spreadsheet_number("0.1"), "0.1");
    EXPECT_EQ(render_spreadsheet_number("0.30000000000000004"), "0.30000000000000004");
    EXPECT_EQ(render_spreadsheet_number("1E-3"), "0.001");
    EXPECT_EQ(render_spreadsheet_number("35600000000048"), "35600000000048");
    EXPECT_EQ(render_spreadsheet_number("1E+300"), "1e+300");
    EXPECT_EQ(render_spreadsheet_number("not a number"), "not a number");
    EXPECT_EQ(render_spreadsheet_number(""), "");
}

TEST(Numbers, OnlyLosslessNumbersAreWrittenAsNumbers) {
    using detail::lossless_number;
    EXPECT_EQ(lossless_number("1250"), 1250.0);
    EXPECT_EQ(lossless_number("-3.75"), -3.75);
    EXPECT_EQ(lossless_number("0"), 0.0);
    EXPECT_EQ(lossless_number("0.5"), 0.5);
    EXPECT_EQ(lossless_number("123456789012345"), 123456789012345.0);
    for (const char* text : {"01000", "0612345678", "+33", "1.50", "1e5", "1.", ".5", "-0", "",
                             " 1", "1 ", "1,5", "1234567890123456", "0.00000000001", "-"}) {
        EXPECT_FALSE(lossless_number(text).has_value()) << text;
    }
}

TEST(OoxmlEscapes, DecodeAndProtectAreInverse) {
    using detail::decode_ooxml_escapes;
    using detail::protect_ooxml_escapes;
    EXPECT_EQ(decode_ooxml_escapes("a_x000D_b"), "a\rb");
    EXPECT_EQ(decode_ooxml_escapes("_x005F_x0041_"), "_x0041_");
    EXPECT_EQ(decode_ooxml_escapes("_x00e9_"), "é");
    EXPECT_EQ(decode_ooxml_escapes("_xZZZZ_ and _x12_"), "_xZZZZ_ and _x12_");
    EXPECT_EQ(protect_ooxml_escapes("_x0041_"), "_x005F_x0041_");
    for (std::string text : {"_x0041_", "__x0041__", "_x_x0041_", "plain", "_x00", "a_x000D_"})
        EXPECT_EQ(decode_ooxml_escapes(protect_ooxml_escapes(text)), text) << text;
}
