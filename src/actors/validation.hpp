#pragma once
// Validation of actors and contacts: pure functions, shared by the API (first problem
// becomes the error) and imports (every problem of every line is reported).
#include <vector>

#include "actors/model.hpp"
#include "core/vocabulary.hpp"
#include "territory/territory.hpp"

namespace maillage::actors {

// Normalises `input` in place (trimmed text, empty → absent, identifiers without spaces,
// SIREN derived from SIRET) and returns every problem found.
std::vector<FieldProblem> check_actor(ActorInput& input, const Vocabulary& vocabulary,
                                      const territory::Territory& territory);
std::vector<FieldProblem> check_contact(ContactInput& input);

// Throws the first problem as an invalid_input Error naming its field.
void reject_if_any(const std::vector<FieldProblem>& problems);

}  // namespace maillage::actors
