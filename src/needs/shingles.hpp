#pragma once
// Proposals as sets of stemmed word shingles, ready for the similarity join: each text is
// read by an Analyzer (one per thread), its stems get ids shared by all threads, and each run
// of `width` consecutive stems becomes one shingle (width 1: the set of stems).
#include <cstddef>
#include <memory>
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

// Shingles texts as they are read: each chunk is analysed on a thread of its own (at most
// `threads` at once) while the caller reads the next one; the result is that of
// shingle_texts on all the chunks in order. The chunks' texts must outlive finish().
class ShingleStream {
  public:
    ShingleStream(const Languages& languages, std::size_t width, unsigned threads);
    ShingleStream(const ShingleStream&) = delete;
    ShingleStream& operator=(const ShingleStream&) = delete;
    ~ShingleStream();
    void add(std::vector<TextItem> chunk);
    ShingledTexts finish();

  private:
    struct Part;
    const Languages& languages_;
    std::size_t width_;
    unsigned threads_;
    std::vector<std::unique_ptr<Part>> parts_;
    std::size_t joined_ = 0;  // parts before this one have finished
};

// Texts shorter than `width` stems make one shingle of all their stems.
ShingledTexts shingle_texts(const std::vector<TextItem>& items, const Languages& languages,
                            std::size_t width, unsigned threads);

}  // namespace maillage::needs
