// core/kind_traits: one row per answer kind, and the kind helpers answering from it.
#include "core/kind_traits.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace cyberachat;

TEST(KindTraits, OneRowPerKindInEnumOrder) {
    std::set<std::string_view> names;
    size_t index = 0;
    for (const KindTraits& traits : all_kind_traits()) {
        EXPECT_EQ(static_cast<size_t>(traits.kind), index++);
        EXPECT_TRUE(names.insert(traits.name).second) << traits.name;
        EXPECT_EQ(parse_question_kind(traits.name), traits.kind);
        EXPECT_EQ(question_kind_name(traits.kind), traits.name);
        EXPECT_NE(std::string(traits.expected_fr), "");
        EXPECT_NE(std::string(traits.expected_en), "");
        // A field kind holds one scalar (tables and contact blocks hold scalars only).
        if (traits.field) {
            EXPECT_TRUE(is_scalar_shape(traits.shape)) << traits.name;
        }
    }
    EXPECT_EQ(index, 13u);
    EXPECT_EQ(parse_question_kind("yesno"), std::nullopt);
}

TEST(KindTraits, KindHelpersFollowTheTable) {
    EXPECT_EQ(question_kind_list(),
              "yes_no, text, long_text, number, integer, date, email, phone, single_choice, multiple_choice, "
              "document, table, contact");
    EXPECT_TRUE(is_numeric_kind(QuestionKind::integer));
    EXPECT_FALSE(is_numeric_kind(QuestionKind::phone));
    EXPECT_TRUE(is_choice_kind(QuestionKind::multiple_choice));
    EXPECT_FALSE(is_choice_kind(QuestionKind::yes_no));
    EXPECT_TRUE(is_field_kind(QuestionKind::date));
    EXPECT_FALSE(is_field_kind(QuestionKind::table));
    EXPECT_EQ(kind_traits(QuestionKind::contact).shape, ValueShape::record);
    EXPECT_EQ(kind_traits(QuestionKind::long_text).shape, ValueShape::text);
}
