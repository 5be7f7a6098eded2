#include "actors/actor_store.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "actors/actor_rows.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::actors::storage {

using store::nullable;
using store::Params;
using store::Row;

namespace {

// An actor's columns (as actor_from reads them), then one of its poles: the page of a search
// is read by one statement.
constexpr const char* kActorWithPoleColumns =
    "a.id, a.name, a.kind, a.legal_form, a.is_public, a.siren, a.siret, a.rna, a.it_tax_code, "
    "a.level, a.nature, a.naf, a.commune, a.lat, a.lon, a.address, a.headcount, a.fte, "
    "a.website, a.email, a.phone, a.description, a.created_at, a.updated_at, p.id, p.slug, "
    "p.name";
constexpr std::size_t kPoleColumn = 24;

// A larger box reads one index range for all its bands (radius beyond about 150 km).
constexpr std::int64_t kMostBandSeeks = 32;

// Ids for `count` new actors. SQLite: after the largest, as SQLite itself would number them
// (the caller's write transaction excludes other writers). PostgreSQL: from the identity
// sequence, so that other sessions' inserts never collide.
std::vector<std::int64_t> allocate_actor_ids(Connection& c, std::size_t count) {
    std::vector<std::int64_t> ids;
    ids.reserve(count);
    if (c.dialect() == store::Dialect::sqlite) {
        auto last = c.query("SELECT COALESCE(MAX(id), 0) FROM actors")[0].integer(0);
        for (std::size_t i = 1; i <= count; ++i) ids.push_back(last + std::int64_t(i));
        return ids;
    }
    for (const auto& r : c.query("SELECT nextval(pg_get_serial_sequence('actors', 'id')) FROM "
                                 "generate_series(1, CAST(? AS INTEGER))",
                                 {std::int64_t(count)}))
        ids.push_back(r.integer(0));
    std::sort(ids.begin(), ids.end());
    return ids;
}

void insert_words(Connection& c, Params words) {
    insert_rows(c, "INSERT INTO actor_words (word, actor_id)", 2, std::move(words));
}

// The row is read once: its strings are moved into the actor.
Actor actor_from(Row& r, const Vocabulary& vocabulary, const territory::Territory& territory) {
    Actor a;
    a.id = r.integer(0);
    a.name = r.take_text(1);
    a.kind = r.take_text(2);
    a.legal_form = r.take_optional_text(3);
    if (!r.is_null(4)) a.is_public = r.integer(4) != 0;
    a.siren = r.take_optional_text(5);
    a.siret = r.take_optional_text(6);
    a.rna = r.take_optional_text(7);
    a.it_tax_code = r.take_optional_text(8);
    a.level = r.take_optional_text(9);
    a.nature = r.take_optional_text(10);
    a.naf = r.take_optional_text(11);
    a.commune = r.take_optional_text(12);
    a.lat = r.optional_real(13);
    a.lon = r.optional_real(14);
    a.address = r.take_optional_text(15);
    a.headcount = r.optional_integer(16);
    a.fte = r.optional_real(17);
    a.website = r.take_optional_text(18);
    a.email = r.take_optional_text(19);
    a.phone = r.take_optional_text(20);
    a.description = r.take_optional_text(21);
    a.created_at = r.take_text(22);
    a.updated_at = r.take_text(23);
    a.family = vocabulary.family("actor_kind", a.kind);
    if (a.commune)
        if (const auto* commune = territory.commune(*a.commune)) a.commune_name = commune->name;
    return a;
}

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

// How the text and pole filters are tested. Driving: the word index picks the candidates
// (best when nothing else narrows the search). Probing: each candidate of a radius search's
// bounding box, already few, is tested on its own: its folded name, read from the same index
// entry as its position, and its pole link by primary key.
enum class Filtering { driving, probing };

// The WHERE clause shared by counting, paging and radius searches.
void add_conditions(const ActorFilter& f, const Vocabulary& vocabulary, Filtering filtering,
                    std::string& where, Params& params) {
    auto equal = [&](const char* column, const std::optional<std::string>& value) {
        if (!value) return;
        where += std::string(" AND a.") + column + " = ?";
        params.push_back(*value);
    };
    if (f.pole_id) {
        where += filtering == Filtering::driving
                     ? " AND a.id IN (SELECT ap.actor_id FROM actor_poles ap WHERE ap.pole_id = ?)"
                     : " AND EXISTS (SELECT 1 FROM actor_poles ap WHERE ap.actor_id = a.id AND "
                       "ap.pole_id = ?)";
        params.push_back(*f.pole_id);
    }
    equal("kind", f.kind);
    equal("legal_form", f.legal_form);
    equal("level", f.level);
    equal("nature", f.nature);
    if (f.family) {
        auto kinds = vocabulary.members_of_family("actor_kind", *f.family);
        if (kinds.empty()) kinds.push_back(*f.family);
        where += " AND a.kind IN (" + placeholders(kinds.size()) + ")";
        for (auto& k : kinds) params.push_back(k);
    }
    if (f.naf_prefix) {
        where += " AND a.naf >= ? AND a.naf < ?";
        params.push_back(*f.naf_prefix);
        params.push_back(text::prefix_successor(*f.naf_prefix));
    }
    if (f.text) {
        for (const auto& word : text::words(*f.text)) {
            if (filtering == Filtering::probing) {
                // A name word starting with `word` begins the folded name or follows one of
                // its spaces. Folded words hold only letters, digits and non-ASCII bytes: never
                // a LIKE wildcard. The patterns are expressions, not bare parameters: SQLite
                // recompiles a statement whenever the value bound to a LIKE pattern changes.
                where +=
                    " AND (a.name_folded LIKE (? || '%') OR a.name_folded LIKE ('% ' || ? || "
                    "'%'))";
                params.push_back(word);
                params.push_back(word);
                continue;
            }
            where +=
                " AND a.id IN (SELECT w.actor_id FROM actor_words w WHERE w.word >= ? AND "
                "w.word < ?)";
            params.push_back(word);
            params.push_back(text::prefix_successor(word));
        }
    }
}

// The bounding box: the latitude bands it spans, each read for the longitude range. The band
// list is padded to a power of two (repeating the last band, which changes nothing) so that
// few distinct statements are prepared.
void add_box(double lat_min, double lat_max, double lon_min, double lon_max, std::string& where,
             Params& params) {
    auto first = latitude_band(lat_min), last = latitude_band(lat_max);
    if (last - first + 1 > kMostBandSeeks) {
        where += " AND a.lat_band BETWEEN ? AND ?";
        params.push_back(first);
        params.push_back(last);
    } else {
        std::int64_t slots = 1;
        while (slots < last - first + 1) slots *= 2;
        where += " AND a.lat_band IN (" + placeholders(std::size_t(slots)) + ")";
        for (std::int64_t i = 0; i < slots; ++i) params.push_back(std::min(first + i, last));
    }
    where += " AND a.lon BETWEEN ? AND ? AND a.lat BETWEEN ? AND ?";
    for (double v : {lon_min, lon_max, lat_min, lat_max}) params.push_back(v);
}

Matches radius_search(Connection& c, const ActorFilter& f, const territory::Commune& centre,
                      std::string where, Params params) {
    double radius = *f.radius_km;
    double dlat = radius / 111.2;
    double dlon = radius / (111.2 * std::max(0.05, std::cos(centre.lat * M_PI / 180.0)));
    add_box(centre.lat - dlat, centre.lat + dlat, centre.lon - dlon, centre.lon + dlon, where,
            params);
    std::vector<std::pair<double, std::int64_t>> found;
    for (const auto& r : c.query("SELECT a.id, a.lat, a.lon FROM actors a" + where, params)) {
        double d = territory::Territory::distance_km(centre.lat, centre.lon, r.real(1), r.real(2));
        if (d <= radius) found.emplace_back(d, r.integer(0));
    }
    std::sort(found.begin(), found.end());
    Matches matches;
    matches.total = std::int64_t(found.size());
    auto first = std::min<std::size_t>(found.size(), std::size_t((f.page - 1) * f.per_page));
    auto last = std::min<std::size_t>(found.size(), first + std::size_t(f.per_page));
    for (auto i = first; i < last; ++i) {
        matches.ids.push_back(found[i].second);
        matches.distances_km.push_back(found[i].first);
    }
    return matches;
}

// The actors whose `column` (an official identifier) has one of `values`, by value. The IN
// lists are padded to a chunk size (repeating a value changes nothing) so that few distinct
// statements are prepared.
std::unordered_map<std::string, std::int64_t> actors_holding(
    Connection& c, const char* column, const std::vector<std::string>& values) {
    std::unordered_map<std::string, std::int64_t> holders;
    for (std::size_t done = 0; done < values.size();) {
        std::size_t take = std::min(values.size() - done, kChunkRows[0]);
        std::size_t size = kChunkRows[0];  // the smallest chunk size holding `take`
        for (std::size_t chunk : kChunkRows)
            if (chunk >= take) size = chunk;
        Params params;
        for (std::size_t i = 0; i < size; ++i)
            params.push_back(values[done + std::min(i, take - 1)]);
        for (auto& r : c.query(std::string("SELECT id, ") + column + " FROM actors WHERE " +
                                   column + " IN (" + placeholders(size) + ")",
                               params))
            holders.emplace(r.take_text(1), r.integer(0));
        done += take;
    }
    return holders;
}

}  // namespace

