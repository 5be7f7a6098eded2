#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <string>

#include "io/terminal_progress.hpp"

using maillage::io::TerminalProgress;

namespace {

// Captures what a TerminalProgress writes, through a temporary FILE*.
class Capture {
  public:
    Capture() : file_(std::tmpfile()) {}
    ~Capture() { std::fclose(file_); }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;
    std::FILE* file() { return file_; }
    std::string text() {
        std::fflush(file_);
        std::rewind(file_);
        std::string out;
        int c;
        while ((c = std::fgetc(file_)) != EOF) out.push_back(static_cast<char>(c));
        return out;
    }

  private:
    std::FILE* file_;
};

}  // namespace

TEST(TerminalProgress, OutsideATerminalPrintsOneLinePerStage) {
    Capture capture;
    {
        TerminalProgress progress(capture.file(), false);
        for (std::size_t i = 0; i <= 1000; ++i) progress.update("Importing actors", i, 1000);
        progress.update("Geocoding", 5, 0);
        progress.finish();
        progress.finish();
    }
    std::regex expected(
        "Importing actors: 1000 done in [0-9]+\\.[0-9] s\n"
        "Geocoding: 5 done in [0-9]+\\.[0-9] s\n");
    EXPECT_TRUE(std::regex_match(capture.text(), expected)) << capture.text();
}

TEST(TerminalProgress, OnATerminalDrawsARateLimitedBar) {
    Capture capture;
    {
        TerminalProgress progress(capture.file(), true);
        for (std::size_t i = 0; i <= 100000; ++i) progress.update("Importing actors", i, 100000);
    }  // the destructor ends the stage
    std::string text = capture.text();
    auto redraws = std::count(text.begin(), text.end(), '\r');
    // First drawing, the completion, the final drawing, and a few within the loop's time.
    EXPECT_GE(redraws, 2);
    EXPECT_LE(redraws, 60) << "the bar must not be redrawn on every update";
    EXPECT_NE(text.find("\rImporting actors  [--------------------]   0%  0/100000  "),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Importing actors  [####################] 100%  100000/100000  "),
              std::string::npos);
    EXPECT_TRUE(text.ends_with(" s\033[K\n")) << text;
}

TEST(TerminalProgress, BarShowsPartialProgress) {
    Capture capture;
    {
        TerminalProgress progress(capture.file(), true);
        progress.update("Importing actors", 45000, 100000);
    }
    std::regex expected(
        "\rImporting actors  \\[#########-----------\\]  45%  45000/100000  [0-9.]+ s\033\\[K"
        "\rImporting actors  \\[#########-----------\\]  45%  45000/100000  [0-9.]+ s\033\\[K\n");
    EXPECT_TRUE(std::regex_match(capture.text(), expected)) << capture.text();
}

TEST(TerminalProgress, UnknownTotalShowsACount) {
    Capture capture;
    {
        TerminalProgress progress(capture.file(), true);
        progress.update("Reading", 1234, 0);
        progress.finish();
    }
    EXPECT_NE(capture.text().find("\rReading  1234  "), std::string::npos) << capture.text();
}

TEST(TerminalProgress, InterruptedStageIsNotReportedDone) {
    Capture capture;
    try {
        TerminalProgress progress(capture.file(), false);
        progress.update("Importing actors", 10, 100);
        throw std::runtime_error("bad file");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(capture.text(), "");
}
