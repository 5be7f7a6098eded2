// Reading a grid document: every problem is collected with its JSON path and the code of the
// item or section it concerns, so that a file or an editor save can be fixed in one go.
#include <cmath>
#include <map>
#include <regex>

#include "core/error.hpp"
#include "evaluation/grid.hpp"

namespace maillage::evaluation {
namespace {

const std::regex kCode("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
constexpr std::int64_t kMaxParticipants = 100;
constexpr std::int64_t kMaxLabelBytes = 4000;

class Reader {
  public:
    Reader(const GridVocabulary& vocabulary, std::vector<GridProblem>& problems)
        : vocabulary_(vocabulary), problems_(problems) {}

    Grid grid(const Json& doc) {
        Grid g;
        if (!doc.is_object()) {
            fail("", "a grid document must be a JSON object");
            return g;
        }
        known(doc, "",
              {"format", "code", "version", "tool", "title", "description", "stem", "source",
               "translation_note", "modes", "stages", "min_participants", "flags", "radar",
               "scales", "references", "sections"});
        if (doc.value("format", std::string()) != kGridFormat)
            fail("format", std::string("must be \"") + kGridFormat + "\"");
        g.code = code(doc, "code", "code");
        g.version = integer(doc, "version", "version", 1, 1000000).value_or(1);
        g.tool = text(doc, "tool", "tool").value_or("form");
        if (g.tool != "board" && g.tool != "form") fail("tool", "must be \"board\" or \"form\"");
        g.title = label(doc, "title", "title", true);
        g.description = label(doc, "description", "description", false);
        g.stem = label(doc, "stem", "stem", false);
        g.source = label(doc, "source", "source", false);
        g.translation_note = label(doc, "translation_note", "translation_note", false, false);
        g.modes = codes(doc, "modes", "modes", vocabulary_.modes, "evaluation_mode");
        if (g.modes.empty()) fail("modes", "lists no mode");
        g.stages = codes(doc, "stages", "stages", vocabulary_.stages, "evaluation_stage");
        g.min_participants =
            integer(doc, "min_participants", "min_participants", 0, kMaxParticipants).value_or(0);
        g.flags = codes(doc, "flags", "flags", {"priority", "significant"}, "flags");
        if (auto r = doc.find("radar"); r != doc.end() && !r->is_null()) {
            if (!r->is_object())
                fail("radar", "must be an object");
            else {
                known(*r, "radar", {"depth"});
                g.radar_depth = integer(*r, "depth", "radar.depth", 1, 5).value_or(0);
            }
        }
        read_scales(doc, g);
        read_references(doc, g);
        g.sections = sections(doc, "sections", "sections", g, 1);
        if (g.sections.empty()) fail("sections", "a grid needs at least one section");
        check_whole(g);
        return g;
    }

  private:
    void fail(const std::string& path, const std::string& reason) {
        problems_.push_back({path, reason});
    }

    void known(const Json& object, const std::string& path, std::set<std::string> names) {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!names.count(it.key())) fail(join(path, it.key()), "unknown field");
    }

    static std::string join(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

    std::optional<std::string> text(const Json& object, const char* key, const std::string& path) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        if (!it->is_string()) {
            fail(path, "must be a string");
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    bool flag(const Json& object, const char* key, const std::string& path) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return false;
        if (!it->is_boolean()) fail(path, "must be true or false");
        return it->is_boolean() && it->get<bool>();
    }

    std::optional<double> number(const Json& object, const char* key, const std::string& path) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        if (!it->is_number() || !std::isfinite(it->get<double>())) {
            fail(path, "must be a number");
            return std::nullopt;
        }
        return it->get<double>();
    }

    std::optional<std::int64_t> integer(const Json& object, const char* key,
                                        const std::string& path, std::int64_t min,
                                        std::int64_t max) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        if (!it->is_number_integer() || it->get<std::int64_t>() < min ||
            it->get<std::int64_t>() > max) {
            fail(path, "must be a whole number from " + std::to_string(min) + " to " +
                           std::to_string(max));
            return std::nullopt;
        }
        return it->get<std::int64_t>();
    }

