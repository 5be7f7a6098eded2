#pragma once
// Ready-made figures for reports: a radar chart (one axis per item, one polygon per series)
// and a horizontal bar chart.
#include <string>
#include <vector>

#include "report/document.hpp"

namespace maillage::report {

struct Series {
    std::string name = {};
    std::vector<double> values = {};  // one per axis or bar
};

struct RadarChart {
    std::vector<std::string> axes = {};  // at least 3
    std::vector<Series> series = {};     // drawn in order, each in the next palette colour
    double min = 0, max = 1;             // the scale: min at the centre, max on the outer ring
    int rings = 4;
    double size_pt = 360;
};

struct BarChart {
    std::vector<std::string> labels = {};
    std::vector<double> values = {};
    std::string unit = {};  // appended to each value label, e.g. " h" or " %"
    double width_pt = 460;
    double bar_height_pt = 16;
};

// Values outside [min, max] are drawn on the nearest bound. Throws on a malformed chart.
Figure radar_chart(RadarChart chart, std::string alt, std::string caption = {});
Figure bar_chart(BarChart chart, std::string alt, std::string caption = {});

}  // namespace maillage::report
