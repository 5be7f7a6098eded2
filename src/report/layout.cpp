#include "report/layout.hpp"

namespace maillage::report::detail {

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const TextStyle& style) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, font_family());
    pango_font_description_set_absolute_size(font, style.size_pt * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    if (style.max_width_pt > 0) {
        pango_layout_set_width(layout.get(), int(style.max_width_pt * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), style.align == Align::centre  ? PANGO_ALIGN_CENTER
                                                 : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                               : PANGO_ALIGN_LEFT);
    }
    pango_layout_set_text(layout.get(), text.data(), int(text.size()));
    return layout;
}

TextSize size_of(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return {double(width) / PANGO_SCALE, double(height) / PANGO_SCALE};
}

}  // namespace maillage::report::detail
