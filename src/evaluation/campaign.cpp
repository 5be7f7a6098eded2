#include "evaluation/campaign.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace maillage::evaluation {
namespace {

constexpr std::size_t kMaxText = 20000;
// Added indicators are "<criterion>.i<n>": they never clash with the base grid's codes.
constexpr const char* kAddedMark = ".i";

bool is_added(const std::string& code) {
    auto at = code.rfind(kAddedMark);
    if (at == std::string::npos || at + 2 >= code.size()) return false;
    return std::all_of(code.begin() + std::ptrdiff_t(at + 2), code.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

std::string checked_text(JsonFields& f, const char* key, const std::string& prefix) {
    auto v = f.optional_string(key).value_or("");
    if (v.size() > kMaxText) throw invalid(prefix + key, "is too long");
    return v;
}

std::string checked_code(JsonFields& f, const char* key, const std::set<std::string>& allowed,
                         const std::string& prefix, bool required = false) {
    auto v = f.optional_string(key).value_or("");
    if (v.empty() && !required) return v;
    if (!allowed.empty() && !allowed.count(v))
        throw invalid(prefix + key, "'" + v + "' is not an allowed value");
    return v;
}

const Json& list_of(const Json& data, const char* key, const std::string& prefix) {
    static const Json empty = Json::array();
    auto it = data.find(key);
    if (it == data.end() || it->is_null()) return empty;
    if (!it->is_array()) throw invalid(prefix + key, "must be a list");
    if (it->size() > 200) throw invalid(prefix + key, "has more than 200 entries");
    return *it;
}

Json demand(const Json& d, const CampaignVocabulary& v) {
    JsonFields f(d, "demand");
    Json out = {{"requester", checked_text(f, "requester", "demand.")},
                {"motive", checked_text(f, "motive", "demand.")},
                {"origin", checked_code(f, "origin", v.origins, "demand.")},
                {"stakeholders", Json::array()}};
    const Json& list = list_of(d, "stakeholders", "demand.");
    f.optional_value("stakeholders");
    f.reject_unknown();
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string p = "demand.stakeholders[" + std::to_string(i) + "]";
        JsonFields s(list[i], p);
        auto name = s.required_string("name");
        auto side = s.optional_string("side").value_or("internal");
        if (side != "internal" && side != "external")
            throw invalid(p + ".side", "must be internal or external");
        auto level = checked_code(s, "participation", v.participation, p + ".");
        s.reject_unknown();
        out["stakeholders"].push_back({{"name", name}, {"side", side}, {"participation", level}});
    }
    return out;
}

Json perimeter(const Json& d, const CampaignVocabulary& v) {
    JsonFields f(d, "perimeter");
    Json out = {{"scope", checked_code(f, "scope", v.perimeters, "perimeter.")},
                {"core_business", Json(nullptr)},
                {"territories", checked_text(f, "territories", "perimeter.")},
                {"note", checked_text(f, "note", "perimeter.")}};
    if (auto core = f.optional_bool("core_business")) out["core_business"] = *core;
    f.reject_unknown();
    return out;
}

std::vector<std::string> criterion_codes(const Grid& base) {
    std::vector<std::string> out;
    for (const auto& s : base.sections)
        if (s.role == "criterion") out.push_back(s.code);
    return out;
}

Json criteria(const Json& d, const Grid& base, const CampaignVocabulary& v) {
    JsonFields f(d, "criteria");
    auto retained = f.optional_string_list("retained").value_or(std::vector<std::string>{});
    auto methods = f.optional_string_list("methods").value_or(std::vector<std::string>{});
    auto note = checked_text(f, "note", "criteria.");
    f.reject_unknown();
    auto known = criterion_codes(base);
    std::vector<std::string> ordered;  // the base grid's order, once each
    for (const auto& code : retained)
        if (std::find(known.begin(), known.end(), code) == known.end())
            throw invalid("criteria.retained", "'" + code + "' is not a criterion of the grid");
    for (const auto& code : known)
        if (std::find(retained.begin(), retained.end(), code) != retained.end())
            ordered.push_back(code);
    for (const auto& m : methods)
        if (!v.methods.empty() && !v.methods.count(m))
            throw invalid("criteria.methods", "'" + m + "' is not a validation method");
    return {{"retained", ordered}, {"methods", methods}, {"note", note}};
}

Json note_only(const Json& d, const std::string& step, std::initializer_list<const char*> keys) {
    JsonFields f(d, step);
    Json out = Json::object();
    for (const char* key : keys) out[key] = checked_text(f, key, step + ".");
    f.reject_unknown();
    return out;
}

Json debate(const Json& d) {
    JsonFields f(d, "debate");
    Json out = {{"argument", checked_text(f, "argument", "debate.")}, {"sessions", Json::array()}};
    const Json& list = list_of(d, "sessions", "debate.");
    f.optional_value("sessions");
    f.reject_unknown();
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string p = "debate.sessions[" + std::to_string(i) + "]";
        JsonFields s(list[i], p);
        auto date = s.required_string("date");
        if (!clock::is_iso_date(date)) throw invalid(p + ".date", "must be a date YYYY-MM-DD");
        auto audience = s.optional_string("audience").value_or("internal");
        if (audience != "internal" && audience != "external")
            throw invalid(p + ".audience", "must be internal or external");
        Json session = {{"date", date}, {"audience", audience}};
        for (const char* key : {"participants", "conclusions"})
            session[key] = checked_text(s, key, p + ".");
        s.reject_unknown();
        out["sessions"].push_back(std::move(session));
    }
    return out;
}

Section* find_section(Grid& grid, const std::string& code) {
    for (auto& s : grid.sections)
        if (s.code == code) return &s;
    return nullptr;
}

}  // namespace

