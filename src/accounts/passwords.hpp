#pragma once
// Password hashing with argon2id (libsodium). The cost is configurable so that tests can
// use the minimum while deployments use OWASP's recommended setting (19 MiB, two passes).
#include <mutex>
#include <string>

namespace maillage::accounts {

enum class HashCost { interactive, minimum };

class PasswordHasher {
  public:
    explicit PasswordHasher(HashCost cost = HashCost::interactive);
    std::string hash(const std::string& password) const;
    bool verify(const std::string& hash, const std::string& password) const;

  private:
    // Each argon2id run takes its whole memory cost at once: one at a time keeps a burst of
    // logins from adding up (measured with 64 MiB runs: three concurrent logins took the server
    // from 42 MB to 178 MB resident).
    mutable std::mutex one_at_a_time_;
    unsigned long long opslimit_;
    std::size_t memlimit_;
};

// Rejects passwords too weak to protect personal data (the reason in plain words), or "" if fine.
std::string password_problem(const std::string& password);

// A random URL-safe token and the hash under which it is stored.
std::string random_token();
std::string token_hash(const std::string& token);

}  // namespace maillage::accounts
