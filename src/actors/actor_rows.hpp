#pragma once
// How an actor is written as table rows, shared by the actor store (one actor or a batch) and
// the bulk import: the writable columns and their values, the name words, multi-row INSERTs.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/model.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::actors::storage {

// The latitude band of migration 0005: radius searches read one index range per band.
std::int64_t latitude_band(double lat);

// The 23 writable columns of `actors`, in the order append_writable_values() gives them.
extern const char* const kWritableColumns;
inline constexpr std::size_t kWritableCount = 23;

// Appends the values of the writable columns. `name_folded` is text::fold(a.name), computed
// once by the caller (it is also split into the name's words).
void append_writable_values(store::Params& out, const ActorInput& a, const std::string& name_folded,
                            const territory::Territory& territory);

// The distinct words of a name folded by text::fold, in the name's order: text::words(name)
// without folding it a second time.
std::vector<std::string> name_words(const std::string& name_folded);

// Appends (word, id) for each distinct word of the folded name, in the name's order: the
// rows of `actor_words`.
void append_words(store::Params& out, std::int64_t id, const std::string& name_folded);

// New actors encoded as rows of `actors` (kNewActorColumns values each: the id, null until
// insert_actors() gives it, the writable columns, created_at and updated_at) with each one's
// name words. An import encodes them on its reading thread.
inline constexpr std::size_t kNewActorColumns = kWritableCount + 3;
struct NewActors {
    store::Params values;
    std::vector<std::vector<std::string>> words;

    std::size_t size() const { return words.size(); }
    // Folds the name once, for `name_folded` and the words.
    void add(const ActorInput& a, const territory::Territory& territory, const std::string& now);
    // Keeps the rows whose `keep` is true, in order.
    void keep_only(const std::vector<bool>& keep);
};

// "INSERT INTO actors (id, <writable columns>, created_at, updated_at)"
std::string insert_new_actors_sql();

// A row of `actor_words`, held back by a bulk import to be written in key order.
struct NameWord {
    std::string word;
    std::int64_t actor_id;
};

// Multi-row statements take at most this many rows, and a batch is cut into chunks of these
// sizes, so that whatever the number of rows only a few distinct statements are prepared
// (each is cached per connection). One statement per row cost most of a bulk import.
inline constexpr std::size_t kChunkRows[] = {256, 64, 16, 4, 1};

// `insert` ("INSERT INTO t (a, b)") VALUES the rows of `values` (`columns` per row) `tail`.
void insert_rows(store::Connection& c, std::string_view insert, std::size_t columns,
                 store::Params values, std::string_view tail = {});

}  // namespace maillage::actors::storage
