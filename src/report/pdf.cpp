// PDF rendering on A4 with cairo and Pango. Text flows line by line across pages, tables
// repeat their header on each page, figures are scaled to the text width. The document is
// laid out twice: the first pass counts the pages so that the footers can say "3 / 7".
#include <cairo-pdf.h>

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "report/document.hpp"
#include "report/draw.hpp"
#include "report/layout.hpp"

namespace maillage::report {
namespace {

using detail::LayoutPtr;
using detail::make_layout;
using detail::size_of;

constexpr double kPageWidth = 595.276, kPageHeight = 841.89;
constexpr double kMargin = 50, kTop = 56, kBottom = 64;
constexpr double kBodySize = 10, kTableSize = 8.5, kCellPadding = 3;
constexpr std::size_t kRowsMeasuredForWidths = 200;

class PdfWriter {
  public:
    PdfWriter(cairo_t* cr, const Document& document, int total_pages)
        : cr_(cr), document_(document), total_pages_(total_pages) {}

    int run() {
        title();
        for (const auto& block : document_.blocks()) std::visit(*this, block);
        footer();
        return page_;
    }

    void operator()(const Heading& h) {
        const double sizes[] = {16, 13, 11}, before[] = {14, 10, 8};
        auto layout =
            make_layout(cr_, h.text, {sizes[h.level - 1], true, false, kInk, Align::left, width()});
        y_ += at_top() ? 0 : before[h.level - 1];
        ensure(size_of(layout.get()).height + 3 * kBodySize);  // keep it with what follows
        flow(layout.get(), kMargin);
        y_ += 4;
    }

    void operator()(const Paragraph& p) {
        flow(make_layout(cr_, p.text, body_style(width())).get(), kMargin);
        y_ += kBodySize * 0.6;
    }

    void operator()(const Bullets& b) {
        for (const auto& item : b.items) {
            auto layout = make_layout(cr_, item, body_style(width() - 14));
            ensure(kBodySize * 1.4);
            draw_text(cr_, "•", kMargin + 3, y_, body_style(0));
            flow(layout.get(), kMargin + 14);
            y_ += 2;
        }
        y_ += kBodySize * 0.4;
    }

    void operator()(const Table& t);
    void operator()(const Figure& f);

    void operator()(const PageBreak&) {
        if (!at_top()) new_page();
    }

  private:
    static TextStyle body_style(double max_width) {
        return {kBodySize, false, false, kInk, Align::left, max_width};
    }
    double width() const { return kPageWidth - 2 * kMargin; }
    double bottom() const { return kPageHeight - kBottom; }
    bool at_top() const { return y_ <= kTop + 0.5; }

    void ensure(double height) {
        if (y_ + height > bottom() && !at_top()) new_page();
    }

    void new_page() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kTop;
    }

    void footer() {
        TextStyle small{8, false, false, kMuted, Align::left, 0};
        double y = kPageHeight - kBottom + 24;
        if (!document_.footer_text().empty())
            draw_text(cr_, document_.footer_text(), kMargin, y,
                      {8, false, false, kMuted, Align::left, width() - 60});
        std::string number = std::to_string(page_);
        if (total_pages_ > 0) number += " / " + std::to_string(total_pages_);
        small.align = Align::right;
        draw_text(cr_, number, kPageWidth - kMargin, y, small);
    }

    void title() {
        y_ = kTop;
        auto title =
            make_layout(cr_, document_.title(), {20, true, false, kInk, Align::left, width()});
        flow(title.get(), kMargin);
        if (!document_.subtitle_text().empty()) {
            y_ += 4;
            flow(make_layout(cr_, document_.subtitle_text(),
                             {11, false, false, kMuted, Align::left, width()})
                     .get(),
                 kMargin);
        }
        y_ += 8;
        set_colour(cr_, kRule);
        cairo_set_line_width(cr_, 0.8);
        cairo_move_to(cr_, kMargin, y_);
        cairo_line_to(cr_, kPageWidth - kMargin, y_);
        cairo_stroke(cr_);
        y_ += 14;
    }

