// A figure alone, rendered to SVG or PNG bytes through cairo's stream surfaces.
#include <cairo-svg.h>
#include <cairo.h>

#include "core/error.hpp"
#include "report/document.hpp"
#include "report/draw.hpp"

namespace maillage::report {
namespace {

void draw_on(cairo_surface_t* surface, const Figure& figure, double scale) {
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    figure.draw(cr);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorCode::internal,
                    std::string("drawing a figure failed: ") + cairo_status_to_string(status));
}

}  // namespace

std::string figure_svg(const Figure& figure) {
    std::string out;
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(
        append_to_string, &out, figure.width_pt, figure.height_pt);
    draw_on(surface, figure, 1.0);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
}

std::string figure_png(const Figure& figure, double scale) {
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(figure.width_pt * scale + 0.5),
                                   int(figure.height_pt * scale + 0.5));
    cairo_t* background = cairo_create(surface);
    cairo_set_source_rgb(background, 1, 1, 1);
    cairo_paint(background);
    cairo_destroy(background);
    draw_on(surface, figure, scale);
    std::string out;
    cairo_surface_write_to_png_stream(surface, append_to_string, &out);
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace maillage::report
