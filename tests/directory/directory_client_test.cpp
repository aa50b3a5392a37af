// Logins checked against a real slapd (scripts/test-ldap.sh, tests/directory/fixture.ldif): the
// right password gives the account and the role its groups map to; a wrong or empty password, a
// disabled entry, an entry in no allowed group are refused, each for its own reason; an injected
// login stays literal; a directory that does not answer is reported as such within the timeout.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "directory/directory_client.hpp"
#include "test_directory.hpp"

namespace cyberachat::directory {
namespace {

using testing::fixture_config;
using testing::group_dn;
using testing::test_directory_url;

// A TCP port on 127.0.0.1 that is bound (so nobody else takes it); `listening`: connections
// complete but nothing ever answers; otherwise they are refused.
class LocalPort {
public:
    explicit LocalPort(bool listening) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t size = sizeof address;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
        port_ = ntohs(address.sin_port);
        if (listening) ::listen(fd_, 16);
    }
    ~LocalPort() { ::close(fd_); }
    std::string url() const { return "ldap://127.0.0.1:" + std::to_string(port_); }

private:
    int fd_ = -1;
    int port_ = 0;
};

class DirectoryClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = test_directory_url();
        ASSERT_FALSE(url_.empty()) << "the test directory is not running (CTest fixture \"ldap\")";
    }
    DirectoryLogin log_in(const std::string& login, const std::string& password) const {
        return DirectoryClient(fixture_config(url_)).authenticate(login, password);
    }
    std::string url_;
};

TEST_F(DirectoryClientTest, TheRightPasswordGivesTheAccountAndItsRole) {
    auto login = log_in("rssi", "rssi-test-only-1");
    ASSERT_TRUE(login.ok()) << login.detail;
    EXPECT_EQ(login.account->dn, "uid=rssi,ou=people,dc=chu-test,dc=fr");
    EXPECT_EQ(login.account->email, "rssi@chu-test.fr");  // Rssi@CHU-Test.fr in the directory
    EXPECT_EQ(login.account->display_name, "Régine Sécurité (RSSI)");
    EXPECT_EQ(login.account->role, Role::it);
    EXPECT_NE(std::find(login.account->groups.begin(), login.account->groups.end(), group_dn("cyberachat-it")),
              login.account->groups.end());
    // By e-mail as well as by uid (the filter's two branches).
    auto by_mail = log_in("rssi@chu-test.fr", "rssi-test-only-1");
    ASSERT_TRUE(by_mail.ok()) << by_mail.detail;
    EXPECT_EQ(by_mail.account->dn, login.account->dn);
}

TEST_F(DirectoryClientTest, GroupsMapToTheFirstRoleInOrder) {
    auto admin = log_in("dsi-admin", "admin-test-only-3");  // in the admin and the it groups
    ASSERT_TRUE(admin.ok()) << admin.detail;
    EXPECT_EQ(admin.account->role, Role::admin);
    auto biomedical = log_in("biomed@chu-test.fr", "biomed-test-only-2");
    ASSERT_TRUE(biomedical.ok()) << biomedical.detail;
    EXPECT_EQ(biomedical.account->role, Role::biomedical);
    EXPECT_EQ(biomedical.account->display_name, "Bernard Biomed");  // no displayName: cn
    // A DN with parentheses, in a groupOfUniqueNames: the group filter escapes it.
    auto buyer = log_in("jdupont", "buyer-test-only-4");
    ASSERT_TRUE(buyer.ok()) << buyer.detail;
    EXPECT_EQ(buyer.account->dn, "cn=Jean Dupont (achats),ou=people,dc=chu-test,dc=fr");
    EXPECT_EQ(buyer.account->role, Role::buyer);
}

TEST_F(DirectoryClientTest, AWrongPasswordOrAnUnknownLoginIsWrongCredentials) {
    auto wrong = log_in("rssi", "pas-le-bon-mot-de-passe");
    EXPECT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.failure, DirectoryFailure::wrong_credentials);
    EXPECT_EQ(wrong.detail.find("pas-le-bon"), std::string::npos);  // no password in what is logged
    auto unknown = log_in("personne@chu-test.fr", "rssi-test-only-1");
    EXPECT_EQ(unknown.failure, DirectoryFailure::wrong_credentials);
    EXPECT_FALSE(unknown.ok());
}

