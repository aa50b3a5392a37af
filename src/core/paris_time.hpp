#pragma once
// Europe/Paris, the hospitals' time zone: CET (UTC+1), CEST (UTC+2) from the last Sunday of March
// to the last Sunday of October at 01:00 UTC (the EU rule, in force since 1996). Pure arithmetic:
// no tz database, no process-wide TZ.
#include <optional>
#include <string>
#include <string_view>

namespace cyberachat {

struct CivilTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// "2026-11-29T10:15:00Z" (or without seconds / "Z") → seconds since 1970 UTC; nullopt if malformed.
std::optional<long long> utc_seconds_from_iso(std::string_view iso_time);
// Seconds since 1970 UTC → "2026-11-29T10:15:00Z".
std::string iso_from_utc_seconds(long long utc_seconds);

// Minutes east of UTC in Paris at that instant: 60 (CET) or 120 (CEST).
int paris_offset_minutes(long long utc_seconds);
// The Paris wall-clock time of an instant.
CivilTime paris_time_of(long long utc_seconds);
// The instant of a Paris wall-clock time (in the autumn's repeated hour, the first one; in the
// spring's skipped hour, the same wall time in CET); nullopt for an impossible date.
std::optional<long long> utc_seconds_of_paris(const CivilTime& local);
// "CET" / "CEST" at that instant.
std::string_view paris_zone_abbreviation(long long utc_seconds);

// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
long days_from_civil(int year, int month, int day);
CivilTime civil_from_days(long days);

}  // namespace cyberachat
