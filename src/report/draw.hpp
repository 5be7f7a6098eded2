#pragma once
// Drawing helpers for figures: text with Pango (wrapping, UTF-8, the report's font) and the
// report's palette, so that every module's charts look alike.
#include <cairo.h>

#include <string>

namespace maillage::report {

struct Rgb {
    double r, g, b;
};

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
Rgb palette(std::size_t index);
inline constexpr Rgb kInk{0.12, 0.12, 0.15};
inline constexpr Rgb kMuted{0.42, 0.42, 0.46};
inline constexpr Rgb kRule{0.80, 0.80, 0.83};

void set_colour(cairo_t* cr, Rgb colour, double alpha = 1.0);

// A cairo write function appending to the std::string `closure` (null: the bytes are dropped).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

enum class Align { left, centre, right };

struct TextStyle {
    double size_pt = 9;
    bool bold = false;
    bool italic = false;
    Rgb colour = kInk;
    Align align = Align::left;
    double max_width_pt = 0;  // 0: one line, no wrapping
};

struct TextSize {
    double width = 0, height = 0;
};

// Draws `text` with its top edge at y; x is the left edge, the centre or the right edge
// depending on the alignment. Returns the size it took.
TextSize draw_text(cairo_t* cr, const std::string& text, double x, double y,
                   const TextStyle& style = {});
TextSize measure_text(cairo_t* cr, const std::string& text, const TextStyle& style = {});

// The font family every report uses (DejaVu Sans, from fonts-dejavu-core).
const char* font_family();

}  // namespace maillage::report
