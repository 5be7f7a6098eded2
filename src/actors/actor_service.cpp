#include "actors/actor_service.hpp"

#include <algorithm>

#include "accounts/account_service.hpp"
#include "accounts/write_checks.hpp"
#include "actors/actor_bulk_insert.hpp"
#include "actors/actor_import_reader.hpp"
#include "actors/actor_store.hpp"
#include "actors/validation.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/large_write_cache.hpp"

namespace maillage::actors {

using store::Connection;

namespace {

constexpr std::int64_t kMaxPerPage = 200;

Error duplicate_of(std::int64_t existing) {
    return Error(ErrorCode::conflict,
                 "an actor with this official identifier is already in the directory (id " +
                     std::to_string(existing) + ")",
                 "siret");
}

// Lines that name an actor already in the directory (by an official identifier) link it to
// the pole; the others create actors.
void write_batch(Connection& c, storage::ActorBulkInsert& created, ImportBatch& batch,
                 std::int64_t pole_id, const std::string& now, ImportSummary& summary) {
    std::vector<const ActorInput*> inputs;
    inputs.reserve(batch.inputs.size());
    for (const auto& input : batch.inputs) inputs.push_back(&input);
    auto existing = created.directory_was_empty()
                        ? std::vector<std::optional<std::int64_t>>(inputs.size())
                        : storage::find_by_identifiers(c, inputs);
    std::vector<bool> fresh(inputs.size());
    std::vector<std::int64_t> members;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (existing[i])
            members.push_back(*existing[i]);
        else
            fresh[i] = true;
    if (!members.empty()) batch.rows.keep_only(fresh);
    summary.linked += std::int64_t(members.size());
    summary.created += std::int64_t(batch.rows.size());
    created.add(std::move(batch.rows));
    // Two lines may name one existing actor (by its SIRET and by its RNA).
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    storage::link_poles(c, members, pole_id, now);
}

}  // namespace

ActorService::ActorService(store::Database& database, const Vocabulary& vocabulary,
                           const territory::Territory& territory)
    : database_(database), vocabulary_(vocabulary), territory_(territory) {}

void ActorService::require_in_pole(Connection& c, std::int64_t id, std::int64_t pole_id) {
    if (storage::in_pole(c, id, pole_id)) return;
    if (c.query("SELECT 1 FROM actors WHERE id = ?", {id}).empty())
        throw Error(ErrorCode::not_found, "no such actor", "id");
    throw Error(ErrorCode::forbidden, "this actor does not belong to your pole");
}

Actor ActorService::create(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                           ActorInput input) {
    reject_if_any(check_actor(input, vocabulary_, territory_));
    auto id = database_.write([&](Connection& c) {
        if (auto existing = storage::find_by_identifier(c, input)) throw duplicate_of(*existing);
        auto id = storage::insert_actor(c, input, territory_);
        storage::link_poles(c, {id}, pole_id, clock::now_iso());
        accounts::record_activity(c, pole_id, user_id, "create", "actor", id, input.name);
        return id;
    });
    return get(id);
}

Actor ActorService::update(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                           ActorInput input) {
    reject_if_any(check_actor(input, vocabulary_, territory_));
    database_.write([&](Connection& c) {
        require_in_pole(c, id, pole_id);
        if (auto existing = storage::find_by_identifier(c, input); existing && *existing != id)
            throw duplicate_of(*existing);
        storage::update_actor(c, id, input, territory_);
        accounts::record_activity(c, pole_id, user_id, "update", "actor", id, input.name);
    });
    return get(id);
}

void ActorService::remove(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        require_in_pole(c, id, pole_id);
        auto name = c.query("SELECT name FROM actors WHERE id = ?", {id})[0].text(0);
        storage::unlink_pole(c, id, pole_id);
        c.execute("DELETE FROM contacts WHERE actor_id = ? AND pole_id = ?", {id, pole_id});
        if (storage::pole_count(c, id) == 0) storage::delete_actor(c, id);
        accounts::record_activity(c, pole_id, user_id, "delete", "actor", id, name);
    });
}

Actor ActorService::get(std::int64_t id) {
    auto found = database_.read(
        [&](Connection& c) { return storage::load(c, {id}, vocabulary_, territory_); });
    if (found.empty()) throw Error(ErrorCode::not_found, "no such actor", "id");
    return std::move(found.front());
}

ActorPage ActorService::search(ActorFilter filter) {
    if (filter.page < 1) throw invalid("page", "must be 1 or more");
    if (filter.per_page < 1 || filter.per_page > kMaxPerPage)
        throw invalid("per_page", "must be from 1 to " + std::to_string(kMaxPerPage));
    if (filter.radius_km && !filter.commune) throw invalid("commune", "is required with radius_km");
    return database_.read([&](Connection& c) {
        auto matches = storage::search(c, filter, vocabulary_, territory_);
        ActorPage page{storage::load(c, matches.ids, vocabulary_, territory_), matches.total,
                       filter.page, filter.per_page};
        for (std::size_t i = 0; i < matches.distances_km.size() && i < page.items.size(); ++i)
            page.items[i].distance_km = matches.distances_km[i];
        return page;
    });
}

