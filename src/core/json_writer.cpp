#include "core/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace maillage {

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (empty_.empty()) return;
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
}

JsonWriter& JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    empty_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    empty_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    string(name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    string(text);
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
    before_value();
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out_.append(digits, end);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    if (!std::isfinite(number)) {
        out_ += "null";  // as nlohmann writes NaN and infinities
        return *this;
    }
    char digits[64];
    // nlohmann's own shortest round-trip formatting (Grisu2, "1.0" for integral values).
    auto end = nlohmann::detail::to_chars(digits, digits + sizeof digits, number);
    out_.append(digits, end);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

namespace {

// Per byte: 1 when JSON needs an escape for it, 2 when it is part of a non-ASCII character.
constexpr std::array<std::uint8_t, 256> kByteKinds = [] {
    std::array<std::uint8_t, 256> kinds{};
    for (int c = 0; c < 0x20; ++c) kinds[c] = 1;
    kinds['"'] = kinds['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) kinds[c] = 2;
    return kinds;
}();
constexpr std::uint8_t kNeedsEscape = 1, kNonAscii = 2;

}  // namespace

void JsonWriter::string(std::string_view text) {
    std::uint8_t kinds = 0;
    for (unsigned char c : text) kinds |= kByteKinds[c];
    if ((kinds & kNonAscii) && !text::is_valid_utf8(text)) {
        // Rare (stored text is validated on input): nlohmann's own replacement of bad bytes.
        out_ += nlohmann::json(std::string(text))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    if (!(kinds & kNeedsEscape)) {
        out_.append(text);
        out_ += '"';
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t clean = 0;  // start of the bytes not copied yet
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (kByteKinds[c] != kNeedsEscape) continue;
        out_.append(text.substr(clean, i - clean));
        clean = i + 1;
        out_ += '\\';
        switch (c) {
            case '"':
                out_ += '"';
                break;
            case '\\':
                out_ += '\\';
                break;
            case '\b':
                out_ += 'b';
                break;
            case '\t':
                out_ += 't';
                break;
            case '\n':
                out_ += 'n';
                break;
            case '\f':
                out_ += 'f';
                break;
            case '\r':
                out_ += 'r';
                break;
            default:
                out_ += "u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0xF];
        }
    }
    out_.append(text.substr(clean));
    out_ += '"';
}

}  // namespace maillage
