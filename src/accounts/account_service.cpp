#include "accounts/account_service.hpp"

#include <algorithm>
#include <charconv>

#include "accounts/write_checks.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::accounts {

using store::Connection;
using store::Row;

namespace {

std::string slug_problem(const std::string& slug) {
    if (slug.size() < 2 || slug.size() > 40) return "must be 2 to 40 characters long";
    for (char c : slug)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return "may hold only lower-case letters, digits and '-'";
    if (std::all_of(slug.begin(), slug.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "must not be only digits (ids are numbers)";
    return "";
}

Pole pole_from(const Row& r) {
    return Pole{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)};
}

constexpr const char* kPoleColumns = "SELECT id, slug, name, kind, created_at FROM poles";

}  // namespace

std::string normalise_email(const std::string& email) {
    return text::to_lower_ascii(text::trim(email));
}

std::string email_problem(const std::string& email) {
    auto at = email.find('@');
    if (email.empty()) return "is required";
    if (email.size() > 254) return "is too long";
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.back() == '.' || email.find(' ') != std::string::npos)
        return "is not a valid e-mail address";
    return "";
}

AccountService::AccountService(store::Database& database, const Roles& roles,
                               const Vocabulary& vocabulary, AccountsConfig config)
    : database_(database),
      roles_(roles),
      vocabulary_(vocabulary),
      config_(config),
      hasher_(config.hash_cost),
      sessions_(config.session_cache) {}

// A hash to verify against when the e-mail is unknown, so that timing does not reveal which
// accounts exist. Computed at the first login, not at start: every CLI command builds this
// service, and an argon2id hash costs 64 MiB and a tenth of a second.
const std::string& AccountService::decoy_hash() {
    std::call_once(decoy_once_, [this] { decoy_hash_ = hasher_.hash(random_token()); });
    return decoy_hash_;
}

void AccountService::check_role(const std::string& role) const {
    if (!roles_.is_role(role))
        throw invalid("role", "unknown role '" + role +
                                  "' (expected one of: " + vocabulary_.codes("role") + ")");
}

Pole AccountService::create_pole(const std::string& slug, const std::string& name,
                                 const std::string& kind) {
    if (auto problem = slug_problem(slug); !problem.empty()) throw invalid("slug", problem);
    if (text::trim(name).empty()) throw invalid("name", "is required");
    if (!vocabulary_.contains("pole_kind", kind))
        throw invalid("kind", "unknown pole kind '" + kind +
                                  "' (expected one of: " + vocabulary_.codes("pole_kind") + ")");
    return database_.write([&](Connection& c) {
        auto rows = c.query(
            "INSERT INTO poles (slug, name, kind, created_at) VALUES (?, ?, ?, ?) "
            "RETURNING id, slug, name, kind, created_at",
            {slug, text::trim(name), kind, clock::now_iso()});
        return pole_from(rows.at(0));
    });
}

std::optional<Pole> AccountService::find_pole(std::string_view slug_or_id) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(slug_or_id.data(), slug_or_id.data() + slug_or_id.size(), id);
    bool numeric = ec == std::errc() && end == slug_or_id.data() + slug_or_id.size();
    return database_.read([&](Connection& c) -> std::optional<Pole> {
        auto rows = numeric ? c.query(std::string(kPoleColumns) + " WHERE id = ?", {id})
                            : c.query(std::string(kPoleColumns) + " WHERE slug = ?",
                                      {std::string(slug_or_id)});
        if (rows.empty()) return std::nullopt;
        return pole_from(rows[0]);
    });
}

std::vector<Pole> AccountService::all_poles() {
    return database_.read([&](Connection& c) {
        std::vector<Pole> poles;
        for (const auto& r : c.query(std::string(kPoleColumns) + " ORDER BY name"))
            poles.push_back(pole_from(r));
        return poles;
    });
}

