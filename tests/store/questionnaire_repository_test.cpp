#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreQuestionnaires = StoreTest;

TEST_F(StoreQuestionnaires, EnsureStoresOnceBySha) {
    const std::string yaml = "id: afib\nversion: '2024.1'\nquestions: []\n";
    auto first = store->questionnaires.ensure("afib", "2024.1", yaml);
    ASSERT_TRUE(first.ok()) << first.error().message.in(Language::en);
    EXPECT_GT(first->id, 0);
    EXPECT_EQ(first->sha256, security::sha256_hex(yaml));
    EXPECT_EQ(first->yaml, yaml);
    EXPECT_FALSE(first->created_at.empty());

    auto second = store->questionnaires.ensure("afib", "2024.1", yaml);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->id, first->id);
    EXPECT_EQ(second->created_at, first->created_at);

    auto changed = store->questionnaires.ensure("afib", "2024.1", yaml + "# edited\n");
    ASSERT_TRUE(changed.ok());
    EXPECT_NE(changed->id, first->id);

    auto found = store->questionnaires.find(first->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->questionnaire_id, "afib");
    EXPECT_EQ(found->version, "2024.1");
    EXPECT_EQ(found->yaml, yaml);
    EXPECT_EQ(found->sha256, first->sha256);
    EXPECT_FALSE(store->questionnaires.find(9999));

    // One creation event per stored text, none for the dedupe.
    EXPECT_EQ(store->events.list("questionnaire", first->id).value().size(), 1u);
    EXPECT_EQ(store->events.list("questionnaire", changed->id).value().size(), 1u);
}

TEST_F(StoreQuestionnaires, EmptyDefinitionIsInvalid) {
    EXPECT_EQ(store->questionnaires.ensure("afib", "1", "").error().code, ErrorCode::invalid_value);
    EXPECT_EQ(store->questionnaires.ensure("", "1", "x: 1").error().code, ErrorCode::invalid_value);
}

}  // namespace
}  // namespace cyberachat::store::testing
