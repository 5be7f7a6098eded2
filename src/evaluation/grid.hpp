#pragma once
// Evaluation grids are data: sections → items, each item with a kind (cursor, ordinal scale,
// number with a unit, yes/no, text, evidence), optional aggregation rules per section, and
// labels in French, Italian and English. Shipped grids are files (data/evaluation/grids);
// grids a pole copies and adapts are stored in a table as the same JSON document. Both go
// through parse_grid, which reports every problem with the path and code of the item.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/vocabulary.hpp"

namespace maillage::evaluation {

// The "format" every grid document declares, so that a stray JSON file is not read as one.
inline constexpr const char* kGridFormat = "maillage-evaluation-grid";

enum class ItemKind { cursor, ordinal, number, yes_no, text, evidence };
enum class Aggregation { none, mean, sum, min, max, share_yes };

std::string to_string(ItemKind kind);
std::string to_string(Aggregation aggregation);

struct Level {
    std::string code;
    double value = 0;  // used by aggregations and radar charts; increasing along the scale
    Label label;
};

struct Scale {
    ItemKind kind = ItemKind::text;
    // cursor: the axis from `min` to `max`, arguments start from `neutral`.
    double min = 0, max = 0, neutral = 0;
    Label low, high;            // cursor: what the two ends mean
    std::vector<Level> levels;  // ordinal, in order
    // number: optional bounds, a unit, whole numbers only.
    std::optional<double> lower, upper;
    bool integer = false;
    Label unit;
    bool placeholder = false;  // a scale nobody has confirmed (say so wherever it is shown)
    Label note;
};

struct Item {
    std::string code;
    Label label;  // may hold **bold** and *italic* marks, as in the seed's questions
    Label note;
    std::string scale_name;  // the grid's named scale, or "" when the scale is inline
    Scale scale;
    bool core = false;         // shared by every grid of its lineage: aggregated across members
    bool placeholder = false;  // the label is not known yet (the PTCE grid's indicators)
    // Indicator metadata (social utility): where the data comes from, how it is collected,
    // who collects it, and the code of an automatic feed (e.g. another module's figures).
    std::string source, collection, owner, feed;
};

struct SourceRef {
    Label label;
    std::string url;
};

struct Section {
    std::string code;
    Label label;
    Label note;
    std::string role;  // "criterion" (chosen in a campaign), "baseline" (always kept) or ""
    bool placeholder = false;
    Aggregation aggregation = Aggregation::none;
    std::optional<SourceRef> source;
    std::vector<Item> items;
    std::vector<Section> sections;
};

// A published reference shown beside a grid (the PTCE grid's closest published frameworks).
struct Reference {
    Label label;
    SourceRef source;
    std::vector<Label> points;
};

struct Grid {
    std::string code;
    std::int64_t version = 1;
    std::string tool = "form";  // "board": a cursor board with an argument log; "form"
    Label title, description, stem, source, translation_note;
    std::vector<std::string> modes, stages;
    std::int64_t min_participants = 0;  // a group tool names its participants
    std::vector<std::string> flags;     // "priority", "significant"
    std::int64_t radar_depth = 0;       // 0: no radar chart
    std::vector<std::pair<std::string, Scale>> scales;
    std::vector<Reference> references;
    std::vector<Section> sections;

    bool is_board() const { return tool == "board"; }
    const Item* find_item(const std::string& code) const;
    const Section* find_section(const std::string& code) const;
    bool has_flag(const std::string& flag) const;
    // Every item, depth first in document order.
    std::vector<const Item*> items() const;
    // The section that holds an item directly.
    const Section* section_of(const std::string& item_code) const;
    // The sections at a depth (1 = top level), in document order.
    std::vector<const Section*> sections_at(std::int64_t depth) const;
};

// One problem in a grid document: where (a JSON path, with the item's code when known) and why.
struct GridProblem {
    std::string path;
    std::string reason;
};

// Codes the grid may use for modes and stages (the enumerations); empty sets skip the check.
struct GridVocabulary {
    std::set<std::string> modes, stages;
};

// Parses and validates a grid document, collecting every problem. `problems` is left empty
// only for a valid grid.
Grid parse_grid(const Json& document, const GridVocabulary& vocabulary,
                std::vector<GridProblem>& problems);
// Parses or throws one invalid_input Error whose message names `origin` (a file name or
// "grid") and every problem with its item.
Grid parse_grid_or_throw(const Json& document, const GridVocabulary& vocabulary,
                         const std::string& origin);
// The canonical document of a grid (what parse_grid reads back to the same grid).
Json grid_to_json(const Grid& grid);

// Label text in a language ("fr", "it", "en"), falling back to French.
const std::string& in_language(const Label& label, const std::string& language);
// The text without its **bold** and *italic* marks.
std::string plain_text(const std::string& marked);
// A short name for an axis: the bold parts of the label (the seed puts the key words of each
// question in bold), else the label itself, cut to `max_chars` characters.
std::string short_label(const std::string& marked, std::size_t max_chars = 60);

// Problems as one sentence per problem, for error messages.
std::string describe(const std::vector<GridProblem>& problems);

}  // namespace maillage::evaluation
