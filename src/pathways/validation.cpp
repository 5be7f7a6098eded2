#include "pathways/validation.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "core/text.hpp"

namespace maillage::pathways {

namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 5000;
constexpr std::size_t kMaxShort = 300;

void tidy(std::optional<std::string>& value) {
    if (!value) return;
    *value = text::trim(*value);
    if (value->empty()) value.reset();
}

struct Checker {
    const Checks& checks;
    std::vector<FieldProblem> problems;

    void add(const std::string& field, const std::string& reason) {
        problems.push_back({field, reason});
    }
    void required_text(const char* field, std::string& value, std::size_t max) {
        value = text::trim(value);
        if (value.empty())
            add(field, "is required");
        else if (value.size() > max)
            add(field, "is longer than " + std::to_string(max) + " characters");
    }
    void optional_text(const char* field, std::optional<std::string>& value, std::size_t max) {
        tidy(value);
        if (value && value->size() > max)
            add(field, "is longer than " + std::to_string(max) + " characters");
    }
    void required_code(const char* field, std::string& value, const char* enumeration) {
        value = text::trim(value);
        if (value.empty())
            add(field, "is required");
        else
            code(field, value, enumeration);
    }
    void code(const char* field, const std::optional<std::string>& value, const char* enumeration) {
        if (value && !checks.vocabulary.contains(enumeration, *value))
            add(field, "'" + *value + "' is not one of " + checks.vocabulary.codes(enumeration));
    }
    // A date; `past` refuses days after today.
    std::optional<Date> date(const char* field, std::optional<std::string>& value, bool past) {
        tidy(value);
        if (!value) return std::nullopt;
        auto d = parse_date(*value);
        if (!d) {
            add(field, "must be a date YYYY-MM-DD");
            return std::nullopt;
        }
        if (past && *d > checks.today) add(field, "is in the future");
        return d;
    }
    void commune(const char* field, std::optional<std::string>& value) {
        tidy(value);
        if (value && !checks.territory.commune(*value))
            add(field, "unknown commune code " + *value);
    }
    void range(const char* field, const std::optional<std::int64_t>& value, std::int64_t min,
               std::int64_t max) {
        if (value && (*value < min || *value > max))
            add(field, "must be from " + std::to_string(min) + " to " + std::to_string(max));
    }
    void positive_id(const char* field, const std::optional<std::int64_t>& value) {
        if (value && *value <= 0) add(field, "must be a positive id");
    }
    void before(const char* field, const std::optional<Date>& earlier,
                const std::optional<Date>& later, const char* earlier_field) {
        if (earlier && later && *later < *earlier)
            add(field, std::string("is before ") + earlier_field);
    }
};

void unique_codes(Checker& c, const char* field, std::vector<std::string>& codes,
                  const std::function<std::string(const std::string&)>& problem) {
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        codes[i] = text::trim(codes[i]);
        auto reason = problem(codes[i]);
        if (!reason.empty())
            c.add(std::string(field) + "[" + std::to_string(i) + "]", reason);
        else if (std::find(seen.begin(), seen.end(), codes[i]) == seen.end())
            seen.push_back(codes[i]);
    }
    codes = seen;
}

}  // namespace

std::optional<std::string> naf_section(const territory::Territory& territory,
                                       const std::string& code) {
    const auto* naf = territory.naf(code);
    while (naf && naf->level != "section") naf = territory.naf(naf->parent_code);
    if (!naf) return std::nullopt;
    return naf->code;
}

