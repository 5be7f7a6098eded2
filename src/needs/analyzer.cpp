#include "needs/analyzer.hpp"

#include <libstemmer.h>
#include <unicode/uchar.h>

#include <cstring>
#include <unordered_map>

#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::needs {
namespace {

// Code points below this are described by a table built once with ICU (Latin-1, Latin
// Extended-A and -B: every letter French and Italian texts use); others ask ICU each time.
constexpr char32_t kTableSize = 0x250;
constexpr char32_t kReplacement = 0xFFFD;
// Elided words are short ("l", "qu", "jusqu", "dell"); longer words are never checked.
constexpr std::size_t kMaxElisionBytes = 8;

struct CodePointInfo {
    bool word = false;  // a letter, a digit or a combining mark
    bool apostrophe = false;
    std::string lower;   // UTF-8
    std::string folded;  // UTF-8, as text::fold writes the code point alone
};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

CodePointInfo describe(char32_t cp) {
    CodePointInfo info;
    info.apostrophe = cp == U'\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
    auto c = static_cast<UChar32>(cp);
    info.word = !info.apostrophe && cp != kReplacement &&
                (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK);
    if (!info.word) return info;
    append_utf8(info.lower, static_cast<char32_t>(u_tolower(c)));
    std::string alone;
    append_utf8(alone, cp);
    info.folded = text::fold(alone);
    return info;
}

const CodePointInfo& info_of(char32_t cp) {
    static const std::vector<CodePointInfo> table = [] {
        std::vector<CodePointInfo> t;
        t.reserve(kTableSize);
        for (char32_t c = 0; c < kTableSize; ++c) t.push_back(describe(c));
        return t;
    }();
    if (cp < kTableSize) return table[cp];
    thread_local std::unordered_map<char32_t, CodePointInfo> others;
    auto it = others.find(cp);
    if (it == others.end()) it = others.emplace(cp, describe(cp)).first;
    return it->second;
}

// Decodes the code point at `i` and its length; invalid bytes give U+FFFD, one byte long.
char32_t decode(std::string_view s, std::size_t i, std::size_t& length) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char lead = byte(i);
    std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    length = 1;
    if (n == 0 || i + n > s.size()) return kReplacement;
    char32_t cp = lead & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return kReplacement;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    length = n;
    return cp;
}

bool is_ascii_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string fold_word(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            if (is_ascii_word_char(c))
                out.push_back(static_cast<char>(c | 0x20 * (c >= 'A' && c <= 'Z')));
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t cp = decode(word, i, length);
        if (cp >= kTableSize) return text::fold(word);
        out += info_of(cp).folded;
        i += length;
    }
    return out;
}

std::string fold_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        if (piece.empty()) return;
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.append(piece);
    };
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (is_ascii_word_char(c)) {
                char lower = static_cast<char>(c | 0x20 * (c >= 'A' && c <= 'Z'));
                put(std::string_view(&lower, 1));
            } else {
                pending_space = true;
            }
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t cp = decode(text, i, length);
        if (cp >= kTableSize) {
            // Outside Latin: fold the run up to the next ASCII byte with ICU.
            std::size_t end = i;
            while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
            std::string folded = text::fold(text.substr(i, end - i));
            if (!folded.empty()) put(folded);
            i = end;
            continue;
        }
        const auto& info = info_of(cp);
        if (info.word)
            put(info.folded);
        else
            pending_space = true;
        i += length;
    }
    return out;
}

std::uint64_t StringIds::hash_of(std::string_view key) {
    // FNV-1a over 8-byte words, then a final mix (the words are short: one or two rounds).
    std::uint64_t h = 1469598103934665603ull ^ key.size();
    std::size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, key.data() + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    if (i < key.size()) std::memcpy(&tail, key.data() + i, key.size() - i);
    h = (h ^ tail) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
}

std::size_t StringIds::slot_of(std::string_view key, std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.value == npos) return i;
        if (s.hash == hash && s.length == key.size() &&
            std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0)
            return i;
    }
}

