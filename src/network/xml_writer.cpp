#include "network/xml_writer.hpp"

#include "core/error.hpp"

namespace maillage::network {

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

std::string XmlWriter::escape(std::string_view text, bool in_attribute) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
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
                out += in_attribute ? "&quot;" : "\"";
                break;
            case '\n':
            case '\t':
            case '\r':
                // In an attribute a raw line break would be read back as a space.
                out += in_attribute ? "&#" + std::to_string(u) + ";" : std::string(1, c);
                break;
            default:
                if (u >= 0x20) out += c;  // other control characters are not XML 1.0
        }
    }
    return out;
}

void XmlWriter::indent() {
    out_.append(open_.size() * 2, ' ');
}

void XmlWriter::start_tag(std::string_view name, const Attributes& attributes) {
    indent();
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attributes) {
        out_ += ' ';
        out_ += key;
        out_ += "=\"";
        out_ += escape(value, true);
        out_ += '"';
    }
}

void XmlWriter::open(std::string_view name, const Attributes& attributes) {
    start_tag(name, attributes);
    out_ += ">\n";
    open_.emplace_back(name);
}

void XmlWriter::close() {
    if (open_.empty()) throw Error(ErrorCode::internal, "XML: closing an element never opened");
    std::string name = std::move(open_.back());
    open_.pop_back();
    indent();
    out_ += "</" + name + ">\n";
}

void XmlWriter::element(std::string_view name, const Attributes& attributes,
                        std::string_view text) {
    start_tag(name, attributes);
    if (text.empty()) {
        out_ += "/>\n";
        return;
    }
    out_ += '>';
    out_ += escape(text, false);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

std::string XmlWriter::finish() {
    while (!open_.empty()) close();
    return std::move(out_);
}

}  // namespace maillage::network
