// `user reset-password EMAIL` and the password policy of `user add`, as an operator runs them.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "cli_process.hpp"

namespace password_reset_cli_test {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::run_cyberachat;

class PasswordResetCli : public cyberachat::cli_testing::CliTest {
protected:
    std::string data() const { return (dir_ / "data").string(); }
    Outcome run(std::vector<std::string> args) {
        args.push_back("--data");
        args.push_back(data());
        return run_cyberachat(args, dir_);
    }
    Outcome add(const std::string& email, const std::string& password) {
        std::ofstream(dir_ / "password.txt") << password << "\n";
        return run_cyberachat({"user", "add", email, "--password-stdin", "--data", data()}, dir_,
                              (dir_ / "password.txt").string());
    }
};

TEST_F(PasswordResetCli, PrintsAOneTimeLinkOnThePublicUrl) {
    ASSERT_EQ(add("oubli@chu.test", "Mot-de-passe-de-test-9").exit_code, 0);
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

TEST_F(PasswordResetCli, UserAddAppliesThePolicyWithAClearReason) {
    for (const char* weak : {"aaaaaaaaaaaa", "password1234", "motdepasse123", "azertyuiop12"}) {
        auto refused = add("faible@chu.test", weak);
        EXPECT_EQ(refused.exit_code, 1) << weak;
        EXPECT_NE(refused.err.find("Mot de passe refusé"), std::string::npos) << weak << ": " << refused.err;
        EXPECT_NE(refused.err.find("Password refused"), std::string::npos) << refused.err;
    }
    auto mine = add("faible@chu.test", "faible.chu.test-2027");
    EXPECT_EQ(mine.exit_code, 1);
    EXPECT_NE(mine.err.find("adresse e-mail"), std::string::npos) << mine.err;
    EXPECT_EQ(add("fort@chu.test", "cheval agrafe pile correcte").exit_code, 0);
}

}  // namespace password_reset_cli_test
