// The sections a vendor's session has opened, in its small "cyb_seen" cookie (web/seen_sections.hpp).
#include "web/seen_sections.hpp"

#include <gtest/gtest.h>

using cyberachat::web::kMaxSeenSections;
using cyberachat::web::SeenSections;

namespace {
const std::string kKey = "0123456789abcdef";
}

TEST(SeenSections, AnEmptyOrForeignCookieHasSeenNothing) {
    for (const char* cookie : {"", "garbage", "0123456789abcdef", "fedcba9876543210.ff", "0123456789abcdef.zz",
                               "0123456789abcdef.FF", ".ff"}) {
        const SeenSections seen = SeenSections::parse(cookie, kKey);
        for (size_t i = 0; i < 8; ++i) EXPECT_FALSE(seen.contains(i)) << cookie << " " << i;
    }
    EXPECT_FALSE(SeenSections::parse(".1", "").contains(0));  // no session: no key
}

TEST(SeenSections, AddedSectionsRoundTripThroughTheCookie) {
    SeenSections seen(kKey);
    EXPECT_EQ(seen.cookie_value(), kKey + ".");
    EXPECT_TRUE(seen.add(0));
    EXPECT_FALSE(seen.add(0));  // already there
    EXPECT_TRUE(seen.add(5));
    EXPECT_TRUE(seen.add(42));
    const std::string value = seen.cookie_value();
    EXPECT_EQ(value, kKey + ".12000000004");  // digit i: sections 4i..4i+3, low bit first; no trailing zeros
    const SeenSections read = SeenSections::parse(value, kKey);
    for (size_t i = 0; i < 64; ++i) EXPECT_EQ(read.contains(i), i == 0 || i == 5 || i == 42) << i;
    EXPECT_FALSE(SeenSections::parse(value, "another-session-").contains(0));  // another session starts afresh
}

TEST(SeenSections, TheCookieStaysSmallAndBounded) {
    SeenSections seen(kKey);
    for (size_t i = 0; i < kMaxSeenSections; ++i) EXPECT_TRUE(seen.add(i));
    EXPECT_FALSE(seen.add(kMaxSeenSections));  // past the limit: not remembered (always a first visit)
    EXPECT_FALSE(seen.contains(kMaxSeenSections));
    const std::string value = seen.cookie_value();
    EXPECT_LE(value.size(), 150u);
    EXPECT_TRUE(SeenSections::parse(value, kKey).contains(kMaxSeenSections - 1));
    EXPECT_FALSE(SeenSections::parse(value + "1", kKey).contains(0));  // too long: refused whole
}
