// Intake records: the form, the list, corrections and the streamed all-or-nothing import.
#include <thread>
#include <unordered_map>

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "needs/coder.hpp"
#include "needs/group_store.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_input.hpp"
#include "needs/record_store.hpp"
#include "needs/record_table.hpp"
#include "store/large_write_cache.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::int64_t kMaxPerPage = 200;
constexpr std::size_t kMaxProblems = 10000;
constexpr std::int64_t kIdBlock = 1000;
constexpr std::size_t kProgressEvery = 1000;

void check_page(std::int64_t page, std::int64_t per_page) {
    if (page < 1) throw invalid("page", "must be 1 or more");
    if (per_page < 1 || per_page > kMaxPerPage)
        throw invalid("per_page", "must be from 1 to " + std::to_string(kMaxPerPage));
}

Error no_record() {
    return Error(ErrorCode::not_found, "no such intake record in this pole", "id");
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

}  // namespace

NeedsService::NeedsService(store::Database& database, const Taxonomy& taxonomy,
                           const territory::Territory& territory)
    : database_(database), taxonomy_(taxonomy), territory_(territory) {}

namespace {

std::vector<RecordCode> code_record(Coder& coder, const Taxonomy& taxonomy,
                                    const territory::Territory& territory, const RecordInput& input,
                                    const std::string& language,
                                    const std::vector<Correction>& corrections) {
    auto hits = coder.rule_hits(taxonomy.languages().index_of(language), input);
    return merge_codes(hits, input, corrections, territory);
}

struct PendingRecord {
    RecordInput input;
    std::string language;
    std::int64_t id = 0;
    std::vector<RecordCode> codes;
};

constexpr std::size_t kCodingBatch = 4096;

// Codes the records of `batch`, split in as many consecutive slices as there are coders.
void code_batch(std::vector<PendingRecord>& batch, std::vector<std::unique_ptr<Coder>>& coders,
                const Taxonomy& taxonomy, const territory::Territory& territory) {
    std::size_t per = (batch.size() + coders.size() - 1) / coders.size();
    auto work = [&](std::size_t t) {
        for (std::size_t i = t * per; i < std::min(batch.size(), (t + 1) * per); ++i)
            batch[i].codes =
                code_record(*coders[t], taxonomy, territory, batch[i].input, batch[i].language, {});
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < coders.size() && t * per < batch.size(); ++t)
        pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
}

Record load_one(Connection& c, std::int64_t pole_id, std::int64_t id,
                const territory::Territory& territory) {
    auto found = storage::load_records(c, pole_id, {id});
    if (found.empty()) throw no_record();
    Record r = std::move(found.front());
    if (r.commune)
        if (const auto* commune = territory.commune(*r.commune)) r.commune_name = commune->name;
    return r;
}

}  // namespace

Record NeedsService::create_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   RecordInput input) {
    normalise(input, taxonomy_);
    reject_if_any(check_record(input, taxonomy_, territory_));
    std::string language = resolve_language(input, taxonomy_, territory_);
    Coder coder(taxonomy_);
    auto codes = code_record(coder, taxonomy_, territory_, input, language, {});
    return database_.write([&](Connection& c) {
        if (storage::find_record(c, pole_id, input.record_id))
            throw Error(ErrorCode::conflict,
                        "record_id '" + input.record_id + "' is already used in this pole",
                        "record_id");
        std::int64_t id = storage::reserve_ids(c, "record", 1);
        auto records = storage::record_writer(c);
        storage::add_record(*records, id, pole_id, input, language, clock::now_iso());
        records->flush();
        storage::replace_codes(c, id, pole_id, codes);
        accounts::record_activity(c, pole_id, user_id, "create", "intake_record", id,
                                  input.record_id);
        return load_one(c, pole_id, id, territory_);
    });
}

