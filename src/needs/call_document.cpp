#include "needs/call_document.hpp"

#include <cmath>
#include <cstdio>

#include "report/charts.hpp"

namespace maillage::needs {
namespace {

std::string percent(double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f %%", share * 100);
    return buffer;
}

// Whole euros with thin spaces between thousands, as French and Italian documents write them.
std::string euros(double amount) {
    auto whole = static_cast<long long>(std::llround(amount));
    std::string digits = std::to_string(whole < 0 ? -whole : whole), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
        out += digits[i];
    }
    return whole < 0 ? "-" + out : out;
}

}  // namespace

report::Document call_report(const CallDocument& d, const Taxonomy& taxonomy,
                             const std::string& date) {
    const auto& tpl = taxonomy.call_template();
    const std::string& lang = d.language;
    auto text = [&](const char* key) { return tpl.text(lang, key); };
    auto count = [&](const std::optional<std::int64_t>& n) {
        return n ? std::to_string(*n)
                 : fill(text("suppressed"), {{"min", std::to_string(d.min_cell_size)}});
    };
    report::Document doc(d.title, lang == "en" ? "en" : lang);
    doc.subtitle(d.subtitle);
    doc.footer(
        fill(text("generated"), {{"date", date}, {"groups", std::to_string(d.groups.size())}}));

    doc.heading(1, text("context_heading")).paragraph(d.context);
    doc.heading(1, text("objective_heading")).paragraph(d.objective);
    if (d.deadline) doc.paragraph(fill(text("deadline_label"), {{"deadline", *d.deadline}}));

    doc.heading(1, text("needs_heading"));
    report::Table groups{{text("col_group"), text("col_records"), text("col_needs")},
                         {},
                         text("groups_caption"),
                         {1}};
    for (const auto& g : d.groups) {
        std::string needs;
        for (const auto& c : g.categories)
            if (const auto* category = taxonomy.category(c))
                needs += (needs.empty() ? "" : ", ") + category->label.in(lang);
        std::string size = g.size >= d.min_cell_size ? std::to_string(g.size) : count(std::nullopt);
        groups.rows.push_back(
            {g.title + " (" + fill(text("group_reference"), {{"id", std::to_string(g.id)}}) + ")",
             size, needs});
    }
    doc.table(groups);

    doc.heading(1, text("territories_heading"));
    std::vector<std::string> territories;
    for (const auto& t : d.territories)
        territories.push_back(t.name + (t.records ? " (" + std::to_string(*t.records) + ")" : ""));
    doc.bullets(territories);

    if (!d.sectors.empty()) {
        doc.heading(1, text("sectors_heading"));
        report::Table sectors{
            {text("col_sector"), text("col_activity"), text("col_records")}, {}, "", {2}};
        for (const auto& s : d.sectors)
            sectors.rows.push_back({s.code, s.label, s.count ? count(s.count) : "—"});
        doc.table(sectors);
    }
    if (!d.publics.empty()) {
        doc.heading(1, text("publics_heading")).paragraph(text("publics_note"));
        report::Table publics{{text("col_public"), text("col_share")}, {}, "", {1}};
        for (const auto& p : d.publics)
            publics.rows.push_back({p.label, p.share ? percent(*p.share) : "—"});
        doc.table(publics);
    }

    doc.heading(1, text("budget_heading"));
    if (d.budget) doc.paragraph(fill(text("budget_total"), {{"budget", euros(*d.budget)}}));
    report::Table budget{
        {text("col_line"), text("col_share"), text("col_amount")}, {}, text("budget_note"), {1, 2}};
    report::BarChart chart;
    for (const auto& b : d.budget_lines) {
        budget.rows.push_back({b.label, percent(b.share), b.amount ? euros(*b.amount) : "—"});
        chart.labels.push_back(b.label);
        chart.values.push_back(std::round(b.share * 100));
    }
    chart.unit = " %";
    doc.table(budget);
    if (!chart.values.empty()) doc.figure(report::bar_chart(chart, text("budget_alt")));

    doc.heading(1, text("eligibility_heading")).paragraph(d.eligibility);
    doc.heading(1, text("traceability_heading")).paragraph(text("traceability"));
    return doc;
}

std::string call_html(const CallDocument& d, const Taxonomy& taxonomy, const std::string& date) {
    return report::render_html(call_report(d, taxonomy, date));
}

std::string call_pdf(const CallDocument& d, const Taxonomy& taxonomy, const std::string& date) {
    return report::render_pdf(call_report(d, taxonomy, date));
}

}  // namespace maillage::needs
