// Directory login against the real server (serve --ldap-config) and a real slapd of its own
// (scripts/test-ldap.sh, tests/directory/fixture.ldif): the first login creates the account with
// the role its groups give; a wrong password is 401 and counted by the login guard; an unreachable
// directory is 503 with a clear message while local accounts still log in; an account an
// administrator disabled stays refused; one made beforehand is found by e-mail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace directory_login_http_test {

constexpr const char* kRssi = "rssi@chu-test.fr";
constexpr const char* kRssiPassword = "rssi-test-only-1";
constexpr const char* kServicePassword = "service-test-only-7";
// As the page shows it (HTML-escaped).
constexpr const char* kUnreachable =
    "Annuaire de l&#39;établissement injoignable : réessayez plus tard ; les comptes locaux restent utilisables.";

// A slapd of this test's own, with the fixture, in a fresh folder; stopped and removed at the end.
class TestDirectory {
public:
    TestDirectory() {
        static int count = 0;
        dir_ = "/tmp/cyb-ldap-http-" + std::to_string(::getpid()) + "-" + std::to_string(++count);
        url_ = shell_output("bash " + std::string(CYB_SOURCE_DIR) + "/scripts/test-ldap.sh start " + dir_);
        while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
    }
    ~TestDirectory() { stop(); }
    TestDirectory(const TestDirectory&) = delete;
    TestDirectory& operator=(const TestDirectory&) = delete;

    void stop() {
        if (stopped_) return;
        stopped_ = true;
        std::system(("bash " + std::string(CYB_SOURCE_DIR) + "/scripts/test-ldap.sh stop " + dir_ + " >/dev/null 2>&1").c_str());
    }
    const std::string& url() const { return url_; }

    // A --ldap-config file for `url` (this directory by default), the service password in a file
    // beside it; `extra`: more YAML lines.
    std::string config_file(const std::string& url = "", const std::string& extra = "") const {
        const std::string password_file = dir_ + "/service-password";
        std::ofstream(password_file) << (service_password_.empty() ? kServicePassword : service_password_) << "\n";
        const std::string path = dir_ + "/ldap-" + std::to_string(++files_) + ".yaml";
        std::ofstream(path) << "url: " << (url.empty() ? url_ : url) << "\n"
                            << "bind_dn: cn=cyberachat,ou=services,dc=chu-test,dc=fr\n"
                            << "bind_password_file: " << password_file << "\n"
                            << "user_base: ou=people,dc=chu-test,dc=fr\n"
                            << "user_filter: \"(&(objectClass=inetOrgPerson)(|(mail={login})(uid={login}))"
                               "(!(employeeType=disabled)))\"\n"
                            << "group_base: ou=groups,dc=chu-test,dc=fr\n"
                            << "roles:\n"
                            << "  admin:\n    - cn=cyberachat-admin,ou=groups,dc=chu-test,dc=fr\n"
                            << "  biomedical:\n    - cn=cyberachat-biomedical,ou=groups,dc=chu-test,dc=fr\n"
                            << "  it:\n    - cn=cyberachat-it,ou=groups,dc=chu-test,dc=fr\n"
                            << "  buyer:\n    - cn=cyberachat-buyer,ou=groups,dc=chu-test,dc=fr\n"
                            << "allowed_groups: [\"cn=cyberachat,ou=groups,dc=chu-test,dc=fr\"]\n"
                            << "timeout_seconds: 2\n"
                            << extra;
        return path;
    }
    void set_service_password(std::string password) { service_password_ = std::move(password); }

private:
    std::string dir_, url_, service_password_;
    mutable int files_ = 0;
    bool stopped_ = false;
};

// POST /login through the form (its CSRF pair), as a browser does.
httplib::Result directory_form_login(const ServerProcess& server, const std::string& login, const std::string& password) {
    auto client = server.client();
    const std::string csrf = "jeton-annuaire";
    return client.Post("/login", {{"Cookie", std::string("cyb_login_csrf=") + csrf}},
                       httplib::Params{{"email", login}, {"password", password}, {"_csrf", csrf}});
}

