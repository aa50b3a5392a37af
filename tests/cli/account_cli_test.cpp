// Account and token administration from the command line, as an operator runs it: list (text and
// JSON), set-role, disable (its tokens stop working), token list / revoke, reset-password, the
// password policy of `user add`, and clear refusals.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_process.hpp"

namespace account_cli_test {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;

class AccountCli : public cyberachat::cli_testing::CliTest {
protected:
    std::string data() const { return (dir_ / "data").string(); }
    Outcome run(std::vector<std::string> args) {
        args.push_back("--data");
        args.push_back(data());
        return run_cyberachat(args, dir_);
    }
    Outcome add_with(const std::string& email, const std::string& role, const std::string& password) {
        std::ofstream(dir_ / "password.txt") << password << "\n";
        return run_cyberachat({"user", "add", email, "--role", role, "--password-stdin", "--data", data()}, dir_,
                              (dir_ / "password.txt").string());
    }
    void add(const std::string& email, const std::string& role) {
        auto added = add_with(email, role, "Mot-de-passe-de-test-9");
        ASSERT_EQ(added.exit_code, 0) << added.err;
    }
};

TEST_F(AccountCli, ListSetRoleDisableAndRevoke) {
    add("rssi@chu.test", "it");
    add("bio@chu.test", "biomedical");
    ASSERT_EQ(run({"token", "create", "rssi@chu.test", "--name", "supervision"}).exit_code, 0);
    ASSERT_EQ(run({"token", "create", "bio@chu.test"}).exit_code, 0);

    auto listed = run({"user", "list"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find("rssi@chu.test"), std::string::npos);
    EXPECT_NE(listed.out.find("actif"), std::string::npos);
    EXPECT_NE(listed.out.find("jamais"), std::string::npos);

    auto role = run({"user", "set-role", "RSSI@chu.test", "buyer"});
    ASSERT_EQ(role.exit_code, 0) << role.err;
    EXPECT_NE(role.out.find("Acheteur"), std::string::npos) << role.out;
    auto disabled = run({"user", "disable", "rssi@chu.test"});
    ASSERT_EQ(disabled.exit_code, 0) << disabled.err;

    auto users = nlohmann::json::parse(run({"user", "list", "--json"}).out);
    ASSERT_EQ(users.size(), 2u);
    for (const auto& user : users) {
        if (user["email"] != "rssi@chu.test") continue;
        EXPECT_EQ(user["role"], "buyer");
        EXPECT_EQ(user["active"], false);
        EXPECT_EQ(user["origin"], "local");
    }
    // The disabled account's token is gone; the other one stays and can be revoked by its number.
    auto tokens = nlohmann::json::parse(run({"token", "list", "--json"}).out);
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0]["email"], "bio@chu.test");
    EXPECT_FALSE(tokens[0].contains("token"));
    auto revoked = run({"token", "revoke", std::to_string(tokens[0]["id"].get<long long>())});
    EXPECT_EQ(revoked.exit_code, 0) << revoked.err;
    EXPECT_EQ(nlohmann::json::parse(run({"token", "list", "--json"}).out).size(), 0u);
}

TEST_F(AccountCli, RefusalsSayWhat) {
    add("bio@chu.test", "biomedical");
    auto unknown = run({"user", "disable", "personne@chu.test"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("Aucun compte pour « personne@chu.test »"), std::string::npos) << unknown.err;
    auto role = run({"user", "set-role", "bio@chu.test", "chef"});
    EXPECT_EQ(role.exit_code, 1);
    EXPECT_NE(role.err.find("Rôle inconnu"), std::string::npos) << role.err;
    auto token = run({"token", "revoke", "77"});
    EXPECT_EQ(token.exit_code, 1);
    EXPECT_NE(token.err.find("Aucun jeton n° 77"), std::string::npos) << token.err;
}

TEST_F(AccountCli, PrintsAOneTimeLinkOnThePublicUrl) {
    add("oubli@chu.test", "biomedical");
    auto reset = run({"user", "reset-password", "oubli@chu.test", "--public-url", "https://achat.chu.test/"});
    ASSERT_EQ(reset.exit_code, 0) << reset.err;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(reset.out, match, std::regex(R"(https://achat\.chu\.test/reset-password/([A-Za-z0-9_-]{43}))")))
        << reset.out;
    // Two links are two different secrets; an unknown account is refused.
    auto second = run({"user", "reset-password", "oubli@chu.test"});
    ASSERT_EQ(second.exit_code, 0);
    EXPECT_NE(second.out.find("http://127.0.0.1:8080/reset-password/"), std::string::npos) << second.out;
    EXPECT_EQ(second.out.find(match[1].str()), std::string::npos);
    EXPECT_EQ(run({"user", "reset-password", "personne@chu.test"}).exit_code, 1);
}

TEST_F(AccountCli, UserAddAppliesThePolicyWithAClearReason) {
    for (const char* weak : {"aaaaaaaaaaaa", "password1234", "motdepasse123", "azertyuiop12"}) {
        auto refused = add_with("faible@chu.test", "biomedical", weak);
        EXPECT_EQ(refused.exit_code, 1) << weak;
        EXPECT_NE(refused.err.find("Mot de passe refusé"), std::string::npos) << weak << ": " << refused.err;
        EXPECT_NE(refused.err.find("Password refused"), std::string::npos) << refused.err;
    }
    auto mine = add_with("faible@chu.test", "biomedical", "faible.chu.test-2027");
    EXPECT_EQ(mine.exit_code, 1);
    EXPECT_NE(mine.err.find("adresse e-mail"), std::string::npos) << mine.err;
    EXPECT_EQ(add_with("fort@chu.test", "biomedical", "cheval agrafe pile correcte").exit_code, 0);
}

}  // namespace account_cli_test
