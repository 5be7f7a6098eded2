#include "commons/validation.hpp"

#include <cmath>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace maillage::commons {

namespace {

// Shares are entered with two decimals: a sum a little above 100 is rounding.
constexpr double kShareTolerance = 0.01;

void tidy(std::optional<std::string>& value) {
    if (!value) return;
    auto trimmed = text::trim(*value);
    if (trimmed.empty())
        value.reset();
    else
        *value = std::move(trimmed);
}

void check_code(std::vector<Problem>& problems, const Vocabulary& vocabulary,
                const char* enumeration, const std::string& field, const std::string& code) {
    if (!vocabulary.contains(enumeration, code))
        problems.push_back({field, "unknown code '" + code + "' (expected one of " +
                                       vocabulary.codes(enumeration) + ")"});
}

void check_date(std::vector<Problem>& problems, const std::string& field,
                const std::optional<std::string>& date) {
    if (date && !clock::is_iso_date(*date))
        problems.push_back({field, "must be a date written YYYY-MM-DD"});
}

// ISO dates compare as text; a pair is only checked when both are set and valid.
void check_order(std::vector<Problem>& problems, const std::optional<std::string>& earlier,
                 const char* earlier_field, const std::optional<std::string>& later,
                 const char* later_field) {
    if (!earlier || !later || !clock::is_iso_date(*earlier) || !clock::is_iso_date(*later)) return;
    if (*later < *earlier)
        problems.push_back({later_field, std::string("must not be before ") + earlier_field});
}

void check_non_negative(std::vector<Problem>& problems, const std::string& field, double value) {
    if (!std::isfinite(value) || value < 0)
        problems.push_back({field, "must be a number of 0 or more"});
}

void check_lots(std::vector<Problem>& problems, std::vector<LotInput>& lots) {
    std::set<std::int64_t> numbers;
    for (std::size_t i = 0; i < lots.size(); ++i) {
        auto& lot = lots[i];
        auto field = "lots[" + std::to_string(i) + "].";
        lot.title = text::trim(lot.title);
        if (lot.number < 1) problems.push_back({field + "number", "must be 1 or more"});
        if (!numbers.insert(lot.number).second)
            problems.push_back(
                {field + "number", "lot " + std::to_string(lot.number) + " is listed twice"});
        if (lot.title.empty()) problems.push_back({field + "title", "is required"});
        check_non_negative(problems, field + "insertion_hours_required",
                           lot.insertion_hours_required);
    }
}

std::string year_start(int year) {
    return std::to_string(year) + "-01-01";
}
std::string year_end(int year) {
    return std::to_string(year) + "-12-31";
}
bool in_year(const std::optional<std::string>& date, int year) {
    return date && date->size() >= 4 && date->compare(0, 4, std::to_string(year)) == 0;
}

bool contract_overlaps(const TenderInput& t, int year) {
    if (!t.contract_start) return false;
    return *t.contract_start <= year_end(year) &&
           (!t.contract_end || *t.contract_end >= year_start(year));
}

}  // namespace

std::vector<Problem> check_tender(TenderInput& in, const Vocabulary& vocabulary) {
    std::vector<Problem> problems;
    in.title = text::trim(in.title);
    for (auto* value :
         {&in.buyer_name, &in.reference, &in.procedure, &in.published_on, &in.deadline_on,
          &in.awarded_on, &in.contract_start, &in.contract_end, &in.note})
        tidy(*value);
    in.status = text::trim(in.status);
    if (in.title.empty()) problems.push_back({"title", "is required"});
    if (!in.buyer_actor_id && !in.buyer_name)
        problems.push_back({"buyer_name", "a buyer is required: an actor of the pole or a name"});
    check_code(problems, vocabulary, kStatusEnumeration, "status", in.status);
    if (in.procedure)
        check_code(problems, vocabulary, kProcedureEnumeration, "procedure", *in.procedure);
    check_date(problems, "published_on", in.published_on);
    check_date(problems, "deadline_on", in.deadline_on);
    check_date(problems, "awarded_on", in.awarded_on);
    check_date(problems, "contract_start", in.contract_start);
    check_date(problems, "contract_end", in.contract_end);
    check_order(problems, in.published_on, "published_on", in.deadline_on, "deadline_on");
    check_order(problems, in.deadline_on, "deadline_on", in.awarded_on, "awarded_on");
    check_order(problems, in.awarded_on, "awarded_on", in.contract_start, "contract_start");
    check_order(problems, in.contract_start, "contract_start", in.contract_end, "contract_end");
    if (in.estimated_amount) check_non_negative(problems, "estimated_amount", *in.estimated_amount);
    bool won = in.status == "won";
    if (won && !in.awarded_on)
        problems.push_back({"awarded_on", "a won tender needs its award date"});
    if (in.awarded_on && in.status != "won" && in.status != "lost")
        problems.push_back({"awarded_on", "only a won or lost tender has an award date"});
    if (!won && (in.contract_start || in.contract_end))
        problems.push_back({"contract_start", "only a won tender has a contract"});
    if (in.contract_end && !in.contract_start)
        problems.push_back({"contract_start", "is required with contract_end"});
    check_lots(problems, in.lots);
    return problems;
}

