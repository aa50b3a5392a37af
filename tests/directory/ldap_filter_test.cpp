// RFC 4515 escaping of what a user types into an LDAP filter: an injection stays literal text.
#include <gtest/gtest.h>

#include "directory/ldap_filter.hpp"

namespace cyberachat::directory {
namespace {

TEST(LdapFilter, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(escape_filter_value("*"), "\\2a");
    EXPECT_EQ(escape_filter_value("("), "\\28");
    EXPECT_EQ(escape_filter_value(")"), "\\29");
    EXPECT_EQ(escape_filter_value("\\"), "\\5c");
    EXPECT_EQ(escape_filter_value(std::string_view("\0", 1)), "\\00");
    EXPECT_EQ(escape_filter_value("rssi@chu-test.fr"), "rssi@chu-test.fr");
    EXPECT_EQ(escape_filter_value("Hélène"), "Hélène");  // UTF-8 as is
    EXPECT_EQ(escape_filter_value(""), "");
}

TEST(LdapFilter, AnInjectedLoginCannotWidenTheFilter) {
    const std::string filter = fill_filter("(|(mail={login})(sAMAccountName={login}))", "{login}", "*)(uid=*");
    EXPECT_EQ(filter, "(|(mail=\\2a\\29\\28uid=\\2a)(sAMAccountName=\\2a\\29\\28uid=\\2a))");
    // Every parenthesis left is the template's own: the structure is unchanged.
    int depth = 0, groups = 0;
    for (char c : filter) {
        if (c == '(') ++depth, ++groups;
        if (c == ')') --depth;
        ASSERT_GE(depth, 0);
    }
    EXPECT_EQ(depth, 0);
    EXPECT_EQ(groups, 3);
    EXPECT_EQ(filter.find('*'), std::string::npos);
}

TEST(LdapFilter, FillsEveryPlaceholderAndOnlyThem) {
    EXPECT_EQ(fill_filter("(member={dn})", "{dn}", "cn=Jean Dupont (achats),ou=people"),
              "(member=cn=Jean Dupont \\28achats\\29,ou=people)");
    EXPECT_EQ(fill_filter("(uid={login})", "{login}", "{login}"), "(uid={login})");  // not substituted twice
    EXPECT_EQ(fill_filter("(objectClass=person)", "{login}", "x"), "(objectClass=person)");
}

}  // namespace
}  // namespace cyberachat::directory
