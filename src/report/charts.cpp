#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "report/draw.hpp"

namespace maillage::report {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string format_number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(value - std::round(value)) < 1e-9 ? "%.0f" : "%.1f",
                  value);
    return buf;
}

struct RadarGeometry {
    double cx, cy, radius;
    std::size_t axes;
    double angle(std::size_t axis) const {
        return -kPi / 2 + 2 * kPi * double(axis) / double(axes);
    }
    double x(std::size_t axis, double fraction) const {
        return cx + radius * fraction * std::cos(angle(axis));
    }
    double y(std::size_t axis, double fraction) const {
        return cy + radius * fraction * std::sin(angle(axis));
    }
};

void draw_radar_grid(cairo_t* cr, const RadarChart& chart, const RadarGeometry& g) {
    set_colour(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    for (int ring = 1; ring <= chart.rings; ++ring) {
        double fraction = double(ring) / chart.rings;
        for (std::size_t a = 0; a <= g.axes; ++a)
            (a == 0 ? cairo_move_to : cairo_line_to)(cr, g.x(a % g.axes, fraction),
                                                     g.y(a % g.axes, fraction));
        cairo_stroke(cr);
    }
    for (std::size_t a = 0; a < g.axes; ++a) {
        cairo_move_to(cr, g.cx, g.cy);
        cairo_line_to(cr, g.x(a, 1), g.y(a, 1));
        cairo_stroke(cr);
        double c = std::cos(g.angle(a));
        TextStyle style{
            8, false, false, kInk, c > 0.3 ? Align::left : c < -0.3 ? Align::right : Align::centre,
            0};
        double ty = g.y(a, 1.08) - (std::sin(g.angle(a)) < -0.3  ? 10
                                    : std::sin(g.angle(a)) > 0.3 ? 0
                                                                 : 5);
        draw_text(cr, chart.axes[a], g.x(a, 1.08), ty, style);
    }
    TextStyle scale{7, false, false, kMuted, Align::left, 0};
    for (int ring = 0; ring <= chart.rings; ++ring) {
        double value = chart.min + (chart.max - chart.min) * ring / chart.rings;
        draw_text(cr, format_number(value), g.cx + 3, g.cy - g.radius * ring / chart.rings - 9,
                  scale);
    }
}

void draw_radar_series(cairo_t* cr, const RadarChart& chart, const RadarGeometry& g) {
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& values = chart.series[s].values;
        for (std::size_t a = 0; a <= g.axes; ++a) {
            double v = std::clamp(values[a % g.axes], chart.min, chart.max);
            double fraction = (v - chart.min) / (chart.max - chart.min);
            (a == 0 ? cairo_move_to : cairo_line_to)(cr, g.x(a % g.axes, fraction),
                                                     g.y(a % g.axes, fraction));
        }
        set_colour(cr, palette(s), 0.18);
        cairo_fill_preserve(cr);
        set_colour(cr, palette(s));
        cairo_set_line_width(cr, 1.6);
        cairo_stroke(cr);
    }
}

void draw_legend(cairo_t* cr, const std::vector<Series>& series, double x, double y) {
    for (std::size_t s = 0; s < series.size(); ++s) {
        set_colour(cr, palette(s));
        cairo_rectangle(cr, x, y + 2, 10, 8);
        cairo_fill(cr);
        x += 14 +
             draw_text(cr, series[s].name, x + 14, y, {8, false, false, kInk, Align::left, 0})
                 .width +
             12;
    }
}

}  // namespace

Figure radar_chart(RadarChart chart, std::string alt, std::string caption) {
    if (chart.axes.size() < 3) throw invalid("axes", "a radar chart needs at least 3 axes");
    if (!(chart.max > chart.min))
        throw invalid("max", "the scale's maximum must exceed its minimum");
    if (chart.rings < 1) throw invalid("rings", "at least one ring");
    for (const auto& s : chart.series)
        if (s.values.size() != chart.axes.size())
            throw invalid("series", "series \"" + s.name + "\" needs one value per axis");
    const double legend = chart.series.size() > 1 ? 22 : 0;
    const double width = chart.size_pt * 1.5, height = chart.size_pt + legend;
    Figure figure{width, height, nullptr, std::move(alt), std::move(caption)};
    figure.draw = [chart = std::move(chart), width, legend](cairo_t* cr) {
        RadarGeometry g{width / 2, legend + chart.size_pt / 2, chart.size_pt * 0.38,
                        chart.axes.size()};
        draw_radar_grid(cr, chart, g);
        draw_radar_series(cr, chart, g);
        if (legend > 0) draw_legend(cr, chart.series, 8, 4);
    };
    return figure;
}

Figure bar_chart(BarChart chart, std::string alt, std::string caption) {
    if (chart.labels.size() != chart.values.size())
        throw invalid("values", "a bar chart needs one value per label");
    const double gap = chart.bar_height_pt * 0.5;
    const double height = double(chart.labels.size()) * (chart.bar_height_pt + gap) + gap;
    Figure figure{chart.width_pt, std::max(height, 20.0), nullptr, std::move(alt),
                  std::move(caption)};
    figure.draw = [chart = std::move(chart), gap](cairo_t* cr) {
        const double label_width = chart.width_pt * 0.35, value_room = 50;
        const double bars = chart.width_pt - label_width - value_room;
        double top = *std::max_element(chart.values.begin(), chart.values.end());
        if (top <= 0) top = 1;
        for (std::size_t i = 0; i < chart.labels.size(); ++i) {
            double y = gap + double(i) * (chart.bar_height_pt + gap);
            TextStyle label{8, false, false, kInk, Align::right, 0};
            draw_text(cr, chart.labels[i], label_width - 6, y + chart.bar_height_pt / 2 - 5, label);
            double length = bars * std::max(0.0, chart.values[i]) / top;
            set_colour(cr, palette(0));
            cairo_rectangle(cr, label_width, y, length, chart.bar_height_pt);
            cairo_fill(cr);
            draw_text(cr, format_number(chart.values[i]) + chart.unit, label_width + length + 4,
                      y + chart.bar_height_pt / 2 - 5, {8, false, false, kInk, Align::left, 0});
        }
    };
    return figure;
}

}  // namespace maillage::report
