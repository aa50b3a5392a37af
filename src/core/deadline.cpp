#include "core/deadline.hpp"

#include <charconv>

#include "core/paris_time.hpp"
#include "core/text_format.hpp"

namespace cyberachat {

namespace {

bool deadline_parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

// The Paris wall time a deadline names: the day's last second, or the minute given.
std::optional<CivilTime> deadline_wall_time(std::string_view s) {
    CivilTime t;
    if (s.size() != 10 && s.size() != 16) return std::nullopt;
    if (s[4] != '-' || s[7] != '-' || !deadline_parse_int(s.substr(0, 4), t.year) ||
        !deadline_parse_int(s.substr(5, 2), t.month) || !deadline_parse_int(s.substr(8, 2), t.day))
        return std::nullopt;
    if (s.size() == 10) {
        t.hour = 23;
        t.minute = 59;
        t.second = 59;
    } else if (s[10] != 'T' || s[13] != ':' || !deadline_parse_int(s.substr(11, 2), t.hour) ||
               !deadline_parse_int(s.substr(14, 2), t.minute)) {
        return std::nullopt;
    }
    if (!utc_seconds_of_paris(t)) return std::nullopt;
    return t;
}

}  // namespace

bool valid_deadline(std::string_view deadline) { return deadline_wall_time(deadline).has_value(); }

std::optional<long long> deadline_utc_seconds(std::string_view deadline) {
    auto wall = deadline_wall_time(deadline);
    if (!wall) return std::nullopt;
    return utc_seconds_of_paris(*wall);
}

std::string effective_deadline(const Acquisition& acquisition, const VendorResponse& response) {
    return response.deadline.empty() ? acquisition.deadline : response.deadline;
}

bool deadline_passed(std::string_view deadline, long long now_utc_seconds) {
    auto last = deadline_utc_seconds(deadline);
    return last && now_utc_seconds > *last;
}

std::string format_deadline(std::string_view deadline, Language language) {
    auto wall = deadline_wall_time(deadline);
    auto instant = deadline_utc_seconds(deadline);
    if (!wall || !instant) return std::string(deadline);
    char date[11];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", wall->year, wall->month, wall->day);
    std::string out = format_date(date, language);
    const std::string zone(paris_zone_abbreviation(*instant));
    char time[6];
    std::snprintf(time, sizeof time, "%02d:%02d", wall->hour, wall->minute);
    if (language == Language::en) return out + ", " + time + " (Paris time, " + zone + ")";
    return out + " à " + std::to_string(wall->hour) + CYB_NBSP "h" CYB_NBSP + std::string(time + 3) +
           " (heure de Paris, " + zone + ")";
}

}  // namespace cyberachat
