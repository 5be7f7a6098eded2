#include "needs/taxonomy.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace maillage::needs {

namespace fs = std::filesystem;

namespace {

Json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "missing data file " + path.string());
    std::stringstream content;
    content << in.rdbuf();
    try {
        return Json::parse(content.str());
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, path.string() + ": " + e.what());
    }
}

Error bad_entry(const fs::path& path, const std::string& where, const std::string& reason) {
    return Error(ErrorCode::invalid_input, path.string() + ": " + where + ": " + reason);
}

Label label_of(const Json& j, const fs::path& path, const std::string& where) {
    if (!j.is_object()) throw bad_entry(path, where, "label must be an object {fr, it, en}");
    Label label;
    for (auto [key, target] : {std::pair{"fr", &label.fr}, {"it", &label.it}, {"en", &label.en}}) {
        if (!j.contains(key) || !j[key].is_string())
            throw bad_entry(path, where, std::string("label.") + key + " is required");
        *target = j[key];
    }
    return label;
}

std::vector<std::string> strings_of(const Json& j, const fs::path& path, const std::string& where) {
    std::vector<std::string> out;
    if (j.is_string()) return {j.get<std::string>()};
    if (!j.is_array()) throw bad_entry(path, where, "must be a list of codes");
    for (const auto& v : j) {
        if (!v.is_string()) throw bad_entry(path, where, "must be a list of codes");
        out.push_back(v);
    }
    return out;
}

void require_codes(const std::vector<std::string>& codes, const Vocabulary& vocabulary,
                   const char* enumeration, const fs::path& path, const std::string& where) {
    for (const auto& code : codes)
        if (!vocabulary.contains(enumeration, code))
            throw bad_entry(
                path, where,
                "unknown code '" + code + "' (expected: " + vocabulary.codes(enumeration) + ")");
}

RecordCriteria criteria_of(const Json& filter, const Vocabulary& vocabulary, const fs::path& path,
                           const std::string& where) {
    RecordCriteria c;
    if (filter.is_null()) return c;
    if (!filter.is_object()) throw bad_entry(path, where, "filter must be an object");
    for (const auto& [key, value] : filter.items()) {
        auto values = strings_of(value, path, where + ".filter." + key);
        if (key == "need") {
            require_codes(values, vocabulary, kCategoryEnumeration, path, where);
            c.needs = values;
        } else if (key == "situation") {
            require_codes(values, vocabulary, kSituationEnumeration, path, where);
            c.situations = values;
        } else if (key == "age_band") {
            require_codes(values, vocabulary, kAgeBandEnumeration, path, where);
            c.age_bands = values;
        } else if (key == "coop_interest") {
            require_codes(values, vocabulary, kCoopInterestEnumeration, path, where);
            c.coop_interest = values;
        } else {
            throw bad_entry(
                path, where,
                "unknown filter '" + key + "' (expected need, situation, age_band, coop_interest)");
        }
    }
    return c;
}

double number_of(const Json& j, const char* key, double fallback, const fs::path& path) {
    if (!j.contains(key)) return fallback;
    if (!j[key].is_number()) throw bad_entry(path, key, "must be a number");
    return j[key].get<double>();
}

}  // namespace

bool is_naf_section(const std::string& code) {
    // NAF rév. 2 has 21 sections, A to U (INSEE); they are the nomenclature's fixed top level.
    return code.size() == 1 && code[0] >= 'A' && code[0] <= 'U';
}

std::string CallTemplate::text(const std::string& language, const std::string& key) const {
    for (const auto& lang : {language, std::string("fr")}) {
        auto texts = this->texts.find(lang);
        if (texts == this->texts.end()) continue;
        auto it = texts->second.find(key);
        if (it != texts->second.end()) return it->second;
    }
    return {};
}

