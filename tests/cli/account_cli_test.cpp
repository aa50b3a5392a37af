// Account and token administration from the command line, as an operator runs it: list (text and
// JSON), set-role, disable (its tokens stop working), token list / revoke, and clear refusals.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

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
    void add(const std::string& email, const std::string& role) {
        std::ofstream(dir_ / "password.txt") << "Mot-de-passe-de-test-9\n";
        auto added = run_cyberachat({"user", "add", email, "--role", role, "--password-stdin", "--data", data()}, dir_,
                                    (dir_ / "password.txt").string());
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

}  // namespace account_cli_test
