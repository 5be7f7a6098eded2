// Reports per assessment and per campaign. The data export is XLSX; the PDF and HTML reports
// are documents of the shared report module (src/report).
#include "core/error.hpp"
#include "evaluation/export.hpp"
#include "evaluation/routes.hpp"

namespace maillage::evaluation {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string file_stem(const std::string& prefix, std::int64_t id) {
    return prefix + "-" + std::to_string(id);
}

}  // namespace

ReportFile assessment_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                             const std::string& format, const std::string& language) {
    auto a = service.assessment(pole_id, id);
    if (format == "xlsx")
        return {assessment_xlsx(a, language), kXlsx, file_stem("evaluation", id) + ".xlsx"};
    if (format == "pdf" || format == "html")
        throw Error(ErrorCode::invalid_input, "the " + format + " report is not available yet",
                    "format");
    throw invalid("format", "must be pdf, html or xlsx");
}

ReportFile campaign_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                           const std::string& format, const std::string& language) {
    auto k = service.campaign(pole_id, id);
    return assessment_report(service, pole_id, k.assessment_id, format, language);
}

}  // namespace maillage::evaluation
