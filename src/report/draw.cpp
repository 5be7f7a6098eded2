#include "report/draw.hpp"

#include "report/layout.hpp"

namespace maillage::report {

using detail::make_layout;
using detail::size_of;

Rgb palette(std::size_t index) {
    static const Rgb colours[] = {
        {0.000, 0.447, 0.698}, {0.902, 0.624, 0.000}, {0.000, 0.620, 0.451}, {0.800, 0.475, 0.655},
        {0.337, 0.706, 0.914}, {0.835, 0.369, 0.000}, {0.941, 0.894, 0.259}, {0.35, 0.35, 0.35}};
    return colours[index % (sizeof colours / sizeof colours[0])];
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    if (closure)
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, Rgb colour, double alpha) {
    cairo_set_source_rgba(cr, colour.r, colour.g, colour.b, alpha);
}

const char* font_family() {
    return "DejaVu Sans";
}

TextSize measure_text(cairo_t* cr, const std::string& text, const TextStyle& style) {
    return size_of(make_layout(cr, text, style).get());
}

TextSize draw_text(cairo_t* cr, const std::string& text, double x, double y,
                   const TextStyle& style) {
    auto layout = make_layout(cr, text, style);
    TextSize size = size_of(layout.get());
    double left = x;
    // Wrapped text aligns inside its box; a single line is placed by its own width.
    if (style.max_width_pt <= 0 && style.align == Align::centre) left = x - size.width / 2;
    if (style.max_width_pt <= 0 && style.align == Align::right) left = x - size.width;
    cairo_save(cr);
    set_colour(cr, style.colour);
    cairo_move_to(cr, left, y);
    pango_cairo_show_layout(cr, layout.get());
    cairo_restore(cr);
    return size;
}

}  // namespace maillage::report
