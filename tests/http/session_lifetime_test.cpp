// Sessions end after an absolute lifetime (serve --session-max-hours, 12 by default), even when
// used all along: the idle timeout alone would let a stolen cookie live forever if it is used.
#include <gtest/gtest.h>

#include <ctime>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace session_lifetime_test {

// "2026-12-02T03:51:13Z", `hours` ago (UTC), as the sessions table keeps times.
std::string hours_ago(double hours) {
    const std::time_t at = std::time(nullptr) - static_cast<std::time_t>(hours * 3600);
    std::tm tm{};
    gmtime_r(&at, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

TEST(SessionLifetime, AnActiveSessionEndsOnceItsLifetimeIsOver) {
    ServerProcess server;
    const std::string cookie = hospital_session(server);
    ASSERT_NE(cookie, "cyb_session=");
    auto client = server.client();
    auto page = client.Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);

    // Begun 11 hours ago, used a moment ago: still within 12 hours.
    server.query_value("UPDATE sessions SET created_at = '" + hours_ago(11) + "' WHERE kind = 'user'");
    page = client.Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);

    // Begun 13 hours ago: over, however recent its last use; the session is gone from the database.
    server.query_value("UPDATE sessions SET created_at = '" + hours_ago(13) + "' WHERE kind = 'user'");
    page = client.Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 303);
    EXPECT_EQ(page->get_header_value("Location"), "/login");
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM sessions WHERE kind = 'user'"), "0");
}

TEST(SessionLifetime, TheLifetimeIsASetting) {
    ServerProcess server({"--session-max-hours", "1"});
    const std::string cookie = hospital_session(server);
    server.query_value("UPDATE sessions SET created_at = '" + hours_ago(2) + "' WHERE kind = 'user'");
    auto page = server.client().Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 303);
}

// The idle timeout is a setting too: a session unused for longer than --hospital-idle-minutes ends,
// one used within it goes on.
TEST(SessionLifetime, TheIdleTimeoutIsASetting) {
    ServerProcess server({"--hospital-idle-minutes", "5"});
    const std::string cookie = hospital_session(server);
    server.query_value("UPDATE sessions SET last_seen_at = '" + hours_ago(0.05) + "' WHERE kind = 'user'");  // 3 min
    auto recent = server.client().Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(recent);
    EXPECT_EQ(recent->status, 200);
    server.query_value("UPDATE sessions SET last_seen_at = '" + hours_ago(0.2) + "' WHERE kind = 'user'");  // 12 min
    auto idle = server.client().Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(idle);
    EXPECT_EQ(idle->status, 303);
    EXPECT_EQ(idle->get_header_value("Location"), "/login");
}

}  // namespace session_lifetime_test
