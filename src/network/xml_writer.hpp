#pragma once
// A small streaming XML writer: elements are closed in order, attribute values and text are
// escaped, and characters XML 1.0 cannot hold are dropped, so that whatever actors are called
// the file parses. (Of general use: it could move to src/io.)
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maillage::network {

class XmlWriter {
  public:
    using Attributes = std::vector<std::pair<std::string_view, std::string>>;

    XmlWriter();  // writes the XML declaration
    void open(std::string_view name, const Attributes& attributes = {});
    void close();  // the innermost open element
    // <name attributes/>, or <name attributes>text</name> when text is given.
    void element(std::string_view name, const Attributes& attributes = {},
                 std::string_view text = {});
    // Closes what is still open and returns the document.
    std::string finish();

    static std::string escape(std::string_view text, bool in_attribute);

  private:
    void start_tag(std::string_view name, const Attributes& attributes);
    void indent();
    std::string out_;
    std::vector<std::string> open_;
};

}  // namespace maillage::network
