// Reports per assessment and per campaign: PDF and HTML through the shared report module
// (src/report), and the data as XLSX.
#include "core/error.hpp"
#include "evaluation/board_figure.hpp"
#include "evaluation/export.hpp"
#include "evaluation/report_texts.hpp"
#include "evaluation/routes.hpp"
#include "report/charts.hpp"

namespace maillage::evaluation {

using reporting::Texts;

namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string speaker_of(const Assessment& a, std::int64_t participant) {
    for (const auto& p : a.participant_list)
        if (p.id == participant) return p.name;
    return "";
}

// Every pillar on a page of its own, drawn as in the session; then the argument log.
void add_board(report::Document& doc, const Texts& t, const Assessment& a,
               const Assessment* previous) {
    doc.heading(1, t("board"));
    std::string legend = t("board_legend");
    if (previous) legend += " " + t("board_previous", {{"date", previous->held_on}});
    doc.paragraph(legend);
    if (a.grid->radar_depth == 0) doc.paragraph(t("no_score"));
    for (const auto& pillar : a.grid->sections) {
        doc.page_break();
        doc.figure(board_figure({a.grid.get(), &pillar, &a.board.positions, &a.answers,
                                 previous ? &previous->answers : nullptr, t.language()}));
    }
    doc.page_break();
    doc.heading(1, t("log"));
    if (a.log.empty()) {
        doc.paragraph(t("no_log"));
        return;
    }
    report::Table log{{t("col_seq"), t("col_question"), t("col_speaker"), t("col_move"),
                       t("col_position"), t("col_argument")},
                      {},
                      t("log"),
                      {0, 3}};
    for (std::size_t i = 0; i < a.log.size(); ++i) {
        const auto& x = a.log[i];
        const auto& step = a.board.steps[i];
        const Item* item = a.grid->find_item(x.item);
        std::string question = x.item;
        if (item) question += " " + t.brief(item->label, 40);
        std::string move = std::string(x.direction > 0 ? "+" : "−") + format_number(x.displacement);
        std::string position = format_number(step.before) + " → " + format_number(step.after);
        if (x.withdrawn)
            position = t("withdrawn");
        else if (step.clamped)
            position += " " + t("clamped");
        log.rows.push_back({std::to_string(x.seq), question, speaker_of(a, x.participant_id), move,
                            position, x.text});
    }
    doc.table(std::move(log));
}

report::Document assessment_document(EvaluationService& service, std::int64_t pole_id,
                                     const Assessment& a, const Assessment* previous,
                                     const Texts& t) {
    std::string title = t.label(a.grid->title);
    if (!a.subject.title.empty()) title += " — " + a.subject.title;
    auto doc = reporting::start_document(t, service, pole_id, a, title);
    if (a.grid->is_board()) add_board(doc, t, a, previous);
    reporting::add_radar(doc, t, a, previous);
    if (!a.grid->is_board()) {
        doc.heading(1, t("answers"));
        reporting::add_answer_tables(doc, t, a, a.grid->sections, 2);
    }
    reporting::add_evidence(doc, t, a);
    reporting::add_comparison(doc, t, a, previous);
    if (a.notes && !a.notes->empty()) {
        doc.heading(1, t("notes"));
        doc.paragraph(*a.notes);
    }
    return doc;
}

ReportFile rendered(const report::Document& doc, const std::string& format,
                    const std::string& stem) {
    if (format == "pdf") return {report::render_pdf(doc), "application/pdf", stem + ".pdf"};
    return {report::render_html(doc), "text/html; charset=utf-8", stem + ".html"};
}

void check_format(const std::string& format) {
    if (format != "pdf" && format != "html" && format != "xlsx")
        throw invalid("format", "must be pdf, html or xlsx");
}

}  // namespace

ReportFile assessment_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                             const std::string& format, const std::string& language) {
    check_format(format);
    auto a = service.assessment(pole_id, id);
    std::string stem = "evaluation-" + std::to_string(id);
    if (format == "xlsx") return {assessment_xlsx(a, language), kXlsx, stem + ".xlsx"};
    auto cmp = service.comparison(pole_id, id, std::nullopt);
    Texts t(service, language);
    auto doc = assessment_document(service, pole_id, a, cmp ? &cmp->previous : nullptr, t);
    return rendered(doc, format, stem);
}

