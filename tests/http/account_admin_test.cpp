// Account administration and "my account" over HTTP, on both engines: administrators only,
// one-time reset links that expire, disabling that ends a session at once, API tokens that
// expire, deletion that keeps the journal verifiable and pseudonymous.
#include <gtest/gtest.h>

#include <regex>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace account_admin_test {

constexpr const char* kAdminEmail = "admin@chu.test";
constexpr const char* kAdminPassword = "Mot-de-passe-de-test-2";  // server_process.cpp's user_token

// The form's CSRF token on a page.
std::string csrf_of(const std::string& body) {
    static const std::regex csrf(R"(name="_csrf" value="([^"]+)\")");
    std::smatch match;
    return std::regex_search(body, match, csrf) ? match[1].str() : "";
}

struct Admin {
    std::string token;
    std::string cookie;
};

Admin make_admin(const ServerProcess& server) {
    Admin admin;
    admin.token = user_token(server, kAdminEmail, "admin");
    admin.cookie = hospital_session(server, kAdminEmail, kAdminPassword);
    return admin;
}

long long bio_id(const ServerProcess& server) {
    return std::stoll(server.query_value(std::string("SELECT id FROM users WHERE email = '") + ServerProcess::kEmail + "'"));
}

// The path of a reset URL ("http://…/reset-password/TOKEN" → "/reset-password/TOKEN").
std::string path_of(const std::string& url) { return url.substr(url.find("/reset-password/")); }

// Posts the reset form at `path` (GET for its CSRF cookie first); the response.
httplib::Result post_reset(const ServerProcess& server, const std::string& path, const std::string& password) {
    auto client = server.client();
    auto form = client.Get(path);
    if (!form || form->status != 200) return form;
    const std::string cookie = "cyb_login_csrf=" + set_cookie(form, "cyb_login_csrf");
    return client.Post(path, {{"Cookie", cookie}},
                       httplib::Params{{"new_password", password}, {"confirm_password", password}, {"_csrf", csrf_of(form->body)}});
}

TEST(AccountAdmin, AdministrationIsForAdministratorsOnly) {
    ServerProcess server;
    const Admin admin = make_admin(server);
    const std::string bio_cookie = hospital_session(server);
    auto page = server.client().Get("/admin/users", {{"Cookie", bio_cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403);
    EXPECT_EQ(server.api(server.api_token()).Get("/api/v1/users")->status, 403);
    EXPECT_EQ(server.api(server.api_token()).Delete("/api/v1/users/1")->status, 403);
    auto refused = server.client().Post("/admin/users", {{"Cookie", bio_cookie}},
                                        httplib::Params{{"email", "x@chu.test"}, {"role", "admin"}, {"_csrf", csrf_of(page->body)}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM users WHERE email = 'x@chu.test'"), "0");
    // Without a token: 401.
    EXPECT_EQ(server.client().Get("/api/v1/users")->status, 401);

    page = server.client().Get("/admin/users", {{"Cookie", admin.cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find(ServerProcess::kEmail), std::string::npos);
    auto list = parse_json(server.api(admin.token).Get("/api/v1/users"));
    ASSERT_TRUE(list.is_array());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["origin"], "local");
    EXPECT_FALSE(list[0]["last_login_at"].is_null());  // bio logged in above
}

TEST(AccountAdmin, AResetLinkWorksOnceAndExpires) {
    ServerProcess server({"--public-url", "https://cyberachat.chu.test/"});
    const Admin admin = make_admin(server);
    const std::string bio_cookie = hospital_session(server);
    const std::string target = "/api/v1/users/" + std::to_string(bio_id(server)) + "/reset-link";
    auto link = parse_json(server.api(admin.token).Post(target, "", "application/json"));
    ASSERT_TRUE(link.contains("reset_url")) << link.dump();
    const std::string url = link["reset_url"];
    EXPECT_EQ(url.rfind("https://cyberachat.chu.test/reset-password/", 0), 0u) << url;
    // Only the hash is stored.
    EXPECT_EQ(server.database_contents().find(url.substr(url.rfind('/') + 1)), std::string::npos);

    auto weak = post_reset(server, path_of(url), "password1234");
    ASSERT_TRUE(weak);
    EXPECT_EQ(weak->status, 422);
    EXPECT_NE(weak->body.find("trop courant"), std::string::npos);

    const std::string chosen = "Une phrase longue et neuve 7";
    auto done = post_reset(server, path_of(url), chosen);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(done->get_header_value("Location"), "/login");
    // The account's sessions ended; the new password opens a new one, the old one no longer does.
    EXPECT_EQ(server.client().Get("/acquisitions", {{"Cookie", bio_cookie}})->status, 303);
    EXPECT_NE(hospital_session(server, ServerProcess::kEmail, chosen), "cyb_session=");
    EXPECT_EQ(hospital_session(server), "cyb_session=");

    // Used: 410, with a clear message; unknown: 404.
    auto again = server.client().Get(path_of(url));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 410);
    EXPECT_NE(again->body.find("déjà servi"), std::string::npos);
    EXPECT_EQ(server.client().Get("/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")->status, 404);

    // Expired: 410 too.
    auto second = parse_json(server.api(admin.token).Post(target, "", "application/json"));
    server.query_value("UPDATE password_resets SET expires_at = '2000-01-01T00:00:00Z' WHERE used_at = ''");
    auto expired = server.client().Get(path_of(second["reset_url"]));
    ASSERT_TRUE(expired);
    EXPECT_EQ(expired->status, 410);
    EXPECT_NE(expired->body.find("expiré"), std::string::npos);
}

TEST(AccountAdmin, DisablingEndsTheSessionAtOnce) {
    ServerProcess server;
    const Admin admin = make_admin(server);
    const std::string bio_cookie = hospital_session(server);
    ASSERT_EQ(server.client().Get("/acquisitions", {{"Cookie", bio_cookie}})->status, 200);
    auto patched = server.api(admin.token).Patch("/api/v1/users/" + std::to_string(bio_id(server)),
                                                 R"({"active": false})", "application/json");
    ASSERT_TRUE(patched);
    EXPECT_EQ(patched->status, 200) << patched->body;
    EXPECT_EQ(parse_json(patched)["active"], false);
    auto next = server.client().Get("/acquisitions", {{"Cookie", bio_cookie}});
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 303);
    EXPECT_EQ(next->get_header_value("Location"), "/login");
    EXPECT_EQ(server.api(server.api_token()).Get("/api/v1/acquisitions")->status, 401);
    // An administrator cannot disable themself (nor the last administrator).
    const std::string admin_id = server.query_value("SELECT id FROM users WHERE email = 'admin@chu.test'");
    auto self = server.api(admin.token).Patch("/api/v1/users/" + admin_id, R"({"active": false})", "application/json");
    ASSERT_TRUE(self);
    EXPECT_EQ(self->status, 409);
    auto demote = server.api(admin.token).Patch("/api/v1/users/" + admin_id, R"({"role": "it"})", "application/json");
    ASSERT_TRUE(demote);
    EXPECT_EQ(demote->status, 409);
}

TEST(AccountAdmin, ApiTokensExpireAndAreOneOwnOnly) {
    ServerProcess server;
    auto created = server.api(server.api_token()).Post("/api/v1/tokens", R"({"name": "script nocturne", "expires_in_days": 7})",
                                                       "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    auto token = parse_json(created);
    const std::string secret = token["token"];
    EXPECT_FALSE(token["expires_at"].is_null());
    EXPECT_EQ(server.api(secret).Get("/api/v1/acquisitions")->status, 200);
    auto list = parse_json(server.api(secret).Get("/api/v1/tokens"));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_FALSE(list.dump().find(secret) != std::string::npos);  // never listed
    // Another account's tokens: not for a non-administrator.
    EXPECT_EQ(server.api(secret).Get("/api/v1/tokens?user=1")->status, 403);
    EXPECT_EQ(server.api(secret).Post("/api/v1/tokens", R"({"name": "x", "expires_in_days": 9999})", "application/json")->status, 422);

    server.query_value("UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00Z' WHERE name = 'script nocturne'");
    EXPECT_EQ(server.api(secret).Get("/api/v1/acquisitions")->status, 401);
    const std::string id = std::to_string(token["id"].get<long long>());
    EXPECT_EQ(server.api(server.api_token()).Delete("/api/v1/tokens/" + id)->status, 204);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM api_tokens WHERE name = 'script nocturne'"), "0");
}

TEST(AccountAdmin, DeletionKeepsTheJournalVerifiableAndPseudonymous) {
    ServerProcess server;
    const Admin admin = make_admin(server);
    auto created = server.api(admin.token).Post("/api/v1/users", R"({"email": "depart@chu.test", "role": "buyer"})",
                                                "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    const auto account = parse_json(created);
    const std::string password = account["password"];
    const std::string id = std::to_string(account["id"].get<long long>());
    const std::string cookie = hospital_session(server, "depart@chu.test", password);
    ASSERT_NE(cookie, "cyb_session=");
    create_acquisition(server);

    auto removed = server.api(admin.token).Delete("/api/v1/users/" + id);
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->status, 204);
    EXPECT_EQ(server.client().Get("/acquisitions", {{"Cookie", cookie}})->status, 303);
    EXPECT_EQ(server.api(admin.token).Get("/api/v1/users/" + id)->status, 404);
    EXPECT_EQ(server.query_value("SELECT email FROM users WHERE id = " + id), "deleted:" + id);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM events WHERE actor LIKE '%depart@%' OR new_value LIKE '%depart@%'"), "0");
    EXPECT_NE(server.query_value("SELECT COUNT(*) FROM events WHERE actor = 'user:#" + id + "'"), "0");
    auto verified = run_binary_on_store(server, {"journal", "verify"});
    EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
    // Deleting oneself is refused.
    const std::string admin_id = server.query_value("SELECT id FROM users WHERE email = 'admin@chu.test'");
    EXPECT_EQ(server.api(admin.token).Delete("/api/v1/users/" + admin_id)->status, 409);
}

TEST(AccountAdmin, PagesCreateAnAccountAndATokenShownOnce) {
    ServerProcess server;
    const Admin admin = make_admin(server);
    auto client = server.client();
    auto page = client.Get("/admin/users", {{"Cookie", admin.cookie}});
    ASSERT_TRUE(page);
    auto created = client.Post("/admin/users", {{"Cookie", admin.cookie}},
                               httplib::Params{{"email", "nouveau@chu.test"}, {"display_name", "Nouveau Venu"},
                                               {"role", "it"}, {"password", "generated"}, {"_csrf", csrf_of(page->body)}});
    ASSERT_TRUE(created);
    EXPECT_EQ(created->status, 201);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(created->body, match, std::regex(R"(id="new-password" value="([^"]+)\")"))) << created->body;
    const std::string password = match[1].str();
    const std::string cookie = hospital_session(server, "nouveau@chu.test", password);
    ASSERT_NE(cookie, "cyb_session=");

    // My account: a token, shown once; another session ended; the password changed.
    auto mine = client.Get("/account", {{"Cookie", cookie}});
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->status, 200);
    EXPECT_NE(mine->body.find("Cette session"), std::string::npos);
    auto token = client.Post("/account/tokens", {{"Cookie", cookie}},
                             httplib::Params{{"name", "tableur"}, {"days", "30"}, {"_csrf", csrf_of(mine->body)}});
    ASSERT_TRUE(token);
    EXPECT_EQ(token->status, 201);
    ASSERT_TRUE(std::regex_search(token->body, match, std::regex(R"(id="new-token" value="([^"]+)\")")));
    EXPECT_EQ(server.api(match[1].str()).Get("/api/v1/acquisitions")->status, 200);
    EXPECT_EQ(client.Get("/account", {{"Cookie", cookie}})->body.find(match[1].str()), std::string::npos);

    auto no_csrf = client.Post("/account/password", {{"Cookie", cookie}},
                               httplib::Params{{"current_password", password}, {"new_password", "x"}, {"confirm_password", "x"}});
    ASSERT_TRUE(no_csrf);
    EXPECT_EQ(no_csrf->status, 403);
    auto wrong = client.Post("/account/password", {{"Cookie", cookie}},
                             httplib::Params{{"current_password", "pas le bon"}, {"new_password", "Trois mots tout neufs 9"},
                                             {"confirm_password", "Trois mots tout neufs 9"}, {"_csrf", csrf_of(mine->body)}});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403);
    const std::string other = hospital_session(server, "nouveau@chu.test", password);
    auto changed = client.Post("/account/password", {{"Cookie", cookie}},
                               httplib::Params{{"current_password", password}, {"new_password", "Trois mots tout neufs 9"},
                                               {"confirm_password", "Trois mots tout neufs 9"}, {"_csrf", csrf_of(mine->body)}});
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->status, 303);
    EXPECT_EQ(client.Get("/account", {{"Cookie", cookie}})->status, 200);   // this session stays
    EXPECT_EQ(client.Get("/account", {{"Cookie", other}})->status, 303);    // the other one ended
    EXPECT_NE(hospital_session(server, "nouveau@chu.test", "Trois mots tout neufs 9"), "cyb_session=");
}

// An account of the hospital's directory, made on the page before its first login: no password
// here (it can never log in locally), origin "directory", and nothing secret shown.
TEST(AccountAdmin, ADirectoryAccountIsMadeWithoutAPassword) {
    ServerProcess server;
    const Admin admin = make_admin(server);
    auto page = server.client().Get("/admin/users", {{"Cookie", admin.cookie}});
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("value=\"directory\""), std::string::npos);
    auto made = server.client().Post("/admin/users", {{"Cookie", admin.cookie}},
                                     httplib::Params{{"email", "rssi@chu.test"}, {"role", "it"}, {"password", "directory"},
                                                     {"_csrf", csrf_of(page->body)}});
    ASSERT_TRUE(made);
    EXPECT_EQ(made->status, 303) << made->body;
    EXPECT_EQ(server.query_value("SELECT origin FROM users WHERE email = 'rssi@chu.test'"), "directory");
    EXPECT_EQ(server.query_value("SELECT password_hash FROM users WHERE email = 'rssi@chu.test'"), "");
    // Without a directory to ask, it cannot log in: it has no password here.
    EXPECT_EQ(hospital_session(server, "rssi@chu.test", ""), "cyb_session=");
    EXPECT_EQ(hospital_session(server, "rssi@chu.test", kAdminPassword), "cyb_session=");
}

}  // namespace account_admin_test
