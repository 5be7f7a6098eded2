// Proposal groups as counsellors and readers see them, and the counsellors' merges and
// splits; the pole's settings and summary.
#include <algorithm>
#include <functional>
#include <limits>

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "needs/group_store.hpp"
#include "needs/grouping.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_store.hpp"
#include "needs/shingles.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::int64_t kMaxPerPage = 200;
constexpr std::size_t kMaxTitleBytes = 300;

Error no_group() {
    return Error(ErrorCode::not_found, "no such need group in this pole", "id");
}

// Readers who may not read records see no cell smaller than the minimum cell size.
void suppress_small_cells(Group& g, std::int64_t k) {
    std::erase_if(g.communes, [&](const CommuneCount& c) { return c.count < k; });
    std::erase_if(g.categories, [&](const CategoryCount& c) { return c.count < k; });
}

// The names of the communes of a territory, for the groups' lists.
std::function<std::string(const std::string&)> namer(const territory::Territory& territory) {
    return [&territory](const std::string& code) {
        const auto* c = territory.commune(code);
        return c ? c->name : code;
    };
}

}  // namespace

namespace {

// Recomputes a group's representative and size from its members' texts.
void refresh_group(Connection& c, std::int64_t id, bool manual, const Taxonomy& taxonomy,
                   const std::string& now) {
    auto members = storage::group_members(c, id);
    if (members.empty()) {
        storage::delete_group(c, id);
        return;
    }
    std::vector<TextItem> items;
    auto languages = storage::member_languages(c, id);
    for (std::size_t i = 0; i < members.size(); ++i)
        items.push_back({taxonomy.languages().index_of(languages.at(i)), members[i].text});
    auto shingled = shingle_texts(items, taxonomy.languages(), 1, 1);
    std::vector<std::uint32_t> all(members.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    auto rep = representative(shingled.sets, all);
    storage::update_group(c, id, members[rep].id, members[rep].text, std::int64_t(members.size()),
                          manual, now);
}

}  // namespace

GroupPage NeedsService::groups(std::int64_t pole_id, GroupFilter filter, bool reader_sees_records) {
    if (filter.page < 1) throw invalid("page", "must be 1 or more");
    if (filter.per_page < 1 || filter.per_page > kMaxPerPage)
        throw invalid("per_page", "must be from 1 to 200");
    Settings s = settings(pole_id);
    std::int64_t asked = filter.min_size;
    if (!reader_sees_records) filter.min_size = std::max(filter.min_size, s.min_cell_size);
    return database_.read([&](Connection& c) {
        auto matches = storage::search_groups(c, pole_id, filter);
        storage::add_group_details(c, matches.items, namer(territory_));
        GroupPage page{std::move(matches.items), matches.total, filter.page, filter.per_page, 0};
        if (!reader_sees_records) {
            for (auto& g : page.items) suppress_small_cells(g, s.min_cell_size);
            // Groups the reader asked for but may not see, because they are too small.
            if (filter.min_size > asked) {
                GroupFilter small = filter;
                small.min_size = asked;
                page.hidden = storage::search_groups(c, pole_id, small).total - page.total;
            }
        }
        return page;
    });
}

Group NeedsService::group(std::int64_t pole_id, std::int64_t id, bool reader_sees_records) {
    Settings s = settings(pole_id);
    return database_.read([&](Connection& c) {
        auto g = storage::load_group(c, pole_id, id);
        if (!g) throw no_group();
        if (!reader_sees_records && g->size < s.min_cell_size)
            throw Error(ErrorCode::not_found,
                        "this need group has fewer records than the minimum cell size", "id");
        std::vector<Group> one{*g};
        storage::add_group_details(c, one, namer(territory_));
        if (!reader_sees_records) suppress_small_cells(one.front(), s.min_cell_size);
        return one.front();
    });
}

std::vector<GroupMember> NeedsService::group_members(std::int64_t pole_id, std::int64_t user_id,
                                                     std::int64_t id) {
    return database_.write([&](Connection& c) {
        if (!storage::load_group(c, pole_id, id)) throw no_group();
        accounts::record_access(c, pole_id, user_id, "read", "need_group_members", id);
        return storage::group_members(c, id);
    });
}

void NeedsService::for_each_group(
    std::int64_t pole_id,
    const std::function<void(const Group&, const std::vector<std::string>&)>& visit) {
    database_.read([&](Connection& c) {
        GroupFilter all;
        all.per_page = std::numeric_limits<std::int64_t>::max() / 2;
        auto matches = storage::search_groups(c, pole_id, all);
        std::map<std::int64_t, std::vector<std::string>> records;
        for (const auto& row :
             c.query("SELECT m.group_id, r.record_id FROM needs_group_members m JOIN "
                     "needs_records r ON r.id = m.record WHERE m.pole_id = ? ORDER BY "
                     "m.group_id, r.id",
                     {pole_id}))
            records[row.integer(0)].push_back(row.text(1));
        for (const auto& g : matches.items) visit(g, records[g.id]);
    });
}

Group NeedsService::merge_groups(std::int64_t pole_id, std::int64_t user_id,
                                 std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() < 2) throw invalid("groups", "choose at least two groups to merge");
    std::int64_t target = database_.write([&](Connection& c) {
        std::vector<Group> found;
        for (auto id : ids) {
            auto g = storage::load_group(c, pole_id, id);
            if (!g) throw no_group();
            found.push_back(*g);
        }
        // The largest group keeps its id (and its place in calls and pathways).
        auto largest =
            std::max_element(found.begin(), found.end(), [](const Group& a, const Group& b) {
                return a.size != b.size ? a.size < b.size : a.id > b.id;
            });
        std::int64_t into = largest->id;
        Decision decision{0, "merge", {}, user_id, clock::now_iso()};
        for (const auto& g : found) {
            auto records = storage::member_ids(c, g.id);
            for (const auto& m : storage::group_members(c, g.id))
                decision.records.push_back(m.record_id);
            if (g.id == into) continue;
            storage::move_members(c, records, into, pole_id);
            storage::delete_group(c, g.id);
        }
        refresh_group(c, into, true, taxonomy_, decision.at);
        storage::add_decision(c, pole_id, decision);
        accounts::record_activity(c, pole_id, user_id, "merge", "need_group", into,
                                  std::to_string(found.size()) + " groups merged");
        return into;
    });
    return group(pole_id, target, true);
}

