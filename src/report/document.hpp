#pragma once
// A report as a sequence of blocks (headings, paragraphs, lists, tables, figures), written
// once by a module and rendered to HTML (render_html) and to PDF (render_pdf). Figures are
// drawing functions on a cairo context, so the same chart is vector graphics in both: SVG in
// the HTML, PDF paths in the PDF.
#include <functional>
#include <string>
#include <variant>
#include <vector>

typedef struct _cairo cairo_t;

namespace maillage::report {

struct Heading {
    int level = 1;  // 1 to 3
    std::string text = {};
};

struct Paragraph {
    std::string text = {};
};

struct Bullets {
    std::vector<std::string> items = {};
};

struct Table {
    std::vector<std::string> header = {};
    std::vector<std::vector<std::string>> rows = {};
    std::string caption = {};
    // Columns whose cells are right-aligned (numbers); by index.
    std::vector<std::size_t> numeric_columns = {};
};

struct Figure {
    double width_pt = 0;   // the drawing's own size, in points (1/72 inch)
    double height_pt = 0;  // it is scaled down to fit the page width if needed
    std::function<void(cairo_t*)> draw = {};
    std::string alt = {};      // text alternative (HTML aria-label, and the caption's fallback)
    std::string caption = {};  // shown under the figure; empty for none
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Bullets, Table, Figure, PageBreak>;

class Document {
  public:
    explicit Document(std::string title, std::string language = "fr");

    Document& subtitle(std::string text);
    // A line printed at the foot of every PDF page, before the page number.
    Document& footer(std::string text);
    Document& heading(int level, std::string text);
    Document& paragraph(std::string text);
    Document& bullets(std::vector<std::string> items);
    Document& table(Table table);
    Document& figure(Figure figure);
    Document& page_break();

    const std::string& title() const { return title_; }
    const std::string& subtitle_text() const { return subtitle_; }
    const std::string& footer_text() const { return footer_; }
    const std::string& language() const { return language_; }
    const std::vector<Block>& blocks() const { return blocks_; }

  private:
    std::string title_, language_, subtitle_, footer_;
    std::vector<Block> blocks_ = {};
};

// A self-contained HTML page (inline style, figures as inline SVG), escaped throughout.
std::string render_html(const Document& document);

// The document's body only (no <html>/<head>), for embedding in another page.
std::string render_html_body(const Document& document);

// An A4 PDF: title block, paginated blocks, table headers repeated on each page, page numbers.
std::string render_pdf(const Document& document);

// A figure alone, as an SVG document or as PNG bytes (scale: pixels per point).
std::string figure_svg(const Figure& figure);
std::string figure_png(const Figure& figure, double scale = 2.0);

}  // namespace maillage::report