std::vector<std::int64_t> insert_actors(Connection& c, NewActors rows,
                                        std::vector<NameWord>* held_words) {
    if (rows.size() == 0) return {};
    auto ids = allocate_actor_ids(c, rows.size());
    Params words;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        rows.values[i * kNewActorColumns] = ids[i];
        for (auto& word : rows.words[i])
            if (held_words) {
                held_words->push_back({std::move(word), ids[i]});
            } else {
                words.emplace_back(std::move(word));
                words.emplace_back(ids[i]);
            }
    }
    insert_rows(c, insert_new_actors_sql(), kNewActorColumns, std::move(rows.values));
    if (!held_words) insert_words(c, std::move(words));
    return ids;
}

std::int64_t insert_actor(Connection& c, const ActorInput& input,
                          const territory::Territory& territory) {
    NewActors row;
    row.add(input, territory, clock::now_iso());
    return insert_actors(c, std::move(row))[0];
}

void update_actor(Connection& c, std::int64_t id, const ActorInput& input,
                  const territory::Territory& territory) {
    auto name_folded = text::fold(input.name);
    Params params;
    append_writable_values(params, input, name_folded, territory);
    params.push_back(clock::now_iso());
    params.push_back(id);
    c.execute(
        "UPDATE actors SET name = ?, name_folded = ?, kind = ?, legal_form = ?, is_public = ?, "
        "siren = ?, siret = ?, rna = ?, it_tax_code = ?, level = ?, nature = ?, naf = ?, "
        "commune = ?, lat = ?, lon = ?, lat_band = ?, address = ?, headcount = ?, fte = ?, "
        "website = ?, email = ?, phone = ?, description = ?, updated_at = ? WHERE id = ?",
        params);
    c.execute("DELETE FROM actor_words WHERE actor_id = ?", {id});
    Params words;
    append_words(words, id, name_folded);
    insert_words(c, std::move(words));
}

