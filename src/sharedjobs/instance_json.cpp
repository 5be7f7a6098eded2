#include "sharedjobs/instance_json.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "sharedjobs/composer.hpp"

namespace maillage::sharedjobs {
namespace {

const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string at(const std::string& list, std::size_t i) {
    return list + "[" + std::to_string(i) + "]";
}

std::optional<int> optional_hours(JsonFields& f, const std::string& key, const std::string& at) {
    auto hours = f.optional_number(key);
    if (!hours) return std::nullopt;
    return minutes_from_hours(*hours, at + "." + key);
}

int minute_of_day(const std::string& text, const std::string& field) {
    int h = 0, m = 0;
    char tail = 0;
    if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2 ||
        text[2] != ':' || m < 0 || m > 59 || h < 0 || h > 24 || (h == 24 && m != 0))
        throw invalid(field, "must be a time HH:MM from 00:00 to 24:00");
    return h * 60 + m;
}

const Json& array_field(JsonFields& f, const std::string& key, const std::string& field) {
    static const Json empty = Json::array();
    const Json* v = f.optional_value(key);
    if (!v) return empty;
    if (!v->is_array()) throw invalid(field, "must be a list");
    return *v;
}

std::vector<TimeWindow> windows_from(JsonFields& f, const std::string& key,
                                     const std::string& field) {
    std::vector<TimeWindow> out;
    const auto& list = array_field(f, key, field);
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(window_from_json(list[i], at(field, i)));
    return out;
}

Member member_from(const Json& j, const std::string& field) {
    JsonFields f(j, field);
    Member m;
    m.id = f.required_string("id");
    m.name = f.optional_string("name").value_or(m.id);
    m.hourly_rate = f.optional_number("hourly_rate");
    m.actor_id = f.optional_int("actor_id");
    f.reject_unknown();
    return m;
}

Need need_from(const Json& j, const std::string& field) {
    JsonFields f(j, field);
    Need n;
    n.id = f.required_string("id");
    n.member = f.required_string("member");
    n.occupation = f.required_string("occupation");
    n.label = f.optional_string("label").value_or("");
    auto hours = f.optional_number("weekly_hours");
    if (!hours) throw invalid(field + ".weekly_hours", "is required");
    n.weekly_minutes = minutes_from_hours(*hours, field + ".weekly_hours");
    n.windows = windows_from(f, "windows", field + ".windows");
    n.commune = f.required_string("commune");
    n.start = f.optional_string("start");
    n.end = f.optional_string("end");
    n.splittable = f.optional_bool("splittable").value_or(false);
    n.skills = f.optional_string_list("skills").value_or(std::vector<std::string>{});
    n.agreement = f.optional_string("agreement").value_or("");
    n.record_id = f.optional_int("record_id");
    f.reject_unknown();
    return n;
}

Worker worker_from(const Json& j, const std::string& field) {
    JsonFields f(j, field);
    Worker w;
    w.id = f.required_string("id");
    w.name = f.optional_string("name").value_or(w.id);
    w.skills = f.optional_string_list("skills").value_or(std::vector<std::string>{});
    w.availability = windows_from(f, "availability", field + ".availability");
    w.home_commune = f.required_string("home_commune");
    w.target_minutes = optional_hours(f, "target_hours", field).value_or(35 * 60);
    w.min_minutes = optional_hours(f, "min_hours", field).value_or(0);
    w.max_travel_minutes = int(f.optional_int("max_travel_minutes").value_or(45));
    w.max_employers = int(f.optional_int("max_employers").value_or(3));
    w.record_id = f.optional_int("record_id");
    f.reject_unknown();
    return w;
}

double hours(int minutes) {
    return double(minutes) / 60.0;
}

}  // namespace

int minutes_from_hours(double hours, const std::string& field) {
    double minutes = hours * 60.0;
    if (std::fabs(minutes - std::round(minutes)) > 1e-6)
        throw invalid(field, "must be a whole number of minutes");
    return int(std::lround(minutes));
}

std::vector<TimeWindow> windows_from_json(const Json* list, const std::string& field) {
    std::vector<TimeWindow> out;
    if (!list) return out;
    if (!list->is_array()) throw invalid(field, "must be a list");
    for (std::size_t i = 0; i < list->size(); ++i)
        out.push_back(window_from_json((*list)[i], at(field, i)));
    return out;
}

Json windows_to_json(const std::vector<TimeWindow>& windows) {
    Json list = Json::array();
    for (const auto& w : windows) list.push_back(to_json(w));
    return list;
}

