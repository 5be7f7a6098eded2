#pragma once
// SQL of the network module, portable across SQLite and PostgreSQL. Every function runs inside
// the caller's transaction and only ever touches one pole's rows.
#include <optional>
#include <vector>

#include "network/model.hpp"
#include "network/rules.hpp"
#include "store/database.hpp"

namespace maillage::network::storage {

using store::Connection;

// Relation natures a pole added.
std::vector<Nature> pole_natures(Connection& c, std::int64_t pole_id);
void insert_nature(Connection& c, std::int64_t pole_id, std::optional<std::int64_t> user_id,
                   const NatureInput& nature);

// Grille I.
void insert_logic_entry(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                        const std::string& mission, int year, const LogicEntryInput& entry,
                        std::optional<std::int64_t> author_id, const std::string& author_name);
// The actor's entries for the mission up to `year`, newest first (year, then id).
std::vector<LogicEntry> logic_entries(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                                      const std::string& mission, int year);
// Actors with at least one Grille I entry in the year (and mission, if given).
std::vector<std::int64_t> actors_with_logic(Connection& c, std::int64_t pole_id, int year,
                                            const std::optional<std::string>& mission);

// Grille II.
std::optional<Relation> relation(Connection& c, std::int64_t pole_id, std::int64_t id);
std::optional<Relation> relation_at(Connection& c, std::int64_t pole_id, const RelationInput& key);
std::int64_t insert_relation(Connection& c, std::int64_t pole_id, const RelationInput& input,
                             std::optional<std::int64_t> author_id, const std::string& author_name);
void update_relation(Connection& c, std::int64_t pole_id, std::int64_t id,
                     const RelationInput& input, std::optional<std::int64_t> author_id,
                     const std::string& author_name);
void delete_relation(Connection& c, std::int64_t pole_id, std::int64_t id);
void insert_version(Connection& c, std::int64_t pole_id, std::int64_t relation_id,
                    const std::string& action, const RelationInput& values,
                    std::optional<std::int64_t> author_id, const std::string& author_name);
std::vector<RelationVersion> versions(Connection& c, std::int64_t pole_id,
                                      std::int64_t relation_id);
std::vector<Relation> relations(Connection& c, std::int64_t pole_id, int year,
                                const std::optional<std::string>& mission);

// Derived relations.
void delete_derived(Connection& c, std::int64_t pole_id, int year);
void insert_derived(Connection& c, std::int64_t pole_id, const DerivedRelation& relation);
std::vector<DerivedRelation> derived(Connection& c, std::int64_t pole_id, int year);

// Years holding any relation or entry, most recent first.
std::vector<int> years(Connection& c, std::int64_t pole_id);

struct Counts {
    std::int64_t relations = 0, derived = 0, logic_entries = 0;
};
Counts counts(Connection& c, std::int64_t pole_id, int year);

}  // namespace maillage::network::storage
