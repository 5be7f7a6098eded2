#pragma once
// The needs observatory as plain values: intake records, their codes, proposal groups,
// calls for projects and the pole's settings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::needs {

// What a code classifies a record into: a need category (data/enumerations/need_category.csv)
// or a NAF section ("A" to "U").
enum class CodeKind { need, sector };
std::string_view to_string(CodeKind kind);
std::optional<CodeKind> parse_code_kind(std::string_view text);

// An intake interview as a counsellor records it. Everything is optional except the id and
// one of the two texts; nothing identifies the person but a pseudonymous key.
struct RecordInput {
    std::string record_id;  // the centre's own id, unique in the pole, stable across imports
    std::optional<std::string> date;  // YYYY-MM-DD
    std::optional<std::string> centre, counsellor;
    std::optional<std::string> commune;     // INSEE or ISTAT code
    std::optional<std::string> person_key;  // pseudonymous
    std::optional<std::string> age_band;    // intake_age_band enumeration
    std::vector<std::string> situations;    // intake_situation enumeration
    std::optional<std::string> need_text, proposal_text;
    std::vector<std::string> need_codes;       // need categories coded at the interview
    std::optional<std::string> coop_interest;  // intake_coop_interest: yes, maybe, no
    std::vector<std::string> sectors;          // NAF sections or codes the person names
    std::vector<std::string> skills;
    std::optional<std::string> language;  // "fr", "it"; default: the commune's country
};

// One code of a record and why it is there. Rules propose, the interview's own coding
// (`declared`) adds, and a counsellor's correction wins over both.
struct RecordCode {
    CodeKind kind = CodeKind::need;
    std::string code;
    std::vector<std::string> matched;       // the words the rules matched, as written
    bool declared = false;                  // in need_codes or sectors of the record
    std::optional<std::string> correction;  // "add" or "remove", by a counsellor
    bool effective() const {
        if (correction) return *correction == "add";
        return declared || !matched.empty();
    }
};

// A counsellor's decision on one code of one record: it wins over the rules and over the
// interview's own coding, and survives every re-run of the catalogue.
struct Correction {
    CodeKind kind = CodeKind::need;
    std::string code;
    std::string action;  // "add" or "remove"
};

struct Record : RecordInput {
    std::int64_t id = 0;
    std::string resolved_language;
    std::optional<std::string> commune_name;
    std::vector<RecordCode> codes;
    std::optional<std::int64_t> group_id;
    std::string created_at, updated_at;
};

struct RecordFilter {
    std::optional<std::string> text;      // words of the texts or the record id
    std::optional<std::string> commune;   // commune code
    std::optional<std::string> category;  // effective need category
    std::optional<std::string> sector;    // effective NAF section
    bool uncoded = false;                 // records with no effective need category
    std::int64_t page = 1;
    std::int64_t per_page = 20;
};

struct RecordPage {
    std::vector<Record> items;
    std::int64_t total = 0, page = 1, per_page = 20;
};

struct ImportSummary {
    std::int64_t rows = 0;
    std::int64_t coded = 0;    // records with at least one need category
    std::int64_t uncoded = 0;  // left for a counsellor to code
};

struct CatalogueSummary {
    std::int64_t records = 0, coded = 0, uncoded = 0, codes = 0;
    std::int64_t rewritten = 0;  // records whose codes changed and were written again
};

// A pole's settings for the observatory (defaults in data/needs/settings.json).
struct Settings {
    std::int64_t min_cell_size = 5;
    double similarity_threshold = 0.7;
    std::int64_t shingle_size = 1;
    std::int64_t hotspot_min_count = 10;
    double hotspot_min_ratio = 1.5;
};

struct CommuneCount {
    std::string code, name;
    std::int64_t count = 0;
};

struct CategoryCount {
    std::string code;
    std::int64_t count = 0;
};

// A canonical proposal: the records whose proposals say the same thing.
struct Group {
    std::int64_t id = 0;
    std::string title;  // the counsellor's title, else the representative text
    std::optional<std::string> custom_title;
    std::string representative_text;
    std::string representative_record;  // its record_id
    std::int64_t size = 0;
    std::vector<CommuneCount> communes;
    std::vector<CategoryCount> categories;  // effective need categories of the members
    bool manual = false;                    // shaped by a counsellor's merge or split
};

struct GroupMember {
    std::int64_t id = 0;
    std::string record_id;
    std::optional<std::string> commune;
    std::string text;
};

struct GroupFilter {
    std::optional<std::string> text;
    std::optional<std::string> category;
    std::optional<std::string> commune;
    std::int64_t min_size = 1;
    std::int64_t page = 1;
    std::int64_t per_page = 20;
};

struct GroupPage {
    std::vector<Group> items;
    std::int64_t total = 0, page = 1, per_page = 20;
    std::int64_t hidden = 0;  // groups below the minimum cell size, not shown to this reader
};

// A counsellor's merge or split, replayed after every clustering run. Keyed by the records'
// own ids, never by group ids, so that it survives re-runs and re-imports.
struct Decision {
    std::int64_t id = 0;
    std::string kind;  // "merge" or "split"
    std::vector<std::string> records;
    std::optional<std::int64_t> user_id;
    std::string at;
};

struct RationaliseSummary {
    std::int64_t records = 0;   // records with a text to compare
    std::int64_t groups = 0;    // groups of two records or more
    std::int64_t grouped = 0;   // records in those groups
    std::int64_t singles = 0;   // records alone with their proposal
    std::int64_t pairs = 0;     // similar pairs that joined records into groups (a spanning forest)
    std::int64_t kept_ids = 0;  // groups that kept the id of a group of the previous run
    std::int64_t decisions = 0;  // counsellors' decisions replayed
};

}  // namespace maillage::needs
