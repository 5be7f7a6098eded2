#pragma once
// How an actor is written as table rows, shared by the actor store (one actor or a batch) and
// the bulk import: the writable columns and their values, the name words, multi-row INSERTs.
#include <cstdint>
#include <string>
#include <string_view>

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

// Appends (word, id) for each distinct word of the folded name, in the name's order: the
// rows of `actor_words`.
void append_words(store::Params& out, std::int64_t id, const std::string& name_folded);

// Multi-row statements take at most this many rows, and a batch is cut into chunks of these
// sizes, so that whatever the number of rows only a few distinct statements are prepared
// (each is cached per connection). One statement per row cost most of a bulk import.
inline constexpr std::size_t kChunkRows[] = {256, 64, 16, 4, 1};

// `insert` ("INSERT INTO t (a, b)") VALUES the rows of `values` (`columns` per row) `tail`.
void insert_rows(store::Connection& c, std::string_view insert, std::size_t columns,
                 store::Params values, std::string_view tail = {});

}  // namespace maillage::actors::storage
