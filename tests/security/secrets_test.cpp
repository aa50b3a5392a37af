#include "security/secrets.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cyberachat::security {
namespace {

TEST(SecuritySecrets, InitializeSucceeds) { EXPECT_TRUE(initialize()); }

TEST(SecuritySecrets, PasswordHashRoundTrip) {
    const std::string hash = hash_password("correct horse battery staple");
    ASSERT_FALSE(hash.empty());
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("correct horse"), std::string::npos);
    EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
}

TEST(SecuritySecrets, WrongPasswordFails) {
    const std::string hash = hash_password("Mot de passe été 2027");
    EXPECT_FALSE(verify_password(hash, "Mot de passe ete 2027"));
    EXPECT_FALSE(verify_password(hash, ""));
    EXPECT_FALSE(verify_password("", "anything"));
    EXPECT_FALSE(verify_password("not a hash", "anything"));
}

TEST(SecuritySecrets, SamePasswordHashesDifferently) {
    EXPECT_NE(hash_password("same"), hash_password("same"));  // random salt
}

TEST(SecuritySecrets, TokensAre43UrlSafeCharactersAndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string token = random_token();
        ASSERT_EQ(token.size(), 43u) << token;
        for (char c : token)
            ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << token;
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 200u);
    EXPECT_EQ(random_token(16).size(), 22u);
}

TEST(SecuritySecrets, GeneratedPasswordsAreReadable) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string password = generate_password();
        ASSERT_EQ(password.size(), 20u);
        for (char c : password) {
            ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << password;
            ASSERT_EQ(std::string("0O1lI").find(c), std::string::npos) << password;
        }
        seen.insert(password);
    }
    EXPECT_EQ(seen.size(), 100u);
}

TEST(SecuritySecrets, Sha256KnownValues) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SecuritySecrets, ConstantTimeEquals) {
    EXPECT_TRUE(constant_time_equals("abc", "abc"));
    EXPECT_TRUE(constant_time_equals("", ""));
    EXPECT_FALSE(constant_time_equals("abc", "abd"));
    EXPECT_FALSE(constant_time_equals("abc", "abcd"));
    EXPECT_FALSE(constant_time_equals("", "a"));
}

}  // namespace
}  // namespace cyberachat::security
