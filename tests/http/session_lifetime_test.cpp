// Sessions end after an absolute lifetime (serve --session-max-hours, 12 by default), even when
// used all along: the idle timeout alone would let a stolen cookie live forever if it is used.
#include <gtest/gtest.h>

#include <ctime>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace session_lifetime_test {

// "2026-12-02T03:51:13Z", `hours` ago (UTC), as the sessions table keeps times.
std::string hours_ago(int hours) {
    const std::time_t at = std::time(nullptr) - hours * 3600;
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

}  // namespace session_lifetime_test
