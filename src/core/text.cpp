#include "core/text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace maillage::text {
namespace {

// ICU transliterators are not thread-safe, so each thread keeps its own.
icu::Transliterator& folder() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower", UTRANS_FORWARD,
            status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator unavailable");
        return t;
    }();
    return *instance;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

}  // namespace

std::string fold(std::string_view utf8) {
    std::string lowered;
    if (is_ascii(utf8)) {
        lowered = to_lower_ascii(utf8);
    } else {
        auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
        folder().transliterate(u);
        u.toUTF8String(lowered);
    }
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

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return std::string(s.substr(b, e - b));
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
