#include "pathways/dates.hpp"

#include <chrono>
#include <cstdio>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace maillage::pathways {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day civil(Date date) {
    return year_month_day{sys_days{std::chrono::days{date.days}}};
}

Date from_civil(const year_month_day& ymd) {
    return Date{std::int32_t(sys_days{ymd}.time_since_epoch().count())};
}

// The last valid day of ymd's month when ymd's day does not exist in it.
year_month_day clamp_to_month(year_month_day ymd) {
    if (ymd.ok()) return ymd;
    return year_month_day{
        std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}}};
}

}  // namespace

std::optional<Date> parse_date(std::string_view iso) {
    if (!clock::is_iso_date(iso)) return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (iso[i] - '0');
        return value;
    };
    year_month_day ymd{std::chrono::year(number(0, 4)), std::chrono::month(unsigned(number(5, 2))),
                       std::chrono::day(unsigned(number(8, 2)))};
    return from_civil(ymd);
}

Date require_date(std::string_view iso, const std::string& field) {
    auto date = parse_date(iso);
    if (!date) throw invalid(field, "must be a date YYYY-MM-DD");
    return *date;
}

std::string to_iso(Date date) {
    auto ymd = civil(date);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return buf;
}

Date add_days(Date date, std::int64_t days) {
    return Date{std::int32_t(date.days + days)};
}

Date add_months(Date date, int months) {
    auto ymd = civil(date);
    return from_civil(clamp_to_month(ymd + std::chrono::months{months}));
}

Date add_years(Date date, int years) {
    auto ymd = civil(date);
    return from_civil(clamp_to_month(ymd + std::chrono::years{years}));
}

int year_of(Date date) {
    return int(civil(date).year());
}

std::int64_t days_between(Date from, Date to) {
    return std::int64_t(to.days) - from.days;
}

Date today_utc() {
    return Date{std::int32_t(clock::now_seconds() / 86400)};
}

}  // namespace maillage::pathways
