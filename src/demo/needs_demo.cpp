// The needs observatory's part of the demo: 600 intake interviews held in the Seignanx and
// around it (generated, in French, with families of near-identical proposals), coded and
// grouped, one counsellor's merge, a few figures entered by the pole, and a draft call.
#include <sstream>

#include "core/progress.hpp"
#include "demo/modules.hpp"
#include "io/table_reader.hpp"
#include "io/table_writer.hpp"
#include "needs/record_table.hpp"
#include "needs/synthetic.hpp"

namespace maillage::demo {
namespace {

constexpr std::size_t kRecords = 600;

// Tarnos, Ondres, Saint-Martin- and Saint-André-de-Seignanx, Biarrotte, Biaudos,
// Saint-Barthélemy, Labenne, Capbreton, Boucau.
const std::vector<std::string> kCommunes = {"40312", "40209", "40273", "40248", "40042",
                                            "40044", "40251", "40133", "40065", "64140"};

std::string demo_csv(app::Application& app) {
    needs::SyntheticOptions options;
    options.seed = 2026;
    options.communes = kCommunes;
    options.id_prefix = "SX-";
    needs::SyntheticIntake generator(app.data_dir(), app.territory(), options);
    std::ostringstream out;
    auto writer = io::make_csv_writer(out, ';');
    writer->write_header(needs::record_columns());
    for (std::size_t i = 0; i < kRecords; ++i)
        writer->write_row(needs::to_row(generator.next().record));
    writer->finish();
    return out.str();
}

// Fictitious figures, marked as such, so that the diagnostic shows the pole's own column.
void enter_figures(DemoContext& context) {
    const char* source = "démo (fictif)";
    std::vector<needs::Figure> figures = {
        {"unemployment_rate", "commune", "40312", 11.2, source, ""},
        {"unemployment_rate", "commune", "40209", 8.9, source, ""},
        {"unemployment_rate", "commune", "64140", 12.4, source, ""},
        {"unemployment_rate", "commune", "40273", 7.6, source, ""},
        {"median_income", "commune", "40312", 21340, source, ""},
        {"median_income", "commune", "40209", 23810, source, ""},
        {"population_change", "commune", "40312", 0.9, source, ""},
        {"population_change", "commune", "40273", 1.6, source, ""},
        {"protected_area_share", "commune", "40312", 18, source, ""},
        {"unemployment_rate", "department", "40", 7.3, source, ""}};
    context.app.needs().set_figures(context.pole_id, context.coordinator_user_id, figures);
}

}  // namespace

void seed_needs(DemoContext& context) {
    auto& needs = context.app.needs();
    std::string csv = demo_csv(context.app);
    auto reader = io::open_csv_stream(std::make_unique<std::istringstream>(csv),
                                      "entretiens-seignanx.csv", csv.size());
    NoProgress quiet;
    needs.import_records(context.pole_id, context.counsellor_user_id, *reader, quiet);
    needs.rationalise(context.pole_id, context.counsellor_user_id, quiet);

    // A counsellor's decision: the two largest groups about the same need become one.
    needs::GroupFilter filter;
    filter.min_size = 2;
    filter.per_page = 50;
    auto groups = needs.groups(context.pole_id, filter, true).items;
    for (std::size_t i = 0; i < groups.size(); ++i)
        for (std::size_t j = i + 1; j < groups.size(); ++j)
            if (!groups[i].categories.empty() && !groups[j].categories.empty() &&
                groups[i].categories.front().code == groups[j].categories.front().code) {
                needs.merge_groups(context.pole_id, context.counsellor_user_id,
                                   {groups[i].id, groups[j].id});
                i = j = groups.size();
            }
    enter_figures(context);

    groups = needs.groups(context.pole_id, filter, true).items;
    needs::CallRequest call;
    for (std::size_t i = 0; i < groups.size() && call.group_ids.size() < 3; ++i)
        call.group_ids.push_back(groups[i].id);
    call.budget = 150000;
    call.deadline = "2026-09-30";
    if (!call.group_ids.empty())
        needs.draft_call(context.pole_id, context.coordinator_user_id, call);
}

}  // namespace maillage::demo
