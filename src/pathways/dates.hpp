#pragma once
// Calendar dates as whole days, for schedules and alerts: parsing, ISO text, and month
// arithmetic that clamps to the end of shorter months (31 January + 1 month = 28 or 29
// February). Pure functions, no clock: "today" is always an argument.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace maillage::pathways {

// Days since 1970-01-01 (negative before). Ordered and subtractable like integers.
struct Date {
    std::int32_t days = 0;
    auto operator<=>(const Date&) const = default;
};

// "YYYY-MM-DD" of a real calendar day, else nullopt.
std::optional<Date> parse_date(std::string_view iso);
// Like parse_date, but a bad value is an invalid_input Error naming `field`.
Date require_date(std::string_view iso, const std::string& field);
std::string to_iso(Date date);

Date add_days(Date date, std::int64_t days);
// The same day `months` months later; when that month is shorter, its last day.
Date add_months(Date date, int months);
// The same day `years` later; 29 February becomes 28 February in a common year.
Date add_years(Date date, int years);
int year_of(Date date);
std::int64_t days_between(Date from, Date to);  // to - from

// Today in UTC, for the services' defaults (the pure functions never call it).
Date today_utc();

}  // namespace maillage::pathways