std::int64_t AccountService::add_member(std::int64_t pole_id, const NewUser& user) {
    std::string email = normalise_email(user.email);
    if (auto problem = email_problem(email); !problem.empty()) throw invalid("email", problem);
    check_role(user.role);
    std::optional<std::string> hash;
    if (user.password) {
        if (auto problem = password_problem(*user.password); !problem.empty())
            throw invalid("password", problem);
        hash = hasher_.hash(*user.password);
    }
    auto id = database_.write([&](Connection& c) {
        auto existing = c.query("SELECT id FROM users WHERE email = ?", {email});
        std::int64_t user_id;
        if (!existing.empty()) {
            user_id = existing[0].integer(0);
            if (hash)
                c.execute("UPDATE users SET password_hash = ? WHERE id = ?", {*hash, user_id});
        } else {
            if (!hash) throw invalid("password", "is required for a new user");
            if (text::trim(user.name).empty()) throw invalid("name", "is required");
            user_id = c.query(
                           "INSERT INTO users (email, name, password_hash, locale, platform_admin, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                           {email, text::trim(user.name), *hash, user.locale,
                            std::int64_t(user.platform_admin ? 1 : 0), clock::now_iso()})[0]
                          .integer(0);
        }
        if (c.query("SELECT 1 FROM poles WHERE id = ?", {pole_id}).empty())
            throw Error(ErrorCode::not_found, "no such pole", "pole");
        c.execute("DELETE FROM memberships WHERE user_id = ? AND pole_id = ?", {user_id, pole_id});
        c.execute("INSERT INTO memberships (user_id, pole_id, role) VALUES (?, ?, ?)",
                  {user_id, pole_id, user.role});
        record_activity(c, pole_id, std::nullopt, "grant", "user", user_id,
                        email + " → " + user.role);
        return user_id;
    });
    sessions_.forget_all();
    return id;
}

void AccountService::set_role(std::int64_t pole_id, std::int64_t user_id, const std::string& role) {
    check_role(role);
    database_.write([&](Connection& c) {
        if (c.execute("UPDATE memberships SET role = ? WHERE user_id = ? AND pole_id = ?",
                      {role, user_id, pole_id}) == 0)
            throw Error(ErrorCode::not_found, "this user has no role in this pole");
        record_activity(c, pole_id, std::nullopt, "grant", "user", user_id, "role → " + role);
    });
    sessions_.forget_all();
}

void AccountService::remove_member(std::int64_t pole_id, std::int64_t user_id) {
    database_.write([&](Connection& c) {
        if (c.execute("DELETE FROM memberships WHERE user_id = ? AND pole_id = ?",
                      {user_id, pole_id}) == 0)
            throw Error(ErrorCode::not_found, "this user has no role in this pole");
        record_activity(c, pole_id, std::nullopt, "revoke", "user", user_id, "role removed");
    });
    sessions_.forget_all();
}

std::vector<Member> AccountService::members(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        std::vector<Member> members;
        for (const auto& r : c.query("SELECT u.id, u.email, u.name, m.role FROM memberships m "
                                     "JOIN users u ON u.id = m.user_id WHERE m.pole_id = ? "
                                     "ORDER BY u.name",
                                     {pole_id}))
            members.push_back(Member{r.integer(0), r.text(1), r.text(2), r.text(3)});
        return members;
    });
}

void AccountService::set_platform_admin(std::int64_t user_id, bool on) {
    database_.write([&](Connection& c) {
        c.execute("UPDATE users SET platform_admin = ? WHERE id = ?",
                  {std::int64_t(on ? 1 : 0), user_id});
    });
    sessions_.forget_all();
}

std::optional<std::int64_t> AccountService::user_id_by_email(const std::string& email) {
    return database_.read([&](Connection& c) -> std::optional<std::int64_t> {
        auto rows = c.query("SELECT id FROM users WHERE email = ?", {normalise_email(email)});
        if (rows.empty()) return std::nullopt;
        return rows[0].integer(0);
    });
}

std::optional<Session> AccountService::login(const std::string& email,
                                             const std::string& password) {
    auto found = database_.read([&](Connection& c) {
        return c.query("SELECT id, password_hash FROM users WHERE email = ?",
                       {normalise_email(email)});
    });
    // Verify against a decoy when the user is unknown, so timing does not reveal accounts.
    bool known = !found.empty() && !found[0].is_null(1);
    bool ok = hasher_.verify(known ? found[0].text(1) : decoy_hash(), password) && known;
    if (!ok) return std::nullopt;
    Session session{random_token(), clock::now_seconds() + config_.session_seconds};
    database_.write([&](Connection& c) {
        c.execute("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?",
                  {found[0].integer(0), clock::now_seconds()});
        c.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            {token_hash(session.token), found[0].integer(0), clock::now_iso(), session.expires_at});
    });
    return session;
}

