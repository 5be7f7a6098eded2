// The streamed all-or-nothing import of intake records, in three stages on their own threads
// passing batches in file order: reading and checking the lines, coding the records and
// building their rows, writing them (the transaction's connection stays on the caller's
// thread). The result does not depend on the threads (bench/needs/README.md has the figures).
#include <exception>
#include <thread>
#include <unordered_map>

#include "accounts/account_service.hpp"
#include "accounts/write_checks.hpp"
#include "core/batch_channel.hpp"
#include "core/clock.hpp"
#include "needs/code_rows.hpp"
#include "needs/coder.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_input.hpp"
#include "needs/record_store.hpp"
#include "needs/record_table.hpp"
#include "store/large_write_cache.hpp"
#include "store/set_aside_indexes.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::size_t kMaxProblems = 10000;
constexpr std::size_t kBatch = 4096;
constexpr std::size_t kBatchesInFlight = 4;

// Setting the indexes aside pays once the import is at least as large as what the records
// table holds: below that, inserting into them costs less than sorting every row again.
bool at_least_as_large(Connection& c, std::size_t rows) {
    if (c.dialect() != store::Dialect::sqlite) return false;
    return std::int64_t(rows) >= c.query("SELECT COUNT(*) FROM needs_records")[0].integer(0);
}

// Adds a problem, keeping the report to a size a person can read; the last line says how
// many more there were.
class ProblemList {
  public:
    void add(LineProblem p) {
        if (problems_.size() < kMaxProblems)
            problems_.push_back(std::move(p));
        else
            ++more_;
    }
    bool empty() const { return problems_.empty(); }
    std::vector<LineProblem> take() {
        if (more_)
            problems_.push_back({0, "", std::to_string(more_) + " more problems not listed"});
        return std::move(problems_);
    }

  private:
    std::vector<LineProblem> problems_;
    std::size_t more_ = 0;
};

struct CheckedRecord {
    RecordInput input;
    std::string language;
};

// Up to kBatch lines of the file, read and checked; its records are empty once a line was bad.
struct CheckedBatch {
    std::vector<CheckedRecord> records;
    std::uint64_t bytes_read = 0, lines = 0;
};

// A batch's rows, ready to write; their ids are given by the writer.
struct RowBatch {
    std::vector<store::Params> records;
    storage::CodeRows codes;  // their records numbered by position in the batch
    std::int64_t coded = 0, uncoded = 0;
    std::uint64_t bytes_read = 0, lines = 0;
};

// Runs `work` on a thread; on an exception, cancels the channels and keeps it for the caller.
class Stage {
  public:
    template <class F, class... Channels>
    Stage(F work, Channels&... channels)
        : thread_([this, work = std::move(work), &channels...]() mutable {
              try {
                  work();
              } catch (...) {
                  error_ = std::current_exception();
                  (channels.cancel(), ...);
              }
          }) {}
    Stage(const Stage&) = delete;
    Stage& operator=(const Stage&) = delete;
    ~Stage() { join(); }
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    void rethrow() {
        join();
        if (error_) std::rethrow_exception(error_);
    }

  private:
    std::exception_ptr error_;
    std::thread thread_;
};

class Importer {
  public:
    Importer(const Taxonomy& taxonomy, const territory::Territory& territory, std::int64_t pole_id,
             io::TableReader& reader, const RecordColumns& columns,
             std::unordered_set<std::string> existing)
        : taxonomy_(taxonomy),
          territory_(territory),
          pole_id_(pole_id),
          reader_(reader),
          columns_(columns),
          existing_(std::move(existing)),
          now_(clock::now_iso()) {}

    // Stage 1: every line is read and checked, even after a bad one (the report is complete);
    // once a line is bad, no more records are passed on.
    void read_and_check() {
        CheckedBatch batch;
        std::unordered_map<std::string, std::int64_t> seen;
        io::TableRow row;
        while (reader_.next(row)) {
            ++batch.lines;
            check_line(row, seen, batch);
            if (batch.lines == kBatch && !send(batch)) return;
        }
        send(batch);
        checked_.close();
    }

    // Stage 2: codes each batch's records and builds their rows.
    void code() {
        Coder coder(taxonomy_);
        while (auto batch = checked_.pop()) {
            RowBatch rows{{}, {}, 0, 0, batch->bytes_read, batch->lines};
            rows.records.reserve(batch->records.size());
            for (auto& r : batch->records) {
                auto hits = coder.rule_hits(taxonomy_.languages().index_of(r.language), r.input);
                auto codes = merge_codes(hits, r.input, {}, territory_);
                ++(has_need_category(codes) ? rows.coded : rows.uncoded);
                std::int64_t fingerprint = codes_fingerprint(codes);
                rows.codes.add(std::int64_t(rows.records.size()), std::move(codes));
                rows.records.push_back(storage::record_row(0, pole_id_, std::move(r.input),
                                                           r.language, now_, fingerprint));
            }
            if (!coded_.push(std::move(rows))) return;
        }
        coded_.close();
    }

