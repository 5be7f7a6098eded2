#include "actors/actor_import_reader.hpp"

#include <unordered_map>
#include <utility>

#include "actors/actor_table.hpp"
#include "actors/validation.hpp"

namespace maillage::actors {

namespace {

// Lines per batch: the writer looks identifiers up and inserts a batch at a time, in a few
// multi-row statements instead of four statements per line (the per-statement cost was most
// of an import on SQLite, and the round trips nearly all of it on PostgreSQL).
constexpr std::size_t kBatchLines = 256;

}  // namespace

ActorImportReader::ActorImportReader(io::TableReader& reader, const Vocabulary& vocabulary,
                                     const territory::Territory& territory, std::string now)
    : reader_(reader),
      vocabulary_(vocabulary),
      territory_(territory),
      now_(std::move(now)),
      thread_([this] { read_all(); }) {}

ActorImportReader::~ActorImportReader() {
    ready_.cancel();
    thread_.join();
}

std::optional<ImportBatch> ActorImportReader::next() {
    if (auto batch = ready_.pop()) return batch;
    if (failure_) std::rethrow_exception(failure_);
    return std::nullopt;
}

void ActorImportReader::read_all() {
    try {
        read_lines();
    } catch (...) {
        failure_ = std::current_exception();
    }
    ready_.close();
}

// Hands the batch on (waiting for room) and starts the next; false once the import stopped.
bool ActorImportReader::push(ImportBatch& batch) {
    batch.clean = problems_.empty();
    batch.bytes_read = reader_.bytes_read();
    return ready_.push(std::exchange(batch, {}));
}

void ActorImportReader::read_lines() {
    ColumnMap columns(reader_.header(), problems_);
    std::unordered_map<std::string, std::int64_t> seen_identifiers;
    io::TableRow row;
    ImportBatch batch;
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
        if (batch.inputs.size() == kBatchLines && !push(batch)) return;
    }
    if (!batch.inputs.empty()) push(batch);
}

}  // namespace maillage::actors
