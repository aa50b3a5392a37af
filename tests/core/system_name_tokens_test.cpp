// The words the system name matcher reads (core/system_name_tokens.hpp): dots kept inside
// versions, glued abbreviations and service packs split, accents folded, typographic spaces and
// quotes as separators, byte offsets into the original text.
#include <gtest/gtest.h>

#include "core/system_name_tokens.hpp"

namespace cyberachat {
namespace {

std::vector<std::string> keys(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& token : name_tokens(text, 100)) out.push_back(token.key);
    return out;
}

using Keys = std::vector<std::string>;

TEST(SystemNameTokens, VersionsKeepTheirDotsAndSentencesLoseTheirs) {
    EXPECT_EQ(keys("RHEL 8.6."), (Keys{"rhel", "8.6"}));
    EXPECT_EQ(keys("Windows 10 (10.0.17763), 22H2"), (Keys{"windows", "10", "10.0.17763", "22h2"}));
    EXPECT_EQ(keys("JRE 1.8.0_301"), (Keys{"jre", "1.8.0", "301"}));
}

TEST(SystemNameTokens, GluedAbbreviationsAndServicePacksAreSplit) {
    EXPECT_EQ(keys("Win10 W7 RHEL8.6 ESXi6.7 Java8"), (Keys{"win", "10", "w", "7", "rhel", "8.6", "esxi", "6.7", "java", "8"}));
    EXPECT_EQ(keys("Win7SP1 2008R2 11gR2 12cR1"), (Keys{"win", "7", "sp1", "2008", "r2", "11g", "r2", "12c", "r1"}));
    EXPECT_EQ(keys("Darwin x64 22H2 19c 8u301"), (Keys{"darwin", "x64", "22h2", "19c", "8u301"})) << "not an abbreviation: kept";
}

TEST(SystemNameTokens, AccentsFoldAndTypographicCharactersSeparate) {
    EXPECT_EQ(keys("Système\u00A0: «\u202FWindows\u202F» Entreprise™ Édition"),
              (Keys{"systeme", "windows", "entreprise", "edition"}));
    const std::string text = "Poste : Windows\u00A010";
    const auto tokens = name_tokens(text, 100);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "Windows");
    EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "10");
}

TEST(SystemNameTokens, AtMostTheTokensAsked) {
    EXPECT_EQ(name_tokens("a b c d e", 3).size(), 3u);
    EXPECT_TRUE(name_tokens("", 3).empty());
    EXPECT_TRUE(name_tokens(" ,;.\u00A0", 3).empty());
    EXPECT_EQ(keys(std::string("\xC3", 1)), (Keys{"\xC3"})) << "a truncated UTF-8 sequence is read, not past its end";
}

TEST(SystemNameTokens, VersionHelpers) {
    EXPECT_TRUE(is_version_number("8"));
    EXPECT_TRUE(is_version_number("10.0.17763"));
    EXPECT_FALSE(is_version_number("22h2"));
    EXPECT_FALSE(is_version_number(""));
    EXPECT_EQ(version_parts("10.0.17763"), (Keys{"10", "0", "17763"}));
    EXPECT_EQ(service_pack("sp3"), 3);
    EXPECT_EQ(service_pack("sp"), -1);
    EXPECT_EQ(service_pack("spx"), -1);
    EXPECT_EQ(service_pack("x64"), -1);
}

}  // namespace
}  // namespace cyberachat