std::vector<FieldProblem> check_project(ProjectInput& in, const Checks& checks) {
    Checker c{checks, {}};
    c.required_text("title", in.title, kMaxTitle);
    c.optional_text("summary", in.summary, kMaxText);
    c.commune("commune", in.commune);
    c.optional_text("naf", in.naf, 10);
    if (in.naf) {
        if (!checks.territory.is_naf_code(*in.naf))
            c.add("naf", "unknown NAF code " + *in.naf);
        else
            in.naf = checks.territory.naf(*in.naf)->code;
    }
    c.optional_text("legal_form", in.legal_form, 60);
    c.code("legal_form", in.legal_form, "pathway_legal_form");
    in.origin_kind = text::trim(in.origin_kind);
    const auto* origin = checks.vocabulary.find("pathway_origin", in.origin_kind);
    if (in.origin_kind.empty())
        c.add("origin_kind", "is required");
    else if (!origin || !origin->parent)
        c.add("origin_kind", "'" + in.origin_kind +
                                 "' is not one of need_group, call, citizen, "
                                 "institution, cooperative");
    bool observatory = in.origin_kind == "need_group" || in.origin_kind == "call";
    if (observatory && !in.origin_ref) c.add("origin_ref", "is required for this origin");
    if (!observatory && in.origin_ref) c.add("origin_ref", "only a need group or a call has one");
    c.positive_id("origin_ref", in.origin_ref);
    c.positive_id("origin_actor_id", in.origin_actor_id);
    c.positive_id("actor_id", in.actor_id);
    c.optional_text("origin_note", in.origin_note, kMaxShort);
    c.date("started_on", in.started_on, true);
    auto created = c.date("created_on", in.created_on, true);
    auto ceased = c.date("ceased_on", in.ceased_on, true);
    if (ceased && !created) c.add("ceased_on", "needs created_on");
    c.before("ceased_on", created, ceased, "created_on");
    return c.problems;
}

std::vector<FieldProblem> check_promoter(PromoterInput& in) {
    static const Vocabulary no_vocabulary;
    static const territory::Territory no_territory;
    static const Checks none{no_vocabulary, no_territory, Date{}};
    Checker c{none, {}};
    c.required_text("alias", in.alias, kMaxTitle);
    c.optional_text("role", in.role, 60);
    c.optional_text("contact", in.contact, kMaxShort);
    return c.problems;
}

std::vector<FieldProblem> check_action(ActionInput& in, const Checks& checks) {
    Checker c{checks, {}};
    c.required_code("kind", in.kind, "pathway_support_kind");
    std::optional<std::string> day = in.on_date;
    if (in.on_date.empty()) c.add("on_date", "is required");
    c.date("on_date", day, true);
    if (day) in.on_date = *day;
    c.range("minutes", in.minutes, 1, 24 * 60);
    c.optional_text("subject", in.subject, 60);
    c.code("subject", in.subject, "pathway_subject");
    c.optional_text("need", in.need, kMaxText);
    c.optional_text("outcome", in.outcome, kMaxText);
    c.optional_text("funder_name", in.funder_name, kMaxTitle);
    c.positive_id("mentorship_id", in.mentorship_id);
    c.positive_id("mentor_id", in.mentor_id);
    c.positive_id("funder_actor_id", in.funder_actor_id);
    // What each kind of support must say (seed 000: coaching answers one need; a mentoring
    // session belongs to a mentoring relationship; experts come with their funder).
    if (in.kind == "coaching") {
        if (!in.need) c.add("need", "is required for a coaching session");
        if (!in.minutes) c.add("minutes", "is required for a coaching session");
    }
    if (in.kind == "mentoring" && !in.mentorship_id)
        c.add("mentorship_id", "is required for a mentoring session");
    if (in.kind == "expert" && !in.funder_actor_id && !in.funder_name)
        c.add("funder_name", "an expert intervention needs its funder");
    if ((in.kind == "training" || in.kind == "workshop" || in.kind == "hotline") && !in.need &&
        !in.subject)
        c.add("need", "say what the module or the call was about");
    return c.problems;
}

std::vector<FieldProblem> check_visit(VisitInput& in, const Checks& checks) {
    Checker c{checks, {}};
    std::optional<std::string> due = in.due_on;
    if (in.due_on.empty()) c.add("due_on", "is required");
    c.date("due_on", due, false);
    if (due) in.due_on = *due;
    c.date("done_on", in.done_on, true);
    c.optional_text("note", in.note, kMaxText);
    return c.problems;
}