namespace {

std::string step_text(const Json& steps, const char* step, const char* key) {
    if (!steps.contains(step) || !steps[step].contains(key)) return "";
    const Json& v = steps[step][key];
    return v.is_string() ? v.get<std::string>() : "";
}

void add_campaign_steps(report::Document& doc, const Texts& t, const Campaign& k) {
    const Json& s = k.steps;
    doc.heading(1, t("step_demand"));
    std::vector<std::string> lines;
    for (auto [key, field] : {std::pair{"requester", "requester"}, {"motive", "motive"}})
        if (auto v = step_text(s, "demand", field); !v.empty())
            lines.push_back(t(key, {{"value", v}}));
    if (auto v = step_text(s, "demand", "origin"); !v.empty())
        lines.push_back(t("origin", {{"value", t.code("evaluation_origin", v)}}));
    if (lines.empty())
        doc.paragraph(t("not_filled"));
    else
        doc.bullets(lines);
    if (!s["demand"]["stakeholders"].empty()) {
        report::Table table{
            {t("col_name"), t("col_side"), t("col_participation")}, {}, t("stakeholders"), {}};
        for (const auto& p : s["demand"]["stakeholders"])
            table.rows.push_back({p["name"], t(p["side"].get<std::string>()),
                                  t.code("evaluation_participation", p["participation"])});
        doc.table(std::move(table));
    }
    doc.heading(1, t("step_perimeter"));
    lines.clear();
    if (auto v = step_text(s, "perimeter", "scope"); !v.empty())
        lines.push_back(t("scope", {{"value", t.code("evaluation_perimeter", v)}}));
    if (s["perimeter"]["core_business"].is_boolean())
        lines.push_back(t(
            "core_business",
            {{"value", t(s["perimeter"]["core_business"].get<bool>() ? "core_in" : "core_out")}}));
    if (auto v = step_text(s, "perimeter", "territories"); !v.empty())
        lines.push_back(t("territories", {{"value", v}}));
    if (auto v = step_text(s, "perimeter", "note"); !v.empty()) lines.push_back(v);
    if (lines.empty())
        doc.paragraph(t("not_filled"));
    else
        doc.bullets(lines);
}

void add_exits_chart(report::Document& doc, const Texts& t, const Assessment& a) {
    report::BarChart chart;
    for (const auto* item : a.grid->items()) {
        if (item->code.rfind("iae.exits.", 0) != 0) continue;
        auto found = a.answers.find(item->code);
        if (found == a.answers.end() || !found->second.number) continue;
        chart.labels.push_back(t.label(item->label));
        chart.values.push_back(*found->second.number);
    }
    if (chart.values.empty()) return;
    doc.figure(report::bar_chart(chart, t("exits_chart"), t("exits_chart")));
}

void add_debate(report::Document& doc, const Texts& t, const Campaign& k) {
    doc.heading(1, t("step_debate"));
    const Json& debate = k.steps["debate"];
    if (!debate["sessions"].empty()) {
        report::Table table{
            {t("col_date"), t("col_audience"), t("col_speaker"), t("col_conclusions")},
            {},
            t("sessions"),
            {}};
        for (const auto& x : debate["sessions"])
            table.rows.push_back({x["date"], t(x["audience"].get<std::string>()), x["participants"],
                                  x["conclusions"]});
        doc.table(std::move(table));
    }
    if (auto v = step_text(k.steps, "debate", "argument"); !v.empty()) {
        doc.heading(2, t("argument_shared"));
        doc.paragraph(v);
    } else if (debate["sessions"].empty()) {
        doc.paragraph(t("not_filled"));
    }
}

}  // namespace

ReportFile campaign_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                           const std::string& format, const std::string& language) {
    check_format(format);
    auto k = service.campaign(pole_id, id);
    auto a = service.assessment(pole_id, k.assessment_id);
    std::string stem = "utilite-sociale-" + std::to_string(k.year) + "-" + std::to_string(id);
    if (format == "xlsx") return {assessment_xlsx(a, language), kXlsx, stem + ".xlsx"};
    auto cmp = service.comparison(pole_id, k.assessment_id, std::nullopt);
    const Assessment* previous = cmp ? &cmp->previous : nullptr;
    Texts t(service, language);
    auto doc = reporting::start_document(
        t, service, pole_id, a,
        t("campaign_title", {{"year", std::to_string(k.year)}, {"subject", k.subject.title}}));
    doc.subtitle(t("campaign_subtitle") + " · " + t.code("evaluation_mode", a.mode));
    add_campaign_steps(doc, t, k);
    doc.heading(1, t("step_criteria"));
    std::vector<std::string> criteria;
    for (const auto& s : a.grid->sections)
        if (s.role == "criterion") criteria.push_back(t.label(s.label));
    doc.bullets(criteria);
    if (!k.steps["criteria"]["methods"].empty()) {
        std::string methods;
        for (const auto& m : k.steps["criteria"]["methods"])
            methods += (methods.empty() ? "" : ", ") + t.code("evaluation_validation_method", m);
        doc.paragraph(t("methods", {{"value", methods}}));
    }
    doc.heading(1, t("step_evidence"));
    reporting::add_evidence(doc, t, a);
    if (auto v = step_text(k.steps, "evidence", "note"); !v.empty()) doc.paragraph(v);
    doc.page_break();
    doc.heading(1, t("step_collection"));
    if (auto v = step_text(k.steps, "collection", "procedure"); !v.empty())
        doc.paragraph(t("procedure", {{"value", v}}));
    add_exits_chart(doc, t, a);
    reporting::add_answer_tables(doc, t, a, a.grid->sections, 2);
    reporting::add_comparison(doc, t, a, previous);
    add_debate(doc, t, k);
    return rendered(doc, format, stem);
}

}  // namespace maillage::evaluation
