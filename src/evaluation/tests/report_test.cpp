// Reports are read back from the outside: poppler's pdfinfo, pdftotext and pdftoppm read the
// PDF, cairo reads the PNG pages and the board figure, the XLSX reader reads the export.
#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "core/tests/command_output.hpp"
#include "evaluation/board_figure.hpp"
#include "evaluation/routes.hpp"
#include "io/table_reader.hpp"
#include "service_fixture.hpp"

using namespace maillage;
using namespace maillage::evaluation;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) {
    return maillage::testing::command_output(command);
}

struct Image {
    cairo_surface_t* surface = nullptr;
    int width = 0, height = 0, stride = 0;
    const unsigned char* data = nullptr;
    explicit Image(const std::string& png) {
        surface = cairo_image_surface_create_from_png(png.c_str());
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return;
        width = cairo_image_surface_get_width(surface);
        height = cairo_image_surface_get_height(surface);
        stride = cairo_image_surface_get_stride(surface);
        data = cairo_image_surface_get_data(surface);
    }
    ~Image() { cairo_surface_destroy(surface); }
    // r, g, b of a pixel (the surface is BGRA).
    std::array<int, 3> at(int x, int y) const {
        const unsigned char* p = data + y * stride + x * 4;
        return {p[2], p[1], p[0]};
    }
};

bool is_cursor(std::array<int, 3> c) {
    return std::abs(c[0] - int(kCursorRgb[0] * 255)) < 25 &&
           std::abs(c[1] - int(kCursorRgb[1] * 255)) < 25 &&
           std::abs(c[2] - int(kCursorRgb[2] * 255)) < 25;
}
bool is_rule(std::array<int, 3> c) {  // the axis line's light grey
    return c[0] > 185 && c[0] < 225 && std::abs(c[0] - c[2]) < 12;
}
bool is_dark(std::array<int, 3> c) {
    return c[0] < 60 && c[1] < 60 && c[2] < 60;
}

