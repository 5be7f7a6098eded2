#include "network/rules.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "io/table_reader.hpp"

namespace maillage::network {

namespace fs = std::filesystem;

namespace {

// A CSV of data/network with a fixed header; `read_row` gets each row's cells and line.
template <class ReadRow>
void read_table(const fs::path& path, const std::vector<std::string>& header, ReadRow read_row) {
    auto reader = io::open_table(path.string());
    if (reader->header() != header) {
        std::string expected;
        for (const auto& name : header) expected += (expected.empty() ? "" : ",") + name;
        throw Error(ErrorCode::invalid_input,
                    path.string() + ": line 1: the header must be " + expected);
    }
    io::TableRow row;
    while (reader->next(row)) {
        io::require_well_formed(*reader, row);
        read_row(row.cells, [&](const std::string& field, const std::string& reason) {
            return Error(ErrorCode::invalid_input, path.string() + ": line " +
                                                       std::to_string(row.line) + ", field " +
                                                       field + ": " + reason);
        });
    }
}

double parse_number(const std::string& text, bool& ok) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
    return value;
}

void read_natures(const fs::path& folder, NetworkRules& rules) {
    read_table(folder / "natures.csv",
               {"code", "weight", "colour", "line", "abbr_fr", "abbr_it", "abbr_en", "label_fr",
                "label_it", "label_en"},
               [&](const std::vector<std::string>& c, auto problem) {
                   Nature n;
                   n.code = c[0];
                   bool ok = false;
                   n.weight = parse_number(c[1], ok);
                   if (n.code.empty()) throw problem("code", "is empty");
                   if (!ok) throw problem("weight", "is not a number");
                   if (!is_colour(c[2])) throw problem("colour", "must look like #18753c");
                   if (c[3] != "solid" && c[3] != "dashed" && c[3] != "dotted")
                       throw problem("line", "must be solid, dashed or dotted");
                   n.colour = c[2];
                   n.line = c[3];
                   n.abbreviation = {c[4], c[5], c[6]};
                   n.label = {c[7], c[8], c[9]};
                   if (rules.nature(n.code)) throw problem("code", n.code + " is listed twice");
                   rules.natures.push_back(std::move(n));
               });
}

void read_grid(const fs::path& folder, NetworkRules& rules) {
    read_table(
        folder / "grid_fields.csv",
        {"code", "group", "label_fr", "label_it", "label_en", "hint_fr", "hint_it", "hint_en"},
        [&](const std::vector<std::string>& c, auto problem) {
            if (c[0].empty()) throw problem("code", "is empty");
            bool known_group = false;
            for (const auto& f : rules.grid)
                known_group = known_group || (f.group.empty() && f.code == c[1]);
            if (!c[1].empty() && !known_group)
                throw problem("group", c[1] + " is not a group listed above");
            rules.grid.push_back({c[0], c[1], {c[2], c[3], c[4]}, {c[5], c[6], c[7]}});
        });
}

void read_intensities(const fs::path& folder, NetworkRules& rules) {
    read_table(folder / "intensities.csv", {"level", "label_fr", "label_it", "label_en"},
               [&](const std::vector<std::string>& c, auto problem) {
                   bool ok = false;
                   double level = parse_number(c[0], ok);
                   if (!ok || level < 1 || level != std::floor(level))
                       throw problem("level", "must be a whole number from 1");
                   rules.intensities.push_back({int(level), {c[1], c[2], c[3]}});
               });
}

void read_evidence_kinds(const fs::path& folder, NetworkRules& rules) {
    read_table(folder / "evidence_kinds.csv",
               {"code", "nature", "object", "label_fr", "label_it", "label_en"},
               [&](const std::vector<std::string>& c, auto problem) {
                   if (!rules.nature(c[1])) throw problem("nature", c[1] + " is not a nature");
                   rules.evidence_kinds.push_back({c[0], c[1], c[2], {c[3], c[4], c[5]}});
               });
}

Json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "missing " + path.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return parse_json(text);
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, path.string() + ": " + e.what());
    }
}

}  // namespace

