// `cyberachat user add … --password-stdin`, run as a real process: the password's length is
// counted in characters (UTF-8 code points), not bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_process.hpp"

namespace user_cli_test {

namespace fs = std::filesystem;
using cyberachat::cli_testing::Outcome;

class UserCli : public cyberachat::cli_testing::CliTest {
protected:
    // `user add EMAIL --role biomedical --password-stdin --data DIR`, with `password` + "\n" on stdin.
    Outcome add_user(const std::string& email, const std::string& password) {
        const fs::path in_path = dir_ / "stdin.txt";
        std::ofstream(in_path, std::ios::binary) << password << "\n";
        return cyberachat::cli_testing::run_cyberachat(
            {"user", "add", email, "--role", "biomedical", "--password-stdin", "--data", (dir_ / "data").string()}, dir_,
            in_path.string());
    }
};

TEST_F(UserCli, SixAccentedLettersAreSixCharactersNotTwelve) {
    const std::string password = "éééééé";  // 12 bytes, 6 characters
    ASSERT_EQ(password.size(), 12u);
    auto refused = add_user("court@chu.test", password);
    EXPECT_EQ(refused.exit_code, 1) << refused.out;
    EXPECT_NE(refused.err.find("Mot de passe trop court"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("Password too short"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.out.find("Compte créé"), std::string::npos) << refused.out;
}

TEST_F(UserCli, TwelveAccentedCharactersAreAccepted) {
    const std::string password = "éèàùâêîôûçëï";  // 12 characters, 24 bytes
    ASSERT_EQ(password.size(), 24u);
    auto created = add_user("accents@chu.test", password);
    EXPECT_EQ(created.exit_code, 0) << created.err;
    EXPECT_NE(created.out.find("Compte créé : accents@chu.test"), std::string::npos) << created.out;
}

TEST_F(UserCli, ElevenCharactersAreRefused) {
    auto refused = add_user("onze@chu.test", "abcdefghijk");
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("Mot de passe trop court"), std::string::npos) << refused.err;
}

TEST_F(UserCli, APasswordThatIsNotUtf8IsRefused) {
    auto refused = add_user("binaire@chu.test", std::string("abcdefghijkl\xff\xfe", 14));
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("UTF-8"), std::string::npos) << refused.err;
}

}  // namespace user_cli_test
