#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreSessions = StoreTest;

Session make_session(const std::string& hash, const std::string& kind, Id subject) {
    Session session;
    session.token_hash = hash;
    session.kind = kind;
    session.subject_id = subject;
    session.csrf_token = "csrf-" + hash;
    return session;
}

TEST_F(StoreSessions, CreateAndFind) {
    const User user = make_user("s@example.org");
    const std::string hash = security::sha256_hex("cookie value");
    ASSERT_TRUE(store->sessions.create(make_session(hash, "user", user.id)).ok());
    auto found = store->sessions.find(hash);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->kind, "user");
    EXPECT_EQ(found->subject_id, user.id);
    EXPECT_EQ(found->csrf_token, "csrf-" + hash);
    EXPECT_EQ(found->language, "fr");
    EXPECT_FALSE(found->created_at.empty());
    EXPECT_EQ(found->last_seen_at, found->created_at);
    EXPECT_FALSE(store->sessions.find(security::sha256_hex("other")));
    EXPECT_FALSE(store->sessions.find(""));
}

TEST_F(StoreSessions, InvalidAndDuplicateSessions) {
    EXPECT_EQ(store->sessions.create(make_session("", "user", 1)).error().code, ErrorCode::invalid_value);
    EXPECT_EQ(store->sessions.create(make_session("h", "robot", 1)).error().code, ErrorCode::invalid_value);
    ASSERT_TRUE(store->sessions.create(make_session("h", "vendor", 1)).ok());
    EXPECT_EQ(store->sessions.create(make_session("h", "vendor", 1)).error().code, ErrorCode::conflict);
}

TEST_F(StoreSessions, TouchUpdatesLastSeen) {
    Session session = make_session("t", "vendor", 7);
    session.created_at = session.last_seen_at = "2020-01-01T00:00:00Z";
    ASSERT_TRUE(store->sessions.create(session).ok());
    store->sessions.touch("t");
    auto found = store->sessions.find("t");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->created_at, "2020-01-01T00:00:00Z");
    EXPECT_GT(found->last_seen_at, "2020-01-01T00:00:00Z");
    store->sessions.touch("unknown");  // nothing happens
}

TEST_F(StoreSessions, SetLanguage) {
    ASSERT_TRUE(store->sessions.create(make_session("l", "vendor", 3)).ok());
    store->sessions.set_language("l", "en");
    EXPECT_EQ(store->sessions.find("l")->language, "en");
    auto events = store->events.list("session", 3).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "update");
    EXPECT_EQ(events[0].field, "language");
    EXPECT_EQ(events[0].old_value, "\"fr\"");
    EXPECT_EQ(events[0].new_value, "\"en\"");
    EXPECT_EQ(events[0].actor, "vendor:3");
}

TEST_F(StoreSessions, RemoveAndRemoveForSubject) {
    ASSERT_TRUE(store->sessions.create(make_session("a", "vendor", 1)).ok());
    ASSERT_TRUE(store->sessions.create(make_session("b", "vendor", 1)).ok());
    ASSERT_TRUE(store->sessions.create(make_session("c", "vendor", 2)).ok());
    ASSERT_TRUE(store->sessions.create(make_session("d", "user", 1)).ok());
    store->sessions.remove("a");
    EXPECT_FALSE(store->sessions.find("a"));
    store->sessions.remove_for_subject("vendor", 1);
    EXPECT_FALSE(store->sessions.find("b"));
    EXPECT_TRUE(store->sessions.find("c"));
    EXPECT_TRUE(store->sessions.find("d"));  // same id, other kind
    auto events = store->events.list("session", 1).value();
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[0].action, "revoke");
    EXPECT_EQ(events[1].action, "logout");
}

TEST_F(StoreSessions, RemoveIdle) {
    Session old = make_session("old", "vendor", 1);
    old.created_at = old.last_seen_at = "2000-01-01T00:00:00Z";
    ASSERT_TRUE(store->sessions.create(old).ok());
    ASSERT_TRUE(store->sessions.create(make_session("fresh", "vendor", 2)).ok());
    store->sessions.remove_idle(3600);
    EXPECT_FALSE(store->sessions.find("old"));
    EXPECT_TRUE(store->sessions.find("fresh"));
    auto events = store->events.list("session", 1).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "expire");
    EXPECT_EQ(events[0].actor, "system");
}

TEST_F(StoreSessions, EventsNeverContainTokensOrCsrf) {
    const User user = make_user("secret@example.org");
    const std::string hash = security::sha256_hex("the cookie");
    Session session = make_session(hash, "user", user.id);
    session.csrf_token = security::random_token();
    ASSERT_TRUE(store->sessions.create(session).ok());
    store->sessions.set_language(hash, "en");
    store->sessions.remove(hash);
    auto events = store->events.list("session", user.id).value();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[2].action, "login");
    EXPECT_EQ(events[2].actor, "user:#" + std::to_string(user.id));
    const std::string text = all_event_text();
    EXPECT_EQ(text.find(hash), std::string::npos);
    EXPECT_EQ(text.find(session.csrf_token), std::string::npos);
}

}  // namespace
}  // namespace cyberachat::store::testing
