#include "directory/directory_client.hpp"

#include "core/blocking_wait.hpp"

#include <ldap.h>
#include <sys/time.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "directory/ldap_filter.hpp"

namespace cyberachat::directory {
namespace {

constexpr int kMaxGroupsRead = 2000;
constexpr size_t kMaxLoginBytes = 256;      // an e-mail address has 254 characters at most
constexpr size_t kMaxPasswordBytes = 1024;

// A connection, unbound (closed) when it goes; a search's answer, freed.
struct LdapUnbind {
    void operator()(LDAP* ld) const { ldap_unbind_ext_s(ld, nullptr, nullptr); }
};
struct LdapMessageFree {
    void operator()(LDAPMessage* message) const { ldap_msgfree(message); }
};
using LdapMessagePtr = std::unique_ptr<LDAPMessage, LdapMessageFree>;

// ldap_search_ext_s, its answer owned (freed even when the search failed).
int search_entries(LDAP* ld, const std::string& base, const std::string& filter, char** attributes, timeval* timeout,
                   int size_limit, LdapMessagePtr& answer) {
    LDAPMessage* raw = nullptr;
    const int code = ldap_search_ext_s(ld, base.c_str(), LDAP_SCOPE_SUBTREE, filter.c_str(), attributes, 0, nullptr,
                                       nullptr, timeout, size_limit, &raw);
    answer.reset(raw);
    return code;
}

DirectoryLogin directory_failure(DirectoryFailure failure, std::string detail) {
    DirectoryLogin out;
    out.failure = failure;
    out.detail = std::move(detail);
    return out;
}

bool is_unreachable_code(int code) {
    return code == LDAP_SERVER_DOWN || code == LDAP_TIMEOUT || code == LDAP_CONNECT_ERROR || code == LDAP_UNAVAILABLE ||
           code == LDAP_BUSY || code == LDAP_TIMELIMIT_EXCEEDED;
}

// "Can't contact LDAP server (-1): <diagnostic>" — the directory's words, for the log.
std::string ldap_problem(LDAP* ld, int code) {
    std::string out = std::string(ldap_err2string(code)) + " (" + std::to_string(code) + ")";
    char* diagnostic = nullptr;
    if (ld && ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS && diagnostic) {
        if (*diagnostic) out += ": " + std::string(diagnostic);
        ldap_memfree(diagnostic);
    }
    return out;
}

// A failed step: unreachable when the network is the cause, else `otherwise`.
DirectoryLogin step_failure(LDAP* ld, int code, const std::string& step, DirectoryFailure otherwise) {
    return directory_failure(is_unreachable_code(code) ? DirectoryFailure::unreachable : otherwise,
                             step + " : " + ldap_problem(ld, code));
}

int simple_bind(LDAP* ld, const std::string& dn, std::string_view password) {
    berval credentials;
    credentials.bv_val = const_cast<char*>(password.data());
    credentials.bv_len = password.size();
    return ldap_sasl_bind_s(ld, dn.c_str(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, nullptr);
}

std::vector<std::string> attribute_values(LDAP* ld, LDAPMessage* entry, const std::string& attribute) {
    std::vector<std::string> out;
    berval** values = ldap_get_values_len(ld, entry, attribute.c_str());
    if (!values) return out;
    for (berval** value = values; *value; ++value) out.emplace_back((*value)->bv_val, (*value)->bv_len);
    ldap_value_free_len(values);
    return out;
}

std::string entry_dn(LDAP* ld, LDAPMessage* entry) {
    char* dn = ldap_get_dn(ld, entry);
    if (!dn) return {};
    std::string out(dn);
    ldap_memfree(dn);
    return out;
}

std::string lower_ascii_copy(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool any_group_in(const std::set<std::string>& normalized_groups, const std::vector<std::string>& dns) {
    return std::any_of(dns.begin(), dns.end(),
                       [&](const std::string& dn) { return normalized_groups.count(normalized_dn(dn)) > 0; });
}

// A display name that fits a page: valid UTF-8 is not checked here (the store keeps bytes), but
// control characters are dropped and the length is bounded.
std::string printable_name(const std::string& name) {
    std::string out;
    for (char c : name)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    if (out.size() > 200) out.resize(200);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // a cut code point
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
    return out;
}

}  // namespace

std::string normalized_dn(std::string_view dn) {
    std::string out;
    out.reserve(dn.size());
    for (size_t i = 0; i < dn.size(); ++i) {
        const char c = dn[i];
        if (c == ' ') {
            // Dropped next to a separator (and at either end), kept inside a value ("cn=Jean Dupont").
            const char before = out.empty() ? ',' : out.back();
            size_t next = i;
            while (next < dn.size() && dn[next] == ' ') ++next;
            const char after = next < dn.size() ? dn[next] : ',';
            const bool separator_near = before == ',' || before == '=' || before == '+' || after == ',' ||
                                        after == '=' || after == '+';
            if (!separator_near) out.append(next - i, ' ');
            i = next - 1;
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<Role> role_for_groups(const LdapConfig& config, const std::vector<std::string>& groups) {
    std::set<std::string> normalized;
    for (const auto& group : groups) normalized.insert(normalized_dn(group));
    bool allowed = false;
    if (config.allowed_groups.empty()) {
        for (const auto& role : config.roles) allowed = allowed || any_group_in(normalized, role.group_dns);
    } else {
        allowed = any_group_in(normalized, config.allowed_groups);
    }
    if (!allowed) return std::nullopt;
    for (const auto& role : config.roles)  // sorted: admin, biomedical, it, buyer
        if (any_group_in(normalized, role.group_dns)) return role.role;
    return config.default_role;
}

DirectoryLogin DirectoryClient::authenticate(std::string_view login, std::string_view password) const {
    const BlockingWait waiting_for_the_directory;  // network round trips: the request gives its turn meanwhile
    if (login.empty() || password.empty())
        return directory_failure(DirectoryFailure::wrong_credentials, "identifiant ou mot de passe vide");
    if (login.size() > kMaxLoginBytes || password.size() > kMaxPasswordBytes)
        return directory_failure(DirectoryFailure::wrong_credentials, "identifiant ou mot de passe trop long");

    LDAP* raw_connection = nullptr;
    int code = ldap_initialize(&raw_connection, config_.url.c_str());
    const std::unique_ptr<LDAP, LdapUnbind> connection(raw_connection);
    if (code != LDAP_SUCCESS || !connection)
        return directory_failure(DirectoryFailure::misconfigured, "adresse de l'annuaire : " + ldap_problem(nullptr, code));
    LDAP* ld = connection.get();
    const int version = LDAP_VERSION3;
    timeval timeout{static_cast<time_t>(config_.timeout.count()), 0};
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    if (config_.starttls) {
        code = ldap_start_tls_s(ld, nullptr, nullptr);
        if (code != LDAP_SUCCESS)  // no answer, or a certificate that does not check out: nothing was sent in clear
            return directory_failure(DirectoryFailure::unreachable, "StartTLS : " + ldap_problem(ld, code));
    }

    // 1. The service account (or anonymous) finds the entry.
    if (!config_.bind_dn.empty()) {
        code = simple_bind(ld, config_.bind_dn, config_.bind_password);
        if (code != LDAP_SUCCESS)
            return step_failure(ld, code, "connexion du compte de service " + config_.bind_dn, DirectoryFailure::misconfigured);
    }
    const std::string filter = fill_filter(config_.user_filter, "{login}", login);
    std::vector<std::string> wanted = {config_.email_attribute, config_.display_name_attribute, "cn", "memberOf"};
    std::vector<char*> attributes;
    for (auto& name : wanted) attributes.push_back(name.data());
    attributes.push_back(nullptr);
    LdapMessagePtr users;
    code = search_entries(ld, config_.user_base, filter, attributes.data(), &timeout, 2, users);
    if (code == LDAP_SIZELIMIT_EXCEEDED || (code == LDAP_SUCCESS && ldap_count_entries(ld, users.get()) > 1))
        return directory_failure(DirectoryFailure::misconfigured,
                                 "plusieurs fiches répondent au filtre user_filter pour cet identifiant");
    if (code != LDAP_SUCCESS)
        return step_failure(ld, code, "recherche de l'utilisateur sous " + config_.user_base, DirectoryFailure::misconfigured);
    LDAPMessage* entry = ldap_first_entry(ld, users.get());
    if (!entry) return directory_failure(DirectoryFailure::wrong_credentials, "aucune fiche pour cet identifiant");

    DirectoryAccount account;
    account.dn = entry_dn(ld, entry);
    if (account.dn.empty()) return directory_failure(DirectoryFailure::misconfigured, "fiche sans DN");
    const auto emails = attribute_values(ld, entry, config_.email_attribute);
    if (!emails.empty()) account.email = lower_ascii_copy(emails.front());
    auto names = attribute_values(ld, entry, config_.display_name_attribute);
    if (names.empty()) names = attribute_values(ld, entry, "cn");
    account.display_name = names.empty() ? std::string() : printable_name(names.front());
    account.groups = attribute_values(ld, entry, "memberOf");

    // 2. Its groups (as the service account: a user may not be allowed to read them).
    if (!config_.group_base.empty()) {
        const std::string group_filter = fill_filter(config_.group_filter, "{dn}", account.dn);
        char no_attributes[] = LDAP_NO_ATTRS;
        char* group_attributes[] = {no_attributes, nullptr};
        LdapMessagePtr groups;
        code = search_entries(ld, config_.group_base, group_filter, group_attributes, &timeout, kMaxGroupsRead, groups);
        if (code != LDAP_SUCCESS && code != LDAP_SIZELIMIT_EXCEEDED)
            return step_failure(ld, code, "recherche des groupes sous " + config_.group_base, DirectoryFailure::misconfigured);
        for (LDAPMessage* group = ldap_first_entry(ld, groups.get()); group; group = ldap_next_entry(ld, group))
            if (std::string dn = entry_dn(ld, group); !dn.empty()) account.groups.push_back(std::move(dn));
    }

    // 3. The password: a bind as the user.
    code = simple_bind(ld, account.dn, password);
    if (code != LDAP_SUCCESS)
        return step_failure(ld, code, "connexion de " + account.dn, DirectoryFailure::wrong_credentials);

    // 4. What it may do here.
    if (account.email.empty() || account.email.find('@') == std::string::npos)
        return directory_failure(DirectoryFailure::no_email,
                                 account.dn + " n'a pas d'adresse e-mail (attribut " + config_.email_attribute + ")");
    if (account.display_name.empty()) account.display_name = account.email;
    auto role = role_for_groups(config_, account.groups);
    if (!role)
        return directory_failure(DirectoryFailure::not_allowed,
                                 account.dn + " n'est dans aucun groupe autorisé ou associé à un rôle");
    account.role = *role;
    DirectoryLogin out;
    out.account = std::move(account);
    return out;
}

}  // namespace cyberachat::directory