std::string clock_text(int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

TimeWindow window_from_json(const Json& j, const std::string& field) {
    JsonFields f(j, field);
    auto day = f.required_string("day");
    TimeWindow w;
    w.day = -1;
    for (int d = 0; d < 7; ++d)
        if (day == kDayNames[d]) w.day = d;
    if (w.day < 0) throw invalid(field + ".day", "must be mon, tue, wed, thu, fri, sat or sun");
    w.start = minute_of_day(f.required_string("start"), field + ".start");
    w.end = minute_of_day(f.required_string("end"), field + ".end");
    f.reject_unknown();
    return w;
}

Json to_json(const TimeWindow& w) {
    return {{"day", kDayNames[w.day]}, {"start", clock_text(w.start)}, {"end", clock_text(w.end)}};
}

Rules rules_from_json(const Json& j, Rules r, const std::string& prefix) {
    JsonFields f(j, prefix);
    if (auto v = f.optional_int("slot_minutes")) r.slot_minutes = int(*v);
    if (auto v = optional_hours(f, "max_daily_hours", prefix)) r.max_daily_minutes = *v;
    if (auto v = optional_hours(f, "max_weekly_hours", prefix)) r.max_weekly_minutes = *v;
    if (auto v = optional_hours(f, "daily_rest_hours", prefix)) r.daily_rest_minutes = *v;
    if (auto v = f.optional_int("min_shift_minutes")) r.min_shift_minutes = int(*v);
    if (auto v = f.optional_int("max_layouts")) r.max_layouts = int(*v);
    if (auto v = optional_hours(f, "overtime_allowance_hours", prefix))
        r.overtime_allowance_minutes = *v;
    if (auto v = f.optional_number("road_speed_kmh")) r.road_speed_kmh = *v;
    if (auto v = f.optional_number("road_factor")) r.road_factor = *v;
    if (auto v = f.optional_bool("same_agreement_per_worker")) r.same_agreement_per_worker = *v;
    if (auto v = f.optional_string_list("public_holidays")) r.public_holidays = *v;
    f.optional_value("_comment");
    f.reject_unknown();
    return r;
}

Json to_json(const Rules& r) {
    return {{"slot_minutes", r.slot_minutes},
            {"max_daily_hours", hours(r.max_daily_minutes)},
            {"max_weekly_hours", hours(r.max_weekly_minutes)},
            {"daily_rest_hours", hours(r.daily_rest_minutes)},
            {"min_shift_minutes", r.min_shift_minutes},
            {"max_layouts", r.max_layouts},
            {"overtime_allowance_hours", hours(r.overtime_allowance_minutes)},
            {"road_speed_kmh", r.road_speed_kmh},
            {"road_factor", r.road_factor},
            {"same_agreement_per_worker", r.same_agreement_per_worker},
            {"public_holidays", r.public_holidays}};
}

Instance instance_from_json(const Json& document, const Rules& defaults) {
    JsonFields f(document);
    Instance inst;
    if (const Json* g = f.optional_value("group")) {
        JsonFields gf(*g, "group");
        inst.group.name = gf.optional_string("name").value_or("");
        inst.group.coefficient = gf.optional_number("coefficient").value_or(1.0);
        inst.group.default_rate = gf.optional_number("default_rate").value_or(0.0);
        gf.reject_unknown();
    }
    const Json* h = f.optional_value("horizon");
    if (!h) throw invalid("horizon", "is required");
    JsonFields hf(*h, "horizon");
    inst.horizon = {hf.required_string("start"), hf.required_string("end")};
    hf.reject_unknown();
    inst.rules = defaults;
    if (const Json* r = f.optional_value("rules")) inst.rules = rules_from_json(*r, defaults);
    const auto& members = array_field(f, "members", "members");
    for (std::size_t i = 0; i < members.size(); ++i)
        inst.members.push_back(member_from(members[i], at("members", i)));
    const auto& needs = array_field(f, "needs", "needs");
    for (std::size_t i = 0; i < needs.size(); ++i)
        inst.needs.push_back(need_from(needs[i], at("needs", i)));
    const auto& workers = array_field(f, "workers", "workers");
    for (std::size_t i = 0; i < workers.size(); ++i)
        inst.workers.push_back(worker_from(workers[i], at("workers", i)));
    f.optional_value("$schema");
    f.reject_unknown();
    return inst;
}

Json to_json(const Instance& inst) {
    Json members = Json::array(), needs = Json::array(), workers = Json::array();
    for (const auto& m : inst.members) {
        Json j = {{"id", m.id}, {"name", m.name}};
        if (m.hourly_rate) j["hourly_rate"] = *m.hourly_rate;
        if (m.actor_id) j["actor_id"] = *m.actor_id;
        members.push_back(j);
    }
    for (const auto& n : inst.needs) {
        Json windows = windows_to_json(n.windows);
        Json j = {{"id", n.id},
                  {"member", n.member},
                  {"occupation", n.occupation},
                  {"label", n.label},
                  {"weekly_hours", hours(n.weekly_minutes)},
                  {"windows", windows},
                  {"commune", n.commune},
                  {"splittable", n.splittable},
                  {"skills", n.skills},
                  {"agreement", n.agreement}};
        if (n.start) j["start"] = *n.start;
        if (n.end) j["end"] = *n.end;
        if (n.record_id) j["record_id"] = *n.record_id;
        needs.push_back(j);
    }
    for (const auto& w : inst.workers) {
        Json availability = windows_to_json(w.availability);
        Json j = {{"id", w.id},
                  {"name", w.name},
                  {"skills", w.skills},
                  {"availability", availability},
                  {"home_commune", w.home_commune},
                  {"target_hours", hours(w.target_minutes)},
                  {"min_hours", hours(w.min_minutes)},
                  {"max_travel_minutes", w.max_travel_minutes},
                  {"max_employers", w.max_employers}};
        if (w.record_id) j["record_id"] = *w.record_id;
        workers.push_back(j);
    }
    return {{"group",
             {{"name", inst.group.name},
              {"coefficient", inst.group.coefficient},
              {"default_rate", inst.group.default_rate}}},
            {"horizon", {{"start", inst.horizon.start}, {"end", inst.horizon.end}}},
            {"rules", to_json(inst.rules)},
            {"members", members},
            {"needs", needs},
            {"workers", workers}};
}

Json to_json(const Result& r) {
    Json jobs = Json::array(), unmet = Json::array(), billing = Json::array();
    for (const auto& job : r.jobs) {
        Json assignments = Json::array(), weeks = Json::array(), why = Json::array();
        for (const auto& a : job.assignments) {
            Json time = to_json(a.time);
            assignments.push_back({{"need", a.need},
                                   {"member", a.member},
                                   {"occupation", a.occupation},
                                   {"commune", a.commune},
                                   {"day", time["day"]},
                                   {"start", time["start"]},
                                   {"end", time["end"]},
                                   {"period_start", a.period_start},
                                   {"period_end", a.period_end},
                                   {"travel_before_minutes", a.travel_before_minutes}});
        }
        for (const auto& w : job.weeks)
            weeks.push_back({{"period_start", w.period_start},
                             {"period_end", w.period_end},
                             {"hours", hours(w.minutes)},
                             {"travel_minutes", w.travel_minutes}});
        for (const auto& e : job.why)
            why.push_back({{"need", e.need},
                           {"home_to_site_minutes", e.home_to_site_minutes},
                           {"eligible_workers", e.eligible_workers},
                           {"matched_skills", e.matched_skills},
                           {"target_reached", e.target_reached}});
        jobs.push_back({{"worker", job.worker},
                        {"worker_name", job.worker_name},
                        {"target_hours", hours(job.target_minutes)},
                        {"employers", job.employers},
                        {"weeks", weeks},
                        {"assignments", assignments},
                        {"why", why}});
    }
    for (const auto& u : r.unmet)
        unmet.push_back({{"need", u.need},
                         {"member", u.member},
                         {"unmet_hours", hours(u.unmet_minutes)},
                         {"reason", to_string(u.reason)},
                         {"detail", u.detail}});
    for (const auto& b : r.billing)
        billing.push_back({{"member", b.member},
                           {"month", b.month},
                           {"planned_hours", hours(b.planned_minutes)},
                           {"rate", b.rate},
                           {"amount", b.amount}});
    const auto& o = r.objective;
    const auto& b = r.bounds;
    return {{"jobs", jobs},
            {"unmet", unmet},
            {"billing", billing},
            {"objective",
             {{"target_weeks", o.target_weeks},
              {"covered_hours", hours(int(o.covered_minutes))},
              {"covered_minutes", o.covered_minutes},
              {"travel_minutes", o.travel_minutes},
              {"employers", o.employers}}},
            {"bounds",
             {{"coverage_weight", b.coverage_weight},
              {"value", b.value},
              {"bound", b.bound},
              {"gap", b.gap},
              {"bound_is_lp_optimum", b.bound_is_lp_optimum},
              {"proven_optimal", b.proven_optimal},
              {"cost_weight", b.cost_weight},
              {"cost", b.cost},
              {"cost_bound", b.cost_bound},
              {"cost_proven_optimal", b.cost_proven_optimal}}},
            {"stats",
             {{"engine", r.stats.engine},
              {"seconds", r.stats.seconds},
              {"columns", r.stats.columns},
              {"lp_rounds", r.stats.lp_iterations},
              {"local_search_moves", r.stats.local_search_moves},
              {"stop_reason", r.stats.stop_reason}}}};
}

}  // namespace maillage::sharedjobs
