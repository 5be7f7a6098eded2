#include "accounts/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/error.hpp"

namespace maillage::accounts {
namespace {
void ensure_sodium() {
    static const int ready = sodium_init();
    if (ready < 0) throw Error(ErrorCode::internal, "libsodium failed to initialise");
}
}  // namespace

// OWASP's first recommended argon2id setting (Password Storage Cheat Sheet): 19 MiB, two
// passes, one lane. libsodium's "interactive" preset (64 MiB, two passes) resists the same
// attacks a little better but took the server's peak resident memory to 152 MB during a login,
// over the 150 MB a deployment is promised; a hash stores its parameters, so hashes made with
// other settings still verify.
constexpr unsigned long long owasp_opslimit = 2;
constexpr std::size_t owasp_memlimit = 19 * 1024 * 1024;

PasswordHasher::PasswordHasher(HashCost cost) {
    ensure_sodium();
    opslimit_ = cost == HashCost::interactive ? owasp_opslimit : crypto_pwhash_OPSLIMIT_MIN;
    memlimit_ = cost == HashCost::interactive ? owasp_memlimit : crypto_pwhash_MEMLIMIT_MIN;
}

std::string PasswordHasher::hash(const std::string& password) const {
    std::lock_guard lock(one_at_a_time_);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), opslimit_, memlimit_,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(ErrorCode::internal, "out of memory while hashing a password");
    return out;
}

bool PasswordHasher::verify(const std::string& hash, const std::string& password) const {
    std::lock_guard lock(one_at_a_time_);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string password_problem(const std::string& password) {
    if (password.size() < 10) return "must be at least 10 characters long";
    if (password.size() > 1024) return "must be at most 1024 characters long";
    return "";
}

std::string random_token() {
    ensure_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string token_hash(const std::string& token) {
    ensure_sodium();
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace maillage::accounts