nlohmann::json listed_account(const ServerProcess& server, const std::string& email) {
    auto listed = run_binary_on_store(server, {"user", "list", "--json"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    for (const auto& user : nlohmann::json::parse(listed.out))
        if (user["email"] == email) return user;
    return nullptr;
}

TEST(DirectoryLogin, TheFirstLoginCreatesTheAccountWithTheMappedRole) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    EXPECT_NE(server.log().find("Annuaire : " + directory.url()), std::string::npos) << server.log();
    EXPECT_TRUE(listed_account(server, kRssi).is_null());

    auto login = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 303) << login->body;
    EXPECT_EQ(login->get_header_value("Location"), "/acquisitions");
    const std::string session = set_cookie(login, "cyb_session");
    ASSERT_FALSE(session.empty());
    auto page = server.client().Get("/acquisitions", {{"Cookie", "cyb_session=" + session}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);

    auto account = listed_account(server, kRssi);
    ASSERT_FALSE(account.is_null());
    EXPECT_EQ(account["origin"], "directory");
    EXPECT_EQ(account["role"], "it");
    EXPECT_FALSE(account["last_login_at"].is_null());
    EXPECT_EQ(server.query_value("SELECT password_hash FROM users WHERE email = 'rssi@chu-test.fr'"), "");
    EXPECT_EQ(server.query_value("SELECT display_name FROM users WHERE email = 'rssi@chu-test.fr'"), "Régine Sécurité (RSSI)");
    EXPECT_EQ(server.query_value("SELECT actor FROM events WHERE entity = 'user' AND action = 'create' AND entity_id = " +
                                 account["id"].dump()),
              "system:directory");
    auto table = run_binary_on_store(server, {"user", "list"});
    EXPECT_NE(table.out.find("annuaire"), std::string::npos) << table.out;

    // Again by uid: the same account, not a second one.
    auto again = directory_form_login(server, "rssi", kRssiPassword);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 303);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM users WHERE origin = 'directory'"), "1");
    // Another role from other groups; the service password never shows.
    auto buyer = directory_form_login(server, "jdupont", "buyer-test-only-4");
    ASSERT_TRUE(buyer);
    EXPECT_EQ(buyer->status, 303);
    EXPECT_EQ(listed_account(server, "jean.dupont@chu-test.fr")["role"], "buyer");
    EXPECT_EQ(server.log().find(kServicePassword), std::string::npos);
}

TEST(DirectoryLogin, AWrongPasswordIsRefusedAndCountedByTheLoginGuard) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto wrong = directory_form_login(server, kRssi, "pas-le-bon-mot-de-passe");
        ASSERT_TRUE(wrong);
        EXPECT_EQ(wrong->status, 401) << attempt;
        EXPECT_NE(wrong->body.find("Adresse e-mail ou mot de passe incorrect."), std::string::npos);
    }
    // The sixth, even with the right password, waits: the directory's failures count like local ones.
    auto locked = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->status, 429);
    EXPECT_TRUE(listed_account(server, kRssi).is_null());  // no account for a failed login
    EXPECT_EQ(directory_form_login(server, "rssi", "").value().status, 401);  // empty password: never a bind
}

TEST(DirectoryLogin, AnEntryInNoAllowedGroupOrDisabledInTheDirectoryIsRefused) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    auto outsider = directory_form_login(server, "stagiaire", "stagiaire-test-only-6");
    ASSERT_TRUE(outsider);
    EXPECT_EQ(outsider->status, 403);
    EXPECT_NE(outsider->body.find("pas accès à Cyberachat"), std::string::npos) << outsider->body;
    auto disabled = directory_form_login(server, "ancien", "ancien-test-only-5");
    ASSERT_TRUE(disabled);
    EXPECT_EQ(disabled->status, 401);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM users WHERE origin = 'directory'"), "0");
}

TEST(DirectoryLogin, AnUnreachableDirectoryIs503AndLocalAccountsStillLogIn) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    directory.stop();
    const auto start = std::chrono::steady_clock::now();
    auto down = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(down);
    EXPECT_EQ(down->status, 503);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
    EXPECT_NE(down->body.find(kUnreachable), std::string::npos) << down->body;
    EXPECT_NE(server.log().find("annuaire injoignable"), std::string::npos) << server.log();
    // The local account (the break-glass one) logs in with its local password.
    auto local = directory_form_login(server, ServerProcess::kEmail, ServerProcess::kPassword);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->status, 303);
    // Unreachable is not the person's fault: it is not counted against the account.
    for (int attempt = 0; attempt < 6; ++attempt)
        EXPECT_EQ(directory_form_login(server, kRssi, kRssiPassword).value().status, 503);
}

