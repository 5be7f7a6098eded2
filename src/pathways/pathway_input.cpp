// Reading request bodies and query strings into the module's inputs.
#include "core/error.hpp"
#include "pathways/pathway_json.hpp"

namespace maillage::pathways {

namespace {

std::optional<std::string> query_text(const api::Request& r, const char* name) {
    auto v = r.query_value(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
}

}  // namespace

ProjectInput project_input_from(const Json& body) {
    JsonFields f(body);
    ProjectInput in;
    in.title = f.optional_string("title").value_or("");
    in.summary = f.optional_string("summary");
    in.commune = f.optional_string("commune");
    in.naf = f.optional_string("naf");
    in.legal_form = f.optional_string("legal_form");
    in.origin_kind = f.optional_string("origin_kind").value_or("");
    in.origin_ref = f.optional_int("origin_ref");
    in.origin_actor_id = f.optional_int("origin_actor_id");
    in.origin_note = f.optional_string("origin_note");
    in.template_code = f.optional_string("template").value_or("");
    in.started_on = f.optional_string("started_on");
    in.created_on = f.optional_string("created_on");
    in.ceased_on = f.optional_string("ceased_on");
    in.actor_id = f.optional_int("actor_id");
    f.reject_unknown();
    return in;
}

PromoterInput promoter_input_from(const Json& body) {
    JsonFields f(body);
    PromoterInput in;
    in.alias = f.optional_string("alias").value_or("");
    in.pseudonymous = f.optional_bool("pseudonymous").value_or(false);
    in.role = f.optional_string("role");
    in.under_30 = f.optional_bool("under_30");
    in.contact = f.optional_string("contact");
    f.reject_unknown();
    return in;
}

TransitionInput transition_input_from(const Json& body) {
    JsonFields f(body);
    TransitionInput in;
    in.action = f.required_string("action");
    in.to = f.optional_string("to");
    in.note = f.optional_string("note");
    in.on_date = f.optional_string("on_date");
    f.reject_unknown();
    return in;
}

ActionInput action_input_from(const Json& body) {
    JsonFields f(body);
    ActionInput in;
    in.kind = f.optional_string("kind").value_or("");
    in.on_date = f.optional_string("on_date").value_or("");
    in.minutes = f.optional_int("minutes");
    in.subject = f.optional_string("subject");
    in.need = f.optional_string("need");
    in.outcome = f.optional_string("outcome");
    in.mentorship_id = f.optional_int("mentorship_id");
    in.mentor_id = f.optional_int("mentor_id");
    in.funder_actor_id = f.optional_int("funder_actor_id");
    in.funder_name = f.optional_string("funder_name");
    f.reject_unknown();
    return in;
}

VisitInput visit_input_from(const Json& body) {
    JsonFields f(body);
    VisitInput in;
    in.due_on = f.optional_string("due_on").value_or("");
    in.done_on = f.optional_string("done_on");
    in.note = f.optional_string("note");
    f.reject_unknown();
    return in;
}

TestContractInput contract_input_from(const Json& body) {
    JsonFields f(body);
    TestContractInput in;
    in.kind = f.optional_string("kind").value_or("cape");
    in.host_actor_id = f.optional_int("host_actor_id");
    in.start_on = f.optional_string("start_on").value_or("");
    in.end_on = f.optional_string("end_on").value_or("");
    in.followup_end_on = f.optional_string("followup_end_on");
    in.ended_on = f.optional_string("ended_on");
    in.note = f.optional_string("note");
    f.reject_unknown();
    return in;
}

JobsDeclaration jobs_from(const Json& body, int year) {
    JsonFields f(body);
    JobsDeclaration j;
    j.year = year;
    auto jobs = f.optional_int("jobs");
    if (!jobs) throw invalid("jobs", "is required");
    j.jobs = *jobs;
    j.fte = f.optional_number("fte");
    f.reject_unknown();
    return j;
}

MentorInput mentor_input_from(const Json& body) {
    JsonFields f(body);
    MentorInput in;
    in.kind = f.optional_string("kind").value_or("");
    in.name = f.optional_string("name").value_or("");
    in.actor_id = f.optional_int("actor_id");
    in.commune = f.optional_string("commune");
    in.capacity = f.optional_int("capacity").value_or(3);
    in.experience_years = f.optional_int("experience_years");
    in.subjects = f.optional_string_list("subjects").value_or(std::vector<std::string>{});
    in.sectors = f.optional_string_list("sectors").value_or(std::vector<std::string>{});
    in.active = f.optional_bool("active").value_or(true);
    in.bio = f.optional_string("bio");
    f.reject_unknown();
    return in;
}

MentorshipInput mentorship_input_from(const Json& body) {
    JsonFields f(body);
    MentorshipInput in;
    in.kind = f.optional_string("kind").value_or("");
    in.mentor_id = f.optional_int("mentor_id");
    in.tutor_actor_id = f.optional_int("tutor_actor_id");
    in.objectives = f.optional_string_list("objectives").value_or(std::vector<std::string>{});
    in.started_on = f.optional_string("started_on");
    if (const Json* factors = f.optional_value("factors")) in.factors = factors->dump();
    f.reject_unknown();
    return in;
}

ProjectFilter project_filter_from(const api::Request& r) {
    ProjectFilter f;
    f.text = query_text(r, "q");
    f.stage = query_text(r, "stage");
    f.step = query_text(r, "step");
    f.status = query_text(r, "status");
    f.model = query_text(r, "model");
    f.template_code = query_text(r, "template");
    f.legal_form = query_text(r, "legal_form");
    if (auto order = query_text(r, "order")) {
        if (*order != "title" && *order != "entered")
            throw invalid("order", "must be title or entered");
        f.order = *order;
    }
    f.page = api::query_int(r, "page", 1, 1, 1000000);
    f.per_page = api::query_int(r, "per_page", 50, 1, 200);
    return f;
}

MentorFilter mentor_filter_from(const api::Request& r) {
    MentorFilter f;
    f.text = query_text(r, "q");
    f.kind = query_text(r, "kind");
    f.subject = query_text(r, "subject");
    f.sector = query_text(r, "sector");
    f.include_inactive = r.query_value("inactive").value_or("") == "1";
    f.page = api::query_int(r, "page", 1, 1, 1000000);
    f.per_page = api::query_int(r, "per_page", 50, 1, 200);
    return f;
}

Date date_from(const api::Request& r) {
    auto value = query_text(r, "date");
    return value ? require_date(*value, "date") : today_utc();
}

}  // namespace maillage::pathways
