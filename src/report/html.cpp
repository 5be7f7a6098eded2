// HTML rendering: semantic markup (headings, lists, tables with captions and header cells),
// figures as inline SVG with a text alternative.
#include <string_view>

#include "report/document.hpp"

namespace maillage::report {
namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out.push_back(c);
        }
    return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Cairo names its glyphs and clips "glyph0-1", "clip1"… in every SVG: inline several in one
// page and they clash, so each figure's ids get a prefix of their own.
std::string inline_svg(const Figure& figure, int number) {
    std::string svg = figure_svg(figure);
    if (auto start = svg.find("<svg"); start != std::string::npos) svg.erase(0, start);
    const std::string prefix = "fig" + std::to_string(number) + "-";
    replace_all(svg, "id=\"", "id=\"" + prefix);
    replace_all(svg, "href=\"#", "href=\"#" + prefix);
    replace_all(svg, "url(#", "url(#" + prefix);
    svg.insert(4, " role=\"img\" aria-label=\"" + escape(figure.alt) + "\"");
    return svg;
}

struct Writer {
    std::string& out;
    int figures = 0;

    void operator()(const Heading& h) {
        std::string tag = "h" + std::to_string(h.level + 1);  // h1 is the document's title
        out += "<" + tag + ">" + escape(h.text) + "</" + tag + ">\n";
    }
    void operator()(const Paragraph& p) { out += "<p>" + escape(p.text) + "</p>\n"; }
    void operator()(const Bullets& b) {
        out += "<ul>\n";
        for (const auto& item : b.items) out += "<li>" + escape(item) + "</li>\n";
        out += "</ul>\n";
    }
    void operator()(const Table& t) {
        auto numeric = [&](std::size_t column) {
            for (auto c : t.numeric_columns)
                if (c == column) return true;
            return false;
        };
        out += "<table>\n";
        if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>\n";
        out += "<thead><tr>";
        for (const auto& cell : t.header) out += "<th scope=\"col\">" + escape(cell) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : t.rows) {
            out += "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i)
                out += std::string(numeric(i) ? "<td class=\"num\">" : "<td>") + escape(row[i]) +
                       "</td>";
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    void operator()(const Figure& f) {
        out += "<figure>" + inline_svg(f, ++figures);
        if (!f.caption.empty()) out += "<figcaption>" + escape(f.caption) + "</figcaption>";
        out += "</figure>\n";
    }
    void operator()(const PageBreak&) { out += "<hr class=\"page-break\">\n"; }
};

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1e1e26; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } .subtitle { color: #6b6b75; margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #ccccd4; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eeeef3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; color: #6b6b75; font-size: .9rem; }
hr.page-break { border: 0; margin: 2rem 0; }
@media print { hr.page-break { page-break-after: always; } body { margin: 0; } }
)";

}  // namespace

std::string render_html_body(const Document& document) {
    std::string out = "<h1>" + escape(document.title()) + "</h1>\n";
    if (!document.subtitle_text().empty())
        out += "<p class=\"subtitle\">" + escape(document.subtitle_text()) + "</p>\n";
    Writer writer{out};
    for (const auto& block : document.blocks()) std::visit(writer, block);
    if (!document.footer_text().empty())
        out +=
            "<footer><p class=\"subtitle\">" + escape(document.footer_text()) + "</p></footer>\n";
    return out;
}

std::string render_html(const Document& document) {
    return "<!DOCTYPE html>\n<html lang=\"" + escape(document.language()) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\">\n<title>" +
           escape(document.title()) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" +
           render_html_body(document) + "</body>\n</html>\n";
}

}  // namespace maillage::report