Record NeedsService::update_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                   RecordInput input) {
    normalise(input, taxonomy_);
    reject_if_any(check_record(input, taxonomy_, territory_));
    std::string language = resolve_language(input, taxonomy_, territory_);
    Coder coder(taxonomy_);
    return database_.write([&](Connection& c) {
        if (storage::load_records(c, pole_id, {id}).empty()) throw no_record();
        if (auto other = storage::find_record(c, pole_id, input.record_id); other && *other != id)
            throw Error(ErrorCode::conflict,
                        "record_id '" + input.record_id + "' is already used in this pole",
                        "record_id");
        storage::update_record(c, id, input, language, clock::now_iso());
        storage::replace_codes(c, id, pole_id,
                               code_record(coder, taxonomy_, territory_, input, language,
                                           storage::corrections_of(c, id)));
        accounts::record_activity(c, pole_id, user_id, "update", "intake_record", id,
                                  input.record_id);
        return load_one(c, pole_id, id, territory_);
    });
}

void NeedsService::delete_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto found = storage::load_records(c, pole_id, {id});
        if (found.empty()) throw no_record();
        auto group = found.front().group_id;
        storage::delete_record(c, id);
        if (group) storage::shrink_group(c, *group);
        accounts::record_activity(c, pole_id, user_id, "delete", "intake_record", id,
                                  found.front().record_id);
    });
}

Record NeedsService::record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    return database_.write([&](Connection& c) {
        Record r = load_one(c, pole_id, id, territory_);
        accounts::record_access(c, pole_id, user_id, "read", "intake_record", id);
        return r;
    });
}

RecordPage NeedsService::records(std::int64_t pole_id, std::int64_t user_id, RecordFilter filter) {
    check_page(filter.page, filter.per_page);
    return database_.write([&](Connection& c) {
        auto matches = storage::search_records(c, pole_id, filter);
        RecordPage page{storage::load_records(c, pole_id, matches.ids), matches.total, filter.page,
                        filter.per_page};
        for (auto& r : page.items)
            if (r.commune)
                if (const auto* commune = territory_.commune(*r.commune))
                    r.commune_name = commune->name;
        accounts::record_access(c, pole_id, user_id, "list", "intake_records", std::nullopt);
        return page;
    });
}

Record NeedsService::correct_code(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                  CodeKind kind, const std::string& code,
                                  const std::string& action) {
    bool known =
        kind == CodeKind::need ? taxonomy_.category(code) != nullptr : is_naf_section(code);
    if (!known)
        throw invalid("code", "unknown " + std::string(to_string(kind)) + " code '" + code + "'");
    if (action != "add" && action != "remove" && action != "reset")
        throw invalid("action", "must be add, remove or reset");
    Coder coder(taxonomy_);
    return database_.write([&](Connection& c) {
        Record current = load_one(c, pole_id, id, territory_);
        if (action == "reset")
            storage::clear_correction(c, id, kind, code);
        else
            storage::set_correction(c, id, pole_id, {kind, code, action}, user_id,
                                    clock::now_iso());
        storage::replace_codes(
            c, id, pole_id,
            code_record(coder, taxonomy_, territory_, current, current.resolved_language,
                        storage::corrections_of(c, id)));
        accounts::record_activity(c, pole_id, user_id, "correct", "intake_record", id,
                                  current.record_id + ": " + action + " " + code);
        return load_one(c, pole_id, id, territory_);
    });
}

void NeedsService::for_each_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   const std::function<void(const Record&)>& visit) {
    auto ids = database_.write([&](Connection& c) {
        if (user_id)
            accounts::record_access(c, pole_id, *user_id, "export", "intake_records", std::nullopt);
        std::vector<std::int64_t> ids;
        for (const auto& row :
             c.query("SELECT id FROM needs_records WHERE pole_id = ? ORDER BY id", {pole_id}))
            ids.push_back(row.integer(0));
        return ids;
    });
    for (std::size_t first = 0; first < ids.size(); first += std::size_t(kMaxPerPage)) {
        std::vector<std::int64_t> chunk(
            ids.begin() + std::ptrdiff_t(first),
            ids.begin() + std::ptrdiff_t(std::min(ids.size(), first + std::size_t(kMaxPerPage))));
        auto records =
            database_.read([&](Connection& c) { return storage::load_records(c, pole_id, chunk); });
        for (const auto& r : records) visit(r);
    }
}

