#pragma once
// The pathway state machine: which moves a project may make, given its template, its state
// and the deliverables it has done. Pure functions; an illegal move is a conflict Error that
// says what was asked, why it is refused and what is allowed instead.
#include <set>
#include <string>
#include <vector>

#include "pathways/pathway_template.hpp"

namespace maillage::pathways {

enum class Status { active, paused, abandoned, completed };

std::string to_string(Status status);
std::optional<Status> status_from(const std::string& text);

struct PathwayState {
    std::string step;
    Status status = Status::active;
};

struct TransitionRequest {
    Action action = Action::advance;
    std::string to;  // advance (optional when only one step follows) and rework
    std::string note;
};

struct Move {
    std::string step;  // the step after the move
    Status status = Status::active;
    const Transition* rule = nullptr;
};

// A move the project could make now, for the user interface.
struct AvailableMove {
    Action action = Action::advance;
    std::string to;
    bool note_required = false;
    std::vector<std::string> missing_deliverables;  // empty when the move is open
};

// Required deliverables of `step` not in `done`, in template order.
std::vector<std::string> missing_deliverables(const Step& step, const std::set<std::string>& done);

// The moves the template allows from `state` (including those blocked by deliverables).
std::vector<AvailableMove> available_moves(const PathwayTemplate& t, const PathwayState& state,
                                           const std::set<std::string>& done);

// The move `request` makes from `state`, or a conflict Error (field "action", "to", "note"
// or "deliverables") when the template does not allow it or a guard is not met.
Move decide(const PathwayTemplate& t, const PathwayState& state, const TransitionRequest& request,
            const std::set<std::string>& done);

}  // namespace maillage::pathways
