// The two long runs: cataloguing every record, and rationalising proposals into groups.
#include <thread>
#include <unordered_map>

#include "accounts/account_service.hpp"
#include "accounts/write_checks.hpp"
#include "core/clock.hpp"
#include "core/json.hpp"
#include "needs/coder.hpp"
#include "needs/group_store.hpp"
#include "needs/grouping.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_store.hpp"
#include "needs/shingles.hpp"
#include "store/large_write_cache.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::size_t kCatalogueChunk = 25000;
// Small enough for the reading and the analysis to overlap, large enough that each chunk's
// analyser warms its word cache on many records.
constexpr std::size_t kRationaliseReadChunk = 16384;

RecordInput input_of(const storage::RecordText& t) {
    RecordInput r;
    r.record_id = t.record_id;
    r.commune = t.commune;
    r.need_text = t.need_text;
    r.proposal_text = t.proposal_text;
    r.need_codes = t.need_codes;
    r.sectors = t.sectors;
    return r;
}

// Codes every record on `threads` threads, each with its own Coder.
std::vector<std::vector<RecordCode>> code_all(
    const std::vector<storage::RecordText>& texts,
    const std::unordered_map<std::int64_t, std::vector<Correction>>& corrections,
    const Taxonomy& taxonomy, const territory::Territory& territory, unsigned threads) {
    std::vector<std::vector<RecordCode>> out(texts.size());
    threads = std::max(1u, std::min<unsigned>(threads, unsigned(texts.size() / 2000 + 1)));
    auto work = [&](std::size_t first, std::size_t last) {
        Coder coder(taxonomy);
        static const std::vector<Correction> none;
        for (std::size_t i = first; i < last; ++i) {
            auto input = input_of(texts[i]);
            auto hits = coder.rule_hits(taxonomy.languages().index_of(texts[i].language), input);
            auto found = corrections.find(texts[i].id);
            out[i] = merge_codes(hits, input, found == corrections.end() ? none : found->second,
                                 territory);
        }
    };
    std::vector<std::thread> pool;
    std::size_t per = (texts.size() + threads - 1) / threads;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, std::min(texts.size(), t * per),
                          std::min(texts.size(), (t + 1) * per));
    work(0, std::min(texts.size(), per));
    for (auto& th : pool) th.join();
    return out;
}

// Each record is compared on its proposal, or on its need when it made no proposal. The
// texts are read in chunks, each analysed on other threads while the next one is read.
std::pair<std::vector<storage::ComparedText>, ShingledTexts> read_and_shingle(
    Connection& c, std::int64_t pole_id, const Languages& languages, std::size_t width) {
    ShingleStream stream(languages, width, kWorkThreads);
    std::vector<std::vector<storage::ComparedText>> chunks;
    for (std::int64_t after = 0;;) {
        auto& chunk =
            chunks.emplace_back(storage::compared_texts(c, pole_id, after, kRationaliseReadChunk));
        if (chunk.empty()) break;
        after = chunk.back().id;
        std::vector<TextItem> items;
        items.reserve(chunk.size());
        for (const auto& t : chunk) items.push_back({languages.index_of(t.language), t.text});
        stream.add(std::move(items));
    }
    auto shingled = stream.finish();  // before the texts move: the items view them
    std::vector<storage::ComparedText> texts;
    texts.reserve(shingled.stems.size());
    for (auto& chunk : chunks) std::move(chunk.begin(), chunk.end(), std::back_inserter(texts));
    return {std::move(texts), std::move(shingled)};
}

}  // namespace

CatalogueSummary NeedsService::catalogue(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                         Progress& progress) {
    CatalogueSummary summary;
    database_.write([&](Connection& c) {
        store::LargeWriteCache cache(c);
        std::unordered_map<std::int64_t, std::vector<Correction>> corrections;
        for (auto& [record, correction] : storage::pole_corrections(c, pole_id))
            corrections[record].push_back(std::move(correction));
        auto total = storage::count_records(c, pole_id);
        progress.update("coding", 0, total);
        // In chunks of records, so that a million records' texts and codes are never all in
        // memory at once.
        for (std::int64_t after = 0;;) {
            auto texts = storage::record_texts(c, pole_id, after, kCatalogueChunk);
            if (texts.empty()) break;
            after = texts.back().id;
            auto codes = code_all(texts, corrections, taxonomy_, territory_, kWorkThreads);
            // Only the records whose codes come out differently are rewritten: a run after a
            // change of rules touches the records it concerns, a run without one writes
            // nothing.
            std::vector<std::int64_t> changed;
            std::vector<const std::vector<RecordCode>*> changed_codes;
            for (std::size_t i = 0; i < texts.size(); ++i) {
                ++(has_need_category(codes[i]) ? summary.coded : summary.uncoded);
                summary.codes += std::int64_t(codes[i].size());
                if (codes_fingerprint(codes[i]) == texts[i].codes_fingerprint) continue;
                changed.push_back(texts[i].id);
                changed_codes.push_back(&codes[i]);
            }
            storage::replace_codes(c, pole_id, changed, changed_codes);
            summary.rewritten += std::int64_t(changed.size());
            summary.records += std::int64_t(texts.size());
            progress.update("coding", summary.records, total);
        }
        Json s = {{"records", summary.records},
                  {"coded", summary.coded},
                  {"uncoded", summary.uncoded},
                  {"codes", summary.codes},
                  {"rewritten", summary.rewritten}};
        storage::add_run(c, pole_id, "catalogue", user_id, s.dump());
        accounts::record_activity(c, pole_id, user_id, "catalogue", "intake_record", std::nullopt,
                                  std::to_string(summary.records) + " records coded");
    });
    return summary;
}

