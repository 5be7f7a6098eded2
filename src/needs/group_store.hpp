#pragma once
// SQL for proposal groups, counsellors' decisions, runs and settings. Every function runs
// inside the caller's transaction.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "needs/batch_insert.hpp"
#include "needs/diagnostic.hpp"
#include "needs/model.hpp"
#include "store/database.hpp"

namespace maillage::needs::storage {

using store::Connection;

// record id -> group id, for the pole.
std::map<std::int64_t, std::int64_t> group_membership(Connection& c, std::int64_t pole_id);
struct StoredGroup {
    std::optional<std::string> custom_title;
    std::string created_at;
};
std::map<std::int64_t, StoredGroup> stored_groups(Connection& c, std::int64_t pole_id);
void delete_pole_groups(Connection& c, std::int64_t pole_id);
std::unique_ptr<BatchInsert> group_writer(Connection& c);
std::unique_ptr<BatchInsert> member_writer(Connection& c, BatchInsert* groups);
void add_group(BatchInsert& groups, std::int64_t id, std::int64_t pole_id,
               std::int64_t representative, const std::string& text,
               const std::optional<std::string>& custom_title, std::int64_t size, bool manual,
               const std::string& created_at, const std::string& now);

struct GroupMatches {
    std::vector<Group> items;  // without communes and categories yet
    std::int64_t total = 0;
    std::int64_t below_min = 0;  // groups smaller than the filter's min_size
};
GroupMatches search_groups(Connection& c, std::int64_t pole_id, const GroupFilter& filter);
std::optional<Group> load_group(Connection& c, std::int64_t pole_id, std::int64_t id);
// Fills communes and categories of the groups.
void add_group_details(Connection& c, std::vector<Group>& groups,
                       const std::function<std::string(const std::string&)>& commune_name);
std::vector<GroupMember> group_members(Connection& c, std::int64_t group_id);
// The language of each member, in the order of group_members.
std::vector<std::string> member_languages(Connection& c, std::int64_t group_id);
// Internal record ids of the group's members.
std::vector<std::int64_t> member_ids(Connection& c, std::int64_t group_id);
void move_members(Connection& c, const std::vector<std::int64_t>& records, std::int64_t to_group,
                  std::int64_t pole_id);
void update_group(Connection& c, std::int64_t id, std::int64_t representative,
                  const std::string& text, std::int64_t size, bool manual, const std::string& now);
void delete_group(Connection& c, std::int64_t id);
void set_group_title(Connection& c, std::int64_t id, const std::optional<std::string>& title,
                     const std::string& now);
// After a member is deleted: one fewer, and no group left empty.
void shrink_group(Connection& c, std::int64_t id);
std::int64_t count_groups(Connection& c, std::int64_t pole_id, std::int64_t min_size);

std::int64_t add_decision(Connection& c, std::int64_t pole_id, const Decision& decision);
std::vector<Decision> decisions(Connection& c, std::int64_t pole_id);
bool delete_decision(Connection& c, std::int64_t pole_id, std::int64_t id);

void add_run(Connection& c, std::int64_t pole_id, const std::string& kind,
             std::optional<std::int64_t> user_id, const std::string& summary_json);
std::optional<std::string> last_run(Connection& c, std::int64_t pole_id, const std::string& kind);

std::vector<Figure> figures(Connection& c, std::int64_t pole_id);
void store_figure(Connection& c, std::int64_t pole_id, const Figure& figure,
                  const std::string& now);

std::optional<Settings> stored_settings(Connection& c, std::int64_t pole_id);
void store_settings(Connection& c, std::int64_t pole_id, const Settings& s, const std::string& now);

}  // namespace maillage::needs::storage
