#include "sharedjobs/api_json.hpp"

#include "core/error.hpp"
#include "sharedjobs/composer.hpp"
#include "sharedjobs/instance_json.hpp"

namespace maillage::sharedjobs {
namespace {

int minutes_of(JsonFields& f, const std::string& key, std::optional<int> fallback) {
    auto hours = f.optional_number(key);
    if (!hours) {
        if (fallback) return *fallback;
        throw invalid(key, "is required");
    }
    return minutes_from_hours(*hours, key);
}

std::vector<TimeWindow> windows_of(JsonFields& f, const std::string& key) {
    return windows_from_json(f.optional_value(key), key);
}

template <class T>
Json optional_json(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

double hours(int minutes) {
    return double(minutes) / 60.0;
}

std::int64_t required_id(JsonFields& f, const std::string& key) {
    auto id = f.optional_int(key);
    if (!id) throw invalid(key, "is required");
    return *id;
}

}  // namespace

GroupInput group_input_from(const Json& body) {
    JsonFields f(body);
    GroupInput g;
    g.actor_id = f.optional_int("actor_id").value_or(0);
    g.coefficient = f.optional_number("coefficient");
    g.default_rate = f.optional_number("default_rate");
    g.horizon_start = f.required_string("horizon_start");
    g.horizon_end = f.required_string("horizon_end");
    f.reject_unknown();
    return g;
}

MemberInput member_input_from(const Json& body) {
    JsonFields f(body);
    MemberInput m;
    m.actor_id = f.optional_int("actor_id").value_or(0);
    m.hourly_rate = f.optional_number("hourly_rate");
    f.reject_unknown();
    return m;
}

NeedInput need_input_from(const Json& body) {
    JsonFields f(body);
    NeedInput n;
    n.member_id = required_id(f, "member_id");
    n.label = f.optional_string("label").value_or("");
    n.occupation = f.required_string("occupation");
    n.weekly_minutes = minutes_of(f, "weekly_hours", std::nullopt);
    n.windows = windows_of(f, "windows");
    n.commune = f.optional_string("commune").value_or("");
    n.start = f.optional_string("start");
    n.end = f.optional_string("end");
    n.splittable = f.optional_bool("splittable").value_or(false);
    n.skills = f.optional_string_list("skills").value_or(std::vector<std::string>{});
    n.agreement = f.optional_string("agreement").value_or("");
    f.reject_unknown();
    return n;
}

WorkerInput worker_input_from(const Json& body) {
    JsonFields f(body);
    WorkerInput w;
    w.name = f.required_string("name");
    w.skills = f.optional_string_list("skills").value_or(std::vector<std::string>{});
    w.availability = windows_of(f, "availability");
    w.home_commune = f.required_string("home_commune");
    w.target_minutes = minutes_of(f, "target_hours", 35 * 60);
    w.min_minutes = minutes_of(f, "min_hours", 0);
    w.max_travel_minutes = int(f.optional_int("max_travel_minutes").value_or(45));
    w.max_employers = int(f.optional_int("max_employers").value_or(3));
    f.reject_unknown();
    return w;
}

LedgerInput ledger_input_from(const Json& body) {
    JsonFields f(body);
    LedgerInput e;
    e.worker_id = required_id(f, "worker_id");
    e.member_id = required_id(f, "member_id");
    e.month = f.required_string("month");
    e.realised_minutes = minutes_of(f, "realised_hours", std::nullopt);
    e.note = f.optional_string("note");
    f.reject_unknown();
    return e;
}

ComposeOptions compose_options_from(const Json& body) {
    ComposeOptions o;
    if (body.is_null()) return o;
    JsonFields f(body);
    if (auto e = f.optional_string("engine")) o.engine = engine_from(*e);
    if (auto t = f.optional_number("time_limit")) {
        if (*t <= 0 || *t > 600) throw invalid("time_limit", "must be from 0 to 600 seconds");
        o.time_limit_seconds = *t;
    }
    if (auto s = f.optional_int("seed")) {
        if (*s < 0) throw invalid("seed", "must not be negative");
        o.seed = std::uint64_t(*s);
    }
    f.reject_unknown();
    return o;
}

Json to_json(const GroupRecord& g) {
    return {{"id", g.id},
            {"actor_id", g.actor_id},
            {"name", g.name},
            {"kind", g.kind},
            {"coefficient", g.coefficient},
            {"default_rate", g.default_rate},
            {"horizon_start", g.horizon_start},
            {"horizon_end", g.horizon_end},
            {"members", g.members},
            {"needs", g.needs},
            {"workers", g.workers},
            {"current_plan", optional_json(g.current_plan)}};
}

Json to_json(const MemberRecord& m) {
    return {{"id", m.id},
            {"group_id", m.group_id},
            {"actor_id", m.actor_id},
            {"name", m.name},
            {"commune", optional_json(m.commune)},
            {"hourly_rate", optional_json(m.hourly_rate)}};
}

Json to_json(const NeedRecord& n) {
    return {{"id", n.id},
            {"group_id", n.group_id},
            {"member_id", n.member_id},
            {"label", n.label},
            {"occupation", n.occupation},
            {"weekly_hours", hours(n.weekly_minutes)},
            {"windows", windows_to_json(n.windows)},
            {"commune", n.commune},
            {"start", optional_json(n.start)},
            {"end", optional_json(n.end)},
            {"splittable", n.splittable},
            {"skills", n.skills},
            {"agreement", n.agreement}};
}

Json to_json(const WorkerRecord& w) {
    return {{"id", w.id},
            {"group_id", w.group_id},
            {"name", w.name},
            {"skills", w.skills},
            {"availability", windows_to_json(w.availability)},
            {"home_commune", w.home_commune},
            {"target_hours", hours(w.target_minutes)},
            {"min_hours", hours(w.min_minutes)},
            {"max_travel_minutes", w.max_travel_minutes},
            {"max_employers", w.max_employers}};
}

Json to_json(const PlanSummary& p) {
    return {{"id", p.id},
            {"group_id", p.group_id},
            {"created_at", p.created_at},
            {"engine", p.engine},
            {"seconds", p.seconds},
            {"value", p.value},
            {"bound", p.bound},
            {"gap", p.gap},
            {"proven_optimal", p.proven},
            {"is_current", p.is_current},
            {"jobs", p.jobs},
            {"unmet", p.unmet}};
}

Json to_json(const LedgerRow& r) {
    return {
        {"worker_id", r.worker_id},
        {"member_id", r.member_id},
        {"month", r.month},
        {"planned_hours", hours(r.planned_minutes)},
        {"realised_hours", r.realised_minutes ? Json(hours(*r.realised_minutes)) : Json(nullptr)},
        {"note", optional_json(r.note)}};
}

Json to_json(const MemberMonth& m) {
    return {{"member", m.member},
            {"month", m.month},
            {"planned_hours", hours(m.planned_minutes)},
            {"rate", m.rate},
            {"amount", m.amount}};
}

}  // namespace maillage::sharedjobs
