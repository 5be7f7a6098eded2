#pragma once
// The actors module's JSON shapes (docs/api.md), read strictly and written completely.
#include "actors/model.hpp"
#include "api/router.hpp"
#include "core/json.hpp"

namespace maillage::actors {

Json to_json(const Actor& actor);
Json to_json(const ActorPage& page);
Json to_json(const Contact& contact);
// The same JSON as to_json(...).dump() gives, written without building the tree (about ten
// times faster for a page of actors, the answer of every search).
std::string json_text(const Actor& actor);
std::string json_text(const ActorPage& page);
ActorInput actor_input_from(const Json& body);
ContactInput contact_input_from(const Json& body);
ActorFilter filter_from(const api::Request& request);

}  // namespace maillage::actors
