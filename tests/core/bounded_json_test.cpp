// JSON from outside: nesting measured on the text, before anything recursive touches the value.
#include "core/bounded_json.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace cyberachat;

namespace {
std::string nested_objects(size_t depth) {
    std::string text;
    for (size_t i = 0; i < depth; ++i) text += "{\"a\":";
    text += "1";
    text.append(depth, '}');
    return text;
}
std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST(JsonNestingDepth, CountsArraysAndObjects) {
    EXPECT_EQ(json_nesting_depth("1"), 0u);
    EXPECT_EQ(json_nesting_depth("{}"), 1u);
    EXPECT_EQ(json_nesting_depth(R"({"a":[{"b":1}],"c":[]})"), 3u);
    EXPECT_EQ(json_nesting_depth(nested_arrays(10)), 10u);
}

TEST(JsonNestingDepth, BracketsInStringsDoNotCount) {
    EXPECT_EQ(json_nesting_depth(R"({"a":"[[[[{{{{"})"), 1u);
    EXPECT_EQ(json_nesting_depth(R"({"a":"\"[[[["})"), 1u);   // escaped quote: still inside the string
    EXPECT_EQ(json_nesting_depth(R"({"a":"\\",  "b":[[1]]})"), 3u);  // escaped backslash ends before the quote
}

TEST(JsonNestingDepth, StopsCountingPastTheLimit) {
    EXPECT_EQ(json_nesting_depth(nested_arrays(100000), 64), 65u);
}

TEST(ParseBoundedJson, AcceptsUpToTheLimit) {
    auto parsed = parse_bounded_json(nested_objects(kMaxJsonDepth));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.fr;
    EXPECT_TRUE(parsed->is_object());
}

TEST(ParseBoundedJson, RefusesOneLevelMore) {
    auto parsed = parse_bounded_json(nested_objects(kMaxJsonDepth + 1));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, ErrorCode::json_too_deep);
    EXPECT_NE(parsed.error().message.fr.find("64"), std::string::npos) << parsed.error().message.fr;
    EXPECT_FALSE(parsed.error().message.in(Language::en).empty());
}

TEST(ParseBoundedJson, RefusesAHundredThousandLevelsWithoutCrashing) {
    for (const std::string& text : {nested_objects(100000), nested_arrays(100000)}) {
        auto parsed = parse_bounded_json(text);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::json_too_deep);
    }
}

TEST(ParseBoundedJson, MalformedJsonIsBadJson) {
    for (const char* text : {"", "{", "{\"a\":}", "[1,]", "nul"}) {
        auto parsed = parse_bounded_json(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().code, ErrorCode::bad_json) << text;
    }
}

TEST(ParseBoundedJson, UnbalancedClosingBracketsDoNotHideDepth) {
    // Stray closers cannot drive the depth below zero and let a deep value through afterwards.
    auto parsed = parse_bounded_json(std::string(1000, ']') + nested_arrays(kMaxJsonDepth + 1));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, ErrorCode::json_too_deep);
}
