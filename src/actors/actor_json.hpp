#pragma once
// The actors module's JSON shapes (docs/api.md), read strictly and written completely.
#include "actors/model.hpp"
#include "api/router.hpp"
#include "core/json.hpp"

namespace maillage::actors {

Json to_json(const Actor& actor);
Json to_json(const ActorPage& page);
Json to_json(const Contact& contact);
ActorInput actor_input_from(const Json& body);
ContactInput contact_input_from(const Json& body);
ActorFilter filter_from(const api::Request& request);

}  // namespace maillage::actors