RationaliseSummary NeedsService::rationalise(std::int64_t pole_id,
                                             std::optional<std::int64_t> user_id,
                                             Progress& progress) {
    Settings s = settings(pole_id);
    RationaliseSummary summary;
    // Foreign keys unchecked (SQLite checked the group and the record of every member row):
    // members refer to groups written just before them and to records read in this transaction
    // (BEGIN IMMEDIATE: nobody deletes them meanwhile); the old members go before their groups,
    // so no cascade is needed; the pole and the user are checked once here.
    database_.write_unchecked([&](Connection& c) {
        accounts::require_pole_and_user(c, pole_id, user_id);
        store::LargeWriteCache cache(c);
        progress.update("reading", 0, 0);
        auto [texts, shingled] =
            read_and_shingle(c, pole_id, taxonomy_.languages(), std::size_t(s.shingle_size));
        auto membership = storage::group_membership(c, pole_id);
        auto previous_groups = storage::stored_groups(c, pole_id);
        auto decisions = storage::decisions(c, pole_id);

        progress.update("comparing", 0, texts.size());
        // The groups need the components of the similarity graph, not every similar pair.
        auto similar =
            similar_components(shingled.sets, s.similarity_threshold, kGroupingCandidatesPerToken);
        Partition partition = partition_from_labels(similar.labels);
        progress.update("comparing", texts.size(), texts.size());

        std::unordered_map<std::string, std::uint32_t> item_of;
        for (std::uint32_t i = 0; i < texts.size(); ++i) item_of[texts[i].record_id] = i;
        std::vector<DecisionItems> replayed;
        for (const auto& d : decisions) {
            DecisionItems items_of_decision{d.kind, {}};
            for (const auto& r : d.records)
                if (auto it = item_of.find(r); it != item_of.end())
                    items_of_decision.items.push_back(it->second);
            replayed.push_back(std::move(items_of_decision));
        }
        replay(partition, replayed);
        // Found on a second thread while this one carries the ids over and writes the groups.
        RepresentativesAhead representatives(shingled.sets, partition);

        std::vector<std::optional<std::int64_t>> previous(texts.size());
        for (std::uint32_t i = 0; i < texts.size(); ++i)
            if (auto it = membership.find(texts[i].id); it != membership.end())
                previous[i] = it->second;
        auto kept = carry_over_ids(partition, previous);
        std::int64_t fresh = 0;
        for (const auto& k : kept) fresh += !k;
        std::int64_t next_id = fresh ? storage::reserve_ids(c, "group", fresh) : 0;

        progress.update("writing", 0, partition.clusters());
        storage::delete_pole_groups(c, pole_id);
        auto groups = storage::group_writer(c);
        auto members = storage::member_writer(c, groups.get());
        const std::string now = clock::now_iso();
        for (std::size_t g = 0; g < partition.clusters(); ++g) {
            const auto& m = partition.members[g];
            std::int64_t id = kept[g] ? *kept[g] : next_id++;
            auto rep = representatives.of(g);
            std::optional<std::string> custom_title;
            std::string created_at = now;
            if (auto old = previous_groups.find(id); kept[g] && old != previous_groups.end()) {
                custom_title = old->second.custom_title;
                created_at = old->second.created_at;
                ++summary.kept_ids;
            }
            storage::add_group(*groups, id, pole_id, texts[rep].id, texts[rep].text, custom_title,
                               std::int64_t(m.size()), partition.manual[g], created_at, now);
            for (auto item : m) members->add({id, texts[item].id, pole_id});
            if (m.size() >= 2) {
                ++summary.groups;
                summary.grouped += std::int64_t(m.size());
            } else {
                ++summary.singles;
            }
            if (g % 10000 == 0) progress.update("writing", g, partition.clusters());
        }
        members->flush();
        groups->flush();
        progress.update("writing", partition.clusters(), partition.clusters());
        summary.records = std::int64_t(texts.size());
        summary.pairs = std::int64_t(similar.links + similar.identical);
        summary.decisions = std::int64_t(decisions.size());
        Json run = {{"records", summary.records},     {"groups", summary.groups},
                    {"grouped", summary.grouped},     {"singles", summary.singles},
                    {"pairs", summary.pairs},         {"kept_ids", summary.kept_ids},
                    {"decisions", summary.decisions}, {"threshold", s.similarity_threshold},
                    {"shingle_size", s.shingle_size}};
        storage::add_run(c, pole_id, "rationalise", user_id, run.dump());
        accounts::record_activity(c, pole_id, user_id, "rationalise", "need_group", std::nullopt,
                                  std::to_string(summary.groups) + " groups of " +
                                      std::to_string(summary.grouped) + " records");
    });
    database_.refresh_after_bulk_load({"needs_groups", "needs_group_members"}, summary.records);
    return summary;
}

}  // namespace maillage::needs