std::optional<Caller> AccountService::authenticate(const std::string& token) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    std::string hashed = token_hash(token);
    auto now = clock::now_seconds();
    if (auto cached = sessions_.find(hashed, now)) return cached;
    auto generation = sessions_.generation();  // before reading: see SessionCache::remember
    auto rows = database_.read([&](Connection& c) {
        return c.query("SELECT user_id, expires_at FROM sessions WHERE token_hash = ?", {hashed});
    });
    if (rows.empty() || rows[0].integer(1) < now) return std::nullopt;
    auto expires_at = rows[0].integer(1);
    // Sliding expiry, written only once half the lifetime is used, to keep reads read-only.
    if (expires_at - now < config_.session_seconds / 2) {
        expires_at = now + config_.session_seconds;
        database_.write([&](Connection& c) {
            c.execute("UPDATE sessions SET expires_at = ? WHERE token_hash = ?",
                      {expires_at, hashed});
        });
    }
    auto found = caller(rows[0].integer(0));
    sessions_.remember(hashed, found, expires_at, generation);
    return found;
}

void AccountService::logout(const std::string& token) {
    std::string hashed = token_hash(token);
    database_.write(
        [&](Connection& c) { c.execute("DELETE FROM sessions WHERE token_hash = ?", {hashed}); });
    // After the deletion: a lookup that read the session before it cannot be remembered now.
    sessions_.forget(hashed);
}

Caller AccountService::caller(std::int64_t user_id) {
    return database_.read([&](Connection& c) {
        auto rows = c.query(
            "SELECT id, email, name, locale, platform_admin FROM users WHERE id = ?", {user_id});
        if (rows.empty()) throw Error(ErrorCode::unauthorized, "unknown user");
        Caller caller{rows[0].integer(0), rows[0].text(1),         rows[0].text(2),
                      rows[0].text(3),    rows[0].integer(4) != 0, {}};
        for (const auto& r :
             c.query("SELECT p.id, p.slug, p.name, p.kind, m.role FROM memberships m JOIN poles p "
                     "ON p.id = m.pole_id WHERE m.user_id = ? ORDER BY p.name",
                     {user_id}))
            caller.poles.push_back(
                PoleRole{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
        return caller;
    });
}

std::vector<ActivityEntry> AccountService::recent_activity(std::int64_t pole_id, int limit) {
    return database_.read([&](Connection& c) {
        std::vector<ActivityEntry> entries;
        for (const auto& r : c.query(
                 "SELECT a.at, COALESCE(u.name, ''), a.action, a.entity, a.entity_id, a.summary "
                 "FROM activity a LEFT JOIN users u ON u.id = a.user_id WHERE a.pole_id = ? "
                 "ORDER BY a.id DESC LIMIT ?",
                 {pole_id, std::int64_t(limit)}))
            entries.push_back(ActivityEntry{r.text(0), r.text(1), r.text(2), r.text(3),
                                            r.optional_integer(4), r.text(5)});
        return entries;
    });
}

void require_pole_and_user(Connection& c, std::int64_t pole_id,
                           std::optional<std::int64_t> user_id) {
    if (c.query("SELECT 1 FROM poles WHERE id = ?", {pole_id}).empty())
        throw Error(ErrorCode::not_found, "no such pole", "pole_id");
    if (user_id && c.query("SELECT 1 FROM users WHERE id = ?", {*user_id}).empty())
        throw Error(ErrorCode::not_found, "no such user", "user_id");
}

void record_activity(Connection& c, std::int64_t pole_id, std::optional<std::int64_t> user_id,
                     const std::string& action, const std::string& entity,
                     std::optional<std::int64_t> entity_id, const std::string& summary) {
    c.execute(
        "INSERT INTO activity (pole_id, user_id, at, action, entity, entity_id, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {pole_id, store::nullable(user_id), clock::now_iso(), action, entity,
         store::nullable(entity_id), summary});
}

void record_access(Connection& c, std::int64_t pole_id, std::int64_t user_id,
                   const std::string& action, const std::string& entity,
                   std::optional<std::int64_t> entity_id) {
    c.execute(
        "INSERT INTO access_log (pole_id, user_id, at, action, entity, entity_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {pole_id, user_id, clock::now_iso(), action, entity, store::nullable(entity_id)});
}

}  // namespace maillage::accounts