std::vector<Group> NeedsService::split_group(std::int64_t pole_id, std::int64_t user_id,
                                             std::int64_t id, std::vector<std::string> record_ids) {
    std::sort(record_ids.begin(), record_ids.end());
    record_ids.erase(std::unique(record_ids.begin(), record_ids.end()), record_ids.end());
    if (record_ids.empty()) throw invalid("records", "choose the records to take out of the group");
    std::int64_t fresh = database_.write([&](Connection& c) {
        if (!storage::load_group(c, pole_id, id)) throw no_group();
        auto members = storage::group_members(c, id);
        std::vector<std::int64_t> moving;
        for (const auto& r : record_ids) {
            auto m = std::find_if(members.begin(), members.end(),
                                  [&](const GroupMember& x) { return x.record_id == r; });
            if (m == members.end())
                throw invalid("records", "record '" + r + "' is not in this group");
            moving.push_back(m->id);
        }
        if (moving.size() == members.size())
            throw invalid("records", "leave at least one record in the group");
        std::string now = clock::now_iso();
        std::int64_t new_id = storage::reserve_ids(c, "group", 1);
        auto groups = storage::group_writer(c);
        storage::add_group(*groups, new_id, pole_id, moving.front(), "", std::nullopt,
                           std::int64_t(moving.size()), true, now, now);
        groups->flush();
        storage::move_members(c, moving, new_id, pole_id);
        refresh_group(c, id, true, taxonomy_, now);
        refresh_group(c, new_id, true, taxonomy_, now);
        storage::add_decision(c, pole_id, {0, "split", record_ids, user_id, now});
        accounts::record_activity(
            c, pole_id, user_id, "split", "need_group", id,
            std::to_string(moving.size()) + " records into group " + std::to_string(new_id));
        return new_id;
    });
    return {group(pole_id, id, true), group(pole_id, fresh, true)};
}

Group NeedsService::rename_group(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                 std::optional<std::string> title) {
    if (title) {
        *title = text::trim(*title);
        if (title->empty()) title.reset();
    }
    if (title && title->size() > kMaxTitleBytes) throw invalid("title", "is longer than 300 bytes");
    database_.write([&](Connection& c) {
        if (!storage::load_group(c, pole_id, id)) throw no_group();
        storage::set_group_title(c, id, title, clock::now_iso());
        accounts::record_activity(c, pole_id, user_id, "rename", "need_group", id,
                                  title.value_or("(representative text)"));
    });
    return group(pole_id, id, true);
}

std::vector<Decision> NeedsService::decisions(std::int64_t pole_id) {
    return database_.read([&](Connection& c) { return storage::decisions(c, pole_id); });
}

void NeedsService::undo_decision(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        if (!storage::delete_decision(c, pole_id, id))
            throw Error(ErrorCode::not_found, "no such decision in this pole", "id");
        accounts::record_activity(c, pole_id, user_id, "undo", "need_decision", id, "");
    });
}

Settings NeedsService::settings(std::int64_t pole_id) {
    auto stored =
        database_.read([&](Connection& c) { return storage::stored_settings(c, pole_id); });
    return stored.value_or(taxonomy_.default_settings());
}

Settings NeedsService::update_settings(std::int64_t pole_id, std::int64_t user_id, Settings s) {
    check_settings(s);
    database_.write([&](Connection& c) {
        storage::store_settings(c, pole_id, s, clock::now_iso());
        accounts::record_activity(c, pole_id, user_id, "update", "needs_settings", std::nullopt,
                                  "minimum cell " + std::to_string(s.min_cell_size));
    });
    return s;
}

NeedsSummary NeedsService::summary(std::int64_t pole_id) {
    NeedsSummary out;
    out.settings = settings(pole_id);
    database_.read([&](Connection& c) {
        out.records = storage::count_records(c, pole_id);
        out.groups = storage::count_groups(c, pole_id, 2);
        out.calls =
            c.query("SELECT COUNT(*) FROM needs_calls WHERE pole_id = ?", {pole_id})[0].integer(0);
        out.decisions =
            c.query("SELECT COUNT(*) FROM needs_decisions WHERE pole_id = ?", {pole_id})[0].integer(
                0);
        out.last_catalogue = storage::last_run(c, pole_id, "catalogue");
        out.last_rationalisation = storage::last_run(c, pole_id, "rationalise");
    });
    return out;
}

std::optional<std::string> NeedsService::need_group_title(std::int64_t pole_id,
                                                          std::int64_t group_id) {
    return database_.read([&](Connection& c) -> std::optional<std::string> {
        auto g = storage::load_group(c, pole_id, group_id);
        if (!g) return std::nullopt;
        return g->title;
    });
}

}  // namespace maillage::needs