std::vector<Problem> check_member(MemberInput& in, const std::vector<LotInput>& lots,
                                  const Vocabulary& vocabulary) {
    std::vector<Problem> problems;
    in.role = text::trim(in.role);
    if (in.actor_id <= 0) problems.push_back({"actor_id", "is required"});
    check_code(problems, vocabulary, kRoleEnumeration, "role", in.role);
    std::set<std::int64_t> known, seen;
    for (const auto& lot : lots) known.insert(lot.number);
    for (auto number : in.lots) {
        if (!known.count(number))
            problems.push_back({"lots", "the tender has no lot " + std::to_string(number)});
        else if (!seen.insert(number).second)
            problems.push_back({"lots", "lot " + std::to_string(number) + " is listed twice"});
    }
    if (in.share_percent &&
        (!std::isfinite(*in.share_percent) || *in.share_percent < 0 || *in.share_percent > 100))
        problems.push_back({"share_percent", "must be a percentage from 0 to 100"});
    check_non_negative(problems, "insertion_hours_committed", in.insertion_hours_committed);
    return problems;
}

std::vector<Problem> check_consortium(const TenderInput& tender,
                                      const std::vector<MemberInput>& members) {
    std::vector<Problem> problems;
    std::set<std::int64_t> actors;
    int leads = 0;
    double shares = 0;
    for (const auto& m : members) {
        if (!actors.insert(m.actor_id).second)
            problems.push_back({"actor_id", "actor " + std::to_string(m.actor_id) +
                                                " is already a member of this consortium"});
        if (m.role == kLeadRole) ++leads;
        shares += m.share_percent.value_or(0);
    }
    if (leads > 1) problems.push_back({"role", "a consortium has one mandataire only"});
    if (shares > 100 + kShareTolerance)
        problems.push_back({"share_percent", "the members' shares add up to more than 100 %"});
    bool bid = tender.status == "submitted" || tender.status == "won" || tender.status == "lost";
    if (bid && members.size() >= 2 && leads == 0)
        problems.push_back({"role", "a submitted consortium needs its mandataire"});
    return problems;
}

std::vector<Problem> check_hours(HoursInput& in, const TenderInput& tender) {
    std::vector<Problem> problems;
    in.period = text::trim(in.period);
    tidy(in.note);
    if (!clock::is_iso_date(in.period + "-01")) {
        problems.push_back({"period", "must be a month written YYYY-MM"});
    } else if (tender.status != "won") {
        problems.push_back({"period", "insertion hours are realised on a won tender only"});
    } else {
        if (tender.contract_start && in.period < tender.contract_start->substr(0, 7))
            problems.push_back({"period", "is before the contract starts"});
        if (tender.contract_end && in.period > tender.contract_end->substr(0, 7))
            problems.push_back({"period", "is after the contract ends"});
    }
    check_non_negative(problems, "hours", in.hours);
    return problems;
}

bool concerns_year(const TenderInput& t, int year) {
    return in_year(t.deadline_on, year) || in_year(t.awarded_on, year) ||
           in_year(t.published_on, year) || contract_overlaps(t, year);
}

bool co_contracts_in(const TenderInput& t, int year) {
    return t.status == "won" && (in_year(t.awarded_on, year) || contract_overlaps(t, year));
}

void reject_if_any(const std::vector<Problem>& problems, ErrorCode code) {
    if (problems.empty()) return;
    const auto& p = problems.front();
    throw Error(code, p.field + ": " + p.reason, p.field);
}

}  // namespace maillage::commons
