#pragma once
// What is computed from answers: a section's aggregate (only where the grid defines one), the
// radar chart's axes, the comparison of two sessions item by item, and the distribution of
// one item over many assessments (a pole running one grid across its members).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evaluation/grid.hpp"

namespace maillage::evaluation {

struct Answer {
    std::optional<double> number;     // cursor (from the replay), number, yes_no (1 or 0)
    std::optional<std::string> text;  // text, or the code of an ordinal level
    bool priority = false;            // the black ball: a priority axis...
    bool significant = false;         // ...or one with very significant impacts
    std::string comment;
    std::int64_t arguments = 0;  // board: applied arguments on this question
};
using Answers = std::map<std::string, Answer>;

// The value aggregations use: a cursor's position or a number as is, yes = 1 and no = 0, an
// ordinal level's value. Nothing for text, evidence and unanswered items.
std::optional<double> numeric_value(const Item& item, const Answer& answer);
bool is_answered(const Item& item, const Answer& answer);

struct SectionResult {
    std::string code;
    Aggregation aggregation = Aggregation::none;
    std::optional<double> value;         // absent when no item of the section is answered
    std::optional<double> lower, upper;  // the range the value can take, when known
    std::optional<double> normalised;    // value on 0..1 within that range
    std::int64_t answered = 0, items = 0;
};

// Every section that defines an aggregation, depth first, over the answered items of the
// section and of its subsections.
std::vector<SectionResult> aggregate(const Grid& grid, const Answers& answers);

struct RadarAxis {
    std::string code;
    Label label;
    std::optional<double> value;     // 0..1
    std::optional<double> previous;  // 0..1, the session compared with
};

// The radar's axes (the grid's radar depth), or nothing when the grid defines no radar.
std::vector<RadarAxis> radar(const Grid& grid, const Answers& current, const Answers* previous);

struct ItemComparison {
    std::string code;
    ItemKind kind = ItemKind::text;
    std::optional<Answer> current, previous;
    std::optional<double> delta;  // current − previous, for numeric values
    bool flag_changed = false;    // the black ball appeared or disappeared
    bool changed = false;         // any difference in value or flags
};

// The two sessions item by item, in the current grid's order. Items match by code, so a
// session on an earlier version (or a pole's copy) of the grid compares on the items they share.
std::vector<ItemComparison> compare(const Grid& grid, const Answers& current,
                                    const Answers& previous);

struct Distribution {
    std::string code;
    std::int64_t assessments = 0;  // how many assessments were looked at
    std::int64_t answered = 0;
    std::optional<double> min, q1, median, q3, max, mean;  // numeric kinds
    std::map<std::string, std::int64_t> counts;            // ordinal levels; yes_no: "yes", "no"
};

// One item over many assessments.
Distribution distribution(const Item& item, const std::vector<const Answer*>& answers);

// The p-quantile (0..1) of sorted values, interpolating linearly between order statistics
// (Hyndman and Fan's type 7, the default of R and NumPy).
double quantile(const std::vector<double>& sorted, double p);

// A number for people: no trailing zeros, at most 2 decimals ("2", "1.5", "-0.25").
std::string format_number(double value);

}  // namespace maillage::evaluation
