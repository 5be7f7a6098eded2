// The call's document, read back from the PDF with poppler (pdftoppm, pdftotext) and from the
// HTML: pages, texts in the call's language, small counts shown as "fewer than N".
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/tests/command_output.hpp"
#include "needs/call_document.hpp"
#include "test_data.hpp"

using namespace maillage::needs;

namespace {

CallDocument sample_call(const std::string& language) {
    CallDocument d;
    d.language = language;
    d.title = language == "it" ? "Avviso: cooperative di comunità del Sulcis"
                               : "Appel à projets : épiceries du Seignanx";
    d.subtitle = "Sous-titre";
    d.context = "Contexte de l'appel.";
    d.objective = "Objet de l'appel.";
    d.eligibility = "Porteurs.";
    d.min_cell_size = 5;
    d.budget = 120000;
    for (int i = 0; i < 40; ++i)
        d.groups.push_back({100 + i,
                            "Épicerie coopérative n° " + std::to_string(i),
                            i == 0 ? 3 : 12,
                            {"R1"},
                            {"food_shop"}});
    d.territories = {{"40312", "Tarnos", 12}, {"40042", "Biarrotte", std::nullopt}};
    d.sectors = {{"section", "G", "Commerce", 14, 0.5, std::nullopt}};
    d.publics = {{"situation", "rsa", "RSA", 9, 0.3, 0.2}};
    d.budget_lines = {{"premises", "Locaux et travaux d'aménagement", 0.6, 72000},
                      {"staff", "Emplois créés", 0.4, 48000}};
    return d;
}

std::string run(const std::string& command) {
    return maillage::testing::command_output(command);
}

}  // namespace

TEST(CallDocument, ThePdfHasPagesWithTheCallsTexts) {
    auto pdf = call_pdf(sample_call("fr"), test_support::taxonomy(), "2026-05-01");
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    auto dir =
        std::filesystem::temp_directory_path() / ("needs-call-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto file = dir / "call.pdf";
    std::ofstream(file, std::ios::binary) << pdf;
    run("pdftoppm -r 30 -png " + file.string() + " " + (dir / "page").string());
    int pages = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        pages += entry.path().extension() == ".png";
    EXPECT_GE(pages, 2);  // forty groups do not fit on one A4 page
    std::string text = run("pdftotext " + file.string() + " -");
    EXPECT_NE(text.find("épiceries du Seignanx"), std::string::npos);
    EXPECT_NE(text.find("Lignes budgétaires suggérées"), std::string::npos);
    EXPECT_NE(text.find("moins de 5"), std::string::npos);  // the group of three
    EXPECT_NE(text.find("groupe n° 100"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(CallDocument, TheHtmlIsInTheCallsLanguageAndEscaped) {
    auto call = sample_call("it");
    call.groups[1].title = "<script>alert(1)</script>";
    auto html = call_html(call, test_support::taxonomy(), "2026-05-01");
    EXPECT_NE(html.find("lang=\"it\""), std::string::npos);
    EXPECT_NE(html.find("Voci di spesa suggerite"), std::string::npos);
    EXPECT_NE(html.find("meno di 5"), std::string::npos);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);  // the budget chart
}
