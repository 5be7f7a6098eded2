#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "test_support.hpp"

using namespace maillage;
using namespace maillage::io;
using namespace maillage::io::testing;
using Cells = std::vector<std::string>;

namespace {

// A workbook written by libxlsxwriter in its default mode, which stores text as shared
// strings, with a gap, numbers, a boolean, a date, a formula and a second sheet.
std::string write_fixture(const std::string& path) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Acteurs");
    lxw_worksheet* other = workbook_add_worksheet(workbook, "Autre");
    lxw_format* date_format = workbook_add_format(workbook);
    format_set_num_format(date_format, "yyyy-mm-dd");

    const char* header[] = {"Nom",      " Commune ", "Effectif", "Ratio",
                            "Adhérent", "Créé le",   "Total"};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);

    worksheet_write_string(sheet, 1, 0, "Scic Tarnos", nullptr);
    // B2 left empty: the gap.
    worksheet_write_number(sheet, 1, 2, 42, nullptr);
    worksheet_write_number(sheet, 1, 3, 3.5, nullptr);
    worksheet_write_boolean(sheet, 1, 4, 1, nullptr);
    lxw_datetime date = {2024, 1, 15, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 5, &date, date_format);
    worksheet_write_formula_num(sheet, 1, 6, "=C2*2", nullptr, 84);

    // Row 3 is empty; row 4 has only a late cell and a multi-line text.
    worksheet_write_string(sheet, 3, 1, "Ondres", nullptr);
    worksheet_write_string(sheet, 3, 0, "ligne 1\r\nligne 2", nullptr);
    worksheet_write_number(sheet, 3, 3, 0.1, nullptr);
    worksheet_write_number(sheet, 3, 2, -1234567.25, nullptr);

    // Row 5 has a value beyond the header.
    worksheet_write_string(sheet, 4, 0, "Trop large", nullptr);
    worksheet_write_string(sheet, 4, 8, "égaré", nullptr);

    worksheet_write_string(other, 0, 0, "not read", nullptr);
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("fixture not written");
    return path;
}

const std::string content_types =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";

std::string sheet_xml(const std::string& rows) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
           R"(<sheetData>)" +
           rows + "</sheetData></worksheet>";
}

}  // namespace

TEST(XlsxReader, ReadsSharedStringsGapsNumbersBooleansDatesAndFormulas) {
    ScratchDir dir;
    auto reader = open_table(write_fixture(dir.file("acteurs.XLSX")));
    EXPECT_EQ(reader->header(),
              (Cells{"nom", "commune", "effectif", "ratio", "adhérent", "créé le", "total"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 3u);

    EXPECT_EQ(rows[0].line, 2);
    // 45306 is 2024-01-15 counted in days from 1899-12-30: dates stay numbers.
    EXPECT_EQ(rows[0].cells, (Cells{"Scic Tarnos", "", "42", "3.5", "TRUE", "45306", "84"}));
    EXPECT_EQ(rows[0].problem, "");

    EXPECT_EQ(rows[1].line, 4);
    EXPECT_EQ(rows[1].cells,
              (Cells{"ligne 1\r\nligne 2", "Ondres", "-1234567.25", "0.1", "", "", ""}));
    EXPECT_EQ(rows[1].problem, "");

    EXPECT_EQ(rows[2].line, 5);
    EXPECT_EQ(rows[2].cells.size(), 7u);
    EXPECT_EQ(rows[2].problem, "has a value in column I, beyond the header's 7 columns");

    EXPECT_EQ(reader->bytes_read(), reader->total_bytes());
    EXPECT_GT(reader->total_bytes(), 0u);
}

TEST(XlsxReader, ReadsFromBytesAndThroughContentTypeDispatch) {
    ScratchDir dir;
    std::string bytes = read_file(write_fixture(dir.file("a.xlsx")));
    auto reader = open_xlsx_bytes(bytes, "upload.xlsx");
    EXPECT_EQ(read_all(*reader).size(), 3u);
    reader = open_table_bytes(bytes, "upload", "application/octet-stream");
    EXPECT_EQ(reader->header().front(), "nom");
    reader = open_table_bytes(bytes, "upload",
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(read_all(*reader).front().cells.front(), "Scic Tarnos");
}

TEST(XlsxReader, HandMadeSheetWithInlineStringsAndNoReferences) {
    // No workbook.xml: the reader falls back to xl/worksheets/sheet1.xml. Cells and rows
    // without "r" attributes follow each other; rich text runs are joined, phonetic guides
    // dropped; "_xHHHH_" escapes are decoded.
    std::string rows =
        R"(<row><c t="inlineStr"><is><t>Name</t></is></c>)"
        R"(<c t="inlineStr"><is><t>Value</t></is></c>)"
        R"(<c t="inlineStr"><is><t>Kind</t></is></c></row>)"
        R"(<row><c t="inlineStr"><is><r><t>Bold</t></r><r><t xml:space="preserve"> part</t></r>)"
        R"(<rPh><t>ignored</t></rPh></is></c><c><v>1.0E-3</v></c><c t="b"><v>0</v></c></row>)"
        R"(<row r="7"><c r="B7"><v>12.50</v></c>)"
        R"(<c t="str"><f>A1</f><v>text_x000D_result</v></c></row>)"
        R"(<row><c t="e"><v>#N/A</v></c><c><v>100.0</v></c>)"
        R"(<c t="inlineStr"><is><t>_x005F_x0041_</t></is></c></row>)"
        R"(<row><c><v>1.2345678901234E+20</v></c><c t="n"><v>123456789012345</v></c></row>)";
    std::string bytes = make_zip(
        {{"[Content_Types].xml", content_types}, {"xl/worksheets/sheet1.xml", sheet_xml(rows)}});
    auto reader = open_xlsx_bytes(bytes, "hand.xlsx");
    EXPECT_EQ(reader->header(), (Cells{"name", "value", "kind"}));
    auto read = read_all(*reader);
    ASSERT_EQ(read.size(), 4u);
    EXPECT_EQ(read[0].line, 2);
    EXPECT_EQ(read[0].cells, (Cells{"Bold part", "0.001", "FALSE"}));
    EXPECT_EQ(read[1].line, 7);
    EXPECT_EQ(read[1].cells, (Cells{"", "12.5", "text\rresult"}));
    EXPECT_EQ(read[2].line, 8);
    EXPECT_EQ(read[2].cells, (Cells{"#N/A", "100", "_x0041_"}));
    EXPECT_EQ(read[3].cells, (Cells{"1.2345678901234e+20", "123456789012345", ""}));
}

TEST(XlsxReader, FirstVisibleSheetIsFoundThroughTheWorkbook) {
    std::string workbook =
        R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
        R"(<sheets><sheet name="Hidden lookup" sheetId="3" state="hidden" rel:id="rId1"/>)"
        R"(<sheet name="Shown first" sheetId="2" rel:id="rId7"/>)"
        R"(<sheet name="Shown second" sheetId="1" rel:id="rId1"/></sheets></workbook>)";
    auto relationship = [](std::string id, std::string type, std::string target) {
        return "<Relationship Id=\"" + id +
               "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
               type + "\" Target=\"" + target + "\"/>";
    };
    std::string relationships =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
        relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
        relationship("rId7", "worksheet", "/xl/worksheets/data.xml") +
        relationship("rId9", "sharedStrings", "strings.xml") + "</Relationships>";
    std::string strings =
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<si><t>Column</t></si><si><t>from the tab shown first</t></si></sst>)";
    std::string bytes = make_zip(
        {{"[Content_Types].xml", content_types},
         {"xl/workbook.xml", workbook},
         {"xl/_rels/workbook.xml.rels", relationships},
         {"xl/strings.xml", strings},
         {"xl/worksheets/sheet1.xml", sheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")},
         {"xl/worksheets/data.xml",
          sheet_xml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                    R"(<row r="2"><c r="A2" t="s"><v>1</v></c></row>)")}});
    auto reader = open_xlsx_bytes(bytes, "order.xlsx");
    EXPECT_EQ(reader->header(), (Cells{"column"}));
    auto rows = read_all(*reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"from the tab shown first"}));
}