class ReportTest : public maillage::evaluation::testing::ServiceTest {
  protected:
    void SetUp() override {
        ServiceTest::SetUp();
        if (!app_) return;
        dir_ = fs::temp_directory_path() /
               ("maillage-eval-report-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        if (run("command -v pdftoppm").empty()) FAIL() << "poppler-utils are needed";
    }
    void TearDown() override {
        if (!std::getenv("KEEP_REPORTS")) fs::remove_all(dir_);
    }

    std::string write(const std::string& name, const std::string& bytes) {
        std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    // A previous session and this one, with arguments, black balls and a withdrawn argument.
    std::pair<std::int64_t, std::int64_t> two_sessions() {
        auto before_in = board_input(3);
        before_in.held_on = "2024-03-01";
        auto before = service().create_assessment(pole_, user_, before_in);
        auto p0 = before.participant_list[0].id;
        service().add_argument(pole_, user_, before.id, argument("ECO-1", p0, +1, 1));
        auto now = service().create_assessment(pole_, user_, board_input(3));
        auto p = now.participant_list;
        service().add_argument(pole_, user_, now.id,
                               argument("ECO-1", p[0].id, +1, 3, "Dix emplois créés"));
        service().add_argument(pole_, user_, now.id,
                               argument("ECO-1", p[1].id, +1, 1, "Et non délocalisables"));
        service().add_argument(pole_, user_, now.id,
                               argument("ENV-8", p[2].id, -1, 2, "Trajets en voiture"));
        auto withdrawn = service().add_argument(pole_, user_, now.id,
                                                argument("GOV-1", p[0].id, +1, 5, "Retiré"));
        service().withdraw_argument(pole_, user_, now.id, withdrawn.log.back().id, true);
        service().save_answers(pole_, user_, now.id,
                               {{"ENV-8", {}, true, {}, {}}, {"SOC-1", {}, {}, true, {}}});
        return {before.id, now.id};
    }

    std::vector<std::string> pages_png(const std::string& pdf, int dpi) {
        run("pdftoppm -r " + std::to_string(dpi) + " -png '" + pdf + "' '" +
            (dir_ / "page").string() + "'");
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(dir_))
            if (e.path().extension() == ".png") out.push_back(e.path().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path dir_;
};

}  // namespace

TEST_P(ReportTest, TheBoardReportHasAPagePerPillarAndNoBlankPage) {
    auto [before, now] = two_sessions();
    auto report = assessment_report(service(), pole_, now, "pdf", "fr");
    EXPECT_EQ(report.content_type, "application/pdf");
    auto pdf = write("board.pdf", report.bytes);
    std::smatch m;
    std::string info = run("pdfinfo '" + pdf + "'");
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)"))) << info;
    // The opening page, one page per pillar (4), then the log and the comparison.
    EXPECT_EQ(std::stoi(m[1]), 1 + 4 + 1);
    auto pages = pages_png(pdf, 50);
    ASSERT_EQ(pages.size(), 6u);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Image page(pages[i]);
        long ink = 0, cursor = 0;
        for (int y = 0; y < page.height; ++y)
            for (int x = 0; x < page.width; ++x) {
                auto c = page.at(x, y);
                ink += c[0] < 230 || c[1] < 230 || c[2] < 230;
                cursor += is_cursor(c);
            }
        EXPECT_GT(ink, 300) << "page " << i + 1 << " is blank";
        // ECO-1 and ENV-8 were argued: their pages show a full-colour cursor.
        if (i == 1 || i == 3) {
            EXPECT_GT(cursor, 20) << "no cursor drawn on pillar page " << i + 1;
        }
    }
    std::string text = run("pdftotext '" + pdf + "' -");
    for (const char* expected : {"L'économie plurielle", "Une gouvernance participative",
                                 "Dix emplois créés", "Journal des arguments", "(retiré)",
                                 "Comparaison avec la séance du 2024-03-01", "Participant 3"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    EXPECT_EQ(text.find("score :"), std::string::npos);
}

TEST_P(ReportTest, TheBoardFigurePutsEachCursorWhereTheLogLeftIt) {
    auto [before, now] = two_sessions();
    auto a = service().assessment(pole_, now);
    auto prev = service().assessment(pole_, before);
    // The environment pillar: ENV-8 at −2 with a black ball, the others at 0 (not argued).
    const Section& env = a.grid->sections[2];
    auto figure =
        board_figure({a.grid.get(), &env, &a.board.positions, &a.answers, &prev.answers, "fr"});
    const double scale = 2;
    auto png = write("env.png", report::figure_png(figure, scale));
    Image image(png);
    ASSERT_GT(image.width, 0);
    // Find the full-colour cursor: only ENV-8 was argued, the others are pale.
    double sx = 0, sy = 0;
    long n = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (is_cursor(image.at(x, y))) sx += x, sy += y, ++n;
    ASSERT_GT(n, 30);
    int cy = int(std::lround(sy / double(n)));
    double cx = sx / double(n);
    // The axis ends on the cursor's line: the widest run of light-grey pixels, the cursor
    // (about 22 px wide) being the only gap allowed in it.
    std::vector<int> grey;
    for (int x = 0; x < image.width; ++x)
        if (is_rule(image.at(x, cy))) grey.push_back(x);
    int left = -1, right = -1;
    for (std::size_t i = 0, start = 0; i < grey.size(); ++i) {
        if (i + 1 < grey.size() && grey[i + 1] - grey[i] <= int(14 * scale)) continue;
        if (grey[i] - grey[start] > right - left) left = grey[start], right = grey[i];
        start = i + 1;
    }
    ASSERT_GT(right - left, 200);
    // −2 on [−5, 5] lies at 3/10 of the axis.
    EXPECT_NEAR((cx - left) / double(right - left), 0.3, 0.02);
    // The black ball, left of the labels, on that row and on no other.
    long ball = 0, elsewhere = 0;
    for (int y = int(40 * scale); y < image.height; ++y)  // below the pillar's title
        for (int x = 0; x < int(18 * scale); ++x)
            if (is_dark(image.at(x, y))) (std::abs(y - cy) < 12 ? ball : elsewhere)++;
    EXPECT_GT(ball, 40);
    EXPECT_EQ(elsewhere, 0);
}

TEST_P(ReportTest, TheHtmlReportIsSelfContainedWithTheBoardAsSvg) {
    auto [before, now] = two_sessions();
    auto html = assessment_report(service(), pole_, now, "html", "it").bytes;
    EXPECT_NE(html.find("<html lang=\"it\""), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    std::size_t svgs = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
        ++svgs;
    EXPECT_EQ(svgs, 4u);  // the four pillars
    EXPECT_NE(html.find("ECO-1 4"),
              std::string::npos);  // each cursor's value in the text alternative
    EXPECT_NE(html.find("Registro degli argomenti"), std::string::npos);
    EXPECT_NE(html.find("Traduzione di lavoro"), std::string::npos);  // marked as a translation
}

TEST_P(ReportTest, TheXlsxExportHoldsEveryAnswerAndArgument) {
    auto [before, now] = two_sessions();
    auto xlsx = assessment_report(service(), pole_, now, "xlsx", "fr");
    auto reader = io::open_table(write("data.xlsx", xlsx.bytes));
    EXPECT_EQ(reader->header()[0], "record");
    io::TableRow row;
    int answers = 0, arguments = 0;
    std::vector<std::string> eco1;
    while (reader->next(row)) {
        if (row.cells[0] == "answer") ++answers;
        if (row.cells[0].rfind("argument", 0) == 0) ++arguments;
        if (row.cells[0] == "answer" && row.cells[2] == "ECO-1") eco1 = row.cells;
    }
    EXPECT_EQ(answers, 45);
    EXPECT_EQ(arguments, 4);
    ASSERT_FALSE(eco1.empty());
    EXPECT_EQ(eco1[5], "4");  // 3 + 1
}

TEST_P(ReportTest, TheCampaignReportRendersItsStepsAndResults) {
    CampaignInput in;
    in.subject = {"actor", actors_[0], ""};
    in.year = 2025;
    auto k = service().create_campaign(pole_, user_, in);
    service().save_campaign_step(
        pole_, user_, k.id, "demand",
        {{"requester", "Le conseil d'administration"}, {"origin", "internal"}}, true);
    service().save_answers(
        pole_, user_, k.assessment_id,
        {{"iae.exits.cdi", Json(6), {}, {}, {}}, {"iae.exits.training", Json(4), {}, {}, {}}});
    auto pdf = write("campaign.pdf", campaign_report(service(), pole_, k.id, "pdf", "fr").bytes);
    auto pages = pages_png(pdf, 20);
    ASSERT_GE(pages.size(), 2u);  // the set-up, then the results from a new page
    for (const auto& p : pages) {
        Image page(p);
        long ink = 0;
        for (int y = 0; y < page.height; ++y)
            for (int x = 0; x < page.width; ++x) ink += page.at(x, y)[0] < 230;
        EXPECT_GT(ink, 100) << p;
    }
    std::string text = run("pdftotext '" + pdf + "' -");
    for (const char* expected :
         {"Utilité sociale 2025 — Insertion A", "Le conseil d'administration", "Sorties par type",
          "l'ancrage des activités et des emplois"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    EXPECT_EQ(error_of([&] { campaign_report(service(), pole_, k.id, "docx", "fr"); }),
              "invalid_input");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReportTest, ::testing::Values(std::string("sqlite")));
