#pragma once
// The reading half of an actor import, on a thread of its own: the file is read, each line
// checked and encoded as table rows while the caller writes the batches already read. Two
// cores then share an import that one did in turn (bench/README.md).
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "actors/actor_rows.hpp"
#include "actors/model.hpp"
#include "core/batch_channel.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"
#include "io/table_reader.hpp"
#include "territory/territory.hpp"

namespace maillage::actors {

// Consecutive lines of the file, checked and encoded.
struct ImportBatch {
    std::vector<ActorInput> inputs;
    storage::NewActors rows;  // rows[i] encodes inputs[i]
    // False once any line so far (this batch's included) had a problem: the import will be
    // rejected, so nothing more needs writing.
    bool clean = true;
    std::size_t bytes_read = 0;  // of the file, after the batch's last line
};

class ActorImportReader {
  public:
    // Starts reading at once. `now`: the creation time the rows are encoded with.
    ActorImportReader(io::TableReader& reader, const Vocabulary& vocabulary,
                      const territory::Territory& territory, std::string now);
    // Stops the reading thread (at its next line) if it still runs, and waits for it.
    ~ActorImportReader();
    ActorImportReader(const ActorImportReader&) = delete;
    ActorImportReader& operator=(const ActorImportReader&) = delete;

    // The next batch in file order; nothing once the file is read. Rethrows what made the
    // file unreadable.
    std::optional<ImportBatch> next();
    // Every problem of the file, in line order (header first). Call once next() gave nothing.
    std::vector<LineProblem> take_problems() { return std::move(problems_); }
    std::size_t rows() const { return rows_; }

  private:
    void read_all();
    void read_lines();
    bool push(ImportBatch& batch);

    io::TableReader& reader_;
    const Vocabulary& vocabulary_;
    const territory::Territory& territory_;
    const std::string now_;
    std::vector<LineProblem> problems_;  // the reading thread's until next() gave nothing
    std::size_t rows_ = 0;               // likewise

    // Batches read ahead at most: memory stays bounded whatever the file's size.
    BatchChannel<ImportBatch> ready_{16};
    std::exception_ptr failure_;  // written before ready_ is closed, read after it
    std::thread thread_;          // last: starts once the members above exist
};

}  // namespace maillage::actors
