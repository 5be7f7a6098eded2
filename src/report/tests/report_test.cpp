// Reports are checked from the outside: poppler's pdfinfo, pdftotext and pdftoppm read the
// PDF we write, and cairo reads back the PNG pages they produce.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "core/error.hpp"
#include "core/tests/command_output.hpp"
#include "report/charts.hpp"
#include "report/document.hpp"
#include "report/draw.hpp"

using namespace maillage;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) {
    return maillage::testing::command_output(command);
}

class ReportFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("maillage-report-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
        for (const char* tool : {"pdftoppm", "pdftotext", "pdfinfo"})
            if (run(std::string("command -v ") + tool).empty())
                FAIL() << "poppler-utils (pdftoppm, pdftotext, pdfinfo) are needed: "
                          "scripts/install-deps.sh --test";
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& bytes) {
        std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    int pages_of(const std::string& pdf) {
        std::smatch m;
        std::string info = run("pdfinfo '" + pdf + "'");
        return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
    }

    // Non-white pixels of each PNG page pdftoppm renders at 40 dpi.
    std::vector<long> ink_per_page(const std::string& pdf) {
        run("pdftoppm -r 40 -png '" + pdf + "' '" + (dir_ / "page").string() + "'");
        std::vector<fs::path> pngs;
        for (const auto& e : fs::directory_iterator(dir_))
            if (e.path().extension() == ".png") pngs.push_back(e.path());
        std::sort(pngs.begin(), pngs.end());
        std::vector<long> ink;
        for (const auto& png : pngs)
            ink.push_back(count_pixels(
                png.string(), [](int r, int g, int b) { return r < 230 || g < 230 || b < 230; }));
        return ink;
    }

    template <class Predicate>
    static long count_pixels(const std::string& png, Predicate wanted) {
        cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
        long count = 0;
        if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
            const unsigned char* data = cairo_image_surface_get_data(image);
            int stride = cairo_image_surface_get_stride(image);
            for (int y = 0; y < cairo_image_surface_get_height(image); ++y)
                for (int x = 0; x < cairo_image_surface_get_width(image); ++x) {
                    const unsigned char* p = data + y * stride + x * 4;  // BGRA
                    if (wanted(p[2], p[1], p[0])) ++count;
                }
        }
        cairo_surface_destroy(image);
        return count;
    }

    fs::path dir_;
};

report::Figure red_square() {
    return {100, 50,
            [](cairo_t* cr) {
                cairo_set_source_rgb(cr, 1, 0, 0);
                cairo_rectangle(cr, 25, 0, 50, 50);
                cairo_fill(cr);
            },
            "a red square", "Figure 1 — carré rouge"};
}

report::Document long_document() {
    report::Document doc("Appel à projets — Coopératives de communauté", "fr");
    doc.subtitle("Sardegna · Città metropolitana di Cagliari")
        .footer("Maillage — document de travail");
    doc.heading(1, "Besoins prioritaires")
        .paragraph("Épicerie de proximité, mobilité, soins aux aînés.");
    doc.bullets({"Services de proximité", "Mobilità sostenibile"});
    report::Table table{{"Commune", "Besoin", "Effectif"}, {}, "Besoins par commune", {2}};
    for (int i = 0; i < 150; ++i)
        table.rows.push_back({"Commune n° " + std::to_string(i),
                              "Épicerie solidaire et café associatif", std::to_string(i * 7)});
    doc.table(table).figure(red_square()).heading(2, "Conclusion").paragraph("Fin du document.");
    return doc;
}

}  // namespace

