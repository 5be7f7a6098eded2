#pragma once
// Text helpers of the PostgreSQL backend, apart so that tests can check them without a server.
#include <string>
#include <string_view>

namespace maillage::store::postgres {

// Rewrites the portable `?` placeholders as PostgreSQL's `$1, $2, ...`, leaving alone any `?`
// inside string literals, quoted identifiers, dollar-quoted strings and comments.
std::string numbered_placeholders(std::string_view sql);

// `url` with its password (in the user info or a `password=` parameter) replaced by "***",
// fit for error messages and logs.
std::string without_password(std::string_view url);

// `message` with every occurrence of the password written in `url` replaced by "***": libpq
// quotes a URL part it cannot decode, and that part may be the password.
std::string hide_password(std::string_view message, std::string_view url);

}  // namespace maillage::store::postgres