const Nature* NetworkRules::nature(const std::string& code) const {
    for (const auto& n : natures)
        if (n.code == code) return &n;
    return nullptr;
}

const GridField* NetworkRules::field(const std::string& code) const {
    for (const auto& f : grid)
        if (f.code == code && !f.group.empty()) return &f;
    return nullptr;
}

const EvidenceKind* NetworkRules::evidence_kind(const std::string& code) const {
    for (const auto& k : evidence_kinds)
        if (k.code == code) return &k;
    return nullptr;
}

bool NetworkRules::valid_intensity(int level) const {
    for (const auto& i : intensities)
        if (i.level == level) return true;
    return false;
}

bool is_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

AnalysisSettings analysis_settings_from(const Json& document, const std::string& source,
                                        std::size_t* co_membership_max_group) {
    if (!document.is_object()) throw Error(ErrorCode::invalid_input, source + ": not an object");
    AnalysisSettings s;
    auto number = [&](const char* key, double fallback, double min, double max) {
        if (!document.contains(key)) return fallback;
        const auto& v = document.at(key);
        if (!v.is_number() || v.get<double>() < min || v.get<double>() > max)
            throw Error(ErrorCode::invalid_input,
                        source + ": " + key + " must be a number from " + std::to_string(min) +
                            " to " + std::to_string(max),
                        key);
        return v.get<double>();
    };
    for (const auto& [key, value] : document.items()) {
        static const std::vector<std::string> known = {"_comment",
                                                       "resolution",
                                                       "leiden_beta",
                                                       "exact_betweenness_max_actors",
                                                       "betweenness_sample_sources",
                                                       "seed",
                                                       "threads",
                                                       "pagerank_damping",
                                                       "suggestions_per_list",
                                                       "opposed_allies_share",
                                                       "frustrated_listed",
                                                       "co_membership_max_group"};
        if (std::find(known.begin(), known.end(), key) == known.end())
            throw Error(ErrorCode::invalid_input, source + ": unknown setting " + key, key);
    }
    if (document.contains("resolution") && !document.at("resolution").is_null())
        s.resolution = number("resolution", 0, 0, 1e9);
    s.leiden_beta = number("leiden_beta", s.leiden_beta, 1e-6, 1);
    s.exact_betweenness_max_actors = std::size_t(
        number("exact_betweenness_max_actors", double(s.exact_betweenness_max_actors), 0, 1e9));
    s.betweenness_sample_sources = std::size_t(
        number("betweenness_sample_sources", double(s.betweenness_sample_sources), 1, 1e9));
    s.seed = std::uint64_t(number("seed", double(s.seed), 0, 1e15));
    s.threads = unsigned(number("threads", s.threads, 1, 256));
    s.pagerank_damping = number("pagerank_damping", s.pagerank_damping, 0, 0.999);
    s.suggestions.limit =
        std::size_t(number("suggestions_per_list", double(s.suggestions.limit), 1, 1000));
    s.suggestions.opposed_allies_share =
        number("opposed_allies_share", s.suggestions.opposed_allies_share, 0, 1);
    s.frustrated_listed =
        std::size_t(number("frustrated_listed", double(s.frustrated_listed), 0, 1e7));
    if (co_membership_max_group)
        *co_membership_max_group = std::size_t(
            number("co_membership_max_group", double(*co_membership_max_group), 2, 1e6));
    return s;
}

NetworkRules load_rules(const std::string& data_dir) {
    fs::path folder = fs::path(data_dir) / "network";
    NetworkRules rules;
    read_natures(folder, rules);
    read_grid(folder, rules);
    read_intensities(folder, rules);
    read_evidence_kinds(folder, rules);
    auto settings_file = folder / "analysis.json";
    rules.analysis = analysis_settings_from(read_json(settings_file), settings_file.string(),
                                            &rules.co_membership_max_group);
    return rules;
}

}  // namespace maillage::network
