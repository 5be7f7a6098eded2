#pragma once
// Reading a free text as a sequence of stemmed words: lower case, elisions dropped
// (l'épicerie → épicerie), stop words left out, each word stemmed with its language's
// Snowball stemmer and then folded (accents removed), so that "épiceries", "Épicerie" and
// "epicerie" meet. Every distinct word is stemmed once: an Analyzer keeps a cache, and gives
// each distinct stem a small integer id.
//
// An Analyzer is not thread-safe (the Snowball stemmers keep state): each thread has its own.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "needs/languages.hpp"

struct sb_stemmer;

namespace maillage::needs {

// One word of a text: its stem id and where it is in the text (bytes), so that a match can
// show the words as they were written.
struct Word {
    std::uint32_t stem = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// Lower case without accents, as text::fold writes a single word, but without ICU's
// transliterator for the Latin letters (the costliest step of reading 100,000 texts).
// Letters outside Latin-1 and Latin Extended-A/B go through text::fold.
std::string fold_word(std::string_view utf8_word);

// A whole text folded for searching: words lower case without accents, anything else one
// space, as text::fold writes it, with the fast path of fold_word.
std::string fold_text(std::string_view utf8);

class Analyzer {
  public:
    explicit Analyzer(const Languages& languages);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Appends the words of `text` (in the language at `language`, an index of Languages)
    // to `out`, stop words and numbers left out.
    void analyse(std::string_view text, std::size_t language, std::vector<Word>& out);

    // The id of a stem (folded text), adding it when new.
    std::uint32_t intern(std::string_view stem);
    const std::string& stem(std::uint32_t id) const { return stems_[id]; }
    std::size_t stem_count() const { return stems_.size(); }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    static constexpr std::uint32_t kLeftOut = 0xFFFFFFFFu;

    // The stem id of a lower-case word, or kLeftOut for a stop word or a number.
    std::uint32_t lookup(std::size_t language, std::string_view lower);
    std::uint32_t stem_new_word(std::size_t language, std::string_view lower);
    void emit(std::size_t language, std::uint32_t begin, std::uint32_t end, std::vector<Word>& out);

    const Languages& languages_;
    std::vector<sb_stemmer*> stemmers_;  // per language
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> cache_;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> stem_ids_;
    std::vector<std::string> stems_;
    std::string key_;    // language byte + lower-case word, reused
    std::string lower_;  // the current word, lower case, reused
};

}  // namespace maillage::needs
