// `maillage pathways …`: follow-up alerts, the portfolio dashboard, routing suggestions and
// the template catalogue, from the same service as the API.
#include <cstdio>

#include "app/application.hpp"
#include "cli/commands.hpp"
#include "cli/pole_command.hpp"
#include "pathways/pathway_json.hpp"

namespace maillage::cli {
namespace {

struct PathwayArgs {
    std::string pole, date, kind = "mentoring", subjects;
    std::int64_t project = 0;
    std::size_t limit = 10;
    bool json = false;
};

pathways::Date date_or_today(const std::string& date) {
    return date.empty() ? pathways::today_utc() : pathways::require_date(date, "date");
}

void print_json(const Json& value) {
    std::printf("%s\n", value.dump(2).c_str());
}

void alerts(const GlobalOptions& global, const PathwayArgs& args) {
    auto open = open_pole(global, args.pole);
    auto today = date_or_today(args.date);
    auto found = open.application->pathways().alerts(open.pole.id, today);
    if (args.json) {
        Json list = Json::array();
        for (const auto& a : found) list.push_back(pathways::to_json(a));
        return print_json(list);
    }
    std::printf("%zu alert(s) on %s\n", found.size(), pathways::to_iso(today).c_str());
    for (const auto& v : found) {
        const auto& a = v.alert;
        std::string when = pathways::is_overdue(a.kind) ? std::to_string(a.days) + " days late"
                                                        : "in " + std::to_string(a.days) + " days";
        std::printf("  %s  %-17s %-16s project %lld  %s%s\n", pathways::to_iso(a.due_on).c_str(),
                    pathways::to_string(a.kind).c_str(), when.c_str(),
                    static_cast<long long>(a.project_id), v.project_title.c_str(),
                    a.step.empty() ? "" : (" (" + a.step + ")").c_str());
    }
}

void dashboard(const GlobalOptions& global, const PathwayArgs& args) {
    auto open = open_pole(global, args.pole);
    auto d = open.application->pathways().dashboard(open.pole.id, date_or_today(args.date));
    Json j = pathways::to_json(d);
    if (args.json) return print_json(j);
    std::printf("Portfolio of %s on %s: %lld projects\n", args.pole.c_str(), d.as_of.c_str(),
                static_cast<long long>(j["totals"]["projects"].get<std::int64_t>()));
    for (const auto& [status, n] : j["totals"]["by_status"].items())
        std::printf("  %-10s %lld\n", status.c_str(),
                    static_cast<long long>(n.get<std::int64_t>()));
    std::printf("By stage (active / paused):\n");
    for (const auto& s : j["by_stage"])
        std::printf("  %-22s %lld / %lld\n", s["stage"].get<std::string>().c_str(),
                    static_cast<long long>(s.value("active", std::int64_t(0))),
                    static_cast<long long>(s.value("paused", std::int64_t(0))));
    std::printf("Survival by creation year (eligible → survived at 1, 3, 5 years):\n");
    for (const auto& c : j["survival"]) {
        std::printf("  %d: %lld created", c["year"].get<int>(),
                    static_cast<long long>(c["created"].get<std::int64_t>()));
        for (const auto& h : c["horizons"])
            std::printf("  %dy %lld→%lld", h["years"].get<int>(),
                        static_cast<long long>(h["eligible"].get<std::int64_t>()),
                        static_cast<long long>(h["survived"].get<std::int64_t>()));
        std::printf("\n");
    }
    std::printf("Overdue follow-ups: %lld project(s)\n",
                static_cast<long long>(d.projects_with_overdue));
}

void route(const GlobalOptions& global, const PathwayArgs& args) {
    auto open = open_pole(global, args.pole);
    pathways::RoutingRequest request;
    request.kind = args.kind;
    request.limit = args.limit;
    for (std::size_t start = 0; start < args.subjects.size();) {
        auto end = args.subjects.find(',', start);
        if (end == std::string::npos) end = args.subjects.size();
        if (end > start) request.subjects.push_back(args.subjects.substr(start, end - start));
        start = end + 1;
    }
    auto s = open.application->pathways().suggest(open.pole.id, args.project, request);
    if (args.json) return print_json(pathways::to_json(s));
    std::printf("%zu candidate(s) considered; left out: %zu at capacity, %zu off the subjects\n",
                s.ranking.considered, s.ranking.excluded_full, s.ranking.excluded_subject);
    int rank = 0;
    for (const auto& c : s.ranking.candidates) {
        std::printf("%2d. %-40s %6.1f points\n", ++rank, c.name.c_str(), c.score);
        for (const auto& f : c.factors) {
            char measure[32] = "";
            if (f.measure) std::snprintf(measure, sizeof measure, "  (%.4g)", *f.measure);
            std::printf("      %-11s %5.1f / %-5.1f%s\n", f.code.c_str(), f.points, f.weight,
                        measure);
        }
    }
}

void templates(const GlobalOptions& global, const PathwayArgs& args) {
    auto open = open_pole(global, args.pole);
    for (const auto& t : open.application->pathways().templates(open.pole.id))
        std::printf("%-20s v%-3d %-16s %-8s %3zu steps  %lld projects  %s\n",
                    t.pathway->code.c_str(), t.pathway->version, t.pathway->model.c_str(),
                    t.shipped ? "shipped" : "pole", t.pathway->steps.size(),
                    static_cast<long long>(t.projects), t.pathway->label.fr.c_str());
}

}  // namespace

void add_pathways_commands(CLI::App& app, GlobalOptions& global) {
    auto args = std::make_shared<PathwayArgs>();
    auto* pathways = app.add_subcommand("pathways", "Project pathways: alerts, dashboard, routing");
    pathways->require_subcommand(1);
    auto pole_option = [&](CLI::App* cmd) {
        cmd->add_option("--pole", args->pole, "Pole slug or id")->required();
        cmd->add_flag("--json", args->json, "Print JSON (the API's shape)");
    };
    auto* alerts_cmd = pathways->add_subcommand("alerts", "Overdue and upcoming follow-ups");
    pole_option(alerts_cmd);
    alerts_cmd->add_option("--date", args->date, "The day to compute on (default: today)");
    alerts_cmd->callback([&global, args] { alerts(global, *args); });
    auto* dashboard_cmd = pathways->add_subcommand("dashboard", "The portfolio dashboard");
    pole_option(dashboard_cmd);
    dashboard_cmd->add_option("--date", args->date, "The day to compute on (default: today)");
    dashboard_cmd->callback([&global, args] { dashboard(global, *args); });
    auto* route_cmd =
        pathways->add_subcommand("route", "Rank mentors, experts or tutors for a project");
    pole_option(route_cmd);
    route_cmd->add_option("--project", args->project, "Project id")->required();
    route_cmd->add_option("--kind", args->kind, "mentoring, expert or tutoring")
        ->check(CLI::IsMember({"mentoring", "expert", "tutoring"}))
        ->capture_default_str();
    route_cmd->add_option("--subjects", args->subjects, "Comma-separated subject codes");
    route_cmd->add_option("--limit", args->limit, "Candidates to show")->check(CLI::Range(1, 100));
    route_cmd->callback([&global, args] { route(global, *args); });
    auto* templates_cmd = pathways->add_subcommand("templates", "The pole's pathway templates");
    templates_cmd->add_option("--pole", args->pole, "Pole slug or id")->required();
    templates_cmd->callback([&global, args] { templates(global, *args); });
}

}  // namespace maillage::cli
