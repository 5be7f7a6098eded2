#include "pathways/state_machine.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace maillage::pathways {

namespace {

bool status_allows(Status status, Action action) {
    switch (status) {
        case Status::active:
            return action != Action::resume;
        case Status::paused:
            return action == Action::resume || action == Action::abandon;
        case Status::abandoned:
        case Status::completed:
            return false;
    }
    return false;
}

bool applies(const Transition& tr, const PathwayState& state) {
    return tr.from == "*" || tr.from == state.step;
}

std::string describe(const AvailableMove& m) {
    std::string text = to_string(m.action);
    if (!m.to.empty()) text += " to " + m.to;
    return text;
}

std::string allowed_list(const PathwayTemplate& t, const PathwayState& state,
                         const std::set<std::string>& done) {
    std::string out;
    for (const auto& m : available_moves(t, state, done))
        out += (out.empty() ? "" : ", ") + describe(m);
    return out.empty() ? "none" : out;
}

Error illegal(const PathwayTemplate& t, const PathwayState& state, const TransitionRequest& r,
              const std::set<std::string>& done, const std::string& field,
              const std::string& reason) {
    std::string asked = to_string(r.action) + (r.to.empty() ? "" : " to '" + r.to + "'");
    return Error(ErrorCode::conflict,
                 "illegal transition: " + asked + " from step '" + state.step + "' (" +
                     to_string(state.status) + ") " + reason +
                     "; allowed from here: " + allowed_list(t, state, done),
                 field);
}

Status status_after(Action action) {
    switch (action) {
        case Action::pause:
            return Status::paused;
        case Action::abandon:
            return Status::abandoned;
        case Action::complete:
            return Status::completed;
        default:
            return Status::active;
    }
}

}  // namespace

std::string to_string(Status status) {
    switch (status) {
        case Status::active:
            return "active";
        case Status::paused:
            return "paused";
        case Status::abandoned:
            return "abandoned";
        case Status::completed:
            return "completed";
    }
    return "active";
}

std::optional<Status> status_from(const std::string& text) {
    for (auto s : {Status::active, Status::paused, Status::abandoned, Status::completed})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

std::vector<std::string> missing_deliverables(const Step& step, const std::set<std::string>& done) {
    std::vector<std::string> missing;
    for (const auto& d : step.deliverables)
        if (d.required && !done.count(d.code)) missing.push_back(d.code);
    return missing;
}

std::vector<AvailableMove> available_moves(const PathwayTemplate& t, const PathwayState& state,
                                           const std::set<std::string>& done) {
    std::vector<AvailableMove> moves;
    const Step* step = t.step(state.step);
    if (!step) return moves;
    for (const auto& tr : t.transitions) {
        if (!applies(tr, state) || !status_allows(state.status, tr.action)) continue;
        AvailableMove m{tr.action, tr.to, tr.requires_note, {}};
        if (tr.requires_deliverables) m.missing_deliverables = missing_deliverables(*step, done);
        moves.push_back(std::move(m));
    }
    return moves;
}

Move decide(const PathwayTemplate& t, const PathwayState& state, const TransitionRequest& request,
            const std::set<std::string>& done) {
    const Step* step = t.step(state.step);
    if (!step)
        throw Error(ErrorCode::conflict,
                    "the project is at step '" + state.step + "', which template '" + t.code +
                        "' does not have",
                    "step");
    if (state.status == Status::abandoned || state.status == Status::completed)
        throw illegal(t, state, request, done, "action",
                      "is refused: the pathway is " + to_string(state.status));
    if (!status_allows(state.status, request.action))
        throw illegal(t, state, request, done, "action",
                      "is refused while the pathway is " + to_string(state.status));
    bool moves_step = request.action == Action::advance || request.action == Action::rework;
    if (!moves_step && !request.to.empty())
        throw illegal(t, state, request, done, "to",
                      "names a step, but only advance and rework do");
    std::vector<const Transition*> candidates;
    for (const auto& tr : t.transitions)
        if (tr.action == request.action && applies(tr, state) &&
            (request.to.empty() || tr.to == request.to))
            candidates.push_back(&tr);
    if (candidates.empty()) {
        bool action_applies = false;
        for (const auto& tr : t.transitions)
            action_applies = action_applies || (tr.action == request.action && applies(tr, state));
        throw illegal(t, state, request, done, action_applies ? "to" : "action",
                      "is not allowed by template '" + t.code + "' v" + std::to_string(t.version));
    }
    // "advance" alone means the next step in template order; a skip must name its target.
    if (candidates.size() > 1 && request.action == Action::advance) {
        std::size_t next = std::size_t(t.step_index(state.step)) + 1;
        auto sequential =
            std::find_if(candidates.begin(), candidates.end(), [&](const Transition* tr) {
                return next < t.steps.size() && tr->to == t.steps[next].code;
            });
        if (sequential != candidates.end()) candidates = {*sequential};
    }
    if (candidates.size() > 1)
        throw illegal(t, state, request, done, "to", "needs a target step: several are possible");
    const Transition& rule = *candidates.front();
    if (rule.requires_note && request.note.empty())
        throw illegal(t, state, request, done, "note", "needs a note saying why");
    if (rule.requires_deliverables) {
        auto missing = missing_deliverables(*step, done);
        if (!missing.empty()) {
            std::string list;
            for (const auto& code : missing) list += (list.empty() ? "" : ", ") + code;
            throw illegal(t, state, request, done, "deliverables",
                          "needs the step's required deliverables first (missing: " + list + ")");
        }
    }
    return Move{moves_step ? rule.to : state.step, status_after(request.action), &rule};
}

}  // namespace maillage::pathways