Json initial_steps(const Grid& base) {
    return {{"demand",
             {{"requester", ""}, {"motive", ""}, {"origin", ""}, {"stakeholders", Json::array()}}},
            {"perimeter",
             {{"scope", ""}, {"core_business", nullptr}, {"territories", ""}, {"note", ""}}},
            {"criteria",
             {{"retained", criterion_codes(base)}, {"methods", Json::array()}, {"note", ""}}},
            {"evidence", {{"note", ""}}},
            {"collection", {{"procedure", ""}, {"note", ""}}},
            {"debate", {{"argument", ""}, {"sessions", Json::array()}}},
            {"done", Json::array()}};
}

Json checked_step(const std::string& step, const Json& data, const Grid& base,
                  const CampaignVocabulary& vocabulary) {
    if (!data.is_object()) throw invalid(step, "must be an object");
    if (step == "demand") return demand(data, vocabulary);
    if (step == "perimeter") return perimeter(data, vocabulary);
    if (step == "criteria") return criteria(data, base, vocabulary);
    if (step == "evidence") return note_only(data, step, {"note"});
    if (step == "collection") return note_only(data, step, {"procedure", "note"});
    if (step == "debate") return debate(data);
    throw Error(ErrorCode::not_found, "no campaign step '" + step + "'", "step");
}

void mark_step(Json& steps, const std::string& step, bool done) {
    std::vector<std::string> list;
    for (const auto& s : steps["done"]) list.push_back(s.get<std::string>());
    list.erase(std::remove(list.begin(), list.end(), step), list.end());
    if (done) list.push_back(step);
    std::vector<std::string> ordered;
    for (const auto& s : kCampaignSteps)
        if (std::find(list.begin(), list.end(), s) != list.end()) ordered.push_back(s);
    steps["done"] = ordered;
}

Grid campaign_grid(const Grid& base, const Grid& current,
                   const std::vector<std::string>& retained) {
    Grid out = current;
    out.sections.clear();
    for (const auto& s : base.sections) {
        bool criterion = s.role == "criterion";
        if (criterion && std::find(retained.begin(), retained.end(), s.code) == retained.end())
            continue;
        Section section = s;
        // Keep the indicators the campaign added to a criterion it still retains.
        for (const auto& kept : current.sections)
            if (kept.code == s.code)
                for (const auto& item : kept.items)
                    if (is_added(item.code)) section.items.push_back(item);
        out.sections.push_back(std::move(section));
    }
    return out;
}

std::string add_indicator(Grid& grid, const IndicatorInput& in) {
    Section* section = find_section(grid, in.criterion);
    if (!section || section->role != "criterion")
        throw invalid("criterion", "'" + in.criterion + "' is not a retained criterion");
    if (in.label.fr.empty()) throw invalid("label.fr", "is required");
    if (in.label.fr.size() > 400) throw invalid("label.fr", "is longer than 400 bytes");
    Item item;
    int n = 1;
    auto taken = [&](const std::string& code) { return grid.find_item(code) != nullptr; };
    while (taken(in.criterion + kAddedMark + std::to_string(n))) ++n;
    item.code = in.criterion + kAddedMark + std::to_string(n);
    item.label = in.label;
    item.source = in.source;
    item.collection = in.collection;
    item.owner = in.owner;
    if (in.kind == "number") {
        item.scale.kind = ItemKind::number;
        item.scale.unit = in.unit;
        item.scale.lower = 0.0;
        item.scale.integer = in.integer;
    } else if (in.kind == "yes_no") {
        item.scale.kind = ItemKind::yes_no;
    } else if (in.kind == "text") {
        item.scale.kind = ItemKind::text;
    } else if (in.kind == "evidence") {
        item.scale.kind = ItemKind::evidence;
    } else {
        throw invalid("kind", "must be number, yes_no, text or evidence");
    }
    // An indicator goes before the criterion's evidence item, which closes the section.
    auto before = std::find_if(section->items.begin(), section->items.end(),
                               [](const Item& i) { return i.scale.kind == ItemKind::evidence; });
    section->items.insert(before, std::move(item));
    return in.criterion + kAddedMark + std::to_string(n);
}

bool remove_indicator(Grid& grid, const std::string& code) {
    if (!is_added(code)) return false;
    for (auto& s : grid.sections) {
        auto it = std::find_if(s.items.begin(), s.items.end(),
                               [&](const Item& i) { return i.code == code; });
        if (it == s.items.end()) continue;
        s.items.erase(it);
        return true;
    }
    return false;
}

}  // namespace maillage::evaluation
