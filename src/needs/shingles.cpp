#include "needs/shingles.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>

#include "needs/analyzer.hpp"

namespace maillage::needs {
namespace {

struct Part {
    std::vector<std::vector<std::uint32_t>> local;  // per item of the part, local stem ids
    std::vector<std::string> stems;                 // local id -> stem
};

void analyse_part(const std::vector<TextItem>& items, std::size_t first, std::size_t last,
                  const Languages& languages, Part& part) {
    Analyzer analyzer(languages);
    std::vector<Word> words;
    part.local.resize(last - first);
    for (std::size_t i = first; i < last; ++i) {
        words.clear();
        analyzer.analyse(items[i].text, items[i].language, words);
        auto& sequence = part.local[i - first];
        sequence.reserve(words.size());
        for (const auto& w : words) sequence.push_back(w.stem);
    }
    for (std::uint32_t id = 0; id < analyzer.stem_count(); ++id)
        part.stems.push_back(analyzer.stem(id));
}

std::uint64_t mix(std::uint64_t h, std::uint32_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

}  // namespace

ShingledTexts shingle_texts(const std::vector<TextItem>& items, const Languages& languages,
                            std::size_t width, unsigned threads) {
    threads = std::max(1u, std::min<unsigned>(threads, unsigned(items.size() / 2000 + 1)));
    std::vector<Part> parts(threads);
    std::vector<std::thread> pool;
    std::size_t per = (items.size() + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t) {
        std::size_t first = std::min(items.size(), t * per),
                    last = std::min(items.size(), first + per);
        if (t + 1 == threads)
            analyse_part(items, first, last, languages, parts[t]);
        else
            pool.emplace_back(analyse_part, std::cref(items), first, last, std::cref(languages),
                              std::ref(parts[t]));
    }
    for (auto& th : pool) th.join();

    ShingledTexts out;
    out.stems.reserve(items.size());
    std::unordered_map<std::string, std::uint32_t> global;
    for (auto& part : parts) {
        std::vector<std::uint32_t> to_global(part.stems.size());
        for (std::size_t id = 0; id < part.stems.size(); ++id)
            to_global[id] = global.emplace(std::move(part.stems[id]), std::uint32_t(global.size()))
                                .first->second;
        for (auto& sequence : part.local) {
            for (auto& s : sequence) s = to_global[s];
            out.stems.push_back(std::move(sequence));
        }
    }
    out.distinct_stems = global.size();

    std::unordered_map<std::uint64_t, std::uint32_t> shingle_ids;
    std::size_t total = 0;
    for (const auto& s : out.stems) total += s.size();
    out.sets.reserve(items.size(), total);
    std::vector<std::uint32_t> set;
    for (const auto& sequence : out.stems) {
        set.clear();
        if (width <= 1) {
            set = sequence;
        } else if (!sequence.empty()) {
            std::size_t runs = sequence.size() >= width ? sequence.size() - width + 1 : 1;
            for (std::size_t i = 0; i < runs; ++i) {
                std::uint64_t h = width;
                for (std::size_t k = i; k < std::min(sequence.size(), i + width); ++k)
                    h = mix(h, sequence[k]);
                set.push_back(
                    shingle_ids.emplace(h, std::uint32_t(shingle_ids.size())).first->second);
            }
        }
        out.sets.add(set);
    }
    return out;
}

}  // namespace maillage::needs