void delete_actor(Connection& c, std::int64_t id) {
    c.execute("DELETE FROM actors WHERE id = ?", {id});
}

void link_poles(Connection& c, const std::vector<std::int64_t>& actor_ids, std::int64_t pole_id,
                const std::string& now) {
    Params links;
    links.reserve(actor_ids.size() * 3);
    for (auto id : actor_ids) {
        links.push_back(id);
        links.push_back(pole_id);
        links.push_back(now);
    }
    insert_rows(c, "INSERT INTO actor_poles (actor_id, pole_id, added_at)", 3, std::move(links),
                " ON CONFLICT (actor_id, pole_id) DO NOTHING");
}

void unlink_pole(Connection& c, std::int64_t actor_id, std::int64_t pole_id) {
    c.execute("DELETE FROM actor_poles WHERE actor_id = ? AND pole_id = ?", {actor_id, pole_id});
}

bool in_pole(Connection& c, std::int64_t actor_id, std::int64_t pole_id) {
    return !c.query("SELECT 1 FROM actor_poles WHERE actor_id = ? AND pole_id = ?",
                    {actor_id, pole_id})
                .empty();
}

std::int64_t pole_count(Connection& c, std::int64_t actor_id) {
    return c.query("SELECT COUNT(*) FROM actor_poles WHERE actor_id = ?", {actor_id})[0].integer(0);
}

