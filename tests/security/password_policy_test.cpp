#include "security/password_policy.hpp"

#include <gtest/gtest.h>

#include "security/secrets.hpp"

namespace cyberachat::security {
namespace {

// The French message of a refusal ("" when accepted).
std::string refusal_of(std::string_view password, std::string_view email = "marie.curie@chu.test") {
    auto checked = check_password_policy(password, email);
    if (checked.ok()) return {};
    EXPECT_EQ(checked.error().code, ErrorCode::invalid_value);
    EXPECT_FALSE(checked.error().message.in(Language::en).empty());
    return checked.error().message.fr;
}

bool refused_because(std::string_view password, std::string_view why) {
    const std::string message = refusal_of(password);
    EXPECT_NE(message.find(why), std::string::npos) << password << " → " << message;
    return message.find(why) != std::string::npos;
}

TEST(SecurityPasswordPolicy, OneCharacterRepeatedIsRefused) {
    EXPECT_TRUE(refused_because("aaaaaaaaaaaa", "un seul caractère répété"));
}

TEST(SecurityPasswordPolicy, CommonPasswordsWithDigitsAreRefused) {
    EXPECT_TRUE(refused_because("password1234", "trop courant"));
    EXPECT_TRUE(refused_because("motdepasse123", "trop courant"));
    EXPECT_TRUE(refused_because("Soleil2027!!", "trop courant"));
}

TEST(SecurityPasswordPolicy, KeyboardRowsAndSequencesAreRefused) {
    EXPECT_FALSE(refusal_of("azertyuiop12").empty());
    EXPECT_TRUE(refused_because("qsdfghjklm12", "clavier"));
    EXPECT_TRUE(refused_because("abcdefghijkl", "suite trop simple"));
    EXPECT_TRUE(refused_because("123456789012", "suite trop simple"));
    EXPECT_TRUE(refused_because("abc1abc1abc1", "motif répété"));
}

TEST(SecurityPasswordPolicy, DictionaryWordsAreRefusedWithCracklibsReason) {
    EXPECT_TRUE(refused_because("Dictionary12", "fondé sur un mot du dictionnaire"));
    // cracklib alone lets a word followed by digits through; the policy does not.
    EXPECT_TRUE(refused_because("elephant12345", "fondé sur un mot du dictionnaire"));
    EXPECT_TRUE(refused_because("zazazazaqiqi", "pas assez de caractères différents"));
}

TEST(SecurityPasswordPolicy, TheEmailsLocalPartIsRefused) {
    EXPECT_TRUE(refused_because("marie.curie@chu.test", "adresse e-mail"));
    EXPECT_TRUE(refused_because("Curie-Radium-1898", "adresse e-mail"));
    EXPECT_TRUE(check_password_policy("Curie-Radium-1898", "autre@chu.test").ok());
}

TEST(SecurityPasswordPolicy, AGoodPassphraseIsAccepted) {
    EXPECT_EQ(refusal_of("cheval agrafe pile correcte"), "");
    EXPECT_EQ(refusal_of("Lumière du matin sur 4 toits"), "");
    // More than 4 neighbouring letters in order (cracklib's "too simplistic") but real words.
    EXPECT_EQ(refusal_of("stuck ghost opus nuts rsvp"), "");
}

TEST(SecurityPasswordPolicy, LengthIsCountedInCharacters) {
    EXPECT_TRUE(refused_because("éèàùâê", "trop court"));   // 12 bytes, 6 characters
    EXPECT_EQ(refusal_of("Été à Noël-ça"), "");              // 13 characters, more bytes
    EXPECT_EQ(refusal_of("çàéèùâêîôûëï"), "");               // 12 accented characters
    EXPECT_TRUE(refused_because("Été à Noël", "trop court"));
}

TEST(SecurityPasswordPolicy, NotUtf8IsRefused) {
    EXPECT_NE(refusal_of(std::string("abcdefghijkl\xff", 13)).find("UTF-8"), std::string::npos);
}

TEST(SecurityPasswordPolicy, GeneratedPasswordsAlmostAlwaysPass) {
    int refused = 0;
    for (int i = 0; i < 200; ++i) refused += check_password_policy(generate_password(), "a@b.c").ok() ? 0 : 1;
    EXPECT_LE(refused, 2);
}

TEST(SecurityPasswordPolicy, TheTestSuitesPasswordsPass) {
    EXPECT_EQ(refusal_of("Mot-de-passe-de-test-1", "bio@chu.test"), "");
    EXPECT_EQ(refusal_of("Mot-de-passe-de-test-2", "bio@chu.test"), "");
}

}  // namespace
}  // namespace cyberachat::security
