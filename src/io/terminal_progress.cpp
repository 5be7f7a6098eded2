#include "io/terminal_progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <exception>

namespace maillage::io {
namespace {

constexpr std::size_t bar_width = 20;
constexpr auto redraw_interval = std::chrono::milliseconds(100);
// Moves back to the start of the line and, after the text, erases what a longer previous
// drawing left.
constexpr const char* line_start = "\r";
constexpr const char* erase_rest_of_line = "\033[K";

}  // namespace

TerminalProgress::TerminalProgress() : TerminalProgress(stderr, isatty(fileno(stderr)) != 0) {}

TerminalProgress::TerminalProgress(std::FILE* out, bool is_terminal)
    : out_(out),
      terminal_(is_terminal),
      uncaught_exceptions_at_start_(std::uncaught_exceptions()) {}

TerminalProgress::~TerminalProgress() {
    std::lock_guard lock(mutex_);
    end_stage(std::uncaught_exceptions() <= uncaught_exceptions_at_start_);
}

void TerminalProgress::update(std::string_view stage, std::size_t done, std::size_t total) {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    if (!in_stage_ || stage != stage_) {
        end_stage(true);
        in_stage_ = true;
        stage_ = std::string(stage);
        stage_start_ = now;
        last_draw_ = Clock::time_point{};
        last_drawn_done_ = 0;
    }
    done_ = done;
    total_ = total;
    if (!terminal_) return;
    // The moment a stage completes is always shown; otherwise the rate limit applies.
    bool completes = total != 0 && done >= total && last_drawn_done_ < total;
    if (completes || now - last_draw_ >= redraw_interval) {
        draw();
        last_draw_ = now;
        last_drawn_done_ = done;
    }
}

void TerminalProgress::finish() {
    std::lock_guard lock(mutex_);
    end_stage(true);
}

void TerminalProgress::end_stage(bool completed) {
    if (!in_stage_) return;
    in_stage_ = false;
    if (terminal_) {
        if (completed) draw();  // the last update may have been skipped by the rate limit
        std::fputs("\n", out_);
    } else if (completed) {
        std::fprintf(out_, "%s: %zu done in %.1f s\n", stage_.c_str(), done_, elapsed_seconds());
    }
    std::fflush(out_);
}

void TerminalProgress::draw() {
    std::string line = line_start + stage_ + "  ";
    if (total_ != 0) {
        std::size_t shown = std::min(done_, total_);
        std::size_t filled = shown * bar_width / total_;
        line += "[" + std::string(filled, '#') + std::string(bar_width - filled, '-') + "] ";
        char percent[8];
        std::snprintf(percent, sizeof percent, "%3zu%%", shown * 100 / total_);
        line += percent;
        line += "  " + std::to_string(done_) + "/" + std::to_string(total_);
    } else {
        line += std::to_string(done_);
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "  %.1f s", elapsed_seconds());
    line += seconds;
    line += erase_rest_of_line;
    std::fputs(line.c_str(), out_);
    std::fflush(out_);
}

double TerminalProgress::elapsed_seconds() const {
    return std::chrono::duration<double>(Clock::now() - stage_start_).count();
}

}  // namespace maillage::io
