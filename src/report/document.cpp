#include "report/document.hpp"

#include "core/error.hpp"

namespace maillage::report {

Document::Document(std::string title, std::string language)
    : title_(std::move(title)), language_(std::move(language)) {}

Document& Document::subtitle(std::string text) {
    subtitle_ = std::move(text);
    return *this;
}

Document& Document::footer(std::string text) {
    footer_ = std::move(text);
    return *this;
}

Document& Document::heading(int level, std::string text) {
    if (level < 1 || level > 3) throw invalid("level", "a heading level is 1, 2 or 3");
    blocks_.emplace_back(Heading{level, std::move(text)});
    return *this;
}

Document& Document::paragraph(std::string text) {
    blocks_.emplace_back(Paragraph{std::move(text)});
    return *this;
}

Document& Document::bullets(std::vector<std::string> items) {
    blocks_.emplace_back(Bullets{std::move(items)});
    return *this;
}

Document& Document::table(Table table) {
    for (const auto& row : table.rows)
        if (row.size() != table.header.size())
            throw invalid("rows", "every table row has as many cells as the header");
    blocks_.emplace_back(std::move(table));
    return *this;
}

Document& Document::figure(Figure figure) {
    if (!figure.draw || figure.width_pt <= 0 || figure.height_pt <= 0)
        throw invalid("figure", "a figure needs a size and a drawing function");
    blocks_.emplace_back(std::move(figure));
    return *this;
}

Document& Document::page_break() {
    blocks_.emplace_back(PageBreak{});
    return *this;
}

}  // namespace maillage::report
