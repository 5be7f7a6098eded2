#pragma once
// SQL of the evaluation module, portable across SQLite and PostgreSQL. Every function runs
// inside the caller's transaction; pole checks are the service's (each query that reads a
// record by id also names its pole, so another pole's ids read as absent).
#include <optional>
#include <string>
#include <vector>

#include "evaluation/model.hpp"
#include "store/database.hpp"

namespace maillage::evaluation::storage {

using store::Connection;

// ---- grids
struct GridRow {
    std::int64_t id = 0;
    std::optional<std::int64_t> pole_id, derived_from;
    std::string code, tool, title, definition, source_file;
    std::int64_t version = 0;
    bool hidden = false;
    std::int64_t assessments = 0;
    bool latest = true;
    std::string created_at, updated_at;
};

struct NewGrid {
    std::optional<std::int64_t> pole_id;
    const Grid* grid = nullptr;
    std::string definition;  // canonical JSON text
    std::optional<std::int64_t> derived_from;
    std::string source_file;
    bool hidden = false;
};

std::int64_t insert_grid(Connection& c, const NewGrid& g);
// For shipped grids: inserts unless a row with the same code and version exists; returns
// the stored definition of that row when it does.
std::optional<std::string> insert_shipped_grid(Connection& c, const NewGrid& g);
void update_grid(Connection& c, std::int64_t id, const Grid& grid, const std::string& definition);
void delete_grid(Connection& c, std::int64_t id);
// A grid the pole may see: shipped (no pole) or its own.
std::optional<GridRow> grid_row(Connection& c, std::int64_t id, std::int64_t pole_id);
std::vector<GridRow> visible_grids(Connection& c, std::int64_t pole_id, bool include_hidden);
std::int64_t next_version(Connection& c, std::int64_t pole_id, const std::string& code);
std::optional<std::int64_t> latest_shipped(Connection& c, const std::string& code);

// ---- assessments
std::int64_t insert_assessment(Connection& c, std::int64_t pole_id, std::int64_t user_id,
                               const AssessmentInput& input);
void update_assessment(Connection& c, std::int64_t id, const AssessmentSummary& values,
                       const std::optional<std::string>& notes);
void set_assessment_grid(Connection& c, std::int64_t id, std::int64_t grid_id);
void delete_assessment(Connection& c, std::int64_t id);
// Marks a change: the live screen's polling compares revisions.
void touch(Connection& c, std::int64_t assessment_id);
std::optional<AssessmentSummary> assessment(Connection& c, std::int64_t pole_id, std::int64_t id,
                                            std::optional<std::string>* notes = nullptr);
std::vector<AssessmentSummary> assessments(Connection& c, std::int64_t pole_id,
                                           const AssessmentFilter& filter);
std::vector<std::int64_t> assessments_in_year(Connection& c, std::int64_t pole_id,
                                              std::int64_t year);

std::int64_t insert_participant(Connection& c, std::int64_t assessment_id,
                                const ParticipantInput& p, std::int64_t position);
std::vector<Participant> participants(Connection& c, std::int64_t assessment_id);
bool delete_participant(Connection& c, std::int64_t assessment_id, std::int64_t id);

std::int64_t insert_argument(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                             const ArgumentInput& a);
std::vector<Argument> arguments(Connection& c, std::int64_t assessment_id);
bool set_withdrawn(Connection& c, std::int64_t assessment_id, std::int64_t id, bool withdrawn);

// Stored answers (cursor answers hold only flags and comments).
Answers answers(Connection& c, std::int64_t assessment_id);
void save_answer(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                 const std::string& item, const Answer& a);
void delete_answer(Connection& c, std::int64_t assessment_id, const std::string& item);
std::int64_t count_arguments_on(Connection& c, std::int64_t assessment_id, const std::string& item);

std::int64_t insert_evidence(Connection& c, std::int64_t assessment_id, std::int64_t user_id,
                             const EvidenceInput& e);
std::vector<Evidence> evidence(Connection& c, std::int64_t assessment_id);
std::optional<EvidenceFile> evidence_file(Connection& c, std::int64_t assessment_id,
                                          std::int64_t id);
bool delete_evidence(Connection& c, std::int64_t assessment_id, std::int64_t id);

// ---- démarches
std::int64_t insert_demarche(Connection& c, std::int64_t pole_id, const Demarche& d);
bool update_demarche(Connection& c, std::int64_t pole_id, std::int64_t id, const Demarche& d);
bool delete_demarche(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<Demarche> demarches(Connection& c, std::int64_t pole_id);
std::optional<Demarche> demarche(Connection& c, std::int64_t pole_id, std::int64_t id);

// ---- rounds
std::int64_t insert_round(Connection& c, std::int64_t pole_id, const RoundInput& r);
void set_round_members(Connection& c, std::int64_t round_id, const std::vector<std::int64_t>& ids);
bool update_round(Connection& c, std::int64_t pole_id, std::int64_t id, const RoundInput& r);
bool delete_round(Connection& c, std::int64_t pole_id, std::int64_t id);
struct RoundRow {
    std::int64_t id = 0, grid_id = 0, year = 0;
    std::string title, created_at, updated_at;
    std::optional<std::string> notes;
    std::vector<std::int64_t> members;
};
std::optional<RoundRow> round(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<RoundRow> rounds(Connection& c, std::int64_t pole_id);

// ---- campaigns
struct CampaignRow : Campaign {
    std::string steps_text;
};
std::int64_t insert_campaign(Connection& c, std::int64_t pole_id, const Campaign& campaign);
void save_campaign_steps(Connection& c, std::int64_t id, const std::string& steps);
void update_campaign(Connection& c, std::int64_t id, const std::string& title);
bool delete_campaign(Connection& c, std::int64_t pole_id, std::int64_t id);
std::optional<CampaignRow> campaign(Connection& c, std::int64_t pole_id, std::int64_t id);
std::vector<CampaignRow> campaigns(Connection& c, std::int64_t pole_id);

}  // namespace maillage::evaluation::storage
