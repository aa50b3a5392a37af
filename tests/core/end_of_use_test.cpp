#include "core/end_of_use.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

TEST(EndOfUse, TheLeadsDateWinsElseSevenYearsAfterTheDeadlineElseAfterTheCreation) {
    Acquisition purchase;
    purchase.created_at = "2026-12-03T08:00:00Z";
    purchase.deadline = "2027-03-31T12:00";
    EXPECT_EQ(expected_end_of_use(purchase).date, "2034-03-31");
    EXPECT_FALSE(expected_end_of_use(purchase).set_by_lead);
    purchase.expected_end_of_use = "2040-06-30";
    EXPECT_EQ(expected_end_of_use(purchase).date, "2040-06-30");
    EXPECT_TRUE(expected_end_of_use(purchase).set_by_lead);
    purchase.expected_end_of_use = "";
    purchase.deadline = "";
    EXPECT_EQ(expected_end_of_use(purchase).date, "2033-12-03");
}

TEST(EndOfUse, DatesAreCheckedAndTheTwentyNinthOfFebruaryBecomesTheTwentyEighth) {
    EXPECT_TRUE(valid_end_of_use("2033-12-31"));
    for (const char* wrong : {"", "2033-13-01", "2033-02-29", "1999-12-31", "2101-01-01", "31/12/2033", "2033-12-31T10:00",
                              "2033-1-01", "abcd-ef-gh"})
        EXPECT_FALSE(valid_end_of_use(wrong)) << wrong;
    EXPECT_TRUE(valid_end_of_use("2032-02-29"));
    EXPECT_EQ(add_years("2028-02-29", 7), "2035-02-28");
    EXPECT_EQ(add_years("2028-02-29", 4), "2032-02-29");
    EXPECT_EQ(add_years("not a date", 7), "");
}

}  // namespace
}  // namespace cyberachat
