#include "pathways/rules.hpp"

#include <filesystem>
#include <fstream>
#include <set>

#include "core/error.hpp"

namespace maillage::pathways {

namespace {

double number_in(JsonFields& f, const std::string& key, const std::string& field, double fallback,
                 double min, double max) {
    auto value = f.optional_number(key);
    if (!value) return fallback;
    if (*value < min || *value > max)
        throw invalid(field + "." + key,
                      "must be from " + std::to_string(min) + " to " + std::to_string(max));
    return *value;
}

RankingRules ranking_from(const Json& value, const std::string& field,
                          const std::set<std::string>& factor_codes) {
    JsonFields f(value, field);
    RankingRules rules;
    const Json* factors = f.optional_value("factors");
    if (!factors || !factors->is_object())
        throw invalid(field + ".factors", "must be an object of factors");
    for (const auto& [code, rule] : factors->items()) {
        std::string at = field + ".factors." + code;
        if (!factor_codes.count(code)) {
            std::string known;
            for (const auto& c : factor_codes) known += (known.empty() ? "" : ", ") + c;
            throw invalid(at, "is not a factor of this ranking (" + known + ")");
        }
        JsonFields r(rule, at);
        FactorRule fr;
        fr.weight = number_in(r, "weight", at, -1, 0, 1000);
        if (fr.weight < 0) throw invalid(at + ".weight", "is required");
        fr.half_km = number_in(r, "half_km", at, fr.half_km, 0.1, 1000);
        fr.saturation = number_in(r, "saturation", at, fr.saturation, 1, 1000);
        fr.family_credit = number_in(r, "family_credit", at, fr.family_credit, 0, 1);
        fr.section_credit = number_in(r, "section_credit", at, fr.section_credit, 0, 1);
        r.reject_unknown();
        rules.factors[code] = fr;
    }
    if (const Json* boost = f.optional_value("load_boost")) {
        JsonFields b(*boost, field + ".load_boost");
        rules.load_boost = number_in(b, "weight", field + ".load_boost", 0, 0, 1000);
        b.reject_unknown();
    }
    rules.exclude_full = f.optional_bool("exclude_full").value_or(true);
    rules.require_subject = f.optional_bool("require_subject").value_or(false);
    f.reject_unknown();
    return rules;
}

Json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "missing " + path.string());
    try {
        return Json::parse(in);
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, path.string() + ": malformed JSON: " + e.what());
    }
}

std::vector<PathwayTemplate> load_template_files(const std::string& directory,
                                                 const Vocabulary& vocabulary) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(directory))
        throw Error(ErrorCode::internal, "missing template folder " + directory);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<PathwayTemplate> templates;
    std::vector<std::string> read_from;
    for (const auto& file : files) {
        auto t = parse_template(read_json(file), file.string(), vocabulary);
        for (std::size_t i = 0; i < templates.size(); ++i)
            if (templates[i].code == t.code)
                throw Error(
                    ErrorCode::invalid_input,
                    file.string() + ": code: '" + t.code + "' is also the code of " + read_from[i],
                    "code");
        templates.push_back(std::move(t));
        read_from.push_back(file.string());
    }
    return templates;
}

}  // namespace

void parse_rules(const Json& document, const std::string& source, PathwayRules& rules) {
    try {
        JsonFields f(document);
        f.optional_string("_comment");
        const Json* routing = f.optional_value("routing");
        if (!routing) throw invalid("routing", "is required");
        JsonFields r(*routing, "routing");
        const std::set<std::string> mentor_factors = {"subject", "sector", "distance", "capacity",
                                                      "experience"};
        for (auto [key, target] :
             {std::pair{"mentor", &rules.routing.mentor}, {"expert", &rules.routing.expert}}) {
            const Json* section = r.optional_value(key);
            if (!section) throw invalid(std::string("routing.") + key, "is required");
            *target = ranking_from(*section, std::string("routing.") + key, mentor_factors);
        }
        const Json* tutor = r.optional_value("tutor");
        if (!tutor) throw invalid("routing.tutor", "is required");
        rules.routing.tutor =
            ranking_from(*tutor, "routing.tutor", {"sector", "distance", "legal_form"});
        r.reject_unknown();
        if (const Json* alerts = f.optional_value("alerts")) {
            JsonFields a(*alerts, "alerts");
            rules.alerts.visit_notice_days =
                int(number_in(a, "visit_notice_days", "alerts", 14, 0, 365));
            rules.alerts.contract_notice_days =
                int(number_in(a, "contract_notice_days", "alerts", 30, 0, 365));
            a.reject_unknown();
        }
        f.reject_unknown();
    } catch (const Error& e) {
        throw Error(ErrorCode::invalid_input, source + ": " + e.what(), e.field());
    }
}

PathwayRules load_rules(const std::string& data_dir, const Vocabulary& vocabulary) {
    namespace fs = std::filesystem;
    PathwayRules rules;
    fs::path base = fs::path(data_dir) / "pathways";
    rules.templates = load_template_files((base / "templates").string(), vocabulary);
    parse_rules(read_json(base / "rules.json"), (base / "rules.json").string(), rules);
    return rules;
}

}  // namespace maillage::pathways
