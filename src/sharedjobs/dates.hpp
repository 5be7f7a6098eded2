#pragma once
// Civil dates as day numbers, for periods, months and public holidays (proleptic Gregorian).
#include <optional>
#include <string>
#include <string_view>

namespace maillage::sharedjobs::dates {

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD", or nothing when it is not one.
std::optional<int> parse(std::string_view iso);
// "YYYY-MM", a month of the calendar.
inline bool valid_month(const std::string& month) {
    return parse(month + "-01").has_value();
}
std::string format(int day_number);
// 0 = Monday … 6 = Sunday.
int weekday(int day_number);
// "YYYY-MM" of a day.
std::string month_of(int day_number);

}  // namespace maillage::sharedjobs::dates
