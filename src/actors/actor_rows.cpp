#include "actors/actor_rows.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace maillage::actors::storage {

using store::nullable;
using store::Params;

namespace {

constexpr double kBandsPerDegree = 10;

std::string row_placeholders(std::size_t rows, std::size_t columns) {
    std::string one = "(";
    for (std::size_t i = 0; i < columns; ++i) one += i ? ", ?" : "?";
    one += ")";
    std::string all;
    all.reserve(rows * (one.size() + 2));
    for (std::size_t r = 0; r < rows; ++r) {
        if (r) all += ", ";
        all += one;
    }
    return all;
}

}  // namespace

// Same split on spaces, same order, duplicates dropped as text::words.
std::vector<std::string> name_words(const std::string& folded) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        if (std::find(result.begin(), result.end(), word) == result.end())
            result.push_back(std::move(word));
        start = end + 1;
    }
    return result;
}

const char* const kWritableColumns =
    "name, name_folded, kind, legal_form, is_public, siren, siret, rna, it_tax_code, level, "
    "nature, naf, commune, lat, lon, lat_band, address, headcount, fte, website, email, phone, "
    "description";

std::int64_t latitude_band(double lat) {
    return std::int64_t(std::floor(lat * kBandsPerDegree));
}

void append_writable_values(Params& out, const ActorInput& a, const std::string& name_folded,
                            const territory::Territory& territory) {
    const auto* commune = a.commune ? territory.commune(*a.commune) : nullptr;
    auto coordinate = [&](auto value) {
        return commune ? store::Value(value) : store::Value(nullptr);
    };
    for (store::Value value : {store::Value(a.name),
                               store::Value(name_folded),
                               store::Value(a.kind),
                               nullable(a.legal_form),
                               nullable(a.is_public),
                               nullable(a.siren),
                               nullable(a.siret),
                               nullable(a.rna),
                               nullable(a.it_tax_code),
                               nullable(a.level),
                               nullable(a.nature),
                               nullable(a.naf),
                               nullable(a.commune),
                               coordinate(commune ? commune->lat : 0.0),
                               coordinate(commune ? commune->lon : 0.0),
                               coordinate(commune ? latitude_band(commune->lat) : 0),
                               nullable(a.address),
                               nullable(a.headcount),
                               nullable(a.fte),
                               nullable(a.website),
                               nullable(a.email),
                               nullable(a.phone),
                               nullable(a.description)})
        out.push_back(std::move(value));
}

void NewActors::add(const ActorInput& a, const territory::Territory& territory,
                    const std::string& now) {
    auto name_folded = text::fold(a.name);
    values.emplace_back(nullptr);
    append_writable_values(values, a, name_folded, territory);
    values.emplace_back(now);
    values.emplace_back(now);
    words.push_back(name_words(name_folded));
}

void NewActors::keep_only(const std::vector<bool>& keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < size(); ++i) {
        if (!keep[i]) continue;
        if (kept != i) {
            std::move(values.begin() + std::ptrdiff_t(i * kNewActorColumns),
                      values.begin() + std::ptrdiff_t((i + 1) * kNewActorColumns),
                      values.begin() + std::ptrdiff_t(kept * kNewActorColumns));
            words[kept] = std::move(words[i]);
        }
        ++kept;
    }
    values.resize(kept * kNewActorColumns);
    words.resize(kept);
}

std::string insert_new_actors_sql() {
    return std::string("INSERT INTO actors (id, ") + kWritableColumns + ", created_at, updated_at)";
}

void append_words(Params& out, std::int64_t id, const std::string& name_folded) {
    for (auto& word : name_words(name_folded)) {
        out.emplace_back(std::move(word));
        out.emplace_back(id);
    }
}

void insert_rows(store::Connection& c, std::string_view insert, std::size_t columns, Params values,
                 std::string_view tail) {
    std::size_t rows = values.size() / columns, done = 0;
    for (std::size_t chunk : kChunkRows)
        for (; rows - done >= chunk; done += chunk) {
            std::string sql(insert);
            sql += " VALUES ";
            sql += row_placeholders(chunk, columns);
            sql += tail;
            auto first = values.begin() + std::ptrdiff_t(done * columns);
            Params part(std::make_move_iterator(first),
                        std::make_move_iterator(first + std::ptrdiff_t(chunk * columns)));
            c.execute(sql, part);
        }
}

}  // namespace maillage::actors::storage
