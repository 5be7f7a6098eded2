#pragma once
// The evaluation module's use cases, called alike by the HTTP API, the CLI and the demo. Each
// is one transaction; every id is looked up within the caller's pole, so another pole's
// records answer "not found".
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"
#include "evaluation/campaign.hpp"
#include "evaluation/evaluation_store.hpp"
#include "evaluation/model.hpp"
#include "store/database.hpp"

namespace maillage::evaluation {

struct EvaluationConfig {
    std::string grids_dir;          // data/evaluation/grids
    std::string report_texts_file;  // data/evaluation/report-texts.json
    Links links;
};

// Who did it, for the activity log: 0 stands for no signed-in user (the command line).
inline std::optional<std::int64_t> by(std::int64_t user_id) {
    return user_id ? std::optional<std::int64_t>(user_id) : std::nullopt;
}

struct Comparison {
    Assessment current, previous;
    std::vector<ItemComparison> items;
};

class EvaluationService {
  public:
    // Reads and validates the shipped grids and records any new one (code + version) in the
    // database; a shipped file whose content changed without a new version is refused.
    EvaluationService(store::Database& database, const Vocabulary& vocabulary,
                      EvaluationConfig config);

    // ---- grids
    std::vector<StoredGrid> grids(std::int64_t pole_id, bool include_hidden = false);
    StoredGrid grid(std::int64_t pole_id, std::int64_t id);
    // The latest shipped version of a code ("dd-appraisal"), or a pole grid by id.
    StoredGrid find_grid(std::int64_t pole_id, const std::string& code_or_id);
    // A pole's own copy of a grid it can see, to adapt (code and title may change).
    StoredGrid copy_grid(std::int64_t pole_id, std::int64_t user_id, std::int64_t source_id,
                         std::optional<std::string> code, std::optional<Label> title);
    // Saves a pole grid's new definition: in place while no assessment uses it, else as the
    // next version (assessments keep the version they were made with).
    StoredGrid save_grid(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                         const Json& definition);
    StoredGrid import_grid(std::int64_t pole_id, std::int64_t user_id, const Json& definition,
                           const std::string& origin);
    void delete_grid(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    const GridVocabulary& grid_vocabulary() const { return grid_vocabulary_; }

    // ---- assessments
    Assessment create_assessment(std::int64_t pole_id, std::int64_t user_id, AssessmentInput input);
    Assessment assessment(std::int64_t pole_id, std::int64_t id);
    // Grows with every change: cheap to poll for a screen that follows a session.
    std::int64_t revision(std::int64_t pole_id, std::int64_t id);
    std::vector<AssessmentSummary> assessments(std::int64_t pole_id,
                                               const AssessmentFilter& filter);
    Assessment change_assessment(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                 const AssessmentChange& change);
    void delete_assessment(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Assessment add_participant(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                               ParticipantInput input);
    Assessment remove_participant(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                  std::int64_t participant_id);
    Assessment add_argument(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                            ArgumentInput input);
    Assessment withdraw_argument(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                 std::int64_t argument_id, bool withdrawn);
    Assessment save_answers(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                            const std::vector<AnswerInput>& inputs);
    // Fills the indicators that declare a feed from Links::indicator_feed, for an actor subject.
    Assessment prefill_from_feeds(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    // The board after the log's first `arguments` arguments.
    Replay replay(std::int64_t pole_id, std::int64_t id, std::int64_t arguments);
    // Sessions of the same subject on the same grid (by code), oldest first.
    std::vector<AssessmentSummary> history(std::int64_t pole_id, std::int64_t id);
    // With `other`, or else the assessment's previous session (or the latest earlier one).
    std::optional<Comparison> comparison(std::int64_t pole_id, std::int64_t id,
                                         std::optional<std::int64_t> other);

    Evidence add_evidence(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                          EvidenceInput input);
    EvidenceFile evidence_file(std::int64_t pole_id, std::int64_t id, std::int64_t evidence_id);
    void remove_evidence(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                         std::int64_t evidence_id);

    // ---- démarches (a subject of their own)
    std::vector<Demarche> demarches(std::int64_t pole_id);
    Demarche save_demarche(std::int64_t pole_id, std::int64_t user_id,
                           std::optional<std::int64_t> id, Demarche input);
    void delete_demarche(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    // ---- pole rounds: one grid across member organisations
    Round create_round(std::int64_t pole_id, std::int64_t user_id, RoundInput input);
    Round round(std::int64_t pole_id, std::int64_t id);
    std::vector<Round> rounds(std::int64_t pole_id);
    Round change_round(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                       RoundInput input);
    void delete_round(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    // The member's assessment in the round, created (self mode, today) when it has none.
    Assessment start_member_assessment(std::int64_t pole_id, std::int64_t user_id,
                                       std::int64_t round_id, std::int64_t actor_id);
    DistributionReport round_distribution(std::int64_t pole_id, std::int64_t id);
    // Core items over every assessment of the year, whatever the grid that holds them.
    DistributionReport core_indicators(std::int64_t pole_id, std::int64_t year);

    // ---- social-utility campaigns
    Campaign create_campaign(std::int64_t pole_id, std::int64_t user_id, CampaignInput input);
    Campaign campaign(std::int64_t pole_id, std::int64_t id);
    std::vector<Campaign> campaigns(std::int64_t pole_id);
    Campaign save_campaign_step(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                const std::string& step, const Json& data,
                                std::optional<bool> done);
    Campaign add_campaign_indicator(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                    IndicatorInput input, std::string* code = nullptr);
    Campaign remove_campaign_indicator(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                       const std::string& item);
    // Next year's campaign: the same demand, perimeter, criteria and indicators, no data.
    Campaign next_year_campaign(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    void delete_campaign(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    struct Counts {
        std::int64_t assessments = 0, campaigns = 0, rounds = 0;
    };
    Counts counts(std::int64_t pole_id);

    // Subject titles (the actor's name, the project's title…) for display.
    std::string subject_title(std::int64_t pole_id, const Subject& subject);
    const Vocabulary& vocabulary() const { return vocabulary_; }
    std::string pole_name(std::int64_t pole_id);
    // The reports' texts: key → {fr, it, en} (data/evaluation/report-texts.json).
    const std::map<std::string, Label>& report_texts() const { return report_texts_; }

  private:
    void sync_shipped_grids();
    void load_report_texts();
    std::shared_ptr<const Grid> parsed(const storage::GridRow& row);
    StoredGrid stored(const storage::GridRow& row);
    StoredGrid require_grid(store::Connection& c, std::int64_t pole_id, std::int64_t id);
    void check_subject(std::int64_t pole_id, const Subject& subject);
    void check_participant(std::int64_t pole_id, const ParticipantInput& p,
                           const std::string& field);
    AssessmentSummary require_assessment(store::Connection& c, std::int64_t pole_id,
                                         std::int64_t id, bool for_change);
    Assessment load(store::Connection& c, std::int64_t pole_id, std::int64_t id);
    void check_input(std::int64_t pole_id, const AssessmentInput& input);
    std::int64_t insert_checked(store::Connection& c, std::int64_t pole_id, std::int64_t user_id,
                                AssessmentInput& input, bool for_campaign);
    void check_round_members(std::int64_t pole_id, const RoundInput& input);
    storage::CampaignRow require_campaign(store::Connection& c, std::int64_t pole_id,
                                          std::int64_t id);
    Campaign to_campaign(const storage::CampaignRow& row);
    void rewrite_campaign_grid(store::Connection& c, const storage::CampaignRow& row,
                               const Grid& grid);

    store::Database& database_;
    const Vocabulary& vocabulary_;
    EvaluationConfig config_;
    GridVocabulary grid_vocabulary_;
    std::map<std::string, Label> report_texts_;
    CampaignVocabulary campaign_vocabulary_;
    std::mutex cache_mutex_;
    std::map<std::int64_t, std::pair<std::string, std::shared_ptr<const Grid>>> cache_;
};

// Decodes base64 (evidence files arrive so in JSON); bad input is an invalid_input "file".
std::string from_base64(const std::string& text);

}  // namespace maillage::evaluation
