#include "needs/shingles.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>

#include "needs/analyzer.hpp"

namespace maillage::needs {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint32_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

}  // namespace

struct ShingleStream::Part {
    std::vector<TextItem> items;
    std::vector<std::vector<std::uint32_t>> local;  // per item, local stem ids
    std::vector<std::string> stems;                 // local id -> stem
    std::thread thread;

    void analyse(const Languages& languages) {
        Analyzer analyzer(languages);
        std::vector<Word> words;
        local.resize(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            words.clear();
            analyzer.analyse(items[i].text, items[i].language, words);
            local[i].reserve(words.size());
            for (const auto& w : words) local[i].push_back(w.stem);
        }
        for (std::uint32_t id = 0; id < analyzer.stem_count(); ++id)
            stems.push_back(analyzer.stem(id));
    }
};

ShingleStream::ShingleStream(const Languages& languages, std::size_t width, unsigned threads)
    : languages_(languages), width_(width), threads_(std::max(1u, threads)) {}

ShingleStream::~ShingleStream() {
    for (auto& part : parts_)
        if (part->thread.joinable()) part->thread.join();
}

void ShingleStream::add(std::vector<TextItem> chunk) {
    if (chunk.empty()) return;
    while (parts_.size() - joined_ >= threads_) parts_[joined_++]->thread.join();
    auto& part = *parts_.emplace_back(std::make_unique<Part>());
    part.items = std::move(chunk);
    part.thread = std::thread([&part, this] { part.analyse(languages_); });
}

ShingledTexts ShingleStream::finish() {
    for (; joined_ < parts_.size(); ++joined_) parts_[joined_]->thread.join();
    std::size_t count = 0;
    for (const auto& part : parts_) count += part->items.size();
    const std::size_t width = width_;
    ShingledTexts out;
    out.stems.reserve(count);
    std::unordered_map<std::string, std::uint32_t> global;
    for (auto& owned : parts_) {
        auto& part = *owned;
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
    out.sets.reserve(count, total);
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
    parts_.clear();
    joined_ = 0;
    return out;
}

ShingledTexts shingle_texts(const std::vector<TextItem>& items, const Languages& languages,
                            std::size_t width, unsigned threads) {
    threads = std::max(1u, std::min<unsigned>(threads, unsigned(items.size() / 2000 + 1)));
    ShingleStream stream(languages, width, threads);
    std::size_t per = (items.size() + threads - 1) / threads;
    for (std::size_t first = 0; first < items.size(); first += per)
        stream.add({items.begin() + std::ptrdiff_t(first),
                    items.begin() + std::ptrdiff_t(std::min(items.size(), first + per))});
    return stream.finish();
}

}  // namespace maillage::needs
