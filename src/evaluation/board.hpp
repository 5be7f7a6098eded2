#pragma once
// The sustainable-development cursor board (seed 003, Fiche II-3): « Chaque prise de parole
// génère un argument. Chaque argument provoque le déplacement du curseur [...]. L'amplitude
// du déplacement n'est pas mathématique, elle se discute au sein du groupe. »
//
// So a cursor's position is never entered: it is the result of the argument log, and
// replaying the log reproduces the board at any moment of the session.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "evaluation/grid.hpp"

namespace maillage::evaluation {

struct Argument {
    std::int64_t id = 0;
    std::int64_t seq = 0;  // order in the session, from 1
    std::string item;      // the question's code
    std::int64_t participant_id = 0;
    int direction = +1;       // +1 towards the positive end, -1 towards the negative end
    double displacement = 0;  // the amount the group agreed on, >= 0
    std::string text;
    bool withdrawn = false;  // kept in the log, moves nothing
    std::string created_at;
};

// What one argument did to its cursor.
struct Step {
    double before = 0;
    double after = 0;
    bool clamped = false;  // the cursor stopped at an end of its axis
    bool applied = false;  // false for withdrawn arguments and unknown questions
};

struct Replay {
    std::map<std::string, double> positions;        // every cursor item of the grid
    std::map<std::string, std::int64_t> arguments;  // applied arguments per item
    std::vector<Step> steps;                        // one per argument of the log, in order
};

// Replays `log` (in seq order) from every cursor's neutral point.
//
// Each argument moves its cursor by direction × displacement, and a cursor that reaches an
// end of its axis stops there: the board is a drawn axis, and a cursor pushed against its end
// cannot go further; the next argument the other way moves it back from that end. Clamping
// is therefore applied at every step, not once at the end, and the log records when it
// happened (Step::clamped) so the group sees that an argument hit the end of the axis.
Replay replay(const Grid& grid, const std::vector<Argument>& log);

// Checks an argument before it joins the log; returns the problem or "".
std::string argument_problem(const Grid& grid, const Argument& argument);

}  // namespace maillage::evaluation
