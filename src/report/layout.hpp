#pragma once
// Pango layouts in the report's font (internal to the report module).
#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include "report/draw.hpp"

namespace maillage::report::detail {

struct LayoutDeleter {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const TextStyle& style);
TextSize size_of(PangoLayout* layout);

}  // namespace maillage::report::detail
