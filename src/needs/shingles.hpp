#pragma once
// Proposals as sets of stemmed word shingles, ready for the similarity join: each text is
// read by an Analyzer (one per thread), its stems get ids shared by all threads, and each run
// of `width` consecutive stems becomes one shingle (width 1: the set of stems).
#include <cstddef>
#include <string_view>
#include <vector>

#include "needs/languages.hpp"
#include "needs/similarity.hpp"

namespace maillage::needs {

struct TextItem {
    std::size_t language = 0;  // index in Languages
    std::string_view text;
};

struct ShingledTexts {
    SetCollection sets;                             // one set per item, in order
    std::vector<std::vector<std::uint32_t>> stems;  // each item's stem sequence (global ids)
    std::size_t distinct_stems = 0;
};

// Texts shorter than `width` stems make one shingle of all their stems.
ShingledTexts shingle_texts(const std::vector<TextItem>& items, const Languages& languages,
                            std::size_t width, unsigned threads);

}  // namespace maillage::needs