TEST_F(ReportFiles, APdfSpansPagesWithHeadersRepeatedAndNumberedPages) {
    auto pdf = write("long.pdf", report::render_pdf(long_document()));
    int pages = pages_of(pdf);
    ASSERT_GE(pages, 3) << "150 table rows do not fit on two A4 pages";
    std::string text = run("pdftotext -layout '" + pdf + "' -");
    // The table's header row is drawn again at the top of each page the table crosses.
    std::size_t headers = 0;
    for (std::size_t at = text.find("Effectif"); at != std::string::npos;
         at = text.find("Effectif", at + 1))
        ++headers;
    EXPECT_GE(headers, std::size_t(pages - 1));
    for (int p = 1; p <= pages; ++p)
        EXPECT_TRUE(std::regex_search(text, std::regex("\\b" + std::to_string(p) + "\\s*/\\s*" +
                                                       std::to_string(pages) + "\\b")))
            << "page number " << p;
    for (const char* expected : {"Coopératives de", "Città metropolitana", "Commune n° 149",
                                 "Mobilità sostenibile", "Fin du document.", "1043"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST_F(ReportFiles, EveryPageRendersWithInkAndTheFigureIsDrawnInRed) {
    auto pdf = write("long.pdf", report::render_pdf(long_document()));
    auto ink = ink_per_page(pdf);
    ASSERT_EQ(int(ink.size()), pages_of(pdf));
    for (std::size_t i = 0; i < ink.size(); ++i) EXPECT_GT(ink[i], 500) << "blank page " << i + 1;
    long red = 0;
    for (const auto& e : fs::directory_iterator(dir_))
        if (e.path().extension() == ".png")
            red += count_pixels(e.path().string(),
                                [](int r, int g, int b) { return r > 200 && g < 60 && b < 60; });
    // 50 × 50 pt at 40 dpi is about 28 × 28 px.
    EXPECT_GT(red, 500);
    EXPECT_LT(red, 1200);
}

TEST_F(ReportFiles, AFigureAloneBecomesAPngOfItsSize) {
    auto png = write("figure.png", report::figure_png(red_square(), 2.0));
    cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
    ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(cairo_image_surface_get_width(image), 200);
    EXPECT_EQ(cairo_image_surface_get_height(image), 100);
    cairo_surface_destroy(image);
    long red = count_pixels(png, [](int r, int g, int b) { return r > 200 && g < 60 && b < 60; });
    EXPECT_NEAR(red, 100 * 100, 300);  // the 50 × 50 pt square at 2 px per point
}

TEST(ReportHtml, EscapesTextAndGivesEachInlineFigureItsOwnIds) {
    report::Document doc("Bilan <2026> & suite", "it");
    doc.paragraph("<script>alert(1)</script>").figure(red_square()).figure(red_square());
    doc.table({{"A", "B"}, {{"1", "x & y"}}, "Tableau", {0}});
    std::string html = report::render_html(doc);
    EXPECT_NE(html.find("<html lang=\"it\">"), std::string::npos);
    EXPECT_NE(html.find("Bilan &lt;2026&gt; &amp; suite"), std::string::npos);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"col\">A</th>"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"num\">1</td><td>x &amp; y</td>"), std::string::npos);
    EXPECT_NE(html.find("aria-label=\"a red square\""), std::string::npos);
    std::regex id("id=\"([^\"]+)\"");
    std::multiset<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
         ++it)
        ids.insert((*it)[1]);
    for (const auto& i : ids) EXPECT_EQ(ids.count(i), 1u) << "duplicate id " << i;
    std::regex ref("(?:href=\"#|url\\(#)([^\")]+)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), ref);
         it != std::sregex_iterator(); ++it)
        EXPECT_EQ(ids.count((*it)[1]), 1u) << "dangling reference " << (*it)[1];
}

TEST(ReportCharts, ARadarSeriesAtTheMaximumReachesTheOuterRingOnEveryAxis) {
    report::RadarChart chart{{"Économie", "Social", "Environnement", "Gouvernance"},
                             {{"2026", {5, 5, 5, 5}}},
                             0,
                             5,
                             4,
                             200};
    auto figure = report::radar_chart(chart, "radar");
    // Draw it and read back the pixel at the top vertex (centre + radius up) and the centre.
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(figure.width_pt), int(figure.height_pt));
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    figure.draw(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    auto pixel = [&](int x, int y) {
        const unsigned char* p = cairo_image_surface_get_data(surface) +
                                 y * cairo_image_surface_get_stride(surface) + x * 4;
        return report::Rgb{p[2] / 255.0, p[1] / 255.0, p[0] / 255.0};
    };
    const double cx = figure.width_pt / 2, cy = 100, radius = 200 * 0.38;
    auto near_series_colour = [](report::Rgb c) {
        report::Rgb want = report::palette(0);
        return std::abs(c.r - want.r) < 0.2 && std::abs(c.g - want.g) < 0.2 &&
               std::abs(c.b - want.b) < 0.2;
    };
    auto stroked_near = [&](double x, double y) {
        for (int dx = -2; dx <= 2; ++dx)
            for (int dy = -2; dy <= 2; ++dy)
                if (near_series_colour(pixel(int(x) + dx, int(y) + dy))) return true;
        return false;
    };
    EXPECT_TRUE(stroked_near(cx, cy - radius)) << "top vertex";
    EXPECT_TRUE(stroked_near(cx + radius, cy)) << "right vertex";
    EXPECT_TRUE(stroked_near(cx, cy + radius)) << "bottom vertex";
    EXPECT_FALSE(stroked_near(cx, cy - radius * 0.6)) << "nothing stroked half-way up the axis";
    // Inside the polygon the fill is the series colour, lightened.
    auto inside = pixel(int(cx + radius / 3), int(cy + radius / 3));
    EXPECT_GT(inside.r, 0.7);
    EXPECT_LT(inside.r, 0.95);
    cairo_surface_destroy(surface);
}

TEST(ReportCharts, MalformedChartsAndTablesAreRefused) {
    EXPECT_THROW(report::radar_chart({{"a", "b"}, {}, 0, 1}, "x"), Error);
    EXPECT_THROW(report::radar_chart({{"a", "b", "c"}, {{"s", {1, 2}}}, 0, 1}, "x"), Error);
    EXPECT_THROW(report::radar_chart({{"a", "b", "c"}, {}, 1, 1}, "x"), Error);
    EXPECT_THROW(report::bar_chart({{"a"}, {1, 2}}, "x"), Error);
    report::Document doc("t");
    EXPECT_THROW(doc.table({{"a", "b"}, {{"only one"}}}), Error);
    EXPECT_THROW(doc.heading(4, "too deep"), Error);
    EXPECT_THROW(doc.figure({0, 10, [](cairo_t*) {}, "", ""}), Error);
}
