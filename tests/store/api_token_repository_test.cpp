#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreApiTokens = StoreTest;

TEST_F(StoreApiTokens, CreateAndFindUser) {
    const User user = make_user("api@example.org", Role::it);
    const std::string token = security::random_token();
    const std::string hash = security::sha256_hex(token);
    auto id = store->api_tokens.create(user.id, hash, "export nightly", "user:api@example.org");
    ASSERT_TRUE(id.ok()) << id.error().message.in(Language::en);
    EXPECT_GT(*id, 0);
    auto found = store->api_tokens.find_user(hash);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, user.id);
    EXPECT_EQ(found->email, "api@example.org");
    EXPECT_EQ(found->role, Role::it);
    EXPECT_FALSE(store->api_tokens.find_user(security::sha256_hex("other")));
    EXPECT_FALSE(store->api_tokens.find_user(""));

    auto events = store->events.list("token", *id).value();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "create");
    EXPECT_EQ(nlohmann::json::parse(events[0].new_value)["name"], "export nightly");
    const std::string text = all_event_text();
    EXPECT_EQ(text.find(hash), std::string::npos);
    EXPECT_EQ(text.find(token), std::string::npos);
}

TEST_F(StoreApiTokens, InactiveUsersHaveNoTokenAccess) {
    User user;
    user.email = "gone@example.org";
    user.active = false;
    auto created = store->users.create(user, "system");
    ASSERT_TRUE(created.ok());
    ASSERT_TRUE(store->api_tokens.create(created->id, "h1", "old", "system").ok());
    EXPECT_FALSE(store->api_tokens.find_user("h1"));
}

TEST_F(StoreApiTokens, Errors) {
    EXPECT_EQ(store->api_tokens.create(99, "h", "x", "system").error().code, ErrorCode::not_found);
    const User user = make_user("t@example.org");
    EXPECT_EQ(store->api_tokens.create(user.id, "", "x", "system").error().code, ErrorCode::invalid_value);
    ASSERT_TRUE(store->api_tokens.create(user.id, "same", "x", "system").ok());
    EXPECT_EQ(store->api_tokens.create(user.id, "same", "y", "system").error().code, ErrorCode::conflict);
}

}  // namespace
}  // namespace cyberachat::store::testing
