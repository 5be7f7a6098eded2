#pragma once
// Validation of what users send: pure functions that normalise the input in place (trimmed
// text, empty → absent) and return every problem found, each naming its field.
#include <vector>

#include "actors/model.hpp"
#include "actors/validation.hpp"
#include "core/vocabulary.hpp"
#include "pathways/dates.hpp"
#include "pathways/model.hpp"
#include "territory/territory.hpp"

namespace maillage::pathways {

using actors::FieldProblem;
using actors::reject_if_any;

struct Checks {
    const Vocabulary& vocabulary;
    const territory::Territory& territory;
    Date today;
};

std::vector<FieldProblem> check_project(ProjectInput& input, const Checks& checks);
std::vector<FieldProblem> check_promoter(PromoterInput& input);
std::vector<FieldProblem> check_action(ActionInput& input, const Checks& checks);
std::vector<FieldProblem> check_visit(VisitInput& input, const Checks& checks);
std::vector<FieldProblem> check_contract(TestContractInput& input, const Checks& checks);
std::vector<FieldProblem> check_jobs(const JobsDeclaration& input);
std::vector<FieldProblem> check_mentor(MentorInput& input, const Checks& checks);
std::vector<FieldProblem> check_mentorship(MentorshipInput& input, const Checks& checks);

// The NAF section (letter) of any NAF code, or nullopt for an unknown code.
std::optional<std::string> naf_section(const territory::Territory& territory,
                                       const std::string& code);

}  // namespace maillage::pathways
