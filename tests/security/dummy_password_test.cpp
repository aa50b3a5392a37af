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

double median_ms(const std::function<void()>& work) {
    std::vector<double> samples;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[1];
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
    const double wrong = median_ms([&] { EXPECT_FALSE(verify_password_or_dummy(&hash, "mauvais")); });
    const double none = median_ms([&] { EXPECT_FALSE(verify_password_or_dummy(nullptr, "mauvais")); });
    const std::string empty;
    const double unusable = median_ms([&] { EXPECT_FALSE(verify_password_or_dummy(&empty, "mauvais")); });
    EXPECT_GE(none, 0.5 * wrong) << none << " ms vs " << wrong << " ms";
    EXPECT_GE(unusable, 0.5 * wrong) << unusable << " ms vs " << wrong << " ms";
}

}  // namespace dummy_password_test
}  // namespace cyberachat::security
