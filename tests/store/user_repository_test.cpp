#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreUsers = StoreTest;

TEST_F(StoreUsers, CreateFindListCount) {
    EXPECT_EQ(store->users.count().value(), 0u);
    User user;
    user.email = "  Marie.Curie@CHU.example ";
    user.display_name = "Marie Curie";
    user.role = Role::it;
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$salt$hash";
    auto created = store->users.create(user, "system");
    ASSERT_TRUE(created.ok()) << created.error().message.in(Language::en);
    EXPECT_GT(created->id, 0);
    EXPECT_EQ(created->email, "marie.curie@chu.example");
    EXPECT_FALSE(created->created_at.empty());

    auto found = store->users.find(created->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->email, "marie.curie@chu.example");
    EXPECT_EQ(found->display_name, "Marie Curie");
    EXPECT_EQ(found->role, Role::it);
    EXPECT_EQ(found->password_hash, user.password_hash);
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->created_at, created->created_at);

    auto by_email = store->users.find_by_email("MARIE.CURIE@chu.EXAMPLE");
    ASSERT_TRUE(by_email);
    EXPECT_EQ(by_email->id, created->id);

    make_user("b@example.org", Role::buyer);
    EXPECT_EQ(store->users.count().value(), 2u);
    auto all = store->users.list().value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, created->id);
    EXPECT_EQ(all[1].role, Role::buyer);
}

TEST_F(StoreUsers, InactiveUsersAreStoredAsSuch) {
    User user;
    user.email = "off@example.org";
    user.active = false;
    auto created = store->users.create(user, "system");
    ASSERT_TRUE(created.ok());
    EXPECT_FALSE(store->users.find(created->id)->active);
}

TEST_F(StoreUsers, DuplicateEmailIsAConflict) {
    make_user("dup@example.org");
    User again;
    again.email = "DUP@example.org";
    auto created = store->users.create(again, "system");
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::conflict);
    EXPECT_EQ(store->users.count().value(), 1u);
}

TEST_F(StoreUsers, InvalidEmailIsRejected) {
    User user;
    user.email = "   ";
    auto created = store->users.create(user, "system");
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::invalid_value);
    user.email = "no-at-sign";
    EXPECT_EQ(store->users.create(user, "system").error().code, ErrorCode::invalid_value);
}

TEST_F(StoreUsers, UnknownIdsAndEmails) {
    EXPECT_FALSE(store->users.find(42));
    EXPECT_FALSE(store->users.find_by_email("nobody@example.org"));
    auto set = store->users.set_password_hash(42, "$argon2id$x", "system");
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, ErrorCode::not_found);
}

TEST_F(StoreUsers, SetPasswordHash) {
    const User user = make_user("p@example.org");
    ASSERT_TRUE(store->users.set_password_hash(user.id, "$argon2id$new-hash-value", "user:p@example.org").ok());
    EXPECT_EQ(store->users.find(user.id)->password_hash, "$argon2id$new-hash-value");
    EXPECT_EQ(store->users.set_password_hash(user.id, "", "system").error().code, ErrorCode::invalid_value);
}

TEST_F(StoreUsers, EventsRecordChangesWithoutSecrets) {
    const User user = make_user("e@example.org", Role::admin);
    ASSERT_TRUE(store->users.set_password_hash(user.id, "$argon2id$second-hash", "user:e@example.org").ok());
    auto events = store->events.list("user", user.id).value();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].action, "set_password");  // newest first
    // The journal names an account by its id, never by its e-mail (pseudonymous once deleted).
    EXPECT_EQ(events[0].actor, "user:#" + std::to_string(user.id));
    EXPECT_TRUE(events[0].old_value.empty());
    EXPECT_TRUE(events[0].new_value.empty());
    EXPECT_EQ(events[1].action, "create");
    EXPECT_EQ(events[1].actor, "system");
    const auto shown = nlohmann::json::parse(events[1].new_value);
    EXPECT_FALSE(shown.contains("email"));
    EXPECT_EQ(shown["role"], "admin");
    const std::string text = all_event_text();
    EXPECT_EQ(text.find("argon2"), std::string::npos);
    EXPECT_EQ(text.find("second-hash"), std::string::npos);
}

TEST_F(StoreUsers, FailedCreateWritesNoEvent) {
    make_user("once@example.org");
    const size_t before = store->events.list_all().value().size();
    User again;
    again.email = "once@example.org";
    ASSERT_FALSE(store->users.create(again, "system").ok());
    EXPECT_EQ(store->events.list_all().value().size(), before);
}

}  // namespace
}  // namespace cyberachat::store::testing
