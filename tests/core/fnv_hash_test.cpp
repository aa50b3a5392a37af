// FNV-1a 64 against the published test vectors; fields are told apart by their separator.
#include "core/fnv_hash.hpp"

#include <gtest/gtest.h>

using cyberachat::FnvHash;

TEST(FnvHash, MatchesThePublishedVectors) {
    EXPECT_EQ(FnvHash().value(), 0xcbf29ce484222325ull);
    EXPECT_EQ(FnvHash().add("a").value(), 0xaf63dc4c8601ec8cull);
    EXPECT_EQ(FnvHash().add("foobar").value(), 0x85944171f73967e8ull);
    EXPECT_EQ(FnvHash().add("foo").add("bar").value(), FnvHash().add("foobar").value()) << "bytes in pieces";
    EXPECT_EQ(FnvHash().add("a").hex(), "af63dc4c8601ec8c");
    EXPECT_EQ(FnvHash().add("a").hex(12), "dc4c8601ec8c");
}

TEST(FnvHash, FieldsAreToldApart) {
    EXPECT_NE(FnvHash().add_field("ab").add_field("c").value(), FnvHash().add_field("a").add_field("bc").value());
    EXPECT_NE(FnvHash().add_field("ab").value(), FnvHash().add("ab").value());
}