void ActorService::for_each_in_pole(std::int64_t pole_id,
                                    const std::function<void(const Actor&)>& visit) {
    // One ordered id list, then full rows a chunk at a time: linear in the pole's size.
    auto ids = database_.read([&](Connection& c) { return storage::pole_actor_ids(c, pole_id); });
    for (std::size_t first = 0; first < ids.size(); first += std::size_t(kMaxPerPage)) {
        std::vector<std::int64_t> chunk(
            ids.begin() + std::ptrdiff_t(first),
            ids.begin() + std::ptrdiff_t(std::min(ids.size(), first + std::size_t(kMaxPerPage))));
        auto actors = database_.read(
            [&](Connection& c) { return storage::load(c, chunk, vocabulary_, territory_); });
        for (const auto& actor : actors) visit(actor);
    }
}

ImportSummary ActorService::import_table(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                         io::TableReader& reader, Progress& progress) {
    const auto now = clock::now_iso();  // one creation time for the whole import
    // The file is read and checked on a second thread while this one writes what is read:
    // speculatively, since a bad line anywhere rejects the file. Then nothing more is written
    // and the transaction is rolled back, once every line has been checked for the report.
    ActorImportReader reading(reader, vocabulary_, territory_, now);
    ImportSummary summary;
    // Foreign keys unchecked (on SQLite, a check per name word and per pole link was 0.7 s of
    // 100,000 rows): every reference written here holds by construction. Words and pole links
    // name actors this transaction creates or has just found by identifier (BEGIN IMMEDIATE:
    // no other writer can delete them meanwhile), and the pole and user are checked once below.
    database_.write_unchecked([&](Connection& c) {
        accounts::require_pole_and_user(c, pole_id, user_id);
        store::LargeWriteCache cache(c);
        storage::ActorBulkInsert created(c, pole_id, now);
        while (auto batch = reading.next()) {
            if (batch->clean) write_batch(c, created, *batch, pole_id, now, summary);
            progress.update("importing", batch->bytes_read, reader.total_bytes());
        }
        if (auto problems = reading.take_problems(); !problems.empty())
            throw ImportRejected(reader.name(), std::move(problems));
        summary.rows = std::int64_t(reading.rows());
        created.finish();
        accounts::record_activity(c, pole_id, user_id, "import", "actor", std::nullopt,
                                  reader.name() + ": " + std::to_string(summary.created) +
                                      " created, " + std::to_string(summary.linked) + " linked");
    });
    // Right after a large import PostgreSQL's statistics describe the empty tables, and
    // searches pick nested loops over the whole word index: 29 ms instead of 1 ms for a radius
    // search on 100,000 actors.
    database_.refresh_after_bulk_load({"actors", "actor_words", "actor_poles"}, summary.created);
    progress.update("importing", reader.total_bytes(), reader.total_bytes());
    return summary;
}

std::vector<Contact> ActorService::contacts(std::int64_t pole_id, std::int64_t user_id,
                                            std::int64_t actor_id) {
    return database_.write([&](Connection& c) {
        accounts::record_access(c, pole_id, user_id, "read", "contacts_of_actor", actor_id);
        return storage::contacts_of(c, pole_id, actor_id);
    });
}

Contact ActorService::add_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t actor_id,
                                  ContactInput input) {
    reject_if_any(check_contact(input));
    return database_.write([&](Connection& c) {
        require_in_pole(c, actor_id, pole_id);
        auto id = storage::insert_contact(c, pole_id, actor_id, input);
        accounts::record_activity(c, pole_id, user_id, "create", "contact", id, input.name);
        return *storage::contact(c, pole_id, id);
    });
}

Contact ActorService::update_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                     ContactInput input) {
    reject_if_any(check_contact(input));
    return database_.write([&](Connection& c) {
        if (!storage::update_contact(c, pole_id, id, input))
            throw Error(ErrorCode::not_found, "no such contact in this pole", "id");
        accounts::record_activity(c, pole_id, user_id, "update", "contact", id, input.name);
        return *storage::contact(c, pole_id, id);
    });
}

void ActorService::remove_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_contact(c, pole_id, id))
            throw Error(ErrorCode::not_found, "no such contact in this pole", "id");
        accounts::record_activity(c, pole_id, user_id, "delete", "contact", id, "");
    });
}

ActorService::PoleCounts ActorService::counts(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        return PoleCounts{storage::count_actors(c, pole_id), storage::count_contacts(c, pole_id)};
    });
}

}  // namespace maillage::actors