TEST(DirectoryLogin, AClosedPortIsUnreachableToo) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file("ldap://127.0.0.1:1")});
    auto down = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(down);
    EXPECT_EQ(down->status, 503);
    EXPECT_NE(down->body.find(kUnreachable), std::string::npos);
    EXPECT_EQ(directory_form_login(server, ServerProcess::kEmail, ServerProcess::kPassword).value().status, 303);
}

TEST(DirectoryLogin, AnAccountDisabledHereIsRefusedWhateverTheDirectorySays) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    ASSERT_EQ(directory_form_login(server, kRssi, kRssiPassword).value().status, 303);
    auto disabled = run_binary_on_store(server, {"user", "disable", kRssi});
    ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
    auto refused = directory_form_login(server, "rssi", kRssiPassword);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_NE(refused->body.find("désactivé"), std::string::npos) << refused->body;
    EXPECT_TRUE(set_cookie(refused, "cyb_session").empty());
}

TEST(DirectoryLogin, AnAccountMadeBeforehandIsFoundByEmailAndUpdated) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    auto added = run_binary_on_store(server, {"user", "add", kRssi, "--role", "buyer", "--directory"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(added.out.find("Mot de passe"), std::string::npos) << added.out;  // none to show
    auto before = listed_account(server, kRssi);
    EXPECT_EQ(before["origin"], "directory");
    EXPECT_EQ(before["role"], "buyer");
    ASSERT_EQ(directory_form_login(server, "rssi", kRssiPassword).value().status, 303);
    auto after = listed_account(server, kRssi);
    EXPECT_EQ(after["id"], before["id"]);
    EXPECT_EQ(after["role"], "it");  // the directory's groups decide
    EXPECT_EQ(server.query_value("SELECT actor FROM events WHERE entity = 'user' AND action = 'update' AND field = 'role'"),
              "system:directory");
}

TEST(DirectoryLogin, ALocalAccountLogsInWithItsLocalPasswordOnly) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    auto added = run_binary_on_store(server, {"user", "add", "biomed@chu-test.fr", "--password-stdin"},
                                     "Mot-de-passe-local-9\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(directory_form_login(server, "biomed@chu-test.fr", "biomed-test-only-2").value().status, 401);
    EXPECT_EQ(directory_form_login(server, "biomed@chu-test.fr", "Mot-de-passe-local-9").value().status, 303);
    // Through the directory by uid, the same e-mail is a local account's: refused.
    auto by_uid = directory_form_login(server, "biomed", "biomed-test-only-2");
    ASSERT_TRUE(by_uid);
    EXPECT_EQ(by_uid->status, 403);
    EXPECT_NE(by_uid->body.find("compte local"), std::string::npos) << by_uid->body;
}

TEST(DirectoryLogin, AWrongServiceAccountIs503WithoutShowingItsPassword) {
    TestDirectory directory;
    directory.set_service_password("mauvais-mot-de-passe-du-service");
    ServerProcess server({"--ldap-config", directory.config_file()});
    auto refused = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503);
    EXPECT_NE(refused->body.find("configuration"), std::string::npos) << refused->body;
    EXPECT_NE(server.log().find("annuaire mal configuré"), std::string::npos) << server.log();
    EXPECT_EQ(server.log().find("mauvais-mot-de-passe-du-service"), std::string::npos);
    EXPECT_EQ(refused->body.find("mauvais-mot-de-passe-du-service"), std::string::npos);
}

TEST(DirectoryLogin, ServeRefusesAConfigurationWithAMistake) {
    TestDirectory directory;
    const std::string config = directory.config_file("", "user_filtre: (uid={login})\n");
    auto refused = run_binary({"serve", "--port", "0", "--data", "/nonexistent/cyb-never", "--ldap-config", config});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("clé inconnue « user_filtre »"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find(kServicePassword), std::string::npos);
}

}  // namespace directory_login_http_test

