#pragma once
// The directory (LDAP / Active Directory) that hospital accounts log in through: `serve
// --ldap-config FILE`, a YAML file (docs/deployment.md, "Annuaire LDAP / Active Directory").
// Loaded once at start; every mistake is reported in French and English, naming the key (and its
// line), never the service account's password.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/result.hpp"

namespace cyberachat::directory {

struct RoleGroups {
    Role role = Role::biomedical;
    std::vector<std::string> group_dns;  // as written in the file
};

struct LdapConfig {
    std::string url;        // ldap://host[:port] or ldaps://host[:port] (several, space-separated: tried in turn)
    bool starttls = false;  // ldap:// then StartTLS (refused with ldaps://)
    std::string bind_dn;    // the service account that searches; empty: anonymous search
    // The service account's password: from bind_password_file, else CYBERACHAT_LDAP_PASSWORD.
    // Never logged, never in a message. Empty when bind_dn is.
    std::string bind_password;
    std::string user_base;
    std::string user_filter;  // with {login}: the typed login, escaped (RFC 4515)
    std::string group_base;   // empty: only the user's memberOf
    std::string group_filter = "(|(member={dn})(uniqueMember={dn}))";  // {dn}: the user's DN, escaped
    std::string email_attribute = "mail";
    std::string display_name_attribute = "displayName";  // cn when the entry has none
    // In the order admin, biomedical, it, buyer: a user's role is the first whose groups hold one of theirs.
    std::vector<RoleGroups> roles;
    std::vector<std::string> allowed_groups;  // empty: the role groups themselves
    std::optional<Role> default_role;         // a user allowed but in no role group; absent: refused
    std::chrono::seconds timeout{5};          // connection and each operation

    // "ldap://host:389 (StartTLS, service account cn=…)" — what `serve` prints; no secret.
    std::string describe() const;
};

// Reads and checks the file; the password comes from `bind_password_file` or, without it, from
// the environment variable CYBERACHAT_LDAP_PASSWORD. Errors are invalid_value (what is wrong,
// where) or not_found (the file itself).
Result<LdapConfig> load_ldap_config(const std::string& path);
// The same from YAML text; `password_from_environment`: what CYBERACHAT_LDAP_PASSWORD holds (nullopt: unset).
Result<LdapConfig> parse_ldap_config(const std::string& yaml, const std::optional<std::string>& password_from_environment);

inline constexpr const char* kLdapPasswordVariable = "CYBERACHAT_LDAP_PASSWORD";

}  // namespace cyberachat::directory
