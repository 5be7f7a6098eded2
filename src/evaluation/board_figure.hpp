#pragma once
// The cursor board drawn as in a session (Fiche II-3's « outil de visualisation »): one axis
// per question from the negative to the positive end, the neutral point marked, the cursor
// where the argument log left it, the previous session's cursor as a hollow ring, and a black
// ball before the questions that are priorities or have very significant impacts.
#include <optional>
#include <string>

#include "evaluation/analysis.hpp"
#include "evaluation/grid.hpp"
#include "report/document.hpp"

namespace maillage::evaluation {

struct BoardFigureInput {
    const Grid* grid = nullptr;
    const Section* section = nullptr;  // the pillar drawn
    const std::map<std::string, double>* positions = nullptr;
    const Answers* answers = nullptr;   // flags, and which questions were argued
    const Answers* previous = nullptr;  // optional
    std::string language = "fr";
};

// The drawing's width in points: the text width of an A4 page with the report's margins.
inline constexpr double kBoardWidth = 495;

report::Figure board_figure(const BoardFigureInput& input);

// Colours of the drawing, for tests that read it back: the cursor and the black ball.
inline constexpr double kCursorRgb[3] = {0.000, 0.447, 0.698};

}  // namespace maillage::evaluation
