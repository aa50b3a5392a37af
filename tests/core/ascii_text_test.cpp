// core/ascii_text: the one trim and the ASCII lower-casing.
#include "core/ascii_text.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;

TEST(AsciiText, TrimsAsciiWhiteSpaceAtBothEnds) {
    EXPECT_EQ(trim("  gzip ;q=1\t"), "gzip ;q=1");
    EXPECT_EQ(trim("\r\n\v\f x y \r\n"), "x y");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("\u00A0é\u00A0"), "\u00A0é\u00A0");  // a no-break space is not ASCII white space
}

TEST(AsciiText, LowersAsciiCapitalsOnly) {
    EXPECT_EQ(lower_ascii("Jean.DUPONT@Exemple.FR"), "jean.dupont@exemple.fr");
    EXPECT_EQ(lower_ascii("ÉTÉ"), "ÉtÉ");
}
