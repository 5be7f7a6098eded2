// Blocks shared by the evaluation reports.
#include "evaluation/answers.hpp"
#include "evaluation/report_texts.hpp"
#include "report/charts.hpp"

namespace maillage::evaluation::reporting {

std::string Texts::operator()(const std::string& key,
                              const std::map<std::string, std::string>& values) const {
    auto it = service_.report_texts().find(key);
    std::string text =
        it == service_.report_texts().end() ? key : in_language(it->second, language_);
    for (const auto& [name, value] : values) {
        std::string mark = "{" + name + "}";
        for (auto at = text.find(mark); at != std::string::npos;
             at = text.find(mark, at + value.size()))
            text.replace(at, mark.size(), value);
    }
    return text;
}

std::string Texts::code(const std::string& enumeration, const std::string& code) const {
    const auto* value = service_.vocabulary().find(enumeration, code);
    return value ? in_language(value->label, language_) : code;
}

std::string answer_text(const Texts& t, const Item& item, const Answer* a) {
    if (!a) return t("unanswered");
    Json v = answer_value_json(item, *a);
    std::string text;
    if (v.is_boolean())
        text = v.get<bool>() ? t("yes") : t("no");
    else if (v.is_number()) {
        double n = v.get<double>();
        text = (item.scale.kind == ItemKind::cursor && n > 0 ? "+" : "") + format_number(n);
        if (!item.scale.unit.fr.empty()) text += " " + t.label(item.scale.unit);
    } else if (v.is_string()) {
        text = v.get<std::string>();
        for (const auto& level : item.scale.levels)
            if (level.code == text) text = t.label(level.label);
    }
    if (text.empty()) text = t("unanswered");
    if (a->priority || a->significant) text = "● " + text;
    return text;
}

report::Document start_document(const Texts& t, EvaluationService& service, std::int64_t pole_id,
                                const Assessment& a, const std::string& title) {
    report::Document doc(title, t.language());
    doc.subtitle(t("subtitle", {{"date", a.held_on},
                                {"stage", t.code("evaluation_stage", a.stage)},
                                {"mode", t.code("evaluation_mode", a.mode)}}));
    doc.footer(t("footer", {{"pole", service.pole_name(pole_id)}}));
    const Grid& g = *a.grid;
    if (!g.source.fr.empty()) doc.paragraph(t("source", {{"source", t.label(g.source)}}));
    // Italian and English texts are translations: the report says so.
    const std::string& note = in_language(g.translation_note, t.language());
    if (t.language() != "fr" && !note.empty()) doc.paragraph(t("translation", {{"note", note}}));
    bool placeholders = false;
    for (const auto* i : g.items()) placeholders |= i->placeholder;
    if (placeholders) doc.paragraph(t("placeholders"));
    if (!a.participant_list.empty()) {
        doc.heading(1, t("participants"));
        std::vector<std::string> people;
        for (const auto& p : a.participant_list)
            people.push_back(p.name + (p.role && !p.role->empty() ? " (" + *p.role + ")" : ""));
        doc.bullets(people);
    }
    return doc;
}

void add_answer_tables(report::Document& doc, const Texts& t, const Assessment& a,
                       const std::vector<Section>& sections, int level) {
    for (const auto& s : sections) {
        doc.heading(std::min(level, 3), t.label(s.label));
        if (!s.items.empty()) {
            report::Table table{{t("col_code"), t("col_item"), t("col_answer"), t("col_comment")},
                                {},
                                t.label(s.label),
                                {}};
            for (const auto& item : s.items) {
                auto found = a.answers.find(item.code);
                const Answer* answer = found == a.answers.end() ? nullptr : &found->second;
                table.rows.push_back({item.code, t.label(item.label), answer_text(t, item, answer),
                                      answer ? answer->comment : ""});
            }
            doc.table(std::move(table));
        }
        add_answer_tables(doc, t, a, s.sections, level + 1);
    }
}

void add_radar(report::Document& doc, const Texts& t, const Assessment& a,
               const Assessment* previous) {
    auto axes = radar(*a.grid, a.answers, previous ? &previous->answers : nullptr);
    if (axes.size() < 3) return;
    report::RadarChart chart;
    report::Series now{t("this_session"), {}}, before{previous ? previous->held_on : "", {}};
    for (const auto& axis : axes) {
        chart.axes.push_back(t.brief(axis.label, 28));
        now.values.push_back(axis.value.value_or(0));
        before.values.push_back(axis.previous.value_or(0));
    }
    if (previous) chart.series.push_back(before);
    chart.series.push_back(now);
    chart.min = 0;
    chart.max = 1;
    doc.heading(1, t("radar"));
    doc.paragraph(t("radar_note"));
    doc.figure(report::radar_chart(chart, t("radar"), t.label(a.grid->title)));
}

void add_evidence(report::Document& doc, const Texts& t, const Assessment& a) {
    if (a.evidence.empty()) return;
    doc.heading(1, t("evidence"));
    report::Table table{
        {t("col_kind"), t("col_title"), t("col_date"), t("col_code"), t("col_link")},
        {},
        t("evidence"),
        {}};
    for (const auto& e : a.evidence)
        table.rows.push_back({t.code("evaluation_evidence_kind", e.kind), e.title,
                              e.happened_on.value_or(""), e.item.value_or(""),
                              e.url ? *e.url : e.file_name.value_or("")});
    doc.table(std::move(table));
}

void add_comparison(report::Document& doc, const Texts& t, const Assessment& a,
                    const Assessment* previous) {
    if (!previous) {
        doc.heading(1, t("comparison", {{"date", "—"}}));
        doc.paragraph(t("no_comparison"));
        return;
    }
    doc.heading(1, t("comparison", {{"date", previous->held_on}}));
    report::Table table{
        {t("col_code"), t("col_item"), t("col_previous"), t("col_current"), t("col_change")},
        {},
        t("comparison", {{"date", previous->held_on}}),
        {4}};
    std::int64_t unchanged = 0;
    for (const auto& c : compare(*a.grid, a.answers, previous->answers)) {
        if (!c.changed) {
            ++unchanged;
            continue;
        }
        const Item& item = *a.grid->find_item(c.code);
        std::string change = c.delta ? (*c.delta > 0 ? "+" : "") + format_number(*c.delta) : "";
        if (c.flag_changed) {
            bool now = c.current && (c.current->priority || c.current->significant);
            change += (change.empty() ? "" : " ") + t(now ? "ball_added" : "ball_removed");
        }
        table.rows.push_back({c.code, t.brief(item.label, 70),
                              answer_text(t, item, c.previous ? &*c.previous : nullptr),
                              answer_text(t, item, c.current ? &*c.current : nullptr), change});
    }
    if (!table.rows.empty()) doc.table(std::move(table));
    doc.paragraph(t("unchanged", {{"count", std::to_string(unchanged)}}));
}

}  // namespace maillage::evaluation::reporting