std::vector<FieldProblem> check_contract(TestContractInput& in, const Checks& checks) {
    Checker c{checks, {}};
    c.required_code("kind", in.kind, "pathway_test_contract_kind");
    std::optional<std::string> start = in.start_on, end = in.end_on;
    if (in.start_on.empty()) c.add("start_on", "is required");
    if (in.end_on.empty()) c.add("end_on", "is required");
    auto s = c.date("start_on", start, false);
    auto e = c.date("end_on", end, false);
    if (start) in.start_on = *start;
    if (end) in.end_on = *end;
    if (s && e && *e <= *s) c.add("end_on", "must be after start_on");
    auto ended = c.date("ended_on", in.ended_on, true);
    c.before("ended_on", s, ended, "start_on");
    auto followup = c.date("followup_end_on", in.followup_end_on, false);
    c.before("followup_end_on", e, followup, "end_on");
    c.positive_id("host_actor_id", in.host_actor_id);
    c.optional_text("note", in.note, kMaxText);
    return c.problems;
}

std::vector<FieldProblem> check_jobs(const JobsDeclaration& in) {
    std::vector<FieldProblem> problems;
    if (in.year < 1900 || in.year > 2200) problems.push_back({"year", "must be from 1900 to 2200"});
    if (in.jobs < 0 || in.jobs > 100000) problems.push_back({"jobs", "must be from 0 to 100000"});
    if (in.fte && (*in.fte < 0 || *in.fte > 100000))
        problems.push_back({"fte", "must be from 0 to 100000"});
    return problems;
}

std::vector<FieldProblem> check_mentor(MentorInput& in, const Checks& checks) {
    Checker c{checks, {}};
    c.required_code("kind", in.kind, "pathway_mentor_kind");
    c.required_text("name", in.name, kMaxTitle);
    c.positive_id("actor_id", in.actor_id);
    c.commune("commune", in.commune);
    c.range("capacity", in.capacity, 0, 100);
    c.range("experience_years", in.experience_years, 0, 80);
    c.optional_text("bio", in.bio, 2000);
    unique_codes(c, "subjects", in.subjects, [&](const std::string& s) {
        return checks.vocabulary.contains("pathway_subject", s)
                   ? ""
                   : "'" + s + "' is not a pathway_subject";
    });
    unique_codes(c, "sectors", in.sectors, [&](const std::string& s) {
        const auto* naf = checks.territory.naf(s);
        return naf && naf->level == "section" ? "" : "'" + s + "' is not a NAF section (A to U)";
    });
    return c.problems;
}

std::vector<FieldProblem> check_mentorship(MentorshipInput& in, const Checks& checks) {
    Checker c{checks, {}};
    c.required_code("kind", in.kind, "pathway_mentorship_kind");
    bool tutoring = in.kind == "tutoring";
    if (tutoring && !in.tutor_actor_id) c.add("tutor_actor_id", "is required for tutoring");
    if (!tutoring && !in.mentor_id) c.add("mentor_id", "is required");
    if (tutoring && in.mentor_id) c.add("mentor_id", "tutoring pairs a cooperative, not a mentor");
    if (!tutoring && in.tutor_actor_id) c.add("tutor_actor_id", "only tutoring has one");
    if (in.objectives.size() > 10) c.add("objectives", "at most 10");
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < in.objectives.size(); ++i) {
        auto o = text::trim(in.objectives[i]);
        if (o.size() > kMaxShort)
            c.add("objectives[" + std::to_string(i) + "]", "is longer than 300 characters");
        if (!o.empty()) kept.push_back(o);
    }
    in.objectives = kept;
    if (in.kind == "mentoring" && in.objectives.empty())
        c.add("objectives", "a mentoring relationship states at least one strategic objective");
    c.date("started_on", in.started_on, true);
    if (in.factors) {
        if (in.factors->size() > 20000)
            c.add("factors", "is larger than 20 KB");
        else if (!Json::accept(*in.factors))
            c.add("factors", "must be JSON");
    }
    return c.problems;
}

}  // namespace maillage::pathways