    std::string code(const Json& object, const char* key, const std::string& path) {
        auto value = text(object, key, path);
        if (!value || value->empty()) {
            fail(path, "is required");
            return "";
        }
        if (!std::regex_match(*value, kCode))
            fail(path, "'" + *value + "' must be 1 to 40 letters, digits, '.', '_' or '-'");
        return *value;
    }

    // `complete`: Italian and English are expected too (a missing one falls back to French).
    Label label(const Json& object, const char* key, const std::string& path, bool required,
                bool with_french = true) {
        Label l;
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) fail(path, "is required");
            return l;
        }
        if (!it->is_object()) {
            fail(path, "must be an object of texts by language {\"fr\", \"it\", \"en\"}");
            return l;
        }
        known(*it, path, {"fr", "it", "en"});
        l.fr = text(*it, "fr", path + ".fr").value_or("");
        l.it = text(*it, "it", path + ".it").value_or("");
        l.en = text(*it, "en", path + ".en").value_or("");
        if (with_french && l.fr.empty()) fail(path + ".fr", "the French text is required");
        for (const auto* t : {&l.fr, &l.it, &l.en})
            if (t->size() > std::size_t(kMaxLabelBytes))
                fail(path, "a text is longer than " + std::to_string(kMaxLabelBytes) + " bytes");
        return l;
    }

    std::vector<std::string> codes(const Json& object, const char* key, const std::string& path,
                                   const std::set<std::string>& allowed, const char* what) {
        std::vector<std::string> out;
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return out;
        if (!it->is_array()) {
            fail(path, "must be a list of codes");
            return out;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto& v = (*it)[i];
            std::string p = path + "[" + std::to_string(i) + "]";
            if (!v.is_string()) {
                fail(p, "must be a code");
                continue;
            }
            auto c = v.get<std::string>();
            if (!allowed.empty() && !allowed.count(c))
                fail(p, "'" + c + "' is not a value of " + what);
            else if (std::find(out.begin(), out.end(), c) != out.end())
                fail(p, "'" + c + "' is listed twice");
            else
                out.push_back(c);
        }
        return out;
    }

    Scale scale(const Json& s, const std::string& path) {
        Scale out;
        if (!s.is_object()) {
            fail(path, "must be an object with a \"kind\"");
            return out;
        }
        known(s, path,
              {"kind", "min", "max", "neutral", "low", "high", "levels", "unit", "integer",
               "placeholder", "note"});
        static const std::map<std::string, ItemKind> kinds = {
            {"cursor", ItemKind::cursor}, {"ordinal", ItemKind::ordinal},
            {"number", ItemKind::number}, {"yes_no", ItemKind::yes_no},
            {"text", ItemKind::text},     {"evidence", ItemKind::evidence}};
        auto kind = text(s, "kind", path + ".kind").value_or("");
        auto found = kinds.find(kind);
        if (found == kinds.end()) {
            fail(path + ".kind",
                 "must be cursor, ordinal, number, yes_no, text or evidence (is '" + kind + "')");
            return out;
        }
        out.kind = found->second;
        out.placeholder = flag(s, "placeholder", path + ".placeholder");
        out.note = label(s, "note", path + ".note", false);
        auto only_for = [&](std::initializer_list<const char*> keys, ItemKind k) {
            for (const char* key : keys)
                if (s.contains(key) && out.kind != k)
                    fail(path + "." + key, "applies only to " + to_string(k) + " scales");
        };
        only_for({"neutral", "low", "high"}, ItemKind::cursor);
        only_for({"levels"}, ItemKind::ordinal);
        only_for({"unit", "integer"}, ItemKind::number);
        if (out.kind == ItemKind::cursor) read_cursor(s, path, out);
        if (out.kind == ItemKind::ordinal) read_levels(s, path, out);
        if (out.kind == ItemKind::number) {
            out.lower = number(s, "min", path + ".min");
            out.upper = number(s, "max", path + ".max");
            out.integer = flag(s, "integer", path + ".integer");
            out.unit = label(s, "unit", path + ".unit", false);
            if (out.lower && out.upper && *out.lower > *out.upper)
                fail(path + ".min", "is above max");
        }
        if ((out.kind == ItemKind::yes_no || out.kind == ItemKind::text ||
             out.kind == ItemKind::evidence) &&
            (s.contains("min") || s.contains("max")))
            fail(path, "min and max apply only to cursor and number scales");
        return out;
    }

    void read_cursor(const Json& s, const std::string& path, Scale& out) {
        auto min = number(s, "min", path + ".min");
        auto max = number(s, "max", path + ".max");
        if (!min || !max) {
            fail(path, "a cursor needs min and max");
            return;
        }
        out.min = *min;
        out.max = *max;
        out.neutral = number(s, "neutral", path + ".neutral").value_or(0.0);
        if (out.min >= out.max) fail(path + ".min", "must be below max");
        if (out.neutral < out.min || out.neutral > out.max)
            fail(path + ".neutral", "must lie between min and max");
        out.low = label(s, "low", path + ".low", false);
        out.high = label(s, "high", path + ".high", false);
    }

    void read_levels(const Json& s, const std::string& path, Scale& out) {
        auto it = s.find("levels");
        if (it == s.end() || !it->is_array() || it->size() < 2) {
            fail(path + ".levels", "an ordinal scale needs a list of at least 2 levels");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string p = path + ".levels[" + std::to_string(i) + "]";
            const auto& l = (*it)[i];
            if (!l.is_object()) {
                fail(p, "must be an object {code, value, label}");
                continue;
            }
            known(l, p, {"code", "value", "label"});
            Level level{code(l, "code", p + ".code"), number(l, "value", p + ".value").value_or(0),
                        label(l, "label", p + ".label", true)};
            if (!l.contains("value")) fail(p + ".value", "is required");
            for (const auto& other : out.levels) {
                if (other.code == level.code) fail(p + ".code", "'" + level.code + "' twice");
            }
            if (!out.levels.empty() && level.value <= out.levels.back().value)
                fail(p + ".value", "levels must have increasing values");
            out.levels.push_back(std::move(level));
        }
    }

    void read_scales(const Json& doc, Grid& g) {
        auto it = doc.find("scales");
        if (it == doc.end() || it->is_null()) return;
        if (!it->is_object()) {
            fail("scales", "must be an object of named scales");
            return;
        }
        for (auto s = it->begin(); s != it->end(); ++s) {
            if (!std::regex_match(s.key(), kCode)) fail("scales." + s.key(), "bad scale name");
            g.scales.emplace_back(s.key(), scale(s.value(), "scales." + s.key()));
        }
    }

    SourceRef source_ref(const Json& s, const std::string& path) {
        SourceRef r;
        if (!s.is_object()) {
            fail(path, "must be an object {label, url}");
            return r;
        }
        known(s, path, {"label", "url"});
        r.label = label(s, "label", path + ".label", true);
        r.url = text(s, "url", path + ".url").value_or("");
        return r;
    }

    void read_references(const Json& doc, Grid& g) {
        auto it = doc.find("references");
        if (it == doc.end() || it->is_null()) return;
        if (!it->is_array()) {
            fail("references", "must be a list");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string p = "references[" + std::to_string(i) + "]";
            const auto& r = (*it)[i];
            if (!r.is_object()) {
                fail(p, "must be an object");
                continue;
            }
            known(r, p, {"label", "source", "points"});
            Reference ref;
            ref.label = label(r, "label", p + ".label", true);
            if (r.contains("source"))
                ref.source = source_ref(r["source"], p + ".source");
            else
                fail(p + ".source", "a reference must name its source");
            if (auto pts = r.find("points"); pts != r.end() && pts->is_array())
                for (std::size_t j = 0; j < pts->size(); ++j) {
                    Json holder = {{"t", (*pts)[j]}};
                    ref.points.push_back(
                        label(holder, "t", p + ".points[" + std::to_string(j) + "]", true));
                }
            g.references.push_back(std::move(ref));
        }
    }

    Item item(const Json& j, const std::string& path, const Grid& g) {
        Item it;
        if (!j.is_object()) {
            fail(path, "must be an object");
            return it;
        }
        known(j, path,
              {"code", "label", "note", "scale", "core", "placeholder", "source", "collection",
               "owner", "feed"});
        it.code = code(j, "code", path + ".code");
        std::string where = it.code.empty() ? path : path + " (" + it.code + ")";
        it.label = label(j, "label", where + ".label", true);
        it.note = label(j, "note", where + ".note", false);
        it.core = flag(j, "core", where + ".core");
        it.placeholder = flag(j, "placeholder", where + ".placeholder");
        it.source = text(j, "source", where + ".source").value_or("");
        it.collection = text(j, "collection", where + ".collection").value_or("");
        it.owner = text(j, "owner", where + ".owner").value_or("");
        it.feed = text(j, "feed", where + ".feed").value_or("");
        auto s = j.find("scale");
        if (s == j.end() || s->is_null()) {
            fail(where + ".scale", "is required (a scale name or a scale object)");
        } else if (s->is_string()) {
            it.scale_name = s->get<std::string>();
            auto named = std::find_if(g.scales.begin(), g.scales.end(),
                                      [&](const auto& p) { return p.first == it.scale_name; });
            if (named == g.scales.end())
                fail(where + ".scale", "no scale named '" + it.scale_name + "' in this grid");
            else
                it.scale = named->second;
        } else {
            it.scale = scale(*s, where + ".scale");
        }
        return it;
    }

    std::vector<Section> sections(const Json& parent, const char* key, const std::string& path,
                                  const Grid& g, int depth) {
        std::vector<Section> out;
        auto it = parent.find(key);
        if (it == parent.end() || it->is_null()) return out;
        if (!it->is_array()) {
            fail(path, "must be a list");
            return out;
        }
        if (depth > 5) {
            fail(path, "sections nest at most 5 levels deep");
            return out;
        }
        for (std::size_t i = 0; i < it->size(); ++i)
            out.push_back(section((*it)[i], path + "[" + std::to_string(i) + "]", g, depth));
        return out;
    }

    Section section(const Json& j, const std::string& path, const Grid& g, int depth) {
        Section s;
        if (!j.is_object()) {
            fail(path, "must be an object");
            return s;
        }
        known(j, path,
              {"code", "label", "note", "role", "placeholder", "aggregation", "source", "items",
               "sections"});
        s.code = code(j, "code", path + ".code");
        std::string where = s.code.empty() ? path : path + " (" + s.code + ")";
        s.label = label(j, "label", where + ".label", true);
        s.note = label(j, "note", where + ".note", false);
        s.role = text(j, "role", where + ".role").value_or("");
        if (!s.role.empty() && s.role != "criterion" && s.role != "baseline")
            fail(where + ".role", "must be \"criterion\" or \"baseline\"");
        s.placeholder = flag(j, "placeholder", where + ".placeholder");
        s.aggregation = aggregation(text(j, "aggregation", where + ".aggregation").value_or(""),
                                    where + ".aggregation");
        if (j.contains("source") && !j["source"].is_null())
            s.source = source_ref(j["source"], where + ".source");
        if (auto items = j.find("items"); items != j.end() && !items->is_null()) {
            if (!items->is_array())
                fail(where + ".items", "must be a list");
            else
                for (std::size_t i = 0; i < items->size(); ++i)
                    s.items.push_back(
                        item((*items)[i], path + ".items[" + std::to_string(i) + "]", g));
        }
        s.sections = sections(j, "sections", path + ".sections", g, depth + 1);
        if (s.items.empty() && s.sections.empty()) fail(where, "a section needs items or sections");
        return s;
    }

    Aggregation aggregation(const std::string& name, const std::string& path) {
        static const std::map<std::string, Aggregation> names = {
            {"", Aggregation::none},
            {"none", Aggregation::none},
            {"mean", Aggregation::mean},
            {"sum", Aggregation::sum},
            {"min", Aggregation::min},
            {"max", Aggregation::max},
            {"share_yes", Aggregation::share_yes}};
        auto found = names.find(name);
        if (found != names.end()) return found->second;
        fail(path, "must be none, mean, sum, min, max or share_yes");
        return Aggregation::none;
    }

    // Rules over the whole grid: unique codes, what a board needs, aggregations that apply.
    void check_whole(const Grid& g) {
        std::map<std::string, std::string> seen;
        auto claim = [&](const std::string& code, const std::string& what) {
            if (code.empty()) return;
            auto [it, fresh] = seen.emplace(code, what);
            if (!fresh) fail(what, "code '" + code + "' is already used by " + it->second);
        };
        std::function<void(const std::vector<Section>&, const std::string&)> walk =
            [&](const std::vector<Section>& list, const std::string& path) {
                for (std::size_t i = 0; i < list.size(); ++i) {
                    const auto& s = list[i];
                    std::string p = path + "[" + std::to_string(i) + "]";
                    claim(s.code, "section " + p);
                    for (std::size_t k = 0; k < s.items.size(); ++k)
                        claim(s.items[k].code, "item " + p + ".items[" + std::to_string(k) + "]");
                    check_aggregation(s, p);
                    walk(s.sections, p + ".sections");
                }
            };
        walk(g.sections, "sections");
        auto items = g.items();
        bool any_cursor = std::any_of(items.begin(), items.end(), [](const Item* i) {
            return i->scale.kind == ItemKind::cursor;
        });
        if (g.is_board() && !any_cursor) fail("tool", "a board needs at least one cursor item");
        if (!g.is_board() && any_cursor)
            fail("tool", "cursor items need a board (\"tool\": \"board\")");
        if (g.radar_depth > 0) {
            auto at = g.sections_at(g.radar_depth);
            bool aggregated = std::any_of(at.begin(), at.end(), [](const Section* s) {
                return s->aggregation != Aggregation::none;
            });
            if (at.size() < 3 || !aggregated)
                fail("radar.depth", "a radar needs at least 3 sections at depth " +
                                        std::to_string(g.radar_depth) + ", with an aggregation");
        }
    }

    void check_aggregation(const Section& s, const std::string& path) {
        if (s.aggregation == Aggregation::none) return;
        bool numeric = false, yes_no = false;
        std::function<void(const Section&)> visit = [&](const Section& x) {
            for (const auto& i : x.items) {
                auto k = i.scale.kind;
                numeric |= k == ItemKind::cursor || k == ItemKind::ordinal ||
                           k == ItemKind::number || k == ItemKind::yes_no;
                yes_no |= k == ItemKind::yes_no;
            }
            for (const auto& sub : x.sections) visit(sub);
        };
        visit(s);
        std::string where = path + " (" + s.code + ").aggregation";
        if (s.aggregation == Aggregation::share_yes && !yes_no)
            fail(where, "share_yes needs yes/no items");
        else if (!numeric)
            fail(where, "there is nothing to aggregate: no cursor, ordinal, number or yes/no item");
    }

    const GridVocabulary& vocabulary_;
    std::vector<GridProblem>& problems_;
};

}  // namespace

Grid parse_grid(const Json& document, const GridVocabulary& vocabulary,
                std::vector<GridProblem>& problems) {
    return Reader(vocabulary, problems).grid(document);
}

Grid parse_grid_or_throw(const Json& document, const GridVocabulary& vocabulary,
                         const std::string& origin) {
    std::vector<GridProblem> problems;
    Grid grid = parse_grid(document, vocabulary, problems);
    if (!problems.empty())
        throw Error(ErrorCode::invalid_input,
                    origin + ": " + std::to_string(problems.size()) +
                        " problem(s) in the grid: " + describe(problems),
                    problems.front().path);
    return grid;
}

std::string describe(const std::vector<GridProblem>& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += "; ";
        out += (p.path.empty() ? "" : p.path + ": ") + p.reason;
    }
    return out;
}

}  // namespace maillage::evaluation
