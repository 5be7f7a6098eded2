#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::actors {

// What a user may set on an actor. Every optional field may be left empty.
struct ActorInput {
    std::string name;
    std::string kind;  // a code of the actor_kind enumeration
    std::optional<std::string> legal_form;
    std::optional<bool> is_public;
    std::optional<std::string> siren, siret, rna, it_tax_code;
    std::optional<std::string> level, nature;
    std::optional<std::string> naf;
    std::optional<std::string> commune;  // INSEE or ISTAT code
    std::optional<std::string> address;
    std::optional<std::int64_t> headcount;
    std::optional<double> fte;
    std::optional<std::string> website, email, phone, description;
};

struct PoleRef {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
};

struct Actor : ActorInput {
    std::int64_t id = 0;
    std::string family;
    std::optional<std::string> commune_name;
    std::optional<double> lat, lon;
    std::vector<PoleRef> poles;
    std::string created_at, updated_at;
    std::optional<double> distance_km;  // set by radius searches
};

struct ActorFilter {
    std::optional<std::string> text;
    std::optional<std::string> kind, family, legal_form, level, nature;
    std::optional<std::string> naf_prefix;
    std::optional<std::string> commune;
    std::optional<double> radius_km;
    std::optional<std::int64_t> pole_id;
    std::int64_t page = 1;
    std::int64_t per_page = 20;
};

struct ActorPage {
    std::vector<Actor> items;
    std::int64_t total = 0;
    std::int64_t page = 1;
    std::int64_t per_page = 20;
};

struct ContactInput {
    std::string name;
    std::optional<std::string> function, email, phone;
};

struct Contact : ContactInput {
    std::int64_t id = 0;
    std::int64_t actor_id = 0;
};

struct FieldProblem {
    std::string field;
    std::string reason;
};

struct ImportSummary {
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t linked = 0;  // already in the directory (same SIRET, RNA or Italian code)
};

}  // namespace maillage::actors