Taxonomy Taxonomy::load(const std::string& data_dir, const Vocabulary& vocabulary) {
    Taxonomy t;
    t.vocabulary_ = &vocabulary;
    fs::path folder = fs::path(data_dir) / "needs";
    t.languages_ = Languages::load((folder / "languages").string());

    fs::path categories_path = folder / "categories.json";
    Json extra = read_json(categories_path).value("categories", Json::object());
    for (const auto& v : vocabulary.values(kCategoryEnumeration)) {
        Category c{v.code, v.label, {}, {}};
        if (extra.contains(v.code)) {
            const Json& e = extra[v.code];
            c.sections = strings_of(e.value("sections", Json::array()), categories_path,
                                    v.code + ".sections");
            for (const auto& s : c.sections)
                if (!is_naf_section(s))
                    throw bad_entry(categories_path, v.code, "'" + s + "' is not a NAF section");
            const Json budget = e.value("budget", Json::object());
            for (const auto& [line, weight] : budget.items()) {
                if (!weight.is_number() || weight.get<double>() < 0)
                    throw bad_entry(categories_path, v.code + ".budget." + line,
                                    "must be a positive number");
                c.budget_weights[line] = weight.get<double>();
            }
        }
        t.categories_.push_back(std::move(c));
    }
    for (const auto& [code, _] : extra.items())
        if (!vocabulary.contains(kCategoryEnumeration, code))
            throw bad_entry(categories_path, code, "not a need_category code");

    t.rules_ = RuleSet::load(
        (folder / "rules").string(), t.languages_, [&](CodeKind kind, const std::string& code) {
            return kind == CodeKind::need ? vocabulary.contains(kCategoryEnumeration, code)
                                          : is_naf_section(code);
        });

    fs::path indicators_path = folder / "indicators.json";
    Json indicators = read_json(indicators_path);
    const Json dimensions = indicators.value("dimensions", Json::array());
    for (const auto& d : dimensions)
        t.dimensions_.push_back({d.value("code", ""), label_of(d.value("label", Json()),
                                                               indicators_path, "dimensions")});
    const Json indicator_list = indicators.value("indicators", Json::array());
    for (const auto& j : indicator_list) {
        Indicator i;
        i.code = j.value("code", "");
        std::string where = "indicator " + i.code;
        i.dimension = j.value("dimension", "");
        i.source = j.value("source", "");
        i.measure = j.value("measure", "");
        i.unit = j.value("unit", "");
        i.label = label_of(j.value("label", Json()), indicators_path, where);
        i.criteria = criteria_of(j.value("filter", Json()), vocabulary, indicators_path, where);
        bool known_dimension = false;
        for (const auto& d : t.dimensions_)
            known_dimension = known_dimension || d.code == i.dimension;
        if (i.code.empty()) throw bad_entry(indicators_path, where, "code is required");
        if (!known_dimension) throw bad_entry(indicators_path, where, "unknown dimension");
        if (i.source != "intake" && i.source != "territory" && i.source != "pole")
            throw bad_entry(indicators_path, where, "source must be intake, territory or pole");
        if (i.source == "intake" && i.measure != "share" && i.measure != "per_1000")
            throw bad_entry(indicators_path, where, "measure must be share or per_1000");
        t.indicators_.push_back(std::move(i));
    }

    fs::path call_path = folder / "call_template.json";
    Json call = read_json(call_path);
    const Json budget_lines = call.value("budget_lines", Json::array());
    for (const auto& line : budget_lines)
        t.call_.budget_lines.push_back(
            {line.value("code", ""), label_of(line.value("label", Json()), call_path,
                                              "budget line " + line.value("code", ""))});
    const Json call_texts = call.value("texts", Json::object());
    for (const auto& [language, texts] : call_texts.items())
        for (const auto& [key, value] : texts.items())
            t.call_.texts[language][key] = value.is_string() ? value.get<std::string>() : "";
    for (const auto& c : t.categories_)
        for (const auto& [line, _] : c.budget_weights) {
            bool known = false;
            for (const auto& b : t.call_.budget_lines) known = known || b.code == line;
            if (!known)
                throw bad_entry(categories_path, c.code + ".budget." + line,
                                "not a budget line of call_template.json");
        }

    fs::path settings_path = folder / "settings.json";
    Json s = read_json(settings_path);
    Settings& d = t.defaults_;
    d.min_cell_size =
        std::int64_t(number_of(s, "min_cell_size", double(d.min_cell_size), settings_path));
    d.similarity_threshold =
        number_of(s, "similarity_threshold", d.similarity_threshold, settings_path);
    d.shingle_size =
        std::int64_t(number_of(s, "shingle_size", double(d.shingle_size), settings_path));
    d.hotspot_min_count =
        std::int64_t(number_of(s, "hotspot_min_count", double(d.hotspot_min_count), settings_path));
    d.hotspot_min_ratio = number_of(s, "hotspot_min_ratio", d.hotspot_min_ratio, settings_path);
    try {
        check_settings(d);
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, settings_path.string() + ": " + e.what());
    }
    return t;
}

const Category* Taxonomy::category(const std::string& code) const {
    for (const auto& c : categories_)
        if (c.code == code) return &c;
    return nullptr;
}

const Indicator* Taxonomy::indicator(const std::string& code) const {
    for (const auto& i : indicators_)
        if (i.code == code) return &i;
    return nullptr;
}

void check_settings(const Settings& s) {
    if (s.min_cell_size < 1 || s.min_cell_size > 1000)
        throw invalid("min_cell_size", "must be from 1 to 1000");
    if (!(s.similarity_threshold >= 0.1 && s.similarity_threshold <= 1))
        throw invalid("similarity_threshold", "must be from 0.1 to 1");
    if (s.shingle_size < 1 || s.shingle_size > 4)
        throw invalid("shingle_size", "must be from 1 to 4");
    if (s.hotspot_min_count < 1) throw invalid("hotspot_min_count", "must be 1 or more");
    if (!(s.hotspot_min_ratio >= 1 && s.hotspot_min_ratio <= 100))
        throw invalid("hotspot_min_ratio", "must be from 1 to 100");
}

}  // namespace maillage::needs
