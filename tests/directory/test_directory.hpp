#pragma once
// The test directory (scripts/test-ldap.sh, fixture tests/directory/fixture.ldif) and a
// configuration for it. CTest starts it once for these tests (fixture "ldap") in
// CYB_TEST_LDAP_DIR; its URL is in that folder's `url` file.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "directory/ldap_config.hpp"

namespace cyberachat::directory::testing {

inline constexpr const char* kFixtureSuffix = "dc=chu-test,dc=fr";
inline constexpr const char* kServicePassword = "service-test-only-7";

inline std::string test_directory_url() {
    std::ifstream in(std::string(CYB_TEST_LDAP_DIR) + "/url");
    std::string url;
    std::getline(in, url);
    return url;
}

inline std::string group_dn(const std::string& name) { return "cn=" + name + ",ou=groups," + kFixtureSuffix; }

// The fixture's roles: cyberachat-admin, -biomedical, -it, -buyer; allowed: cyberachat; the
// disabled (employeeType: disabled) excluded by the filter.
inline LdapConfig fixture_config(const std::string& url) {
    LdapConfig config;
    config.url = url;
    config.bind_dn = std::string("cn=cyberachat,ou=services,") + kFixtureSuffix;
    config.bind_password = kServicePassword;
    config.user_base = std::string("ou=people,") + kFixtureSuffix;
    config.user_filter = "(&(objectClass=inetOrgPerson)(|(mail={login})(uid={login}))(!(employeeType=disabled)))";
    config.group_base = std::string("ou=groups,") + kFixtureSuffix;
    config.roles = {{Role::admin, {group_dn("cyberachat-admin")}},
                    {Role::biomedical, {group_dn("cyberachat-biomedical")}},
                    {Role::it, {group_dn("cyberachat-it")}},
                    {Role::buyer, {group_dn("cyberachat-buyer")}}};
    config.allowed_groups = {group_dn("cyberachat")};
    config.timeout = std::chrono::seconds(3);
    return config;
}

}  // namespace cyberachat::directory::testing
