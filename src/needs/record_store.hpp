#pragma once
// SQL for intake records and their codes, portable across SQLite and PostgreSQL. Every
// function runs inside the caller's transaction.
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "needs/batch_insert.hpp"
#include "needs/model.hpp"
#include "store/database.hpp"

namespace maillage::needs::storage {

using store::Connection;

// Reserves `count` consecutive ids of a sequence ("record" or "group"); returns the first.
std::int64_t reserve_ids(Connection& c, const char* sequence, std::int64_t count);

// The pole's record ids (the centres' own ids).
std::unordered_set<std::string> record_ids(Connection& c, std::int64_t pole_id);
std::optional<std::int64_t> find_record(Connection& c, std::int64_t pole_id,
                                        const std::string& record_id);

std::unique_ptr<BatchInsert> record_writer(Connection& c);
std::unique_ptr<BatchInsert> code_writer(Connection& c);
// `codes_fingerprint` is codes_fingerprint() of the codes written with the record (0: none yet).
void add_record(BatchInsert& records, std::int64_t id, std::int64_t pole_id, const RecordInput& r,
                const std::string& language, const std::string& now,
                std::int64_t codes_fingerprint = 0);
// The row add_record writes, built apart (the import builds it on a worker thread and hands
// it to the writer); the record's texts are moved out of `r`.
store::Params record_row(std::int64_t id, std::int64_t pole_id, RecordInput&& r,
                         const std::string& language, const std::string& now,
                         std::int64_t codes_fingerprint);
// The column holding record_row's own id.
inline constexpr std::size_t kRecordIdColumn = 0;

void update_record(Connection& c, std::int64_t id, const RecordInput& r,
                   const std::string& language, const std::string& now);
// The record's codes and their fingerprint.
void replace_codes(Connection& c, std::int64_t record, std::int64_t pole_id,
                   const std::vector<RecordCode>& list);
// replace_codes for many records, in batches.
void replace_codes(Connection& c, std::int64_t pole_id, const std::vector<std::int64_t>& records,
                   const std::vector<const std::vector<RecordCode>*>& lists);
void delete_record(Connection& c, std::int64_t id);

// Full records (with codes and group) in the order of `ids`, all of the pole.
std::vector<Record> load_records(Connection& c, std::int64_t pole_id,
                                 const std::vector<std::int64_t>& ids);

struct RecordMatches {
    std::vector<std::int64_t> ids;
    std::int64_t total = 0;
};
RecordMatches search_records(Connection& c, std::int64_t pole_id, const RecordFilter& filter);

std::vector<Correction> corrections_of(Connection& c, std::int64_t record);
void set_correction(Connection& c, std::int64_t record, std::int64_t pole_id,
                    const Correction& correction, std::optional<std::int64_t> user_id,
                    const std::string& now);
void clear_correction(Connection& c, std::int64_t record, CodeKind kind, const std::string& code);

// What a run of the catalogue or of the rationalisation reads of every record.
struct RecordText {
    std::int64_t id = 0;
    std::string record_id;
    std::optional<std::string> commune;
    std::string language;
    std::optional<std::string> need_text, proposal_text;
    std::vector<std::string> need_codes, sectors;
    std::int64_t codes_fingerprint = 0;
};
// In id order; with a `limit`, at most that many records with ids above `after_id`.
std::vector<RecordText> record_texts(Connection& c, std::int64_t pole_id, std::int64_t after_id = 0,
                                     std::size_t limit = 0);
// What the rationalisation compares of each record: its proposal, or its need when it made
// no proposal (empty when it has neither).
struct ComparedText {
    std::int64_t id = 0;
    std::string record_id;
    std::string language;
    std::string text;
};
// Up to `limit` records of the pole after `after_id`, in id order.
std::vector<ComparedText> compared_texts(Connection& c, std::int64_t pole_id, std::int64_t after_id,
                                         std::size_t limit);
// Every correction of the pole, by record id.
std::vector<std::pair<std::int64_t, Correction>> pole_corrections(Connection& c,
                                                                  std::int64_t pole_id);
void delete_pole_codes(Connection& c, std::int64_t pole_id);

std::int64_t count_records(Connection& c, std::int64_t pole_id);

std::string join_list(const std::vector<std::string>& values);
std::vector<std::string> split_stored(const std::string& text);

}  // namespace maillage::needs::storage
