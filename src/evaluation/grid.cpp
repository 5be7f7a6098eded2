#include "evaluation/grid.hpp"

#include <functional>

namespace maillage::evaluation {

std::string to_string(ItemKind kind) {
    switch (kind) {
        case ItemKind::cursor:
            return "cursor";
        case ItemKind::ordinal:
            return "ordinal";
        case ItemKind::number:
            return "number";
        case ItemKind::yes_no:
            return "yes_no";
        case ItemKind::text:
            return "text";
        case ItemKind::evidence:
            return "evidence";
    }
    return "text";
}

std::string to_string(Aggregation aggregation) {
    switch (aggregation) {
        case Aggregation::none:
            return "none";
        case Aggregation::mean:
            return "mean";
        case Aggregation::sum:
            return "sum";
        case Aggregation::min:
            return "min";
        case Aggregation::max:
            return "max";
        case Aggregation::share_yes:
            return "share_yes";
    }
    return "none";
}

namespace {

void collect_items(const std::vector<Section>& sections, std::vector<const Item*>& out) {
    for (const auto& s : sections) {
        for (const auto& i : s.items) out.push_back(&i);
        collect_items(s.sections, out);
    }
}

void collect_sections(const std::vector<Section>& sections, std::int64_t depth, std::int64_t wanted,
                      std::vector<const Section*>& out) {
    for (const auto& s : sections) {
        if (depth == wanted)
            out.push_back(&s);
        else
            collect_sections(s.sections, depth + 1, wanted, out);
    }
}

const Section* search_section(const std::vector<Section>& sections, const std::string& code) {
    for (const auto& s : sections) {
        if (s.code == code) return &s;
        if (const auto* found = search_section(s.sections, code)) return found;
    }
    return nullptr;
}

bool empty(const Label& l) {
    return l.fr.empty() && l.it.empty() && l.en.empty();
}

Json label_json(const Label& l) {
    Json j = Json::object();
    if (!l.fr.empty()) j["fr"] = l.fr;
    if (!l.it.empty()) j["it"] = l.it;
    if (!l.en.empty()) j["en"] = l.en;
    return j;
}

void put_label(Json& j, const char* key, const Label& l) {
    if (!empty(l)) j[key] = label_json(l);
}

Json scale_json(const Scale& s) {
    Json j = {{"kind", to_string(s.kind)}};
    switch (s.kind) {
        case ItemKind::cursor:
            j["min"] = s.min;
            j["max"] = s.max;
            j["neutral"] = s.neutral;
            put_label(j, "low", s.low);
            put_label(j, "high", s.high);
            break;
        case ItemKind::ordinal: {
            Json levels = Json::array();
            for (const auto& l : s.levels)
                levels.push_back(
                    {{"code", l.code}, {"value", l.value}, {"label", label_json(l.label)}});
            j["levels"] = levels;
            break;
        }
        case ItemKind::number:
            if (s.lower) j["min"] = *s.lower;
            if (s.upper) j["max"] = *s.upper;
            if (s.integer) j["integer"] = true;
            put_label(j, "unit", s.unit);
            break;
        default:
            break;
    }
    if (s.placeholder) j["placeholder"] = true;
    put_label(j, "note", s.note);
    return j;
}

Json source_json(const SourceRef& r) {
    Json j = {{"label", label_json(r.label)}};
    if (!r.url.empty()) j["url"] = r.url;
    return j;
}

Json item_json(const Item& i) {
    Json j = {{"code", i.code}, {"label", label_json(i.label)}};
    put_label(j, "note", i.note);
    j["scale"] = i.scale_name.empty() ? scale_json(i.scale) : Json(i.scale_name);
    if (i.core) j["core"] = true;
    if (i.placeholder) j["placeholder"] = true;
    for (auto [key, value] : {std::pair{"source", &i.source},
                              {"collection", &i.collection},
                              {"owner", &i.owner},
                              {"feed", &i.feed}})
        if (!value->empty()) j[key] = *value;
    return j;
}

Json section_json(const Section& s) {
    Json j = {{"code", s.code}, {"label", label_json(s.label)}};
    put_label(j, "note", s.note);
    if (!s.role.empty()) j["role"] = s.role;
    if (s.placeholder) j["placeholder"] = true;
    if (s.aggregation != Aggregation::none) j["aggregation"] = to_string(s.aggregation);
    if (s.source) j["source"] = source_json(*s.source);
    if (!s.items.empty()) {
        j["items"] = Json::array();
        for (const auto& i : s.items) j["items"].push_back(item_json(i));
    }
    if (!s.sections.empty()) {
        j["sections"] = Json::array();
        for (const auto& sub : s.sections) j["sections"].push_back(section_json(sub));
    }
    return j;
}

// Whether the UTF-8 text at `i` starts a mark: "**" or a single "*".
std::size_t mark_length(const std::string& s, std::size_t i) {
    if (s[i] != '*') return 0;
    return i + 1 < s.size() && s[i + 1] == '*' ? 2 : 1;
}

}  // namespace

const Item* Grid::find_item(const std::string& code) const {
    for (const auto* i : items())
        if (i->code == code) return i;
    return nullptr;
}

const Section* Grid::find_section(const std::string& code) const {
    return search_section(sections, code);
}

namespace {
const Section* holder(const std::vector<Section>& sections, const std::string& code) {
    for (const auto& s : sections) {
        for (const auto& i : s.items)
            if (i.code == code) return &s;
        if (const auto* found = holder(s.sections, code)) return found;
    }
    return nullptr;
}
}  // namespace

const Section* Grid::section_of(const std::string& item_code) const {
    return holder(sections, item_code);
}

bool Grid::has_flag(const std::string& flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::vector<const Item*> Grid::items() const {
    std::vector<const Item*> out;
    collect_items(sections, out);
    return out;
}

std::vector<const Section*> Grid::sections_at(std::int64_t depth) const {
    std::vector<const Section*> out;
    collect_sections(sections, 1, depth, out);
    return out;
}

Json grid_to_json(const Grid& g) {
    Json j = {{"format", kGridFormat},
              {"code", g.code},
              {"version", g.version},
              {"tool", g.tool},
              {"title", label_json(g.title)}};
    put_label(j, "description", g.description);
    put_label(j, "stem", g.stem);
    put_label(j, "source", g.source);
    put_label(j, "translation_note", g.translation_note);
    j["modes"] = g.modes;
    if (!g.stages.empty()) j["stages"] = g.stages;
    j["min_participants"] = g.min_participants;
    if (!g.flags.empty()) j["flags"] = g.flags;
    if (g.radar_depth > 0) j["radar"] = {{"depth", g.radar_depth}};
    if (!g.scales.empty()) {
        j["scales"] = Json::object();
        for (const auto& [name, scale] : g.scales) j["scales"][name] = scale_json(scale);
    }
    if (!g.references.empty()) {
        j["references"] = Json::array();
        for (const auto& r : g.references) {
            Json points = Json::array();
            for (const auto& p : r.points) points.push_back(label_json(p));
            j["references"].push_back({{"label", label_json(r.label)},
                                       {"source", source_json(r.source)},
                                       {"points", points}});
        }
    }
    j["sections"] = Json::array();
    for (const auto& s : g.sections) j["sections"].push_back(section_json(s));
    return j;
}

const std::string& in_language(const Label& label, const std::string& language) {
    return label.in(language);
}

std::string plain_text(const std::string& marked) {
    std::string out;
    out.reserve(marked.size());
    for (std::size_t i = 0; i < marked.size();) {
        if (auto n = mark_length(marked, i)) {
            i += n;
            continue;
        }
        out.push_back(marked[i++]);
    }
    return out;
}

std::string short_label(const std::string& marked, std::size_t max_chars) {
    std::string bold;
    for (std::size_t i = 0; i + 1 < marked.size(); ++i) {
        if (marked.compare(i, 2, "**") != 0) continue;
        auto end = marked.find("**", i + 2);
        if (end == std::string::npos) break;
        if (!bold.empty()) bold += " … ";
        bold += marked.substr(i + 2, end - i - 2);
        i = end + 1;
    }
    std::string text = bold.empty() ? plain_text(marked) : plain_text(bold);
    // Cut on a character boundary, counting characters rather than bytes.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] & 0xC0) == 0x80) continue;
        if (++chars > max_chars) return text.substr(0, i) + "…";
    }
    return text;
}

}  // namespace maillage::evaluation
