// Aggregates: the catalogue's counts, the territorial diagnostic and the pole's figures.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "needs/group_store.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_store.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::size_t kWordsPerCode = 8;

std::vector<RecordFacts> load_facts(Connection& c, std::int64_t pole_id, const Taxonomy& taxonomy,
                                    const territory::Territory& territory) {
    FactCodes codes(taxonomy);
    std::vector<RecordFacts> facts;
    std::unordered_map<std::int64_t, std::size_t> position;
    for (const auto& row :
         c.query("SELECT id, commune, situations, age_band, coop_interest FROM needs_records "
                 "WHERE pole_id = ?",
                 {pole_id})) {
        RecordFacts f;
        if (auto commune = row.optional_text(1)) f.commune = territory.commune(*commune);
        for (const auto& s : storage::split_stored(row.text(2)))
            f.situations |= codes.situation_bit(s);
        if (auto a = row.optional_text(3)) f.age_band = codes.age_band(*a);
        if (auto k = row.optional_text(4)) f.coop_interest = codes.coop_interest(*k);
        position[row.integer(0)] = facts.size();
        facts.push_back(std::move(f));
    }
    for (const auto& row :
         c.query("SELECT record, code FROM needs_codes WHERE pole_id = ? AND kind = 'need' "
                 "AND effective = 1",
                 {pole_id})) {
        auto it = position.find(row.integer(0));
        auto need = codes.need(row.text(1));
        if (it != position.end() && need) facts[it->second].needs.push_back(*need);
    }
    return facts;
}

}  // namespace

Diagnostic NeedsService::diagnostic(std::int64_t pole_id, const DiagnosticRequest& request) {
    if (request.category && !taxonomy_.category(*request.category))
        throw invalid("category", "unknown need category '" + *request.category + "'");
    Settings s = settings(pole_id);
    auto [facts, stored_figures] = database_.read([&](Connection& c) {
        return std::make_pair(load_facts(c, pole_id, taxonomy_, territory_),
                              storage::figures(c, pole_id));
    });
    return compute_diagnostic(facts, territory_, taxonomy_, s, stored_figures, request);
}

std::vector<Figure> NeedsService::figures(std::int64_t pole_id) {
    return database_.read([&](Connection& c) { return storage::figures(c, pole_id); });
}

void NeedsService::set_figures(std::int64_t pole_id, std::int64_t user_id,
                               const std::vector<Figure>& figures) {
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const auto& f = figures[i];
        std::string at = "figures[" + std::to_string(i) + "].";
        const auto* indicator = taxonomy_.indicator(f.indicator);
        if (!indicator || indicator->source != "pole")
            throw invalid(at + "indicator",
                          "'" + f.indicator + "' is not an indicator the pole enters");
        auto level = parse_level(f.level);
        if (!level) throw invalid(at + "level", "must be commune, epci, department or region");
        bool known = false;
        for (const auto& c : territory_.communes()) {
            auto unit = unit_of(c, *level, territory_);
            if (unit && unit->code == f.territory) {
                known = true;
                break;
            }
        }
        if (!known)
            throw invalid(at + "territory", "unknown " + f.level + " '" + f.territory + "'");
    }
    database_.write([&](Connection& c) {
        std::string now = clock::now_iso();
        for (const auto& f : figures) storage::store_figure(c, pole_id, f, now);
        accounts::record_activity(c, pole_id, user_id, "update", "needs_figures", std::nullopt,
                                  std::to_string(figures.size()) + " figures");
    });
}

CatalogueView NeedsService::catalogue_view(std::int64_t pole_id) {
    Settings s = settings(pole_id);
    return database_.read([&](Connection& c) {
        CatalogueView v;
        v.min_cell_size = s.min_cell_size;
        v.records = storage::count_records(c, pole_id);
        v.coded = c.query(
                       "SELECT COUNT(DISTINCT record) FROM needs_codes WHERE pole_id = ? AND kind "
                       "= 'need' AND "
                       "effective = 1",
                       {pole_id})[0]
                      .integer(0);
        v.uncoded = v.records - v.coded;
        v.last_run = storage::last_run(c, pole_id, "catalogue");
        std::map<std::pair<std::string, std::string>, std::map<std::string, std::int64_t>> words;
        for (const auto& row :
             c.query("SELECT kind, code, matched FROM needs_codes WHERE pole_id = ? AND "
                     "effective = 1 AND matched <> ''",
                     {pole_id}))
            for (const auto& w : storage::split_stored(row.text(2)))
                ++words[{row.text(0), row.text(1)}][text::fold(w)];
        for (const auto& row :
             c.query("SELECT kind, code, SUM(effective), SUM(CASE WHEN effective = 1 AND matched "
                     "<> '' AND correction IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN "
                     "correction IS NOT NULL THEN 1 ELSE 0 END) FROM needs_codes WHERE pole_id "
                     "= ? GROUP BY kind, code ORDER BY kind, code",
                     {pole_id})) {
            CatalogueView::Entry e;
            e.kind = parse_code_kind(row.text(0)).value_or(CodeKind::need);
            e.code = row.text(1);
            std::int64_t n = row.integer(2);
            if (n == 0 || n >= s.min_cell_size) e.count = n;
            e.by_rules = row.integer(3);
            e.corrected = row.integer(4);
            if (e.by_rules > 0 && e.by_rules < s.min_cell_size) e.by_rules = 0;
            std::vector<std::pair<std::int64_t, std::string>> ranked;
            for (const auto& [w, count] : words[{row.text(0), e.code}])
                if (count >= s.min_cell_size) ranked.emplace_back(-count, w);
            std::sort(ranked.begin(), ranked.end());
            for (std::size_t i = 0; i < ranked.size() && i < kWordsPerCode; ++i)
                e.words.emplace_back(ranked[i].second, -ranked[i].first);
            v.entries.push_back(std::move(e));
        }
        return v;
    });
}

}  // namespace maillage::needs
