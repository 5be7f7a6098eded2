#pragma once
// Turning what a user enters into an answer of the item's kind, or saying why it cannot be.
#include <string>

#include "evaluation/analysis.hpp"
#include "evaluation/model.hpp"

namespace maillage::evaluation {

inline constexpr std::size_t kMaxAnswerText = 20000;

// Applies `input` to `answer`; returns the problem ("" when it is fine). A cursor's position
// cannot be entered: it moves only with arguments. Flags need the grid to offer them.
std::string apply_answer(const Grid& grid, const Item& item, const AnswerInput& input,
                         Answer& answer);

// The answer's value as JSON, in the shape apply_answer accepts.
Json answer_value_json(const Item& item, const Answer& answer);

}  // namespace maillage::evaluation
