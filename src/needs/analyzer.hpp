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

// Strings to 32-bit values in one open-addressing table over a byte arena: the analyser's
// word cache and stem ids are looked up for every word of every text, and a node-based
// std::unordered_map<std::string> spent more time there (hashing, chasing nodes, allocating)
// than the stemmer. A helper of general use that could move to src/core.
class StringIds {
  public:
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;
    std::uint32_t find(std::string_view key) const;
    // Adds `key` with `value` (the key must not be there yet).
    void insert(std::string_view key, std::uint32_t value);
    std::size_t size() const { return count_; }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0, length = 0;
        std::uint32_t value = npos;  // npos: empty slot
    };
    static std::uint64_t hash_of(std::string_view key);
    std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(64);
    std::string arena_;
    std::size_t count_ = 0;
};

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
    static constexpr std::uint32_t kLeftOut = 0xFFFFFFFEu;  // StringIds::npos is "absent"

    // The stem id of a lower-case word, or kLeftOut for a stop word or a number.
    std::uint32_t lookup(std::size_t language, std::string_view lower);
    std::uint32_t stem_new_word(std::size_t language, std::string_view lower);
    void emit(std::size_t language, std::uint32_t begin, std::uint32_t end, std::vector<Word>& out);

    const Languages& languages_;
    std::vector<sb_stemmer*> stemmers_;  // per language
    StringIds cache_;                    // language byte + lower-case word -> stem id or kLeftOut
    StringIds stem_ids_;                 // stem -> id
    std::vector<std::string> stems_;
    std::string key_;    // language byte + lower-case word, reused
    std::string lower_;  // the current word, lower case, reused
};

}  // namespace maillage::needs