TEST_F(DirectoryClientTest, AnEmptyPasswordIsRefusedWithoutAskingTheDirectory) {
    // A simple bind with a DN and no password is an "unauthenticated bind", which slapd (and
    // many directories) accept: it must never get there.
    auto empty = log_in("rssi", "");
    EXPECT_FALSE(empty.ok());
    EXPECT_EQ(empty.failure, DirectoryFailure::wrong_credentials);
    LocalPort closed(false);  // not even a directory: still "wrong credentials", nothing was tried
    EXPECT_EQ(DirectoryClient(fixture_config(closed.url())).authenticate("rssi", "").failure,
              DirectoryFailure::wrong_credentials);
    EXPECT_EQ(DirectoryClient(fixture_config(closed.url())).authenticate("", "x").failure,
              DirectoryFailure::wrong_credentials);
}

TEST_F(DirectoryClientTest, ADisabledEntryIsNotFoundByTheFilter) {
    auto disabled = log_in("ancien", "ancien-test-only-5");  // right password, employeeType: disabled
    EXPECT_FALSE(disabled.ok());
    EXPECT_EQ(disabled.failure, DirectoryFailure::wrong_credentials);
}

TEST_F(DirectoryClientTest, AnEntryInNoAllowedGroupIsNotAllowed) {
    auto outsider = log_in("stagiaire", "stagiaire-test-only-6");
    EXPECT_FALSE(outsider.ok());
    EXPECT_EQ(outsider.failure, DirectoryFailure::not_allowed);
    // Allowed, but in no role group: refused too, unless a default role is configured.
    auto no_role = log_in("sans-role", "sans-role-test-only-8");
    EXPECT_EQ(no_role.failure, DirectoryFailure::not_allowed);
    LdapConfig with_default = fixture_config(url_);
    with_default.default_role = Role::buyer;
    auto defaulted = DirectoryClient(with_default).authenticate("sans-role", "sans-role-test-only-8");
    ASSERT_TRUE(defaulted.ok()) << defaulted.detail;
    EXPECT_EQ(defaulted.account->role, Role::buyer);
    EXPECT_EQ(DirectoryClient(with_default).authenticate("stagiaire", "stagiaire-test-only-6").failure,
              DirectoryFailure::not_allowed);
    // Not allowed is only said to whoever has the password.
    EXPECT_EQ(log_in("stagiaire", "mauvais").failure, DirectoryFailure::wrong_credentials);
}

TEST_F(DirectoryClientTest, WithoutAllowedGroupsTheRoleGroupsAreTheAllowedOnes) {
    LdapConfig config = fixture_config(url_);
    config.allowed_groups.clear();
    EXPECT_TRUE(DirectoryClient(config).authenticate("rssi", "rssi-test-only-1").ok());
    EXPECT_EQ(DirectoryClient(config).authenticate("stagiaire", "stagiaire-test-only-6").failure,
              DirectoryFailure::not_allowed);
    EXPECT_EQ(DirectoryClient(config).authenticate("sans-role", "sans-role-test-only-8").failure,
              DirectoryFailure::not_allowed);
}

TEST_F(DirectoryClientTest, AnEntryWithoutEmailIsRefusedForThatReason) {
    auto no_email = log_in("sans-mail", "sans-mail-test-only-9");
    EXPECT_FALSE(no_email.ok());
    EXPECT_EQ(no_email.failure, DirectoryFailure::no_email);
    EXPECT_EQ(log_in("sans-mail", "mauvais").failure, DirectoryFailure::wrong_credentials);
}

TEST_F(DirectoryClientTest, AnInjectedLoginStaysLiteral) {
    // Unescaped, "*" would match every entry (the search would find several: refused as
    // ambiguous) and "*)(uid=*" would rewrite the filter. Escaped, they match nothing.
    for (const std::string login : {"*", "*)(uid=*", "rssi)(|(uid=*", "\\2a", "r*"}) {
        auto injected = log_in(login, "rssi-test-only-1");
        EXPECT_FALSE(injected.ok()) << login;
        EXPECT_EQ(injected.failure, DirectoryFailure::wrong_credentials) << login << ": " << injected.detail;
    }
}

TEST_F(DirectoryClientTest, SeveralEntriesForOneLoginAreAConfigurationProblem) {
    auto ambiguous = log_in("double@chu-test.fr", "double-test-only-10");
    EXPECT_FALSE(ambiguous.ok());
    EXPECT_EQ(ambiguous.failure, DirectoryFailure::misconfigured);
}

