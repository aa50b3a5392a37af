#pragma once
// A login checked against the hospital's directory (LDAP / Active Directory): the entry found
// by the configured filter, its password checked by binding as that entry, its groups, the role
// they give. One connection per login, closed at the end (libldap handles are not shared between
// threads); each network step waits at most the configured timeout. Nothing here keeps or logs
// a password.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"
#include "directory/ldap_config.hpp"

namespace cyberachat::directory {

struct DirectoryAccount {
    std::string dn;
    std::string email;         // lower-cased: the application account's identifier
    std::string display_name;  // displayName (or the configured attribute), else cn, else the e-mail
    std::vector<std::string> groups;  // the DNs of its groups (memberOf and the group search)
    Role role = Role::biomedical;
};

enum class DirectoryFailure {
    wrong_credentials,  // no entry for this login, an empty password, or the bind as the user refused
    not_allowed,        // the password is right but the entry is in no allowed group (or no role group)
    no_email,           // the password is right but the entry has no e-mail to be known by here
    unreachable,        // no answer: connection refused, timeout, TLS failure
    misconfigured,      // the service account's bind, a base or a filter refused; several entries found
};

struct DirectoryLogin {
    std::optional<DirectoryAccount> account;  // set: the login may open a session
    DirectoryFailure failure = DirectoryFailure::wrong_credentials;
    std::string detail;  // for the server's log (what the directory said); never a password
    bool ok() const { return account.has_value(); }
};

class DirectoryClient {
public:
    explicit DirectoryClient(LdapConfig config) : config_(std::move(config)) {}

    // Thread-safe: each call has its own connection. An empty password is refused without
    // contacting the directory (a simple bind with one would be an "unauthenticated bind",
    // which many directories accept).
    DirectoryLogin authenticate(std::string_view login, std::string_view password) const;

    const LdapConfig& config() const { return config_; }

private:
    LdapConfig config_;
};

// A DN compared without case and without the spaces around ',' '=' and '+'.
std::string normalized_dn(std::string_view dn);

// The role the groups give under `config` (first of admin, biomedical, it, buyer with one of
// them; else default_role if the groups hold an allowed one); nullopt: not allowed.
std::optional<Role> role_for_groups(const LdapConfig& config, const std::vector<std::string>& groups);

}  // namespace cyberachat::directory
