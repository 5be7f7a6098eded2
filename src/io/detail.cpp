#include "io/detail.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/text.hpp"

namespace maillage::io::detail {
namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Below 2^53 every integer is exactly representable, so it can be printed without loss.
constexpr double max_exact_integer = 9007199254740992.0;
// Within this range fixed notation stays short ("0.000125", "123456.5"); outside it the
// scientific form is easier to read.
constexpr double min_fixed_magnitude = 1e-10;
constexpr double max_fixed_magnitude = 1e15;

// The code point of the "_xHHHH_" escape starting at `at`, if there is one.
std::optional<unsigned> ooxml_escape_at(std::string_view text, std::size_t at) {
    constexpr std::size_t escape_length = 7;
    if (at + escape_length > text.size() || text[at] != '_' || text[at + 1] != 'x' ||
        text[at + 6] != '_')
        return std::nullopt;
    unsigned code_point = 0;
    auto [end, error] = std::from_chars(&text[at + 2], &text[at + 6], code_point, 16);
    if (error != std::errc() || end != &text[at + 6]) return std::nullopt;
    return code_point;
}

void append_code_point(std::string& out, unsigned code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

bool is_surrogate(unsigned code_point) {
    return code_point >= 0xD800 && code_point <= 0xDFFF;
}

}  // namespace

std::string decode_ooxml_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto code_point = ooxml_escape_at(text, i);
        if (!code_point || is_surrogate(*code_point)) {
            out.push_back(text[i]);
            continue;
        }
        append_code_point(out, *code_point);
        i += 6;
    }
    return out;
}

std::string protect_ooxml_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 7);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (ooxml_escape_at(text, i)) out += "_x005F";
        out.push_back(text[i]);
    }
    return out;
}

std::string normalise_header_name(std::string_view name) {
    std::string trimmed = text::trim(name);
    if (is_ascii(trimmed)) return text::to_lower_ascii(trimmed);
    auto unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(trimmed.data(), static_cast<int32_t>(trimmed.size())));
    std::string lowered;
    unicode.toLower(icu::Locale::getRoot()).toUTF8String(lowered);
    return lowered;
}

void normalise_header(std::vector<std::string>& names) {
    for (auto& name : names) name = normalise_header_name(name);
}

bool all_empty(const std::vector<std::string>& cells) {
    for (const auto& cell : cells)
        if (!cell.empty()) return false;
    return true;
}

std::string column_letters(std::size_t index) {
    std::string letters;
    std::size_t n = index + 1;
    while (n > 0) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return letters;
}

std::string render_spreadsheet_number(std::string_view stored) {
    double value = 0;
    auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc() || end != stored.data() + stored.size() || !std::isfinite(value))
        return std::string(stored);
    if (std::fabs(value) < max_exact_integer && value == std::trunc(value))
        return std::to_string(static_cast<std::int64_t>(value));
    std::array<char, 64> buffer{};
    double magnitude = std::fabs(value);
    auto format = magnitude >= min_fixed_magnitude && magnitude < max_fixed_magnitude
                      ? std::chars_format::fixed
                      : std::chars_format::general;
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format);
    if (result.ec != std::errc()) return std::string(stored);
    return std::string(buffer.data(), result.ptr);
}

std::optional<double> lossless_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    std::size_t integer_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    std::size_t integer_digits = i - integer_start;
    if (integer_digits == 0) return std::nullopt;
    if (integer_digits > 1 && text[integer_start] == '0') return std::nullopt;  // leading zero
    std::size_t fraction_digits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::size_t fraction_start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        fraction_digits = i - fraction_start;
        if (fraction_digits == 0 || text[i - 1] == '0') return std::nullopt;  // "1." or "1.50"
    }
    if (i != text.size()) return std::nullopt;

    // Significant digits: leading zeros of "0.00012" do not count.
    std::size_t significant = 0;
    bool seen_nonzero = false;
    for (char c : text.substr(integer_start)) {
        if (!is_digit(c)) continue;
        seen_nonzero = seen_nonzero || c != '0';
        if (seen_nonzero) ++significant;
    }
    if (significant > 15) return std::nullopt;

    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    if (value == 0 && text != "0") return std::nullopt;  // "-0"
    if (value != 0 && std::fabs(value) < min_fixed_magnitude) return std::nullopt;
    return value;
}

}  // namespace maillage::io::detail