std::vector<std::optional<std::int64_t>> find_by_identifiers(
    Connection& c, const std::vector<const ActorInput*>& inputs) {
    using Identifier = std::optional<std::string> ActorInput::*;
    // In order of precedence: an input matching actors by two identifiers gets the first.
    const std::pair<const char*, Identifier> keys[] = {{"siret", &ActorInput::siret},
                                                       {"rna", &ActorInput::rna},
                                                       {"it_tax_code", &ActorInput::it_tax_code}};
    std::vector<std::optional<std::int64_t>> found(inputs.size());
    for (const auto& [column, member] : keys) {
        std::vector<std::string> values;
        for (const auto* input : inputs)
            if (input->*member) values.push_back(*(input->*member));
        auto holders = actors_holding(c, column, values);
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (!found[i] && inputs[i]->*member)
                if (auto it = holders.find(*(inputs[i]->*member)); it != holders.end())
                    found[i] = it->second;
    }
    return found;
}

std::optional<std::int64_t> find_by_identifier(Connection& c, const ActorInput& input) {
    return find_by_identifiers(c, {&input})[0];
}

std::vector<Actor> load(Connection& c, const std::vector<std::int64_t>& ids,
                        const Vocabulary& vocabulary, const territory::Territory& territory) {
    if (ids.empty()) return {};
    Params params(ids.begin(), ids.end());
    // Each actor goes straight to its place in `ids`.
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], i);
    std::vector<std::optional<Actor>> slots(ids.size());
    // One row per actor and pole (an actor is in one pole or a few): one statement, one round
    // trip on PostgreSQL, instead of one for the actors and one for their poles.
    for (auto& r : c.query(std::string("SELECT ") + kActorWithPoleColumns +
                               " FROM actors a LEFT JOIN actor_poles ap ON ap.actor_id = a.id "
                               "LEFT JOIN poles p ON p.id = ap.pole_id WHERE a.id IN (" +
                               placeholders(ids.size()) + ")",
                           params)) {
        auto& slot = slots[position.at(r.integer(0))];
        if (!slot) slot = actor_from(r, vocabulary, territory);
        if (!r.is_null(kPoleColumn))
            slot->poles.push_back({r.integer(kPoleColumn), r.take_text(kPoleColumn + 1),
                                   r.take_text(kPoleColumn + 2)});
    }
    // Sorted here rather than by the statement: an ORDER BY cost SQLite a temporary B-tree for
    // each page.
    std::vector<Actor> ordered;
    ordered.reserve(ids.size());
    for (auto& slot : slots)
        if (slot) {
            std::sort(slot->poles.begin(), slot->poles.end(), [](const auto& x, const auto& y) {
                return std::tie(x.name, x.id) < std::tie(y.name, y.id);
            });
            ordered.push_back(std::move(*slot));
        }
    return ordered;
}

