#include "core/text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace maillage::text {
namespace {

// The reference folding of any script: to Latin, accents removed, to ASCII where Latin-ASCII
// knows how, lower case.
constexpr const char* kFoldRules =
    "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower";

// ICU transliterators are not thread-safe, so each thread keeps its own.
icu::Transliterator& folder() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance(kFoldRules, UTRANS_FORWARD, status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator unavailable");
        return t;
    }();
    return *instance;
}

// The transliterator's output for a whole text, before punctuation becomes spaces.
std::string transliterate(std::string_view utf8) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
    folder().transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// The transliterator costs about 20 µs per accented name, most of a bulk import's time. For
// Latin letters, combining accents and common punctuation, its output does not depend on the
// neighbouring characters (the only context rules of Latin-ASCII choose between "AE" and "Ae",
// which Lower makes equal), so each such code point's output is computed once, by the
// transliterator itself, and texts made only of them are folded by table lookup. Any other
// character sends the whole text to the transliterator. core_test checks the two paths agree
// on a large sample of French, Italian and other texts.
class LatinTable {
  public:
    LatinTable() {
        for (const auto& range : kRanges)
            for (char32_t c = range.first; c <= range.last; ++c) {
                char utf8[4];
                std::int32_t length = 0;
                U8_APPEND_UNSAFE(utf8, length, c);
                std::string folded = transliterate(std::string_view(utf8, std::size_t(length)));
                Entry entry;
                if (folded.size() <= entry.bytes.size()) {
                    entry.size = std::uint8_t(folded.size());
                    folded.copy(entry.bytes.data(), folded.size());
                }
                entries_.push_back(entry);
            }
    }

    // The folded bytes of `c`, or null when `c` needs the transliterator.
    std::optional<std::string_view> find(char32_t c) const {
        std::size_t offset = 0;
        for (const auto& range : kRanges) {
            if (c >= range.first && c <= range.last) {
                const Entry& entry = entries_[offset + (c - range.first)];
                if (entry.size == kUnusable) return std::nullopt;
                return std::string_view(entry.bytes.data(), entry.size);
            }
            offset += range.last - range.first + 1;
        }
        return std::nullopt;
    }

  private:
    struct Range {
        char32_t first, last;
    };
    // Latin-1 Supplement to Latin Extended-B, combining diacritical marks, Latin Extended
    // Additional (Vietnamese), general punctuation (’ « – …) and currency signs.
    static constexpr Range kRanges[] = {
        {0x80, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}};
    static constexpr std::uint8_t kUnusable = 0xFF;
    struct Entry {
        std::array<char, 7> bytes{};
        std::uint8_t size = kUnusable;
    };
    std::vector<Entry> entries_;
};

const LatinTable& latin_table() {
    static const LatinTable table;
    return table;
}

// The transliterator's output for a text of table characters, or nothing when it has others
// (or is not valid UTF-8, which ICU replaces in its own way).
std::optional<std::string> transliterate_latin(std::string_view utf8) {
    const auto& table = latin_table();
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::string out;
    out.reserve(utf8.size());
    std::int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            char c = char(s[i++]);
            out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return std::nullopt;
        auto folded = table.find(char32_t(c));
        if (!folded) return std::nullopt;
        out.append(*folded);
    }
    return out;
}

// Keeps letters, digits and non-ASCII bytes; every other run of characters becomes one space
// between words.
std::string words_apart(std::string_view lowered) {
    std::string out;
    out.reserve(lowered.size());
    bool pending_space = false;
    for (unsigned char c : lowered) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (!keep) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
    if (is_ascii(utf8)) return words_apart(to_lower_ascii(utf8));
    if (auto latin = transliterate_latin(utf8)) return words_apart(*latin);
    return words_apart(transliterate(utf8));
}

std::vector<std::string> words(std::string_view utf8) {
    std::vector<std::string> result;
    std::string folded = fold(utf8);
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        bool seen = false;
        for (const auto& w : result) seen = seen || w == word;
        if (!seen) result.push_back(std::move(word));
        start = end + 1;
    }
    return result;
}
bool is_valid_utf8(std::string_view bytes) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(bytes.size());
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string latin1_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string_view trim_view(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return s.substr(b, e - b);
}

std::string trim(std::string_view s) {
    return std::string(trim_view(s));
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string prefix_successor(std::string_view prefix) {
    std::string s(prefix);
    while (!s.empty()) {
        auto last = static_cast<unsigned char>(s.back());
        if (last < 0xFF) {
            s.back() = static_cast<char>(last + 1);
            return s;
        }
        s.pop_back();
    }
    return "\xFF";
}

}  // namespace maillage::text
