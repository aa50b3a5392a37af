#include "core/paris_time.hpp"

#include <charconv>

namespace cyberachat {

namespace {

bool paris_parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

bool paris_is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int paris_days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && paris_is_leap(year) ? 29 : kDays[month - 1];
}

bool paris_valid(const CivilTime& t) {
    return t.year >= 1970 && t.year <= 9999 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
           t.day <= paris_days_in_month(t.year, t.month) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 &&
           t.minute <= 59 && t.second >= 0 && t.second <= 59;
}

long paris_last_sunday(int year, int month) {
    int next_year = month == 12 ? year + 1 : year;
    int next_month = month == 12 ? 1 : month + 1;
    long last = days_from_civil(next_year, next_month, 1) - 1;
    long weekday = ((last % 7) + 7 + 4) % 7;  // 0 = Sunday; 1970-01-01 was a Thursday
    return last - weekday;
}

long long paris_floor_div(long long a, long long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

long days_from_civil(int y, int m, int d) {  // H. Hinnant's algorithm
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilTime civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    CivilTime out;
    out.year = static_cast<int>(y + (m <= 2));
    out.month = static_cast<int>(m);
    out.day = static_cast<int>(d);
    return out;
}

std::optional<long long> utc_seconds_from_iso(std::string_view s) {
    CivilTime t;
    if (s.size() < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    if (!paris_parse_int(s.substr(0, 4), t.year) || !paris_parse_int(s.substr(5, 2), t.month) ||
        !paris_parse_int(s.substr(8, 2), t.day) || !paris_parse_int(s.substr(11, 2), t.hour) ||
        !paris_parse_int(s.substr(14, 2), t.minute))
        return std::nullopt;
    std::string_view rest = s.substr(16);
    if (!rest.empty() && rest[0] == ':') {
        if (rest.size() < 3 || !paris_parse_int(rest.substr(1, 2), t.second)) return std::nullopt;
        rest = rest.substr(3);
    }
    // Anything after (fractions, "Z") is ignored: the stored times are UTC.
    if (!paris_valid(t)) return std::nullopt;
    return static_cast<long long>(days_from_civil(t.year, t.month, t.day)) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

std::string iso_from_utc_seconds(long long utc_seconds) {
    const long long days = paris_floor_div(utc_seconds, 86400);
    const long long second_of_day = utc_seconds - days * 86400;
    CivilTime c = civil_from_days(static_cast<long>(days));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day,
                  static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day % 3600 / 60),
                  static_cast<int>(second_of_day % 60));
    return buffer;
}

int paris_offset_minutes(long long utc_seconds) {
    const CivilTime day = civil_from_days(static_cast<long>(paris_floor_div(utc_seconds, 86400)));
    const long long summer_start = static_cast<long long>(paris_last_sunday(day.year, 3)) * 86400 + 3600;
    const long long summer_end = static_cast<long long>(paris_last_sunday(day.year, 10)) * 86400 + 3600;
    return utc_seconds >= summer_start && utc_seconds < summer_end ? 120 : 60;
}

CivilTime paris_time_of(long long utc_seconds) {
    const long long local = utc_seconds + paris_offset_minutes(utc_seconds) * 60LL;
    const long long days = paris_floor_div(local, 86400);
    const long long second_of_day = local - days * 86400;
    CivilTime out = civil_from_days(static_cast<long>(days));
    out.hour = static_cast<int>(second_of_day / 3600);
    out.minute = static_cast<int>(second_of_day % 3600 / 60);
    out.second = static_cast<int>(second_of_day % 60);
    return out;
}

std::optional<long long> utc_seconds_of_paris(const CivilTime& local) {
    if (!paris_valid(local)) return std::nullopt;
    const long long wall =
        static_cast<long long>(days_from_civil(local.year, local.month, local.day)) * 86400 + local.hour * 3600 +
        local.minute * 60 + local.second;
    // Summer time first (the autumn's repeated hour: its first occurrence), then winter time.
    const long long summer = wall - 7200;
    if (paris_offset_minutes(summer) == 120) return summer;
    return wall - 3600;
}

std::string_view paris_zone_abbreviation(long long utc_seconds) {
    return paris_offset_minutes(utc_seconds) == 120 ? "CEST" : "CET";
}

}  // namespace cyberachat