Matches search(Connection& c, const ActorFilter& f, const Vocabulary& vocabulary,
               const territory::Territory& territory) {
    const territory::Commune* centre = f.commune ? territory.commune(*f.commune) : nullptr;
    if (f.commune && !centre) throw invalid("commune", "unknown commune code '" + *f.commune + "'");
    bool around = centre && f.radius_km;
    std::string where = " WHERE 1 = 1";
    Params params;
    add_conditions(f, vocabulary, around ? Filtering::probing : Filtering::driving, where, params);
    if (around) return radius_search(c, f, *centre, where, params);
    if (centre) {
        where += " AND a.commune = ?";
        params.push_back(*f.commune);
    }
    Matches matches;
    matches.total = c.query("SELECT COUNT(*) FROM actors a" + where, params)[0].integer(0);
    params.push_back(f.per_page);
    params.push_back((f.page - 1) * f.per_page);
    for (const auto& r : c.query(
             "SELECT a.id FROM actors a" + where + " ORDER BY a.name_folded, a.id LIMIT ? OFFSET ?",
             params))
        matches.ids.push_back(r.integer(0));
    return matches;
}

std::int64_t insert_contact(Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                            const ContactInput& input) {
    return c
        .query(
            "INSERT INTO contacts (pole_id, actor_id, name, function, email, phone, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {pole_id, actor_id, input.name, nullable(input.function), nullable(input.email),
             nullable(input.phone), clock::now_iso()})[0]
        .integer(0);
}

bool update_contact(Connection& c, std::int64_t pole_id, std::int64_t id,
                    const ContactInput& input) {
    return c.execute(
               "UPDATE contacts SET name = ?, function = ?, email = ?, phone = ? WHERE id = ? "
               "AND pole_id = ?",
               {input.name, nullable(input.function), nullable(input.email), nullable(input.phone),
                id, pole_id}) > 0;
}

bool delete_contact(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM contacts WHERE id = ? AND pole_id = ?", {id, pole_id}) > 0;
}

namespace {
Contact contact_from(const Row& r) {
    Contact contact;
    contact.id = r.integer(0);
    contact.actor_id = r.integer(1);
    contact.name = r.text(2);
    contact.function = r.optional_text(3);
    contact.email = r.optional_text(4);
    contact.phone = r.optional_text(5);
    return contact;
}
}  // namespace

std::vector<Contact> contacts_of(Connection& c, std::int64_t pole_id, std::int64_t actor_id) {
    std::vector<Contact> contacts;
    for (const auto& r : c.query("SELECT id, actor_id, name, function, email, phone FROM contacts "
                                 "WHERE pole_id = ? AND actor_id = ? ORDER BY name, id",
                                 {pole_id, actor_id}))
        contacts.push_back(contact_from(r));
    return contacts;
}

std::optional<Contact> contact(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(
        "SELECT id, actor_id, name, function, email, phone FROM contacts WHERE id = ? AND "
        "pole_id = ?",
        {id, pole_id});
    if (rows.empty()) return std::nullopt;
    return contact_from(rows[0]);
}

std::vector<std::int64_t> pole_actor_ids(Connection& c, std::int64_t pole_id) {
    std::vector<std::int64_t> ids;
    for (const auto& r : c.query("SELECT a.id FROM actors a JOIN actor_poles ap ON ap.actor_id = "
                                 "a.id WHERE ap.pole_id = ? ORDER BY a.name_folded, a.id",
                                 {pole_id}))
        ids.push_back(r.integer(0));
    return ids;
}

std::int64_t count_contacts(Connection& c, std::int64_t pole_id) {
    return c.query("SELECT COUNT(*) FROM contacts WHERE pole_id = ?", {pole_id})[0].integer(0);
}

std::int64_t count_actors(Connection& c, std::int64_t pole_id) {
    return c.query("SELECT COUNT(*) FROM actor_poles WHERE pole_id = ?", {pole_id})[0].integer(0);
}

}  // namespace maillage::actors::storage
