// Values formatted for reading.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/answer_format.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(AnswerFormat, DatesNumbersSizes) {
    EXPECT_EQ(format_date("2027-03-31", Language::fr), "31/03/2027");
    EXPECT_EQ(format_date("2027-03-31", Language::en), "31 March 2027");
    EXPECT_EQ(format_date("bogus", Language::fr), "bogus");
    EXPECT_EQ(format_datetime("2026-11-29T10:15:00Z", Language::fr), "29/11/2026 à 11\u00A0h\u00A015");
    EXPECT_EQ(format_datetime("2026-07-01T23:30:00Z", Language::fr), "02/07/2026 à 1\u00A0h\u00A030");
    EXPECT_EQ(format_datetime("2026-03-29T00:59:00Z", Language::en), "29 March 2026, 01:59");  // before the change
    EXPECT_EQ(format_datetime("2026-03-29T01:00:00Z", Language::en), "29 March 2026, 03:00");  // after
    EXPECT_EQ(format_number(2.5, Language::fr), "2,5");
    EXPECT_EQ(format_number(1234567.25, Language::fr), "1\u202F234\u202F567,25");
    EXPECT_EQ(format_number(1234567.25, Language::en), "1,234,567.25");
    EXPECT_EQ(format_number(-12, Language::fr), "-12");
    EXPECT_EQ(format_number_input(1234.5, Language::fr), "1234,5");
    EXPECT_EQ(format_size(512, Language::fr), "512\u00A0octets");
    EXPECT_EQ(format_size(1536, Language::fr), "1,5\u00A0Ko");
    EXPECT_EQ(format_size(5 * 1024 * 1024, Language::en), "5 MB");
}
