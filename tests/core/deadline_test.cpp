#include "core/deadline.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/paris_time.hpp"

namespace cyberachat {
namespace {

long long utc(const char* iso) { return *utc_seconds_from_iso(iso); }

TEST(ParisTime, WinterIsUtcPlusOneAndSummerUtcPlusTwo) {
    EXPECT_EQ(paris_offset_minutes(utc("2027-01-15T12:00:00Z")), 60);
    EXPECT_EQ(paris_offset_minutes(utc("2027-07-15T12:00:00Z")), 120);
    EXPECT_EQ(paris_zone_abbreviation(utc("2027-07-15T12:00:00Z")), "CEST");
    EXPECT_EQ(paris_zone_abbreviation(utc("2027-01-15T12:00:00Z")), "CET");
}

TEST(ParisTime, SummerTimeStartsAndEndsAtOneUtcOnTheLastSundays) {
    // 2027: last Sunday of March is the 28th, of October the 31st.
    EXPECT_EQ(paris_offset_minutes(utc("2027-03-28T00:59:59Z")), 60);
    EXPECT_EQ(paris_offset_minutes(utc("2027-03-28T01:00:00Z")), 120);
    EXPECT_EQ(paris_offset_minutes(utc("2027-10-31T00:59:59Z")), 120);
    EXPECT_EQ(paris_offset_minutes(utc("2027-10-31T01:00:00Z")), 60);
}

TEST(ParisTime, WallTimeRoundTrips) {
    CivilTime noon{2027, 1, 15, 12, 0, 0};
    EXPECT_EQ(iso_from_utc_seconds(*utc_seconds_of_paris(noon)), "2027-01-15T11:00:00Z");
    CivilTime summer_noon{2027, 7, 15, 12, 0, 0};
    EXPECT_EQ(iso_from_utc_seconds(*utc_seconds_of_paris(summer_noon)), "2027-07-15T10:00:00Z");
    CivilTime local = paris_time_of(utc("2027-07-15T22:30:00Z"));
    EXPECT_EQ(local.day, 16);
    EXPECT_EQ(local.hour, 0);
    EXPECT_EQ(local.minute, 30);
    EXPECT_FALSE(utc_seconds_of_paris(CivilTime{2027, 2, 29, 0, 0, 0}));
    EXPECT_FALSE(utc_seconds_from_iso("2027-13-01T00:00:00Z"));
    EXPECT_FALSE(utc_seconds_from_iso("hier"));
}

TEST(Deadline, ADayEndsAtMidnightParisTime) {
    // 31 March 2027 is in summer time: 23:59:59 CEST = 21:59:59 UTC.
    EXPECT_EQ(iso_from_utc_seconds(*deadline_utc_seconds("2027-03-31")), "2027-03-31T21:59:59Z");
    EXPECT_FALSE(deadline_passed("2027-03-31", utc("2027-03-31T21:59:59Z")));
    EXPECT_TRUE(deadline_passed("2027-03-31", utc("2027-03-31T22:00:00Z")));
    // In winter, one hour later in UTC.
    EXPECT_FALSE(deadline_passed("2027-01-15", utc("2027-01-15T22:30:00Z")));
    EXPECT_TRUE(deadline_passed("2027-01-15", utc("2027-01-15T23:00:00Z")));
}

TEST(Deadline, AMinuteIsThatMinuteParisTime) {
    EXPECT_TRUE(valid_deadline("2027-01-15T12:00"));
    EXPECT_FALSE(deadline_passed("2027-01-15T12:00", utc("2027-01-15T11:00:00Z")));
    EXPECT_TRUE(deadline_passed("2027-01-15T12:00", utc("2027-01-15T11:00:01Z")));
}

TEST(Deadline, NoneOrMalformedNeverPasses) {
    EXPECT_FALSE(deadline_passed("", utc("2099-01-01T00:00:00Z")));
    for (const char* bad : {"2027-02-30", "15/01/2027", "2027-01-15T25:00", "2027-01-15 12:00", "2027-1-5"}) {
        EXPECT_FALSE(valid_deadline(bad)) << bad;
        EXPECT_FALSE(deadline_passed(bad, utc("2099-01-01T00:00:00Z"))) << bad;
    }
}

TEST(Deadline, AVendorsExtensionReplacesThePurchases) {
    Acquisition purchase;
    purchase.deadline = "2027-01-15";
    VendorResponse vendor;
    EXPECT_EQ(effective_deadline(purchase, vendor), "2027-01-15");
    vendor.deadline = "2027-01-22T12:00";
    EXPECT_EQ(effective_deadline(purchase, vendor), "2027-01-22T12:00");
}

TEST(Deadline, IsShownInParisTimeWithTheZone) {
    EXPECT_EQ(format_deadline("2027-01-15T12:00", Language::fr), "15/01/2027 à 12\u00A0h\u00A000 (heure de Paris, CET)");
    EXPECT_EQ(format_deadline("2027-07-15", Language::en), "15 July 2027, 23:59 (Paris time, CEST)");
    EXPECT_EQ(format_deadline("", Language::fr), "");
}

TEST(Clock, AManualClockMovesOnlyWhenTold) {
    ManualClock clock(utc("2027-01-15T11:00:00Z"));
    EXPECT_EQ(clock.now_iso(), "2027-01-15T11:00:00Z");
    clock.advance(86400);
    EXPECT_EQ(clock.now_iso(), "2027-01-16T11:00:00Z");
    EXPECT_GT(system_clock().now_utc_seconds(), utc("2026-01-01T00:00:00Z"));
}

}  // namespace
}  // namespace cyberachat