TEST_F(DirectoryClientTest, AWrongServiceAccountOrBaseIsAConfigurationProblem) {
    LdapConfig wrong_service = fixture_config(url_);
    wrong_service.bind_password = "pas-le-mot-de-passe-du-service";
    auto refused = DirectoryClient(wrong_service).authenticate("rssi", "rssi-test-only-1");
    EXPECT_EQ(refused.failure, DirectoryFailure::misconfigured);
    EXPECT_NE(refused.detail.find("compte de service"), std::string::npos) << refused.detail;
    EXPECT_EQ(refused.detail.find("pas-le-mot-de-passe"), std::string::npos) << refused.detail;
    LdapConfig wrong_base = fixture_config(url_);
    wrong_base.user_base = "ou=personne,dc=chu-test,dc=fr";
    EXPECT_EQ(DirectoryClient(wrong_base).authenticate("rssi", "rssi-test-only-1").failure,
              DirectoryFailure::misconfigured);
    // Anonymous search, which this directory does not allow: nothing found, so no login.
    LdapConfig anonymous = fixture_config(url_);
    anonymous.bind_dn.clear();
    anonymous.bind_password.clear();
    EXPECT_FALSE(DirectoryClient(anonymous).authenticate("rssi", "rssi-test-only-1").ok());
}

TEST_F(DirectoryClientTest, AClosedPortIsUnreachableAtOnce) {
    LocalPort closed(false);
    const auto start = std::chrono::steady_clock::now();
    auto login = DirectoryClient(fixture_config(closed.url())).authenticate("rssi", "rssi-test-only-1");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(login.ok());
    EXPECT_EQ(login.failure, DirectoryFailure::unreachable) << login.detail;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(DirectoryClientTest, ADirectoryThatNeverAnswersIsUnreachableAfterTheTimeout) {
    LocalPort silent(true);  // accepts the connection, says nothing
    LdapConfig config = fixture_config(silent.url());
    config.timeout = std::chrono::seconds(1);
    const auto start = std::chrono::steady_clock::now();
    auto login = DirectoryClient(config).authenticate("rssi", "rssi-test-only-1");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(login.failure, DirectoryFailure::unreachable) << login.detail;
    EXPECT_GE(elapsed, std::chrono::milliseconds(900));
    EXPECT_LT(elapsed, std::chrono::seconds(4));
}

TEST_F(DirectoryClientTest, StartTlsThatFailsSendsNothingInClear) {
    // The test directory has no certificate: StartTLS is refused, and the login stops there.
    LdapConfig config = fixture_config(url_);
    config.starttls = true;
    auto login = DirectoryClient(config).authenticate("rssi", "rssi-test-only-1");
    EXPECT_FALSE(login.ok());
    EXPECT_EQ(login.failure, DirectoryFailure::unreachable);
    EXPECT_NE(login.detail.find("StartTLS"), std::string::npos) << login.detail;
}

TEST_F(DirectoryClientTest, LoginsRunInParallelEachOnItsOwnConnection) {
    const DirectoryClient client(fixture_config(url_));
    std::atomic<int> succeeded{0}, refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                const bool right = (t + i) % 2 == 0;
                auto login = client.authenticate("biomed", right ? "biomed-test-only-2" : "faux");
                (login.ok() == right ? succeeded : refused)++;
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(succeeded.load(), 40);
    EXPECT_EQ(refused.load(), 0);
}

TEST(DirectoryGroups, DnsAreComparedWithoutCaseOrSpacesAroundSeparators) {
    EXPECT_EQ(normalized_dn("CN=Cyberachat IT, OU=Groups ,DC=chu-test,DC=fr"), "cn=cyberachat it,ou=groups,dc=chu-test,dc=fr");
    EXPECT_EQ(normalized_dn(" cn = Jean  Dupont ,ou=people "), "cn=jean  dupont,ou=people");
    LdapConfig config;
    config.roles = {{Role::admin, {"cn=Admins,dc=x"}}, {Role::it, {"cn=IT,dc=x", "cn=Securite,dc=x"}}};
    config.allowed_groups = {"cn=Cyberachat,dc=x"};
    EXPECT_EQ(role_for_groups(config, {"CN=cyberachat, DC=x", "cn=securite,dc=x"}), Role::it);
    EXPECT_EQ(role_for_groups(config, {"cn=cyberachat,dc=x", "cn=it,dc=x", "cn=admins,dc=x"}), Role::admin);
    EXPECT_EQ(role_for_groups(config, {"cn=it,dc=x"}), std::nullopt);  // not in the allowed group
    EXPECT_EQ(role_for_groups(config, {"cn=cyberachat,dc=x"}), std::nullopt);  // no role group, no default
    config.default_role = Role::biomedical;
    EXPECT_EQ(role_for_groups(config, {"cn=cyberachat,dc=x"}), Role::biomedical);
    EXPECT_EQ(role_for_groups(config, {}), std::nullopt);
}

}  // namespace
}  // namespace cyberachat::directory
