#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace maillage::clock {

// Seconds since the Unix epoch.
std::int64_t now_seconds();
// ISO-8601 UTC with seconds, "2026-11-22T09:30:00Z".
std::string iso_utc(std::int64_t seconds);
std::string now_iso();
// True for a valid calendar date "YYYY-MM-DD".
bool is_iso_date(std::string_view s);

}  // namespace maillage::clock