    // Stage 3, on the caller's thread: numbers the rows and writes them, the records as they
    // come and the codes at the end, in their table's key order.
    ImportSummary write(Connection& c, Progress& progress) {
        ImportSummary summary;
        auto records = storage::record_writer(c);
        storage::CodeRows codes;
        store::SetAsideIndexes indexes(c);
        bool sized = false;
        while (auto batch = coded_.pop()) {
            progress.update("importing", batch->bytes_read, reader_.total_bytes());
            if (batch->records.empty()) continue;
            if (!sized) {  // from the first batch, the import's size is known well enough
                sized = true;
                if (at_least_as_large(c, expected_rows(*batch)))
                    indexes.drop({"needs_records", "needs_codes"});
            }
            auto count = std::int64_t(batch->records.size());
            std::int64_t first = storage::reserve_ids(c, "record", count);
            for (std::size_t i = 0; i < batch->records.size(); ++i) {
                batch->records[i][storage::kRecordIdColumn] = first + std::int64_t(i);
                records->add(std::move(batch->records[i]));
            }
            codes.append(std::move(batch->codes), first);
            summary.rows += count;
            summary.coded += batch->coded;
            summary.uncoded += batch->uncoded;
        }
        records->flush();
        codes.write(c, pole_id_);
        indexes.create_all_again();
        return summary;
    }

    void cancel() {
        checked_.cancel();
        coded_.cancel();
    }
    BatchChannel<CheckedBatch>& checked() { return checked_; }
    BatchChannel<RowBatch>& coded() { return coded_; }
    ProblemList& problems() { return problems_; }

  private:
    void check_line(const io::TableRow& row, std::unordered_map<std::string, std::int64_t>& seen,
                    CheckedBatch& batch) {
        if (!row.problem.empty()) {
            problems_.add(io::to_line_problem(row));
            return;
        }
        RecordInput input = columns_.read(row.cells);
        normalise(input, taxonomy_);
        for (auto& p : check_record(input, taxonomy_, territory_))
            problems_.add({row.line, p.field, p.reason});
        if (!input.record_id.empty()) {
            auto [it, fresh] = seen.emplace(input.record_id, row.line);
            if (!fresh)
                problems_.add(
                    {row.line, "record_id",
                     "'" + input.record_id + "' is also on line " + std::to_string(it->second)});
            else if (existing_.count(input.record_id))
                problems_.add(
                    {row.line, "record_id",
                     "'" + input.record_id + "' is already in the pole (imported before)"});
        }
        if (!problems_.empty()) return;
        std::string language = resolve_language(input, taxonomy_, territory_);
        batch.records.push_back({std::move(input), std::move(language)});
    }

    bool send(CheckedBatch& batch) {
        batch.bytes_read = reader_.bytes_read();
        if (!problems_.empty()) batch.records.clear();
        bool sent = checked_.push(std::move(batch));
        batch = CheckedBatch{};
        return sent;
    }

    // The rows the whole file will give, from the first batch's share of its bytes.
    std::size_t expected_rows(const RowBatch& first) const {
        if (!first.bytes_read || !reader_.total_bytes()) return first.records.size();
        return std::size_t(double(first.records.size()) * double(reader_.total_bytes()) /
                           double(first.bytes_read));
    }

    const Taxonomy& taxonomy_;
    const territory::Territory& territory_;
    std::int64_t pole_id_;
    io::TableReader& reader_;
    const RecordColumns& columns_;
    std::unordered_set<std::string> existing_;
    const std::string now_;
    ProblemList problems_;  // stage 1's; read once it has finished
    BatchChannel<CheckedBatch> checked_{kBatchesInFlight};
    BatchChannel<RowBatch> coded_{kBatchesInFlight};
};

}  // namespace

ImportSummary NeedsService::import_records(std::int64_t pole_id,
                                           std::optional<std::int64_t> user_id,
                                           io::TableReader& reader, Progress& progress) {
    std::vector<LineProblem> header_problems;
    RecordColumns columns(reader.header(), header_problems);
    if (!header_problems.empty()) throw ImportRejected(reader.name(), std::move(header_problems));
    ImportSummary summary;
    // Foreign keys unchecked (SQLite checked the record of every code row and the pole of every
    // record): each code refers to a record written just before it in this transaction, and
    // the pole and the user are checked once here.
    database_.write_unchecked([&](Connection& c) {
        accounts::require_pole_and_user(c, pole_id, user_id);
        store::LargeWriteCache cache(c);
        Importer importer(taxonomy_, territory_, pole_id, reader, columns,
                          storage::record_ids(c, pole_id));
        Stage reading([&] { importer.read_and_check(); }, importer.checked(), importer.coded());
        Stage coding([&] { importer.code(); }, importer.checked(), importer.coded());
        try {
            summary = importer.write(c, progress);
        } catch (...) {
            importer.cancel();
            reading.join();
            coding.join();
            throw;
        }
        coding.join();
        reading.rethrow();
        coding.rethrow();
        if (!importer.problems().empty())
            throw ImportRejected(reader.name(), importer.problems().take());
        progress.update("importing", reader.total_bytes(), reader.total_bytes());
        accounts::record_activity(c, pole_id, user_id, "import", "intake_record", std::nullopt,
                                  reader.name() + ": " + std::to_string(summary.rows) + " records");
    });
    database_.refresh_after_bulk_load({"needs_records", "needs_codes"}, summary.rows);
    return summary;
}

}  // namespace maillage::needs
