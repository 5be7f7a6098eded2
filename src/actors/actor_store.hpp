#pragma once
// SQL for actors and contacts, portable across SQLite and PostgreSQL. Every function runs
// inside the caller's transaction.
#include <optional>
#include <string_view>
#include <vector>

#include "actors/actor_rows.hpp"
#include "actors/model.hpp"
#include "core/vocabulary.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::actors::storage {

using store::Connection;

// Inserts new actors in a few multi-row statements and their name words (appended to
// `held_words` instead when given: a bulk import writes them all at its end); their ids, in
// order.
std::vector<std::int64_t> insert_actors(Connection& c, NewActors rows,
                                        std::vector<NameWord>* held_words = nullptr);
std::int64_t insert_actor(Connection& c, const ActorInput& input,
                          const territory::Territory& territory);
void update_actor(Connection& c, std::int64_t id, const ActorInput& input,
                  const territory::Territory& territory);
void delete_actor(Connection& c, std::int64_t id);
// Puts the actors in the pole; those already in it stay as they were.
void link_poles(Connection& c, const std::vector<std::int64_t>& actor_ids, std::int64_t pole_id,
                const std::string& now);
void unlink_pole(Connection& c, std::int64_t actor_id, std::int64_t pole_id);
bool in_pole(Connection& c, std::int64_t actor_id, std::int64_t pole_id);
std::int64_t pole_count(Connection& c, std::int64_t actor_id);
// An actor already holding one of the input's official identifiers (SIRET, then RNA, then
// Italian tax code).
std::optional<std::int64_t> find_by_identifier(Connection& c, const ActorInput& input);
// The same for each input, in a few statements.
std::vector<std::optional<std::int64_t>> find_by_identifiers(
    Connection& c, const std::vector<const ActorInput*>& inputs);

// Full actors, in the order of `ids`, with their poles and commune names.
std::vector<Actor> load(Connection& c, const std::vector<std::int64_t>& ids,
                        const Vocabulary& vocabulary, const territory::Territory& territory);

struct Matches {
    std::vector<std::int64_t> ids;     // the requested page
    std::vector<double> distances_km;  // per id, for radius searches
    std::int64_t total = 0;
};
Matches search(Connection& c, const ActorFilter& filter, const Vocabulary& vocabulary,
               const territory::Territory& territory);

std::int64_t insert_contact(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                            const ContactInput& input);
bool update_contact(Connection& c, std::int64_t pole_id, std::int64_t id,
                    const ContactInput& input);
bool delete_contact(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<Contact> contacts_of(Connection& c, std::int64_t pole_id, std::int64_t actor_id);
std::optional<Contact> contact(Connection& c, std::int64_t pole_id, std::int64_t id);
// The pole's actors in name order.
std::vector<std::int64_t> pole_actor_ids(Connection& c, std::int64_t pole_id);
std::int64_t count_contacts(Connection& c, std::int64_t pole_id);
std::int64_t count_actors(Connection& c, std::int64_t pole_id);

}  // namespace maillage::actors::storage
