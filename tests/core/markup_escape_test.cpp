#include "core/markup_escape.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

TEST(MarkupEscape, EscapesTheFiveCharacters) {
    EXPECT_EQ(markup_escaped("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    std::string out = "déjà ";
    append_markup_escaped(out, "rien à échapper");
    EXPECT_EQ(out, "déjà rien à échapper");
}

}  // namespace
}  // namespace cyberachat
