#pragma once
// Poles (the tenants), users with a role per pole, and sessions.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/model.hpp"
#include "accounts/passwords.hpp"
#include "accounts/session_cache.hpp"
#include "core/roles.hpp"
#include "core/vocabulary.hpp"
#include "store/database.hpp"

namespace maillage::accounts {

struct AccountsConfig {
    HashCost hash_cost = HashCost::interactive;
    std::int64_t session_seconds = 12 * 3600;
    // How long this process trusts a session it has checked (accounts/session_cache.hpp): the
    // delay before a sign-out or a role change made by another process takes effect here.
    std::chrono::milliseconds session_cache = std::chrono::seconds(1);
};

class AccountService {
  public:
    AccountService(store::Database& database, const Roles& roles, const Vocabulary& vocabulary,
                   AccountsConfig config = {});

    Pole create_pole(const std::string& slug, const std::string& name, const std::string& kind);
    // A pole by slug or numeric id.
    std::optional<Pole> find_pole(std::string_view slug_or_id);
    std::vector<Pole> all_poles();

    // Creates the user (or finds them by e-mail) and gives them `role` in the pole.
    std::int64_t add_member(std::int64_t pole_id, const NewUser& user);
    void set_role(std::int64_t pole_id, std::int64_t user_id, const std::string& role);
    void remove_member(std::int64_t pole_id, std::int64_t user_id);
    std::vector<Member> members(std::int64_t pole_id);
    void set_platform_admin(std::int64_t user_id, bool on);
    std::optional<std::int64_t> user_id_by_email(const std::string& email);

    std::optional<Session> login(const std::string& email, const std::string& password);
    std::optional<Caller> authenticate(const std::string& token);
    void logout(const std::string& token);
    Caller caller(std::int64_t user_id);

    std::vector<ActivityEntry> recent_activity(std::int64_t pole_id, int limit);

    const Roles& roles() const { return roles_; }

  private:
    void check_role(const std::string& role) const;
    const std::string& decoy_hash();
    store::Database& database_;
    const Roles& roles_;
    const Vocabulary& vocabulary_;
    AccountsConfig config_;
    PasswordHasher hasher_;
    std::once_flag decoy_once_;
    std::string decoy_hash_;  // computed at the first login: see decoy_hash()
    SessionCache sessions_;
};

// Written inside the caller's transaction, so the log and the change commit together.
void record_activity(store::Connection& c, std::int64_t pole_id,
                     std::optional<std::int64_t> user_id, const std::string& action,
                     const std::string& entity, std::optional<std::int64_t> entity_id,
                     const std::string& summary);
void record_access(store::Connection& c, std::int64_t pole_id, std::int64_t user_id,
                   const std::string& action, const std::string& entity,
                   std::optional<std::int64_t> entity_id);

std::string normalise_email(const std::string& email);
// The reason an e-mail address is unusable, or "" when it looks fine.
std::string email_problem(const std::string& email);

}  // namespace maillage::accounts
