#pragma once
// The evaluation module's records: grids as stored, assessments (with their participants,
// argument log, answers and evidence), social-utility campaigns, pole rounds and démarches.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "evaluation/analysis.hpp"
#include "evaluation/board.hpp"
#include "evaluation/grid.hpp"

namespace maillage::evaluation {

// A grid as stored: a shipped one (no pole) or a pole's copy, one row per version.
struct StoredGrid {
    std::int64_t id = 0;
    std::optional<std::int64_t> pole_id;
    std::optional<std::int64_t> derived_from;
    std::string source_file;
    bool hidden = false;  // a campaign's own grid: shown with its campaign, not in the list
    std::int64_t assessments = 0;
    bool latest = true;  // no later version of the same code in the same scope
    std::string created_at, updated_at;
    std::shared_ptr<const Grid> grid;
};

// What an assessment is about. `title` is resolved when read (the actor's name...).
struct Subject {
    std::string kind;  // actor, project, pole, demarche (the evaluation_subject enumeration)
    std::int64_t id = 0;
    std::string title;
};

struct ParticipantInput {
    std::string name;  // a name, initials or a function: the least that lets the group speak
    std::optional<std::int64_t> actor_id;
    std::optional<std::string> role;
};

struct Participant : ParticipantInput {
    std::int64_t id = 0;
    std::int64_t arguments = 0;
};

struct AssessmentInput {
    std::int64_t grid_id = 0;
    Subject subject;
    std::string title;
    std::string held_on;  // YYYY-MM-DD
    std::string stage;
    std::string mode;
    std::optional<std::int64_t> previous_id;
    std::optional<std::int64_t> round_id;
    std::optional<std::string> notes;
    std::vector<ParticipantInput> participants;
};

// The editable metadata of an assessment.
struct AssessmentChange {
    std::optional<std::string> title, held_on, stage, mode, status, notes;
    std::optional<std::optional<std::int64_t>> previous_id;  // set to null to clear
};

struct AssessmentSummary {
    std::int64_t id = 0;
    std::int64_t grid_id = 0;
    std::string grid_code, grid_title, tool;
    std::int64_t grid_version = 0;
    Subject subject;
    std::string title, held_on, stage, mode, status;
    std::optional<std::int64_t> previous_id, round_id, campaign_id;
    std::int64_t participants = 0, arguments = 0, answers = 0;
    std::int64_t revision = 0;  // grows with every change: the live screen polls it
    std::string created_at, updated_at;
};

struct Evidence {
    std::int64_t id = 0;
    std::optional<std::string> item;  // the criterion or item it supports
    std::string kind;                 // evaluation_evidence_kind
    std::string title;
    std::optional<std::string> happened_on, url, note;
    std::optional<std::string> file_name, content_type;
    std::int64_t file_bytes = 0;
    std::string created_at;
};

struct EvidenceFile {
    std::string name, content_type, bytes;
    std::int64_t size = 0;  // bytes of the file (`bytes` is base64 while stored)
};

struct EvidenceInput {
    std::optional<std::string> item;
    std::string kind;
    std::string title;
    std::optional<std::string> happened_on, url, note;
    std::optional<EvidenceFile> file;
};

struct Assessment : AssessmentSummary {
    std::optional<std::string> notes;
    std::shared_ptr<const Grid> grid;
    std::vector<Participant> participant_list;
    std::vector<Argument> log;
    Replay board;     // cursor positions (board grids)
    Answers answers;  // every answered item, cursors included (their replayed position)
    std::vector<Evidence> evidence;
};

// One change to one answer. `value` is JSON as the item's kind expects it (a number, true or
// false, a level's code, a text); JSON null clears it; absent leaves it as it is.
struct AnswerInput {
    std::string item;
    std::optional<Json> value;
    std::optional<bool> priority, significant;
    std::optional<std::string> comment;
};

struct ArgumentInput {
    std::string item;
    std::int64_t participant_id = 0;
    int direction = +1;
    double displacement = 0;
    std::string text;
};

struct AssessmentFilter {
    std::optional<std::int64_t> grid_id, round_id;
    std::optional<std::string> grid_code, subject_kind, status;
    std::optional<std::int64_t> subject_id;
    std::optional<std::int64_t> year;
};

struct Demarche {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> description;
    std::optional<std::int64_t> actor_id;
    std::string created_at, updated_at;
};

struct RoundInput {
    std::int64_t grid_id = 0;
    std::string title;
    std::int64_t year = 0;
    std::optional<std::string> notes;
    std::vector<std::int64_t> members;  // actor ids
};

struct RoundMember {
    std::int64_t actor_id = 0;
    std::string name;
    std::optional<std::int64_t> assessment_id;
    std::string status;  // "not_started" or the assessment's status
    std::int64_t answers = 0;
};

struct Round {
    std::int64_t id = 0;
    std::int64_t grid_id = 0;
    std::string grid_title;
    std::string title;
    std::int64_t year = 0;
    std::optional<std::string> notes;
    std::vector<RoundMember> members;
    std::string created_at, updated_at;
};

// One item over the members' assessments (a round) or over every assessment of a year (core
// items, across the grids that share them).
struct ItemDistribution {
    std::string section;
    const Item* item = nullptr;  // points into `grid` of the owning result
    Distribution distribution;
};

struct DistributionReport {
    std::shared_ptr<const Grid> grid;  // the round's grid, or a grid holding the core items
    std::int64_t assessments = 0;
    std::vector<ItemDistribution> items;
};

struct CampaignInput {
    Subject subject;
    std::string title;
    std::int64_t year = 0;
    std::optional<std::int64_t> base_grid_id;  // default: the shipped social-utility grid
    std::string mode = "self";
};

struct Campaign {
    std::int64_t id = 0;
    Subject subject;
    std::string title;
    std::int64_t year = 0;
    std::int64_t base_grid_id = 0, grid_id = 0, assessment_id = 0;
    std::optional<std::int64_t> previous_id;
    Json steps;  // see campaign.hpp
    std::string created_at, updated_at;
};

struct IndicatorInput {
    std::string criterion;  // the SU section it measures
    Label label;
    std::string kind = "number";  // number, yes_no, text, evidence
    Label unit;
    std::string source, collection, owner;
    bool integer = false;
};

// Links to other modules, injected by the application so that this module depends on none
// of them: names of the pole's actors (the directory), titles of projects (pathways), and
// automatic figures for indicators that declare a feed (e.g. realised hours from sharedjobs).
struct Links {
    std::function<std::optional<std::string>(std::int64_t pole)> pole_name;
    std::function<std::optional<std::string>(std::int64_t pole, std::int64_t actor)> actor_name;
    std::function<std::optional<std::string>(std::int64_t pole, std::int64_t project)>
        project_title;
    std::function<std::optional<double>(std::int64_t pole, std::int64_t actor,
                                        const std::string& feed, std::int64_t year)>
        indicator_feed;
};

}  // namespace maillage::evaluation