TEST(XlsxReader, RefusesAZipBomb) {
    // 2 MiB of spaces inside a valid sheet compress to a few KiB; with a 1 MiB limit the
    // reader refuses before inflating it.
    std::string padding(2 * 1024 * 1024, ' ');
    std::string bytes =
        make_zip({{"xl/worksheets/sheet1.xml",
                   sheet_xml(R"(<row><c t="inlineStr"><is><t>a</t></is></c></row>)" + padding)}});
    EXPECT_LT(bytes.size(), 100u * 1024);
    try {
        open_xlsx_bytes(bytes, "bomb.xlsx", 1024 * 1024);
        FAIL() << "expected the archive to be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::payload_too_large);
        EXPECT_NE(std::string(e.what()).find("bomb.xlsx"), std::string::npos);
    }
    // Within the limit the same file is read.
    EXPECT_EQ(open_xlsx_bytes(bytes, "ok.xlsx", 4 * 1024 * 1024)->header(), (Cells{"a"}));
}

TEST(XlsxReader, CorruptFilesAreRefusedWithAReason) {
    EXPECT_THROW(open_xlsx_bytes("not a zip", "x.xlsx"), Error);
    auto no_sheet = make_zip({{"[Content_Types].xml", content_types}});
    try {
        open_xlsx_bytes(no_sheet, "x.xlsx");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input);
        EXPECT_NE(std::string(e.what()).find("no worksheet"), std::string::npos);
    }
    auto bad_xml = make_zip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"}});
    EXPECT_THROW(open_xlsx_bytes(bad_xml, "x.xlsx"), Error);
    auto missing_string =
        make_zip({{"xl/worksheets/sheet1.xml", sheet_xml(R"(<row><c t="s"><v>3</v></c></row>)")}});
    try {
        open_xlsx_bytes(missing_string, "x.xlsx");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("A1 refers to a missing shared string"),
                  std::string::npos)
            << e.what();
    }
    auto huge_column = make_zip(
        {{"xl/worksheets/sheet1.xml", sheet_xml(R"(<row><c r="ZZZZZ1"><v>1</v></c></row>)")}});
    EXPECT_THROW(open_xlsx_bytes(huge_column, "x.xlsx"), Error);
    auto empty = make_zip({{"xl/worksheets/sheet1.xml", sheet_xml("")}});
    EXPECT_THROW(open_xlsx_bytes(empty, "x.xlsx"), Error);
}