namespace directory_login_http_test {

std::string page_csrf(const ServerProcess& server, const std::string& cookie) {
    auto page = server.client().Get("/acquisitions", {{"Cookie", cookie}});
    const std::string marker = "name=\"csrf-token\" content=\"";
    const size_t at = page ? page->body.find(marker) : std::string::npos;
    if (at == std::string::npos) return "";
    return page->body.substr(at + marker.size(), page->body.find('"', at + marker.size()) - at - marker.size());
}

// The "done means", end to end: an administrator adds a colleague from the directory to a
// purchase as IT reviewer; the colleague logs in with the directory password, sees only that
// purchase, reviews, cannot invite a vendor; disabling the account ends the session at once.
TEST(DirectoryLogin, ADirectoryColleagueJoinsOnePurchaseAsReviewerAndIsCutOffWhenDisabled) {
    TestDirectory directory;
    ServerProcess server({"--ldap-config", directory.config_file()});
    const std::string admin = user_token(server, "admin@chu.test", "admin");
    const long long theirs = create_acquisition(server, "Moniteurs 2033");
    const long long other = create_acquisition(server, "Pompes 2033");
    const Invitation vendor = invite_vendor(server, theirs, "Vigie Médical");

    // The administrator: the colleague's account, from the directory, then the team.
    auto added = server.api(admin).Post("/api/v1/users",
                                        nlohmann::json{{"email", kRssi}, {"role", "it"}, {"password", "directory"}}.dump(),
                                        "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 201) << added->body;
    EXPECT_EQ(nlohmann::json::parse(added->body)["origin"], "directory");
    EXPECT_FALSE(nlohmann::json::parse(added->body).contains("password"));  // none to show: the directory's
    auto joined = server.api(admin).Post("/api/v1/acquisitions/" + std::to_string(theirs) + "/members",
                                         nlohmann::json{{"email", kRssi}, {"role", "it_reviewer"}}.dump(), "application/json");
    ASSERT_TRUE(joined);
    ASSERT_EQ(joined->status, 200) << joined->body;

    // The colleague logs in with the directory password and sees that purchase only.
    auto login = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 303) << login->body;
    const std::string cookie = "cyb_session=" + set_cookie(login, "cyb_session");
    auto list = server.client().Get("/acquisitions", {{"Cookie", cookie}});
    ASSERT_TRUE(list);
    EXPECT_NE(list->body.find("Moniteurs 2033"), std::string::npos);
    EXPECT_EQ(list->body.find("Pompes 2033"), std::string::npos);
    EXPECT_EQ(server.client().Get("/acquisitions/" + std::to_string(other), {{"Cookie", cookie}})->status, 404);
    auto page = server.client().Get("/acquisitions/" + std::to_string(theirs), {{"Cookie", cookie}});
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Ajouter un fournisseur"), std::string::npos);  // not offered…

    // … reviews …
    const std::string csrf = page_csrf(server, cookie);
    ASSERT_FALSE(csrf.empty());
    auto review = server.client().Post("/responses/" + std::to_string(vendor.response_id) + "/reviews",
                                       {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                                       httplib::Params{{"question_id", "dispositif.marque"}, {"status", "accepted"},
                                                       {"comment", "Vu par la DSI"}});
    ASSERT_TRUE(review);
    EXPECT_EQ(review->status, 303) << review->body;
    EXPECT_EQ(server.query_value("SELECT author_role FROM reviews WHERE comment = 'Vu par la DSI'"), "it");
    // … and cannot invite a vendor (refused by the access policy, nothing created).
    auto invite = server.client().Post("/acquisitions/" + std::to_string(theirs) + "/vendors",
                                       {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                                       httplib::Params{{"company", "Intrus SA"}, {"email", "x@intrus.example"}});
    ASSERT_TRUE(invite);
    EXPECT_EQ(invite->status, 403);
    EXPECT_EQ(server.query_value("SELECT COUNT(*) FROM responses WHERE company = 'Intrus SA'"), "0");

    // Disabled by the administrator: the open session ends at once.
    const std::string id = server.query_value("SELECT id FROM users WHERE email = 'rssi@chu-test.fr'");
    auto disabled = server.api(admin).Patch("/api/v1/users/" + id, nlohmann::json{{"active", false}}.dump(), "application/json");
    ASSERT_TRUE(disabled);
    ASSERT_EQ(disabled->status, 200) << disabled->body;
    auto after = server.client().Get("/acquisitions/" + std::to_string(theirs), {{"Cookie", cookie}});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 303);
    EXPECT_EQ(after->get_header_value("Location"), "/login");
    auto again = directory_form_login(server, kRssi, kRssiPassword);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 403);  // the directory accepts the password; this instance does not
}

}  // namespace directory_login_http_test
