#include "actors/actor_import_reader.hpp"

#include <unordered_map>

#include "actors/actor_table.hpp"
#include "actors/validation.hpp"

namespace maillage::actors {

namespace {

// Lines per batch: the writer looks identifiers up and inserts a batch at a time, in a few
// multi-row statements instead of four statements per line (the per-statement cost was most
// of an import on SQLite, and the round trips nearly all of it on PostgreSQL). Batches read
// ahead at most: memory stays bounded whatever the file's size.
constexpr std::size_t kBatchLines = 256;
constexpr std::size_t kBatchesAhead = 16;

}  // namespace

ActorImportReader::ActorImportReader(io::TableReader& reader, const Vocabulary& vocabulary,
                                     const territory::Territory& territory, std::string now)
    : reader_(reader),
      vocabulary_(vocabulary),
      territory_(territory),
      now_(std::move(now)),
      thread_([this] { read_all(); }) {}

ActorImportReader::~ActorImportReader() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

std::optional<ImportBatch> ActorImportReader::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (!ready_.empty()) {
        auto batch = std::move(ready_.front());
        ready_.pop_front();
        lock.unlock();
        changed_.notify_all();
        return batch;
    }
    if (failure_) std::rethrow_exception(failure_);
    return std::nullopt;
}

void ActorImportReader::read_all() {
    try {
        read_lines();
    } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
    }
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    changed_.notify_all();
}

// Waits for room (or for the import to stop: the batch is then dropped).
void ActorImportReader::push(ImportBatch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < kBatchesAhead || stop_; });
    if (stop_) return;
    ready_.push_back(std::move(batch));
    lock.unlock();
    changed_.notify_all();
}

void ActorImportReader::read_lines() {
    ColumnMap columns(reader_.header(), problems_);
    std::unordered_map<std::string, std::int64_t> seen_identifiers;
    io::TableRow row;
    ImportBatch batch;
    auto stopped = [&] {
        std::lock_guard lock(mutex_);
        return stop_;
    };
    while (reader_.next(row)) {
        if (!row.problem.empty()) {
            problems_.push_back(io::to_line_problem(row));
            continue;
        }
        ActorInput input = columns.read(row.cells, row.line, problems_);
        for (auto& p : check_actor(input, vocabulary_, territory_))
            problems_.push_back({row.line, p.field, p.reason});
        for (auto [field, value] : {std::pair{"siret", &input.siret},
                                    {"rna", &input.rna},
                                    {"it_tax_code", &input.it_tax_code}}) {
            if (!*value) continue;
            auto [it, fresh] = seen_identifiers.emplace(std::string(field) + *(*value), row.line);
            if (!fresh)
                problems_.push_back(
                    {row.line, field, "same value as line " + std::to_string(it->second)});
        }
        ++rows_;
        // A rejected file needs no more encoding: only its problems.
        if (problems_.empty()) batch.rows.add(input, territory_, now_);
        batch.inputs.push_back(std::move(input));
        if (batch.inputs.size() == kBatchLines) {
            if (stopped()) return;
            batch.clean = problems_.empty();
            batch.bytes_read = reader_.bytes_read();
            push(std::exchange(batch, {}));
        }
    }
    if (!batch.inputs.empty()) {
        batch.clean = problems_.empty();
        batch.bytes_read = reader_.bytes_read();
        push(std::move(batch));
    }
}

}  // namespace maillage::actors
