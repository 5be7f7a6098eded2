#include "needs/group_store.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/json.hpp"

namespace maillage::needs::storage {

using store::nullable;
using store::Params;
using store::Row;
using store::Value;

namespace {

constexpr const char* kGroupColumns =
    "g.id, g.representative, g.representative_text, g.custom_title, g.size, g.manual, "
    "r.record_id";

Group group_from(const Row& row) {
    Group g;
    g.id = row.integer(0);
    g.representative_text = row.text(2);
    g.custom_title = row.optional_text(3);
    g.title = g.custom_title.value_or(g.representative_text);
    g.size = row.integer(4);
    g.manual = row.integer(5) != 0;
    g.representative_record = row.optional_text(6).value_or("");
    return g;
}

}  // namespace

std::map<std::int64_t, std::int64_t> group_membership(Connection& c, std::int64_t pole_id) {
    std::map<std::int64_t, std::int64_t> out;
    for (const auto& row :
         c.query("SELECT record, group_id FROM needs_group_members WHERE pole_id = ?", {pole_id}))
        out[row.integer(0)] = row.integer(1);
    return out;
}

std::map<std::int64_t, StoredGroup> stored_groups(Connection& c, std::int64_t pole_id) {
    std::map<std::int64_t, StoredGroup> out;
    for (const auto& row : c.query(
             "SELECT id, custom_title, created_at FROM needs_groups WHERE pole_id = ?", {pole_id}))
        out[row.integer(0)] = {row.optional_text(1), row.text(2)};
    return out;
}

void delete_pole_groups(Connection& c, std::int64_t pole_id) {
    c.execute("DELETE FROM needs_group_members WHERE pole_id = ?", {pole_id});
    c.execute("DELETE FROM needs_groups WHERE pole_id = ?", {pole_id});
}

std::unique_ptr<BatchInsert> group_writer(Connection& c) {
    return std::make_unique<BatchInsert>(
        c, "needs_groups",
        std::vector<std::string>{"id", "pole_id", "representative", "representative_text",
                                 "custom_title", "size", "manual", "created_at", "updated_at"});
}

std::unique_ptr<BatchInsert> member_writer(Connection& c, BatchInsert* groups) {
    return std::make_unique<BatchInsert>(c, "needs_group_members",
                                         std::vector<std::string>{"group_id", "record", "pole_id"},
                                         groups);
}

void add_group(BatchInsert& groups, std::int64_t id, std::int64_t pole_id,
               std::int64_t representative, const std::string& text,
               const std::optional<std::string>& custom_title, std::int64_t size, bool manual,
               const std::string& created_at, const std::string& now) {
    groups.add({id, pole_id, representative, text, nullable(custom_title), size,
                std::int64_t(manual ? 1 : 0), created_at, now});
}

GroupMatches search_groups(Connection& c, std::int64_t pole_id, const GroupFilter& f) {
    std::string where =
        " FROM needs_groups g LEFT JOIN needs_records r ON r.id = g.representative "
        "WHERE g.pole_id = ?";
    Params params{pole_id};
    if (f.category) {
        where +=
            " AND g.id IN (SELECT m.group_id FROM needs_group_members m JOIN needs_codes k ON "
            "k.record = m.record WHERE m.pole_id = ? AND k.kind = 'need' AND k.code = ? AND "
            "k.effective = 1)";
        params.push_back(pole_id);
        params.push_back(*f.category);
    }
    if (f.commune) {
        where +=
            " AND g.id IN (SELECT m.group_id FROM needs_group_members m JOIN needs_records x ON "
            "x.id = m.record WHERE m.pole_id = ? AND x.commune = ?)";
        params.push_back(pole_id);
        params.push_back(*f.commune);
    }
    if (f.text) {
        where +=
            " AND (LOWER(g.representative_text) LIKE ? OR LOWER(COALESCE(g.custom_title, '')) LIKE "
            "?)";
        params.push_back(contains_pattern(*f.text));
        params.push_back(contains_pattern(*f.text));
    }
    GroupMatches m;
    Params below = params;
    below.push_back(f.min_size);
    m.below_min = c.query("SELECT COUNT(*)" + where + " AND g.size < ?", below)[0].integer(0);
    params.push_back(f.min_size);
    where += " AND g.size >= ?";
    m.total = c.query("SELECT COUNT(*)" + where, params)[0].integer(0);
    params.push_back(f.per_page);
    params.push_back((f.page - 1) * f.per_page);
    for (const auto& row : c.query(std::string("SELECT ") + kGroupColumns + where +
                                       " ORDER BY g.size DESC, g.id LIMIT ? OFFSET ?",
                                   params))
        m.items.push_back(group_from(row));
    return m;
}

std::optional<Group> load_group(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(std::string("SELECT ") + kGroupColumns +
                            " FROM needs_groups g LEFT JOIN needs_records r ON r.id = "
                            "g.representative WHERE g.pole_id = ? AND g.id = ?",
                        {pole_id, id});
    if (rows.empty()) return std::nullopt;
    return group_from(rows[0]);
}

void add_group_details(Connection& c, std::vector<Group>& groups,
                       const std::function<std::string(const std::string&)>& commune_name) {
    if (groups.empty()) return;
    Params ids;
    std::map<std::int64_t, Group*> by_id;
    for (auto& g : groups) {
        ids.push_back(g.id);
        by_id[g.id] = &g;
    }
    std::string in = placeholders(ids.size());
    for (const auto& row :
         c.query("SELECT m.group_id, r.commune, COUNT(*) FROM needs_group_members m JOIN "
                 "needs_records r ON r.id = m.record WHERE m.group_id IN (" +
                     in + ") AND r.commune IS NOT NULL GROUP BY m.group_id, r.commune",
                 ids)) {
        std::string code = row.text(1);
        by_id[row.integer(0)]->communes.push_back({code, commune_name(code), row.integer(2)});
    }
    for (const auto& row :
         c.query("SELECT m.group_id, k.code, COUNT(*) FROM needs_group_members m JOIN "
                 "needs_codes k ON k.record = m.record WHERE m.group_id IN (" +
                     in + ") AND k.kind = 'need' AND k.effective = 1 GROUP BY m.group_id, k.code",
                 ids))
        by_id[row.integer(0)]->categories.push_back({row.text(1), row.integer(2)});
    for (auto& g : groups) {
        std::sort(g.communes.begin(), g.communes.end(),
                  [](const CommuneCount& a, const CommuneCount& b) {
                      return a.count != b.count ? a.count > b.count : a.code < b.code;
                  });
        std::sort(g.categories.begin(), g.categories.end(),
                  [](const CategoryCount& a, const CategoryCount& b) {
                      return a.count != b.count ? a.count > b.count : a.code < b.code;
                  });
    }
}

std::vector<GroupMember> group_members(Connection& c, std::int64_t group_id) {
    std::vector<GroupMember> out;
    for (const auto& row :
         c.query("SELECT r.id, r.record_id, r.commune, COALESCE(r.proposal_text, "
                 "r.need_text, '') FROM needs_group_members m JOIN needs_records r ON "
                 "r.id = m.record WHERE m.group_id = ? ORDER BY r.id",
                 {group_id}))
        out.push_back({row.integer(0), row.text(1), row.optional_text(2), row.text(3)});
    return out;
}

std::vector<std::string> member_languages(Connection& c, std::int64_t group_id) {
    std::vector<std::string> out;
    for (const auto& row :
         c.query("SELECT r.language FROM needs_group_members m JOIN needs_records r ON r.id "
                 "= m.record WHERE m.group_id = ? ORDER BY r.id",
                 {group_id}))
        out.push_back(row.text(0));
    return out;
}

std::vector<std::int64_t> member_ids(Connection& c, std::int64_t group_id) {
    std::vector<std::int64_t> out;
    for (const auto& row :
         c.query("SELECT record FROM needs_group_members WHERE group_id = ? ORDER BY record",
                 {group_id}))
        out.push_back(row.integer(0));
    return out;
}

void move_members(Connection& c, const std::vector<std::int64_t>& records, std::int64_t to_group,
                  std::int64_t pole_id) {
    for (auto record : records) {
        c.execute("DELETE FROM needs_group_members WHERE record = ?", {record});
        c.execute("INSERT INTO needs_group_members (group_id, record, pole_id) VALUES (?, ?, ?)",
                  {to_group, record, pole_id});
    }
}

void update_group(Connection& c, std::int64_t id, std::int64_t representative,
                  const std::string& text, std::int64_t size, bool manual, const std::string& now) {
    c.execute(
        "UPDATE needs_groups SET representative = ?, representative_text = ?, size = ?, manual = "
        "?, "
        "updated_at = ? WHERE id = ?",
        {representative, text, size, std::int64_t(manual ? 1 : 0), now, id});
}

void delete_group(Connection& c, std::int64_t id) {
    c.execute("DELETE FROM needs_group_members WHERE group_id = ?", {id});
    c.execute("DELETE FROM needs_groups WHERE id = ?", {id});
}

void set_group_title(Connection& c, std::int64_t id, const std::optional<std::string>& title,
                     const std::string& now) {
    c.execute("UPDATE needs_groups SET custom_title = ?, updated_at = ? WHERE id = ?",
              {nullable(title), now, id});
}

void shrink_group(Connection& c, std::int64_t id) {
    c.execute("UPDATE needs_groups SET size = size - 1 WHERE id = ?", {id});
    c.execute("DELETE FROM needs_groups WHERE id = ? AND size <= 0", {id});
}

std::int64_t count_groups(Connection& c, std::int64_t pole_id, std::int64_t min_size) {
    return c
        .query("SELECT COUNT(*) FROM needs_groups WHERE pole_id = ? AND size >= ?",
               {pole_id, min_size})[0]
        .integer(0);
}

std::int64_t add_decision(Connection& c, std::int64_t pole_id, const Decision& d) {
    Json records = d.records;
    return c
        .query(
            "INSERT INTO needs_decisions (pole_id, kind, records, user_id, at) VALUES (?, ?, ?, ?, "
            "?) "
            "RETURNING id",
            {pole_id, d.kind, records.dump(), nullable(d.user_id), d.at})[0]
        .integer(0);
}

std::vector<Decision> decisions(Connection& c, std::int64_t pole_id) {
    std::vector<Decision> out;
    for (const auto& row :
         c.query("SELECT id, kind, records, user_id, at FROM needs_decisions WHERE pole_id = "
                 "? ORDER BY id",
                 {pole_id})) {
        Decision d;
        d.id = row.integer(0);
        d.kind = row.text(1);
        d.records = Json::parse(row.text(2)).get<std::vector<std::string>>();
        d.user_id = row.optional_integer(3);
        d.at = row.text(4);
        out.push_back(std::move(d));
    }
    return out;
}

bool delete_decision(Connection& c, std::int64_t pole_id, std::int64_t id) {
    return c.execute("DELETE FROM needs_decisions WHERE pole_id = ? AND id = ?", {pole_id, id}) > 0;
}

void add_run(Connection& c, std::int64_t pole_id, const std::string& kind,
             std::optional<std::int64_t> user_id, const std::string& summary_json) {
    c.execute("INSERT INTO needs_runs (pole_id, kind, at, user_id, summary) VALUES (?, ?, ?, ?, ?)",
              {pole_id, kind, clock::now_iso(), nullable(user_id), summary_json});
}

std::optional<std::string> last_run(Connection& c, std::int64_t pole_id, const std::string& kind) {
    auto rows =
        c.query("SELECT at FROM needs_runs WHERE pole_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
                {pole_id, kind});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}

std::vector<Figure> figures(Connection& c, std::int64_t pole_id) {
    std::vector<Figure> out;
    for (const auto& row :
         c.query("SELECT indicator, level, territory, value, source, updated_at FROM "
                 "needs_figures WHERE pole_id = ? ORDER BY indicator, level, territory",
                 {pole_id}))
        out.push_back({row.text(0), row.text(1), row.text(2), row.real(3), row.optional_text(4),
                       row.text(5)});
    return out;
}

void store_figure(Connection& c, std::int64_t pole_id, const Figure& f, const std::string& now) {
    c.execute(
        "DELETE FROM needs_figures WHERE pole_id = ? AND indicator = ? AND level = ? AND territory "
        "= ?",
        {pole_id, f.indicator, f.level, f.territory});
    c.execute(
        "INSERT INTO needs_figures (pole_id, indicator, level, territory, value, source, "
        "updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {pole_id, f.indicator, f.level, f.territory, f.value, nullable(f.source), now});
}

std::optional<Settings> stored_settings(Connection& c, std::int64_t pole_id) {
    auto rows = c.query(
        "SELECT min_cell_size, similarity_threshold, shingle_size, hotspot_min_count, "
        "hotspot_min_ratio FROM needs_settings WHERE pole_id = ?",
        {pole_id});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return Settings{r.integer(0), r.real(1), r.integer(2), r.integer(3), r.real(4)};
}

void store_settings(Connection& c, std::int64_t pole_id, const Settings& s,
                    const std::string& now) {
    c.execute("DELETE FROM needs_settings WHERE pole_id = ?", {pole_id});
    c.execute(
        "INSERT INTO needs_settings (pole_id, min_cell_size, similarity_threshold, shingle_size, "
        "hotspot_min_count, hotspot_min_ratio, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {pole_id, s.min_cell_size, s.similarity_threshold, s.shingle_size, s.hotspot_min_count,
         s.hotspot_min_ratio, now});
}

}  // namespace maillage::needs::storage
