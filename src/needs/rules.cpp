#include "needs/rules.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/table_reader.hpp"

namespace maillage::needs {

namespace fs = std::filesystem;

RuleSet RuleSet::load(const std::string& folder, const Languages& languages,
                      const std::function<bool(CodeKind, const std::string&)>& known) {
    RuleSet set;
    for (const auto& language : languages.all()) {
        fs::path path = fs::path(folder) / (language.code + ".csv");
        if (!fs::exists(path)) continue;  // a language may have no rules yet
        auto reader = io::open_table(path.string());
        const std::vector<std::string> expected = {"kind", "code", "pattern"};
        if (reader->header() != expected)
            throw Error(ErrorCode::invalid_input,
                        path.string() + ": line 1: header must be kind,code,pattern");
        io::TableRow row;
        while (reader->next(row)) {
            io::require_well_formed(*reader, row);
            auto fail = [&](const std::string& field, const std::string& reason) {
                return Error(ErrorCode::invalid_input, path.string() + ": line " +
                                                           std::to_string(row.line) + ": field " +
                                                           field + ": " + reason);
            };
            Rule rule;
            auto kind = parse_code_kind(text::trim(row.cells[0]));
            if (!kind) throw fail("kind", "must be need or sector");
            rule.kind = *kind;
            rule.code = text::trim(row.cells[1]);
            rule.pattern = text::trim(row.cells[2]);
            rule.language = language.code;
            rule.line = row.line;
            if (!known(rule.kind, rule.code))
                throw fail("code", "unknown code '" + rule.code + "'");
            if (rule.pattern.empty()) throw fail("pattern", "is empty");
            set.add(std::move(rule));
        }
    }
    return set;
}

Matcher::Matcher(const RuleSet& rules, const Languages& languages, Analyzer& analyzer)
    : by_first_stem_(languages.all().size()) {
    std::map<std::pair<CodeKind, std::string>, std::size_t> code_index;
    std::vector<Word> words;
    for (const auto& rule : rules.rules()) {
        std::size_t language = languages.index_of(rule.language);
        if (language == Languages::npos) continue;
        words.clear();
        analyzer.analyse(rule.pattern, language, words);
        if (words.empty()) continue;  // only stop words: it could never match
        auto key = std::make_pair(rule.kind, rule.code);
        auto [it, fresh] = code_index.emplace(key, codes_.size());
        if (fresh) codes_.push_back(key);
        Pattern pattern{{}, it->second};
        for (const auto& w : words) pattern.stems.push_back(w.stem);
        auto& list = by_first_stem_[language][pattern.stems.front()];
        bool duplicate = std::any_of(list.begin(), list.end(), [&](const Pattern& p) {
            return p.code == pattern.code && p.stems == pattern.stems;
        });
        if (!duplicate) list.push_back(std::move(pattern));
    }
}

void Matcher::match(std::size_t language, std::string_view text, const std::vector<Word>& words,
                    std::vector<CodeHit>& hits) const {
    if (language >= by_first_stem_.size()) return;
    const auto& index = by_first_stem_[language];
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto found = index.find(words[i].stem);
        if (found == index.end()) continue;
        for (const auto& pattern : found->second) {
            std::size_t n = pattern.stems.size();
            if (i + n > words.size()) continue;
            bool all = true;
            for (std::size_t k = 1; k < n && all; ++k) all = words[i + k].stem == pattern.stems[k];
            if (!all) continue;
            const auto& [kind, code] = codes_[pattern.code];
            std::string surface(text.substr(words[i].begin, words[i + n - 1].end - words[i].begin));
            auto hit = std::find_if(hits.begin(), hits.end(), [&](const CodeHit& h) {
                return h.kind == kind && h.code == code;
            });
            if (hit == hits.end()) {
                hits.push_back({kind, code, {std::move(surface)}});
            } else if (std::find(hit->matched.begin(), hit->matched.end(), surface) ==
                       hit->matched.end()) {
                hit->matched.push_back(std::move(surface));
            }
        }
    }
}

}  // namespace maillage::needs