ImportSummary NeedsService::import_records(std::int64_t pole_id,
                                           std::optional<std::int64_t> user_id,
                                           io::TableReader& reader, Progress& progress) {
    std::vector<LineProblem> header_problems;
    RecordColumns columns(reader.header(), header_problems);
    if (!header_problems.empty()) throw ImportRejected(reader.name(), std::move(header_problems));
    std::vector<std::unique_ptr<Coder>> coders;
    for (unsigned t = 0; t < kWorkThreads; ++t)
        coders.push_back(std::make_unique<Coder>(taxonomy_));
    ImportSummary summary;
    database_.write([&](Connection& c) {
        store::LargeWriteCache cache(c);
        auto existing = storage::record_ids(c, pole_id);
        std::unordered_map<std::string, std::int64_t> seen;
        auto records = storage::record_writer(c);
        auto codes = storage::code_writer(c, records.get());
        ProblemList problems;
        std::int64_t next_id = 0, ids_left = 0;
        const std::string now = clock::now_iso();
        // Valid records are coded in batches on two threads (one Coder each), then written in
        // file order: the result does not depend on the threads.
        std::vector<PendingRecord> batch;
        auto write_batch = [&] {
            code_batch(batch, coders, taxonomy_, territory_);
            for (auto& p : batch) {
                storage::add_record(*records, p.id, pole_id, p.input, p.language, now,
                                    codes_fingerprint(p.codes));
                storage::add_codes(*codes, p.id, pole_id, p.codes);
                ++summary.rows;
                ++(has_need_category(p.codes) ? summary.coded : summary.uncoded);
            }
            batch.clear();
        };
        io::TableRow row;
        std::size_t lines = 0;
        while (reader.next(row)) {
            if (++lines % kProgressEvery == 0)
                progress.update("importing", reader.bytes_read(), reader.total_bytes());
            if (!row.problem.empty()) {
                problems.add(io::to_line_problem(row));
                continue;
            }
            RecordInput input = columns.read(row.cells);
            normalise(input, taxonomy_);
            auto found = check_record(input, taxonomy_, territory_);
            for (auto& p : found) problems.add({row.line, p.field, p.reason});
            if (!input.record_id.empty()) {
                auto [it, fresh] = seen.emplace(input.record_id, row.line);
                if (!fresh)
                    problems.add({row.line, "record_id",
                                  "'" + input.record_id + "' is also on line " +
                                      std::to_string(it->second)});
                else if (existing.count(input.record_id))
                    problems.add(
                        {row.line, "record_id",
                         "'" + input.record_id + "' is already in the pole (imported before)"});
            }
            // Once a line is bad nothing more is written, but every line is still checked.
            if (!problems.empty()) continue;
            if (ids_left == 0) {
                next_id = storage::reserve_ids(c, "record", kIdBlock);
                ids_left = kIdBlock;
            }
            std::int64_t id = next_id++;
            --ids_left;
            std::string language = resolve_language(input, taxonomy_, territory_);
            batch.push_back({std::move(input), std::move(language), id, {}});
            if (batch.size() == kCodingBatch) write_batch();
        }
        if (!problems.empty()) throw ImportRejected(reader.name(), problems.take());
        write_batch();
        codes->flush();
        records->flush();
        progress.update("importing", reader.total_bytes(), reader.total_bytes());
        accounts::record_activity(c, pole_id, user_id, "import", "intake_record", std::nullopt,
                                  reader.name() + ": " + std::to_string(summary.rows) + " records");
    });
    if (summary.rows >= 1000 && database_.dialect() == store::Dialect::postgresql)
        database_.write(
            [](Connection& c) { c.execute_script("ANALYZE needs_records, needs_codes"); });
    return summary;
}

}  // namespace maillage::needs
