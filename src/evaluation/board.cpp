#include "evaluation/board.hpp"

#include <algorithm>
#include <cmath>

#include "evaluation/analysis.hpp"

namespace maillage::evaluation {

Replay replay(const Grid& grid, const std::vector<Argument>& log) {
    Replay result;
    for (const auto* item : grid.items())
        if (item->scale.kind == ItemKind::cursor) {
            result.positions[item->code] = item->scale.neutral;
            result.arguments[item->code] = 0;
        }
    result.steps.reserve(log.size());
    for (const auto& argument : log) {
        Step step;
        auto position = result.positions.find(argument.item);
        if (position == result.positions.end() || argument.withdrawn) {
            if (position != result.positions.end()) step.before = step.after = position->second;
            result.steps.push_back(step);
            continue;
        }
        const Scale& scale = grid.find_item(argument.item)->scale;
        double wanted = position->second + argument.direction * argument.displacement;
        step.before = position->second;
        step.after = std::clamp(wanted, scale.min, scale.max);
        step.clamped = step.after != wanted;
        step.applied = true;
        position->second = step.after;
        ++result.arguments[argument.item];
        result.steps.push_back(step);
    }
    return result;
}

std::string argument_problem(const Grid& grid, const Argument& argument) {
    const Item* item = grid.find_item(argument.item);
    if (!item) return "no question '" + argument.item + "' in this grid";
    if (item->scale.kind != ItemKind::cursor)
        return "question '" + argument.item + "' has no cursor";
    if (argument.direction != 1 && argument.direction != -1) return "direction must be + or -";
    if (!std::isfinite(argument.displacement) || argument.displacement < 0)
        return "the displacement must be a number of 0 or more";
    double span = item->scale.max - item->scale.min;
    if (argument.displacement > span)
        return "the displacement cannot exceed the length of the axis (" + format_number(span) +
               ")";
    if (argument.text.size() > 4000) return "the argument is longer than 4000 bytes";
    return "";
}

}  // namespace maillage::evaluation
