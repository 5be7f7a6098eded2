#pragma once
// A project's actual path, rebuilt from its transition log: the stays in each step (with
// the pauses inside them), to draw beside the planned schedule. Pure functions.
#include <optional>
#include <string>
#include <vector>

#include "pathways/dates.hpp"
#include "pathways/model.hpp"

namespace maillage::pathways {

struct Stay {
    std::string step;
    std::string start;
    std::optional<std::string> end;  // open for the current step
    std::int64_t days = 0;           // to `end`, or to today (or the closing day) when open
};

// Stays in log order. A stay ends when a transition leaves its step (advance, rework); pauses
// and resumptions stay inside it. A closed pathway's last stay ends on its closing day.
std::vector<Stay> actual_stays(const std::vector<TransitionRecord>& log, Date today);

}  // namespace maillage::pathways
