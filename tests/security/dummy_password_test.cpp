// Login checks do the same work with or without an account: an unknown e-mail, an inactive
// account or an unusable stored hash is checked against a dummy argon2id hash of the same cost.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

#include "security/secrets.hpp"

namespace cyberachat::security {
namespace dummy_password_test {

double elapsed_ms(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

TEST(DummyPassword, IsAnArgon2idHashOfTheSameParametersMadeOnce) {
    const std::string& dummy = dummy_password_hash();
    EXPECT_EQ(dummy.rfind("$argon2id$", 0), 0u) << dummy;
    const std::string real = hash_password("un mot de passe quelconque");
    const auto costs = [](const std::string& h) { return h.substr(0, h.find('$', h.find('$', 12) + 1)); };  // "$argon2id$v=19$m=…,t=…,p=…"
    EXPECT_EQ(costs(dummy), costs(real)) << "same version and costs";
    EXPECT_NE(costs(dummy).find("m="), std::string::npos);
    EXPECT_EQ(&dummy_password_hash(), &dummy);
}

TEST(DummyPassword, VerifiesOnlyARealHash) {
    const std::string hash = hash_password("Mot-de-passe-de-test-1");
    EXPECT_TRUE(verify_password_or_dummy(&hash, "Mot-de-passe-de-test-1"));
    EXPECT_FALSE(verify_password_or_dummy(&hash, "mauvais"));
    EXPECT_FALSE(verify_password_or_dummy(nullptr, "Mot-de-passe-de-test-1"));
    const std::string empty, garbage = "pas une empreinte";
    EXPECT_FALSE(verify_password_or_dummy(&empty, ""));
    EXPECT_FALSE(verify_password_or_dummy(&garbage, "pas une empreinte"));
}

TEST(DummyPassword, NoAccountCostsAsMuchAsAWrongPassword) {
    const std::string hash = hash_password("Mot-de-passe-de-test-1");
    dummy_password_hash();
    const std::string empty;
    // Interleaved rounds, the fastest of each kind kept: a busy machine (another build, the other
    // tests) slows one round, not one kind, and the fastest run is the work itself.
    double wrong = 1e9, none = 1e9, unusable = 1e9;
    for (int round = 0; round < 5; ++round) {
        wrong = std::min(wrong, elapsed_ms([&] { EXPECT_FALSE(verify_password_or_dummy(&hash, "mauvais")); }));
        none = std::min(none, elapsed_ms([&] { EXPECT_FALSE(verify_password_or_dummy(nullptr, "mauvais")); }));
        unusable = std::min(unusable, elapsed_ms([&] { EXPECT_FALSE(verify_password_or_dummy(&empty, "mauvais")); }));
    }
    EXPECT_GE(none, 0.5 * wrong) << none << " ms vs " << wrong << " ms";
    EXPECT_GE(unusable, 0.5 * wrong) << unusable << " ms vs " << wrong << " ms";
}

}  // namespace dummy_password_test
}  // namespace cyberachat::security
