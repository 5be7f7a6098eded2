#pragma once
// The rules of a collective tender response: pure functions over the inputs, shared by the
// API (the first problem becomes the error) and imports (every problem of every line is
// reported). Statuses, roles and procedures are enumerations of the vocabulary (data files).
#include <vector>

#include "commons/model.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace maillage::commons {

inline constexpr const char* kStatusEnumeration = "commons_tender_status";
inline constexpr const char* kRoleEnumeration = "commons_consortium_role";
inline constexpr const char* kProcedureEnumeration = "commons_procedure";
// The role whose holder represents the consortium before the buyer: at most one per tender.
inline constexpr const char* kLeadRole = "mandataire";

// Normalises `input` in place (trimmed text, empty → absent) and returns every problem found:
// a title and a buyer, known codes, ISO dates in order (publication ≤ deadline ≤ award ≤
// contract start ≤ contract end), amounts and hours ≥ 0, lots numbered once each, an award
// date on a won tender and contract dates only on a won one.
std::vector<Problem> check_tender(TenderInput& input, const Vocabulary& vocabulary);

// One member on its own: a known role, lots of the tender, a share from 0 to 100, hours ≥ 0.
std::vector<Problem> check_member(MemberInput& input, const std::vector<LotInput>& lots,
                                  const Vocabulary& vocabulary);

// The consortium as a whole: each actor once, at most one mandataire, shares adding up to at
// most 100 %, and once the bid is submitted (submitted, won, lost) a consortium of two or more
// needs its mandataire.
std::vector<Problem> check_consortium(const TenderInput& tender,
                                      const std::vector<MemberInput>& members);

// Realised hours: a "YYYY-MM" month inside the contract of a won tender, hours ≥ 0.
std::vector<Problem> check_hours(HoursInput& input, const TenderInput& tender);

// Whether the tender's deadline, award or contract falls in the year (the list's year filter).
bool concerns_year(const TenderInput& tender, int year);

// Whether the consortium of a won tender co-contracts in the year: the contract runs during
// the year, or the award is dated in it.
bool co_contracts_in(const TenderInput& tender, int year);

// Throws the first problem as an Error naming its field (invalid_input unless told).
void reject_if_any(const std::vector<Problem>& problems, ErrorCode code = ErrorCode::invalid_input);

}  // namespace maillage::commons
