#pragma once
// Collective tender responses' use cases, called alike by the HTTP API, the CLI and the demo.
// Each runs in one transaction and re-checks the whole consortium before committing, so that
// no sequence of calls leaves a tender breaking its rules (validation.hpp).
#include <optional>
#include <vector>

#include "commons/model.hpp"
#include "core/progress.hpp"
#include "core/vocabulary.hpp"
#include "io/table_reader.hpp"
#include "store/database.hpp"

namespace maillage::commons {

class CommonsService {
  public:
    CommonsService(store::Database& database, const Vocabulary& vocabulary);

    std::vector<Tender> tenders(std::int64_t pole_id, const TenderFilter& filter);
    TenderDetail detail(std::int64_t pole_id, std::int64_t id);
    // A tender, with its consortium when `members` are given.
    TenderDetail create(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                        TenderInput input, std::vector<MemberInput> members = {});
    TenderDetail update(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                        TenderInput input);
    void remove(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    Member add_member(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                      std::int64_t tender_id, MemberInput input);
    Member update_member(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                         MemberInput input);
    void remove_member(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    // Sets the member's realised hours for a month (a second call for the month replaces them).
    RealisedHours record_hours(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                               std::int64_t member_id, HoursInput input);
    void remove_hours(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    // Every pair of members of the pole's won consortia that co-contract in the year.
    std::vector<CoContractors> co_contractors(std::int64_t pole_id, int year);

    // Tenders and their consortium members from a table, one row per member (docs/commons.md).
    // All-or-nothing: every bad line is reported in an ImportRejected and nothing is written.
    ImportSummary import_table(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                               io::TableReader& reader, Progress& progress);

    const Vocabulary& vocabulary() const { return vocabulary_; }

  private:
    store::Database& database_;
    const Vocabulary& vocabulary_;
};

}  // namespace maillage::commons
