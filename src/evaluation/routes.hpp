#pragma once
#include <string>

#include "accounts/account_service.hpp"
#include "actors/actor_service.hpp"
#include "api/router.hpp"
#include "evaluation/evaluation_service.hpp"

namespace maillage::evaluation {

void register_routes(api::Router& router, EvaluationService& service);

// The service's configuration in an application: the shipped grids' folder and the links to
// the directory (actor names) and to the pole names. Projects and indicator feeds are left
// for their modules to provide.
EvaluationConfig links_for(const std::string& data_dir, accounts::AccountService& accounts,
                           actors::ActorService& actors);

// A report file: bytes, media type and file name.
struct ReportFile {
    std::string bytes, content_type, file_name;
};
// `format`: pdf, html or xlsx; `language`: fr, it or en. The CLI and the API share this.
ReportFile assessment_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                             const std::string& format, const std::string& language);
ReportFile campaign_report(EvaluationService& service, std::int64_t pole_id, std::int64_t id,
                           const std::string& format, const std::string& language);

}  // namespace maillage::evaluation
