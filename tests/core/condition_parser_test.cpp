#include "core/condition_parser.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;

TEST(ConditionParser, ParsesComparison) {
    auto parsed = parse_condition("dispositif.poste_standard == oui");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value()->op, Condition::Op::equals);
    EXPECT_EQ(parsed.value()->question_id, "dispositif.poste_standard");
    EXPECT_EQ(parsed.value()->literal, "oui");
}
