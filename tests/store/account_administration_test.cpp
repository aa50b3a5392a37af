// Account administration in the store, on both engines: disabling an account ends its sessions and
// revokes its API tokens in the same transaction; roles change with a journal entry; tokens are
// listed (never the token) and revoked; the last login comes from the journal.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace account_administration_test {

using StoreAccounts = StoreTest;

TEST_F(StoreAccounts, DisablingAnAccountEndsItsSessionsAndRevokesItsTokensAtOnce) {
    const User rssi = make_user("rssi@chu.test", Role::it);
    const User other = make_user("bio@chu.test");
    ASSERT_TRUE(store->sessions.create(user_session(rssi.id, std::string(64, 'r'))).ok());
    ASSERT_TRUE(store->sessions.create(user_session(other.id, std::string(64, 'o'))).ok());
    ASSERT_TRUE(store->api_tokens.create(rssi.id, std::string(64, 'a'), "script", "user:admin@chu.test").ok());
    ASSERT_TRUE(store->api_tokens.create(other.id, std::string(64, 'b'), "autre", "user:admin@chu.test").ok());

    ASSERT_TRUE(store->users.set_active(rssi.id, false, "user:admin@chu.test").ok());
    EXPECT_FALSE(store->users.find(rssi.id)->active);
    EXPECT_EQ(store->sessions.find(std::string(64, 'r')).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->api_tokens.find_user(std::string(64, 'a')).error().code, ErrorCode::not_found);
    // Another account keeps everything.
    EXPECT_TRUE(store->sessions.find(std::string(64, 'o')).ok());
    EXPECT_TRUE(store->api_tokens.find_user(std::string(64, 'b')).ok());
    auto tokens = store->api_tokens.list().value();
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].user_email, "bio@chu.test");

    auto events = store->events.list("user", rssi.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "disable");
    EXPECT_EQ(events[0].actor, "user:admin@chu.test");
    // Disabling again writes nothing; enabling gives the account back, without its old sessions.
    const size_t count = store->events.list_all(1000).value().size();
    ASSERT_TRUE(store->users.set_active(rssi.id, false, "user:admin@chu.test").ok());
    EXPECT_EQ(store->events.list_all(1000).value().size(), count);
    ASSERT_TRUE(store->users.set_active(rssi.id, true, "user:admin@chu.test").ok());
    EXPECT_TRUE(store->users.find(rssi.id)->active);
    EXPECT_EQ(store->sessions.find(std::string(64, 'r')).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->users.set_active(4242, false, "x").error().code, ErrorCode::not_found);
}

// The account's newest event is an "update" of `field` by `actor`, old → new (JSON texts).
void expect_last_update(Store& store, Id user, const std::string& field, const std::string& actor,
                        const std::string& old_value, const std::string& new_value) {
    auto events = store.events.list("user", user).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "update");
    EXPECT_EQ(events[0].field, field);
    EXPECT_EQ(events[0].actor, actor);
    EXPECT_EQ(events[0].old_value, old_value);
    EXPECT_EQ(events[0].new_value, new_value);
}

// Doing `change` (again: nothing to change) writes no event.
template <typename Change>
void expect_no_event_written(Store& store, Change change) {
    const size_t count = store.events.list_all(1000).value().size();
    ASSERT_TRUE(change().ok());
    EXPECT_EQ(store.events.list_all(1000).value().size(), count);
}

TEST_F(StoreAccounts, ARoleChangeIsJournalledOldToNew) {
    const User user = make_user("acheteur@chu.test", Role::buyer);
    ASSERT_TRUE(store->users.set_role(user.id, Role::it, "system:cli").ok());
    EXPECT_EQ(store->users.find(user.id)->role, Role::it);
    expect_last_update(*store, user.id, "role", "system:cli", "\"buyer\"", "\"it\"");
    expect_no_event_written(*store, [&] { return store->users.set_role(user.id, Role::it, "system:cli"); });
    EXPECT_EQ(store->users.set_role(4242, Role::it, "x").error().code, ErrorCode::not_found);
}

TEST_F(StoreAccounts, ADisplayNameChangeIsJournalledOldToNew) {
    const User user = make_user("rssi@chu.test", Role::it);
    ASSERT_TRUE(store->users.set_display_name(user.id, "  Régine Sécurité ", "system:directory").ok());
    EXPECT_EQ(store->users.find(user.id)->display_name, "Régine Sécurité");
    expect_last_update(*store, user.id, "display_name", "system:directory", "\"Test rssi@chu.test\"",
                       "\"Régine Sécurité\"");
    expect_no_event_written(*store, [&] {
        return store->users.set_display_name(user.id, "Régine Sécurité", "system:directory");
    });
    EXPECT_EQ(store->users.set_display_name(4242, "x", "x").error().code, ErrorCode::not_found);
}

TEST_F(StoreAccounts, TokensAreListedWithoutTheirValueAndRevokedOneByOne) {
    const User user = make_user("bio@chu.test");
    const Id first = store->api_tokens.create(user.id, std::string(64, 'c'), "tableur", "system:cli").value();
    const Id second = store->api_tokens.create(user.id, std::string(64, 'd'), "script", "system:cli").value();
    auto listed = store->api_tokens.list(user.id).value();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].id, first);
    EXPECT_EQ(listed[0].name, "tableur");
    EXPECT_TRUE(store->api_tokens.list(user.id + 100).value().empty());
    ASSERT_TRUE(store->api_tokens.revoke(first, "user:bio@chu.test").ok());
    EXPECT_EQ(store->api_tokens.find_user(std::string(64, 'c')).error().code, ErrorCode::not_found);
    EXPECT_TRUE(store->api_tokens.find_user(std::string(64, 'd')).ok());
    EXPECT_EQ(store->api_tokens.list().value().at(0).id, second);
    EXPECT_EQ(store->api_tokens.revoke(first, "x").error().code, ErrorCode::not_found);
    EXPECT_EQ(store->events.list("token", first).value().at(0).action, "revoke");
    EXPECT_EQ(all_event_text().find(std::string(64, 'c')), std::string::npos);  // no token hash in the journal
}

TEST_F(StoreAccounts, TheLastLoginComesFromTheJournal) {
    const User seen = make_user("vu@chu.test");
    const User never = make_user("jamais@chu.test");
    ASSERT_TRUE(store->sessions.create(user_session(seen.id, std::string(64, 'e'))).ok());
    auto logins = store->users.last_logins().value();
    ASSERT_EQ(logins.count(seen.id), 1u);
    EXPECT_EQ(logins[seen.id].size(), 20u);  // 2026-12-02T03:51:13Z
    EXPECT_EQ(logins.count(never.id), 0u);
}

}  // namespace account_administration_test
}  // namespace cyberachat::store::testing
