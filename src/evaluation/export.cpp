#include "evaluation/export.hpp"

#include "evaluation/answers.hpp"
#include "io/table_writer.hpp"

namespace maillage::evaluation {
namespace {

std::string value_text(const Item& item, const Answer& a, const std::string& language) {
    Json v = answer_value_json(item, a);
    if (v.is_null()) return "";
    if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
    if (v.is_number()) return format_number(v.get<double>());
    if (item.scale.kind == ItemKind::ordinal)
        for (const auto& level : item.scale.levels)
            if (level.code == v.get<std::string>())
                return level.code + " — " + plain_text(in_language(level.label, language));
    return v.get<std::string>();
}

std::string yes(bool b) {
    return b ? "1" : "0";
}

}  // namespace

std::vector<std::string> export_columns() {
    return {"record",    "section",      "item",        "label",   "kind", "value",
            "unit",      "priority",     "significant", "comment", "seq",  "speaker",
            "direction", "displacement", "before",      "after",   "text", "date"};
}

std::vector<std::vector<std::string>> export_rows(const Assessment& a, const std::string& lang) {
    std::vector<std::vector<std::string>> rows;
    const Grid& grid = *a.grid;
    auto section_code = [&](const std::string& item) {
        const Section* s = grid.section_of(item);
        return s ? s->code : std::string();
    };
    for (const auto* item : grid.items()) {
        Answer none;
        auto found = a.answers.find(item->code);
        const Answer& answer = found == a.answers.end() ? none : found->second;
        rows.push_back({"answer", section_code(item->code), item->code,
                        plain_text(in_language(item->label, lang)), to_string(item->scale.kind),
                        value_text(*item, answer, lang), in_language(item->scale.unit, lang),
                        yes(answer.priority), yes(answer.significant), answer.comment, "", "", "",
                        "", "", "", "", ""});
    }
    for (std::size_t i = 0; i < a.log.size(); ++i) {
        const auto& x = a.log[i];
        std::string speaker;
        for (const auto& p : a.participant_list)
            if (p.id == x.participant_id) speaker = p.name;
        const auto& step = a.board.steps[i];
        rows.push_back({x.withdrawn ? "argument (withdrawn)" : "argument", section_code(x.item),
                        x.item, "", "cursor", "", "", "", "", "", std::to_string(x.seq), speaker,
                        x.direction > 0 ? "+" : "-", format_number(x.displacement),
                        format_number(step.before), format_number(step.after), x.text,
                        x.created_at.substr(0, 10)});
    }
    for (const auto& e : a.evidence)
        rows.push_back({"evidence", e.item ? section_code(*e.item) : "", e.item.value_or(""),
                        e.title, e.kind, e.url.value_or(""), "", "", "", e.note.value_or(""), "",
                        "", "", "", "", "", e.file_name.value_or(""), e.happened_on.value_or("")});
    return rows;
}

std::string assessment_xlsx(const Assessment& a, const std::string& language) {
    return io::xlsx_to_bytes("evaluation", [&](io::TableWriter& w) {
        w.write_header(export_columns());
        for (const auto& row : export_rows(a, language)) w.write_row(row);
    });
}

}  // namespace maillage::evaluation