    // Draws a layout line by line from y_, breaking pages between lines.
    void flow(PangoLayout* layout, double x) {
        PangoLayoutIter* it = pango_layout_get_iter(layout);
        double offset = y_;
        bool first = true;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            double top = double(logical.y) / PANGO_SCALE,
                   height = double(logical.height) / PANGO_SCALE;
            if (first) offset = y_ - top;
            first = false;
            if (offset + top + height > bottom() && !(offset + top <= kTop + 0.5)) {
                new_page();
                offset = y_ - top;
            }
            cairo_move_to(cr_, x + double(logical.x) / PANGO_SCALE,
                          offset + double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
            set_colour(cr_, kInk);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
            y_ = offset + top + height;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    std::vector<double> column_widths(const Table& t);
    double draw_row(const std::vector<std::string>& cells, const std::vector<double>& widths,
                    const Table& t, bool header);

    cairo_t* cr_;
    const Document& document_;
    int total_pages_;
    int page_ = 1;
    double y_ = kTop;
};

bool is_numeric(const Table& t, std::size_t column) {
    return std::find(t.numeric_columns.begin(), t.numeric_columns.end(), column) !=
           t.numeric_columns.end();
}

double longest_word(cairo_t* cr, const std::string& text, const TextStyle& style) {
    double longest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start)
            longest =
                std::max(longest, measure_text(cr, text.substr(start, end - start), style).width);
        start = end + 1;
    }
    return longest;
}

// Natural widths when they fit; otherwise each column keeps its longest word and shares the
// rest in proportion to how much more it would like.
std::vector<double> PdfWriter::column_widths(const Table& t) {
    const std::size_t n = t.header.size();
    TextStyle style{kTableSize, false, false, kInk, Align::left, 0};
    std::vector<double> natural(n, 0), minimum(n, 0);
    auto measure = [&](const std::vector<std::string>& cells, bool bold) {
        style.bold = bold;
        for (std::size_t i = 0; i < n; ++i) {
            natural[i] = std::max(natural[i], measure_text(cr_, cells[i], style).width);
            minimum[i] = std::max(minimum[i], longest_word(cr_, cells[i], style));
        }
    };
    measure(t.header, true);
    for (std::size_t r = 0; r < t.rows.size() && r < kRowsMeasuredForWidths; ++r)
        measure(t.rows[r], false);
    for (std::size_t i = 0; i < n; ++i) {
        natural[i] += 2 * kCellPadding + 1;
        minimum[i] = std::min(natural[i], minimum[i] + 2 * kCellPadding + 1);
    }
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    std::vector<double> widths(n);
    if (total <= width()) {
        for (std::size_t i = 0; i < n; ++i) widths[i] = natural[i] * width() / total;
        return widths;
    }
    const double floor = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    if (floor >= width()) {
        for (std::size_t i = 0; i < n; ++i) widths[i] = minimum[i] * width() / floor;
        return widths;
    }
    const double wanted = total - floor;
    for (std::size_t i = 0; i < n; ++i)
        widths[i] = minimum[i] + (natural[i] - minimum[i]) * (width() - floor) / wanted;
    return widths;
}

double PdfWriter::draw_row(const std::vector<std::string>& cells, const std::vector<double>& widths,
                           const Table& t, bool header) {
    std::vector<LayoutPtr> layouts;
    double height = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        TextStyle style{kTableSize,
                        header,
                        false,
                        kInk,
                        !header && is_numeric(t, i) ? Align::right : Align::left,
                        widths[i] - 2 * kCellPadding};
        layouts.push_back(make_layout(cr_, cells[i], style));
        height = std::max(height, size_of(layouts.back().get()).height);
    }
    height += 2 * kCellPadding;
    double x = kMargin;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        cairo_rectangle(cr_, x, y_, widths[i], height);
        if (header) {
            set_colour(cr_, {0.93, 0.93, 0.95});
            cairo_fill_preserve(cr_);
        }
        set_colour(cr_, kRule);
        cairo_set_line_width(cr_, 0.5);
        cairo_stroke(cr_);
        set_colour(cr_, kInk);
        cairo_move_to(cr_, x + kCellPadding, y_ + kCellPadding);
        pango_cairo_show_layout(cr_, layouts[i].get());
        x += widths[i];
    }
    return height;
}

void PdfWriter::operator()(const Table& t) {
    auto widths = column_widths(t);
    auto row_height = [&](const std::vector<std::string>& cells, bool header) {
        double height = 0;
        for (std::size_t i = 0; i < cells.size(); ++i)
            height = std::max(height, measure_text(cr_, cells[i],
                                                   {kTableSize, header, false, kInk, Align::left,
                                                    widths[i] - 2 * kCellPadding})
                                          .height);
        return height + 2 * kCellPadding;
    };
    const double header_height = row_height(t.header, true);
    const double first_row = t.rows.empty() ? 0 : row_height(t.rows.front(), false);
    auto caption =
        make_layout(cr_, t.caption, {kBodySize, true, false, kInk, Align::left, width()});
    const double caption_height = t.caption.empty() ? 0 : size_of(caption.get()).height + 3;
    ensure(caption_height + header_height + first_row);
    if (!t.caption.empty()) {
        flow(caption.get(), kMargin);
        y_ += 3;
    }
    y_ += draw_row(t.header, widths, t, true);
    for (const auto& row : t.rows) {
        if (y_ + row_height(row, false) > bottom()) {
            new_page();
            y_ += draw_row(t.header, widths, t, true);
        }
        y_ += draw_row(row, widths, t, false);
    }
    y_ += kBodySize;
}

void PdfWriter::operator()(const Figure& f) {
    auto caption = make_layout(cr_, f.caption, {8.5, false, true, kMuted, Align::centre, width()});
    const double caption_height = f.caption.empty() ? 0 : size_of(caption.get()).height + 4;
    double scale = std::min(1.0, width() / f.width_pt);
    const double room = bottom() - kTop - caption_height;
    if (f.height_pt * scale > room) scale = room / f.height_pt;
    ensure(f.height_pt * scale + caption_height);
    cairo_save(cr_);
    cairo_translate(cr_, kMargin + (width() - f.width_pt * scale) / 2, y_);
    cairo_scale(cr_, scale, scale);
    cairo_rectangle(cr_, 0, 0, f.width_pt, f.height_pt);
    cairo_clip(cr_);
    f.draw(cr_);
    cairo_restore(cr_);
    y_ += f.height_pt * scale + 4;
    if (!f.caption.empty()) flow(caption.get(), kMargin);
    y_ += kBodySize;
}

int render_pass(const Document& document, int total_pages, std::string* out) {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_to_string, out, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title().c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Maillage");
    cairo_t* cr = cairo_create(surface);
    int pages = PdfWriter(cr, document, total_pages).run();
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorCode::internal,
                    std::string("rendering the PDF failed: ") + cairo_status_to_string(status));
    return pages;
}

}  // namespace

std::string render_pdf(const Document& document) {
    const int pages = render_pass(document, 0, nullptr);
    std::string out;
    render_pass(document, pages, &out);
    return out;
}

}  // namespace maillage::report
