// Password reset links, API token expiry and account deletion in the store, on both engines.
#include <gtest/gtest.h>

#include "store/journal_chain.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace password_reset_repository_test {

using StoreResets = StoreTest;

TEST_F(StoreResets, ALinkIsUsedOnceAndEndsTheAccountsSessions) {
    const User user = make_user("oubli@chu.test");
    ASSERT_TRUE(store->sessions.create(user_session(user.id, std::string(64, 's'))).ok());
    auto reset = store->password_resets.create(user.id, std::string(64, 'h'), 1800, "system:cli");
    ASSERT_TRUE(reset.ok()) << reset.error().message.fr;
    EXPECT_GT(reset->expires_at, reset->created_at);
    auto found = store->password_resets.find(std::string(64, 'h'));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->user_id, user.id);
    EXPECT_TRUE(found->used_at.empty());

    ASSERT_TRUE(store->password_resets.use(found->id, "$argon2id$new", "user:oubli@chu.test").ok());
    EXPECT_EQ(store->users.find(user.id)->password_hash, "$argon2id$new");
    EXPECT_EQ(store->sessions.find(std::string(64, 's')).error().code, ErrorCode::not_found);
    EXPECT_FALSE(store->password_resets.find(std::string(64, 'h'))->used_at.empty());
    // Once only.
    EXPECT_EQ(store->password_resets.use(found->id, "$argon2id$again", "x").error().code, ErrorCode::conflict);
    EXPECT_EQ(store->users.find(user.id)->password_hash, "$argon2id$new");
    // The journal says it happened, never the token (nor its hash).
    const std::string journal = all_event_text();
    EXPECT_NE(journal.find("reset_link"), std::string::npos);
    EXPECT_NE(journal.find("reset_password"), std::string::npos);
    EXPECT_EQ(journal.find(std::string(64, 'h')), std::string::npos);
}

TEST_F(StoreResets, AnExpiredLinkIsRefused) {
    const User user = make_user("lent@chu.test");
    auto reset = store->password_resets.create(user.id, std::string(64, 'e'), -1, "system:cli");
    ASSERT_TRUE(reset.ok());
    EXPECT_EQ(store->password_resets.use(reset->id, "$argon2id$x", "x").error().code, ErrorCode::conflict);
    EXPECT_EQ(store->password_resets.find(std::string(64, 'u')).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->password_resets.create(4242, std::string(64, 'z'), 60, "x").error().code, ErrorCode::not_found);
}

TEST_F(StoreResets, AnExpiredApiTokenNoLongerAuthenticates) {
    const User user = make_user("script@chu.test");
    ASSERT_TRUE(store->api_tokens.create(user.id, std::string(64, 'p'), "passé", "x", "2000-01-01T00:00:00Z").ok());
    ASSERT_TRUE(store->api_tokens.create(user.id, std::string(64, 'f'), "futur", "x", "2999-01-01T00:00:00Z").ok());
    ASSERT_TRUE(store->api_tokens.create(user.id, std::string(64, 'n'), "sans", "x").ok());
    EXPECT_EQ(store->api_tokens.find_user(std::string(64, 'p')).error().code, ErrorCode::not_found);
    EXPECT_TRUE(store->api_tokens.find_user(std::string(64, 'f')).ok());
    EXPECT_TRUE(store->api_tokens.find_user(std::string(64, 'n')).ok());
    auto tokens = store->api_tokens.list(user.id).value();
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].expires_at, "2000-01-01T00:00:00Z");
    EXPECT_EQ(tokens[2].expires_at, "");
    EXPECT_EQ(store->api_tokens.find(tokens[1].id)->name, "futur");
}

TEST_F(StoreResets, TheJournalNamesAccountsByIdAndDeletionLeavesATombstone) {
    const User user = make_user("depart@chu.test", Role::it);
    ASSERT_TRUE(store->sessions.create(user_session(user.id, std::string(64, 'd'))).ok());
    ASSERT_TRUE(store->api_tokens.create(user.id, std::string(64, 't'), "script", "user:depart@chu.test").ok());
    const Id acquisition = make_acquisition().id;
    ASSERT_TRUE(store->acquisitions.update([&] {
        Acquisition changed = store->acquisitions.find(acquisition).value();
        changed.notes = "Notes de départ";
        return changed;
    }(), "user:depart@chu.test").ok());
    // From now on the journal writes the account's id, not its e-mail.
    auto events = store->events.list("acquisition", acquisition).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].actor, "user:#" + std::to_string(user.id));

    ASSERT_TRUE(store->users.remove(user.id, "user:admin@chu.test").ok());
    auto tombstone = store->users.find(user.id).value();
    EXPECT_TRUE(is_deleted_account(tombstone));
    EXPECT_EQ(tombstone.email, "deleted:" + std::to_string(user.id));
    EXPECT_TRUE(tombstone.display_name.empty());
    EXPECT_TRUE(tombstone.password_hash.empty());
    EXPECT_FALSE(tombstone.active);
    EXPECT_EQ(store->users.find_by_email("depart@chu.test").error().code, ErrorCode::not_found);
    for (const User& listed : store->users.list().value()) EXPECT_NE(listed.id, user.id);
    EXPECT_EQ(store->sessions.find(std::string(64, 'd')).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->api_tokens.find_user(std::string(64, 't')).error().code, ErrorCode::not_found);
    EXPECT_EQ(store->users.remove(user.id, "x").error().code, ErrorCode::not_found);
    // The e-mail is then nowhere in the journal, which still verifies; a new account may take it.
    EXPECT_EQ(all_event_text().find("depart@chu.test"), std::string::npos) << all_event_text();
    auto verified = verify_journal(*store);
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact());
    EXPECT_NE(make_user("depart@chu.test").id, user.id);
}

}  // namespace password_reset_repository_test
}  // namespace cyberachat::store::testing
