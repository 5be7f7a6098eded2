#include "evaluation/board_figure.hpp"

#include <cairo.h>

#include <cmath>
#include <vector>

#include "report/draw.hpp"

namespace maillage::evaluation {
namespace {

using report::Align;
using report::TextStyle;

constexpr double kPi = 3.14159265358979323846;
constexpr double kBall = 10;       // the black ball's column
constexpr double kLabelLeft = 22;  // questions' labels
constexpr double kLabelWidth = 180;
constexpr double kAxisLeft = 222;
constexpr double kAxisRight = kBoardWidth - 44;
constexpr double kTitleHeight = 40;  // pillar name and the scale's end labels
constexpr double kMinRow = 24;

const TextStyle kLabelStyle{8, false, false, report::kInk, Align::left, kLabelWidth};

struct Row {
    const Item* item;
    std::string label;
    double top, height;
};

// Row heights follow the labels' wrapped height, measured on a scratch surface.
std::vector<Row> layout(const BoardFigureInput& in) {
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    std::vector<Row> rows;
    double y = kTitleHeight;
    for (const auto& item : in.section->items) {
        if (item.scale.kind != ItemKind::cursor) continue;
        std::string label =
            item.code + "  " + short_label(in_language(item.label, in.language), 90);
        double h = std::max(kMinRow, report::measure_text(cr, label, kLabelStyle).height + 10);
        rows.push_back({&item, label, y, h});
        y += h;
    }
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
    return rows;
}

double axis_x(const Scale& s, double value) {
    return kAxisLeft + (value - s.min) / (s.max - s.min) * (kAxisRight - kAxisLeft);
}

const Answer* find(const Answers* answers, const std::string& code) {
    if (!answers) return nullptr;
    auto it = answers->find(code);
    return it == answers->end() ? nullptr : &it->second;
}

void draw_axis(cairo_t* cr, const Scale& s, double y) {
    report::set_colour(cr, report::kRule);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, kAxisLeft, y);
    cairo_line_to(cr, kAxisRight, y);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8);
    for (double v = std::ceil(s.min); v <= s.max; v += 1) {
        double tick = v == s.neutral ? 6 : 2.5;
        cairo_move_to(cr, axis_x(s, v), y - tick);
        cairo_line_to(cr, axis_x(s, v), y + tick);
        cairo_stroke(cr);
    }
}

void draw_header(cairo_t* cr, const BoardFigureInput& in, const Scale& s) {
    report::draw_text(cr, in_language(in.section->label, in.language), 0, 2,
                      {11, true, false, report::kInk, Align::left, 0});
    TextStyle small{7, false, false, report::kMuted, Align::left, 0};
    std::string low = format_number(s.min) + "  " + in_language(s.low, in.language);
    std::string high = in_language(s.high, in.language) + "  +" + format_number(s.max);
    report::draw_text(cr, low, kAxisLeft, 24, small);
    small.align = Align::right;
    report::draw_text(cr, high, kAxisRight, 24, small);
    small.align = Align::centre;
    report::draw_text(cr, format_number(s.neutral), axis_x(s, s.neutral), 24, small);
}

void draw_row(cairo_t* cr, const BoardFigureInput& in, const Row& row) {
    const Scale& s = row.item->scale;
    double mid = row.top + row.height / 2;
    const Answer* answer = find(in.answers, row.item->code);
    const Answer* before = find(in.previous, row.item->code);
    if (answer && (answer->priority || answer->significant)) {
        report::set_colour(cr, {0, 0, 0});
        cairo_arc(cr, kBall, mid, 4.5, 0, 2 * kPi);
        cairo_fill(cr);
    }
    report::draw_text(cr, row.label, kLabelLeft, row.top + 5, kLabelStyle);
    draw_axis(cr, s, mid);
    if (before && before->number) {
        report::set_colour(cr, report::kMuted);
        cairo_set_line_width(cr, 1.2);
        cairo_arc(cr, axis_x(s, *before->number), mid, 5, 0, 2 * kPi);
        cairo_stroke(cr);
    }
    double position = s.neutral;
    if (auto p = in.positions->find(row.item->code); p != in.positions->end()) position = p->second;
    bool argued = answer && answer->arguments > 0;
    report::set_colour(cr, {kCursorRgb[0], kCursorRgb[1], kCursorRgb[2]}, argued ? 1.0 : 0.35);
    cairo_arc(cr, axis_x(s, position), mid, 5.5, 0, 2 * kPi);
    cairo_fill(cr);
    std::string value = argued ? (position > 0 ? "+" : "") + format_number(position) : "·";
    report::draw_text(cr, value, kBoardWidth, mid - 6,
                      {9, true, false, report::kInk, Align::right, 0});
}

}  // namespace

report::Figure board_figure(const BoardFigureInput& in) {
    auto rows = layout(in);
    double height = rows.empty() ? kTitleHeight : rows.back().top + rows.back().height + 4;
    std::string alt = in_language(in.section->label, in.language) + ": ";
    for (const auto& row : rows) {
        double position = in.positions->count(row.item->code) ? in.positions->at(row.item->code)
                                                              : row.item->scale.neutral;
        const Answer* a = find(in.answers, row.item->code);
        alt += row.item->code + " " + format_number(position) +
               (a && (a->priority || a->significant) ? " ●" : "") + "; ";
    }
    BoardFigureInput copy = in;
    return {kBoardWidth, height,
            [copy, rows](cairo_t* cr) {
                if (rows.empty()) return;
                draw_header(cr, copy, rows.front().item->scale);
                for (const auto& row : rows) draw_row(cr, copy, row);
            },
            alt, ""};
}

}  // namespace maillage::evaluation
