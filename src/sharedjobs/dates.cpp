#include "sharedjobs/dates.hpp"

#include <cstdio>

namespace maillage::sharedjobs::dates {
namespace {

// Howard Hinnant's days_from_civil and civil_from_days.
int days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<int> parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    auto y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    int year = std::stoi(std::string(y));
    unsigned month = unsigned(std::stoi(std::string(m))), day = unsigned(std::stoi(std::string(d)));
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    int n = days_from_civil(year, month, day);
    int y2;
    unsigned m2, d2;
    civil_from_days(n, y2, m2, d2);
    if (m2 != month || d2 != day) return std::nullopt;  // 31 April, 29 February 2027…
    return n;
}

std::string format(int day_number) {
    int y;
    unsigned m, d;
    civil_from_days(day_number, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

int weekday(int day_number) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return ((day_number % 7) + 7 + 3) % 7;
}

std::string month_of(int day_number) {
    return format(day_number).substr(0, 7);
}

}  // namespace maillage::sharedjobs::dates
