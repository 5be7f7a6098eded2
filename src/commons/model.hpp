#pragma once
// Collective tender responses: a public tender that actors of the pole answer together as a
// consortium (groupement), its lots with their social-clause insertion hours, the members'
// roles, shares and committed hours, and the insertion hours each member realised per month.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::commons {

struct LotInput {
    std::int64_t number = 0;
    std::string title;
    double insertion_hours_required = 0;  // what the social clause asks for this lot
};

struct TenderInput {
    // The buyer: an actor of the pole (a local authority, a firm) or a free-text name.
    std::optional<std::int64_t> buyer_actor_id;
    std::optional<std::string> buyer_name;
    std::string title;
    std::optional<std::string> reference;  // the buyer's reference of the consultation
    std::optional<std::string> procedure;  // a code of commons_procedure
    std::optional<std::string> published_on, deadline_on;  // ISO dates
    std::optional<double> estimated_amount;                // euros, before tax
    std::string status = "watch";                          // a code of commons_tender_status
    std::optional<std::string> awarded_on, contract_start, contract_end;
    std::optional<std::string> note;
    std::vector<LotInput> lots;
};

struct Tender : TenderInput {
    std::int64_t id = 0;
    std::optional<std::string> buyer_actor_name;
    std::int64_t members = 0;
    double hours_required = 0, hours_committed = 0, hours_realised = 0;
    std::string created_at, updated_at;
};

struct MemberInput {
    std::int64_t actor_id = 0;
    std::string role;                     // a code of commons_consortium_role
    std::vector<std::int64_t> lots;       // lot numbers; empty: the whole tender
    std::optional<double> share_percent;  // of the amount, 0 to 100
    double insertion_hours_committed = 0;
};

struct Member : MemberInput {
    std::int64_t id = 0;
    std::int64_t tender_id = 0;
    std::string actor_name;
    double hours_realised = 0;
};

// Insertion hours a member realised in one month of the contract.
struct HoursInput {
    std::string period;  // "YYYY-MM"
    double hours = 0;
    std::optional<std::string> note;
};

struct RealisedHours : HoursInput {
    std::int64_t id = 0;
    std::int64_t member_id = 0;
};

struct TenderDetail {
    Tender tender;
    std::vector<Member> members;
    std::vector<RealisedHours> hours;  // by member, then period
};

struct TenderFilter {
    std::optional<std::string> status;
    // Tenders whose deadline, award or contract falls in the year.
    std::optional<int> year;
    std::optional<std::string> text;  // in the title, reference or buyer name
};

// Two members of the same won consortium whose contract runs in (or was awarded in) a year:
// the network module's co-contracting evidence.
struct CoContractors {
    std::int64_t actor_a = 0, actor_b = 0;
    std::string tender;  // "title (reference)"
    std::string date;    // the award date
};

struct Problem {
    std::string field;
    std::string reason;
};

// One imported tender, for the line-by-line report.
struct ImportedLine {
    std::int64_t line = 0;  // its first line in the file
    std::int64_t tender_id = 0;
    std::string reference, title;
    std::int64_t members = 0;
};

struct ImportSummary {
    std::int64_t rows = 0;
    std::int64_t tenders = 0;
    std::int64_t members = 0;
    std::vector<ImportedLine> lines;
};

}  // namespace maillage::commons