std::uint32_t StringIds::find(std::string_view key) const {
    return slots_[slot_of(key, hash_of(key))].value;
}

void StringIds::insert(std::string_view key, std::uint32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::uint64_t hash = hash_of(key);
    Slot& s = slots_[slot_of(key, hash)];
    s = {hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(key.size()),
         value};
    arena_.append(key);
    ++count_;
}

void StringIds::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.value == npos) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].value != npos) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

Analyzer::Analyzer(const Languages& languages) : languages_(languages) {
    for (const auto& language : languages.all()) {
        sb_stemmer* stemmer = sb_stemmer_new(language.stemmer.c_str(), "UTF_8");
        if (!stemmer) {
            for (auto* s : stemmers_) sb_stemmer_delete(s);
            throw Error(ErrorCode::internal, "no Snowball stemmer '" + language.stemmer + "'");
        }
        stemmers_.push_back(stemmer);
    }
}

Analyzer::~Analyzer() {
    for (auto* s : stemmers_) sb_stemmer_delete(s);
}

std::uint32_t Analyzer::intern(std::string_view stem) {
    if (auto found = stem_ids_.find(stem); found != StringIds::npos) return found;
    auto id = static_cast<std::uint32_t>(stems_.size());
    stems_.emplace_back(stem);
    stem_ids_.insert(stem, id);
    return id;
}

std::uint32_t Analyzer::stem_new_word(std::size_t language, std::string_view lower) {
    std::string folded = fold_word(lower);
    const auto& rules = languages_.at(language);
    if (folded.size() < 2 || all_digits(folded) || rules.stop_words.count(folded)) return kLeftOut;
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmers_[language], reinterpret_cast<const sb_symbol*>(lower.data()),
                        static_cast<int>(lower.size()));
    if (!stemmed) return intern(folded);  // out of memory in the stemmer: keep the word
    std::string_view stem(reinterpret_cast<const char*>(stemmed),
                          static_cast<std::size_t>(sb_stemmer_length(stemmers_[language])));
    return intern(fold_word(stem));
}

std::uint32_t Analyzer::lookup(std::size_t language, std::string_view lower) {
    key_.assign(1, static_cast<char>(language));
    key_.append(lower);
    if (auto found = cache_.find(key_); found != StringIds::npos) return found;
    std::uint32_t id = stem_new_word(language, lower);
    cache_.insert(key_, id);
    return id;
}

void Analyzer::emit(std::size_t language, std::uint32_t begin, std::uint32_t end,
                    std::vector<Word>& out) {
    std::uint32_t id = lookup(language, lower_);
    lower_.clear();
    if (id != kLeftOut) out.push_back({id, begin, end});
}

void Analyzer::analyse(std::string_view text, std::size_t language, std::vector<Word>& out) {
    if (language >= stemmers_.size())
        throw Error(ErrorCode::internal, "unknown language index " + std::to_string(language));
    const auto& elisions = languages_.at(language).elisions;
    lower_.clear();
    std::uint32_t begin = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        const CodePointInfo* info = nullptr;
        bool word_char = false, apostrophe = false;
        if (c < 0x80) {
            word_char = is_ascii_word_char(c);
            apostrophe = c == '\'';
        } else {
            info = &info_of(decode(text, i, length));
            word_char = info->word;
            apostrophe = info->apostrophe;
        }
        if (word_char) {
            if (!in_word) begin = static_cast<std::uint32_t>(i);
            in_word = true;
            if (info)
                lower_ += info->lower;
            else
                lower_.push_back(static_cast<char>(c | 0x20 * (c >= 'A' && c <= 'Z')));
        } else if (in_word) {
            in_word = false;
            if (apostrophe && lower_.size() <= kMaxElisionBytes &&
                elisions.count(fold_word(lower_)))
                lower_.clear();  // "l'" of "l'épicerie": the article goes, the noun stays
            else
                emit(language, begin, static_cast<std::uint32_t>(i), out);
        }
        i += length;
    }
    if (in_word) emit(language, begin, static_cast<std::uint32_t>(text.size()), out);
}

}  // namespace maillage::needs
