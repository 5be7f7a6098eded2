#pragma once
// Progress of long command-line jobs on stderr.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/progress.hpp"

namespace maillage::io {

// On a terminal, a bar redrawn in place at most ten times a second:
//   Importing actors  [#########-----------]  45%  45000/100000  1.2 s
// (without the bar and percentage when the total is unknown). Elsewhere (a log file, a pipe)
// nothing is drawn; each stage ends with one line: "Importing actors: 100000 done in 1.2 s".
// A stage ends when the next one starts or at finish().
class TerminalProgress final : public Progress {
  public:
    // Writes to stderr, drawing the bar when stderr is a terminal.
    TerminalProgress();
    // Writes to `out`, drawing the bar when `is_terminal` (for tests).
    TerminalProgress(std::FILE* out, bool is_terminal);
    // Ends the last stage; when leaving because of an exception only ends the bar's line, as
    // the stage did not complete.
    ~TerminalProgress() override;
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    void update(std::string_view stage, std::size_t done, std::size_t total) override;
    // Ends the current stage and its line. Idempotent.
    void finish();

  private:
    using Clock = std::chrono::steady_clock;
    void end_stage(bool completed);
    void draw();
    double elapsed_seconds() const;

    std::FILE* out_;
    bool terminal_;
    int uncaught_exceptions_at_start_;
    std::mutex mutex_;
    bool in_stage_ = false;
    std::string stage_;
    std::size_t done_ = 0;
    std::size_t total_ = 0;
    Clock::time_point stage_start_;
    Clock::time_point last_draw_;
    std::size_t last_drawn_done_ = 0;
};

}  // namespace maillage::io
