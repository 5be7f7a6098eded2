#pragma once
// The actor-system analysis of a pole (Fiche II-1): Grille I entries, Grille II relations,
// relations derived from operational data, and the interface other modules provide evidence
// through.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"

namespace maillage::network {

// --- Grille I: actor logics -------------------------------------------------------------

struct LogicEntryInput {
    std::string field;  // a writable code of data/network/grid_fields.csv
    std::string text;
};

struct LogicEntry {
    std::int64_t id = 0;
    std::int64_t actor_id = 0;
    std::string mission;
    int year = 0;
    std::string field;
    std::string text;
    std::optional<std::int64_t> author_id;
    std::string author_name;
    std::string created_at;
};

struct LogicField {
    std::string field;
    std::vector<LogicEntry> history;    // this year's entries, newest first
    std::optional<LogicEntry> earlier;  // the latest of an earlier year, when none this year
};

struct LogicCard {
    std::int64_t actor_id = 0;
    std::string actor_name;
    std::string mission;
    int year = 0;
    std::vector<LogicField> fields;  // in the grid's order
};

// --- Grille II: relations ----------------------------------------------------------------

struct RelationInput {
    int year = 0;
    std::string mission;
    std::int64_t from_actor = 0, to_actor = 0;
    std::string nature;
    std::optional<std::string> object;
    int intensity = 1;
    std::optional<std::string> note;
};

struct Relation : RelationInput {
    std::int64_t id = 0;
    std::optional<std::int64_t> author_id;
    std::string author_name;
    std::string created_at, updated_at;
};

struct RelationVersion {
    std::int64_t id = 0;
    std::string action;  // "set" or "delete"
    std::string nature;
    std::optional<std::string> object;
    int intensity = 1;
    std::optional<std::string> note;
    std::string author_name;
    std::string at;
};

// --- Derived relations -------------------------------------------------------------------

// One fact proving a link between two actors of a pole, from another module's data.
struct RelationEvidence {
    std::int64_t from_actor = 0, to_actor = 0;
    std::string kind;    // "shared_employee", "co_contracting", "mentoring", "same_pole", …
    std::string nature;  // the Grille II nature it implies; empty: the kind's default
    std::string object;  // e.g. "means"; empty: the kind's default
    std::string detail;  // human-readable, shown after the kind's label: "12 h/week"
    std::string date;    // ISO date of the evidence, may be empty
};

// What a module provides: the evidence it holds for a pole and a year.
using EvidenceSource = std::function<std::vector<RelationEvidence>(std::int64_t pole_id, int year)>;

struct DerivedRelation {
    std::int64_t id = 0;
    int year = 0;
    std::int64_t from_actor = 0, to_actor = 0;
    std::string kind, source, nature;
    std::optional<std::string> object;
    std::string detail;
    std::optional<std::string> evidence_date;
    std::string computed_at;
};

struct DeriveSummary {
    std::int64_t derived = 0;
    std::int64_t ignored = 0;  // evidence about actors outside the pole, or malformed
    std::vector<std::pair<std::string, std::int64_t>> by_source;
};

// --- Relation natures ----------------------------------------------------------------------

struct NatureInput {
    std::string code;
    double weight = 0;
    std::string colour, line = "solid";
    Label abbreviation, label;
};

}  // namespace maillage::network
