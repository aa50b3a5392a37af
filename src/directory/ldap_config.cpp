#include "directory/ldap_config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace cyberachat::directory {
namespace {

constexpr std::array<std::string_view, 14> kLdapConfigKeys = {
    "url",         "starttls",     "bind_dn",         "bind_password_file",     "user_base",
    "user_filter", "group_base",   "group_filter",    "email_attribute",        "display_name_attribute",
    "roles",       "allowed_groups", "default_role", "timeout_seconds"};

constexpr size_t kMaxLdapConfigBytes = 1024 * 1024;

Error config_error(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, "Configuration de l'annuaire : " + fr,
                       "Directory configuration: " + en);
}

std::string at_line(const YAML::Node& node) {
    return node.Mark().is_null() ? std::string() : " (ligne " + std::to_string(node.Mark().line + 1) + ")";
}
std::string at_line_en(const YAML::Node& node) {
    return node.Mark().is_null() ? std::string() : " (line " + std::to_string(node.Mark().line + 1) + ")";
}

std::string all_keys() {
    std::string out;
    for (auto key : kLdapConfigKeys) out += (out.empty() ? "" : ", ") + std::string(key);
    return out;
}

// A non-empty text value, or an error naming the key.
Result<std::string> text_value(const YAML::Node& node, const std::string& key) {
    if (!node.IsScalar() || node.Scalar().empty())
        return config_error("« " + key + " » doit être un texte non vide" + at_line(node) + ".",
                            "\"" + key + "\" must be a non-empty text" + at_line_en(node) + ".");
    return node.Scalar();
}

// A list of texts (a single text is a list of one).
Result<std::vector<std::string>> text_list(const YAML::Node& node, const std::string& key) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
        TRY_ASSIGN(std::string one, text_value(node, key));
        out.push_back(std::move(one));
        return out;
    }
    if (!node.IsSequence())
        return config_error("« " + key + " » doit être une liste de DN de groupes" + at_line(node) + ".",
                            "\"" + key + "\" must be a list of group DNs" + at_line_en(node) + ".");
    for (const auto& item : node) {
        TRY_ASSIGN(std::string dn, text_value(item, key));
        out.push_back(std::move(dn));
    }
    return out;
}

// A group's DN has several parts (cn=…,ou=…,dc=…): one without a comma is most often a DN that
// YAML split, written unquoted between [ ] where a comma separates the items.
Result<void> check_group_dns(const std::vector<std::string>& dns, const YAML::Node& node, const std::string& key) {
    for (const auto& dn : dns)
        if (dn.find(',') == std::string::npos || dn.find('=') == std::string::npos)
            return config_error("« " + key + " » : « " + dn + " » n'est pas le DN complet d'un groupe" + at_line(node) +
                                    " ; entre [ ], une virgule sépare les éléments : écrivez un DN par ligne "
                                    "(- cn=…,ou=…) ou entre guillemets.",
                                "\"" + key + "\": \"" + dn + "\" is not a group's full DN" + at_line_en(node) +
                                    "; between [ ] a comma separates the items: write one DN per line "
                                    "(- cn=…,ou=…) or quote it.");
    return {};
}

Result<Role> role_value(const std::string& name, const YAML::Node& where, const std::string& key) {
    if (auto role = parse_role(name)) return *role;
    return config_error("rôle inconnu « " + name + " » dans « " + key + " »" + at_line(where) +
                            " : admin, biomedical, it ou buyer.",
                        "unknown role \"" + name + "\" in \"" + key + "\"" + at_line_en(where) +
                            ": admin, biomedical, it or buyer.");
}

Result<void> check_url(const std::string& url, bool starttls) {
    std::istringstream parts(url);
    std::string one;
    bool any = false;
    while (parts >> one) {
        any = true;
        const bool plain = one.rfind("ldap://", 0) == 0, tls = one.rfind("ldaps://", 0) == 0;
        if (!plain && !tls)
            return config_error("adresse « " + one + " » : elle doit commencer par ldap:// ou ldaps://.",
                                "address \"" + one + "\": it must start with ldap:// or ldaps://.");
        if (one.size() == (plain ? 7u : 8u))
            return config_error("adresse « " + one + " » sans nom de serveur.", "address \"" + one + "\" without a host name.");
        if (tls && starttls)
            return config_error("« starttls: true » avec ldaps:// : l'un ou l'autre (ldaps:// chiffre déjà).",
                                "\"starttls: true\" with ldaps://: one or the other (ldaps:// is already encrypted).");
    }
    if (!any) return config_error("« url » est vide.", "\"url\" is empty.");
    return {};
}

Result<void> check_filter(const std::string& filter, const std::string& key, const std::string& placeholder) {
    if (filter.front() != '(' || filter.back() != ')')
        return config_error("« " + key + " » doit être un filtre LDAP entre parenthèses, ex. (uid=" + placeholder + ").",
                            "\"" + key + "\" must be an LDAP filter in parentheses, e.g. (uid=" + placeholder + ").");
    if (filter.find(placeholder) == std::string::npos)
        return config_error("« " + key + " » doit contenir " + placeholder + ".",
                            "\"" + key + "\" must contain " + placeholder + ".");
    return {};
}

Result<void> check_attribute(const std::string& name, const std::string& key) {
    const bool valid = std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-';
    });
    if (!valid || !std::isalpha(static_cast<unsigned char>(name.front())))
        return config_error("« " + key + " » : nom d'attribut invalide « " + name + " ».",
                            "\"" + key + "\": invalid attribute name \"" + name + "\".");
    return {};
}

Result<std::string> read_password_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return config_error("fichier du mot de passe du compte de service illisible : " + path + ".",
                            "unreadable service account password file: " + path + ".");
    std::string password((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
    return password;
}

Result<void> read_roles(const YAML::Node& node, LdapConfig& config) {
    if (!node.IsMap())
        return config_error("« roles » doit associer un rôle (admin, biomedical, it, buyer) à une liste de DN de groupes" +
                                at_line(node) + ".",
                            "\"roles\" must map a role (admin, biomedical, it, buyer) to a list of group DNs" +
                                at_line_en(node) + ".");
    for (auto it = node.begin(); it != node.end(); ++it) {
        TRY_ASSIGN(std::string name, text_value(it->first, "roles"));
        TRY_ASSIGN(Role role, role_value(name, it->first, "roles"));
        TRY_ASSIGN(std::vector<std::string> groups, text_list(it->second, "roles." + name));
        TRY(check_group_dns(groups, it->second, "roles." + name));
        config.roles.push_back(RoleGroups{role, std::move(groups)});
    }
    // The first role that matches wins, in a fixed order (not the file's).
    std::stable_sort(config.roles.begin(), config.roles.end(),
                     [](const RoleGroups& a, const RoleGroups& b) { return a.role < b.role; });
    return {};
}

}  // namespace

std::string LdapConfig::describe() const {
    std::string out = url + " (";
    out += url.find("ldaps://") != std::string::npos ? "TLS" : starttls ? "StartTLS" : "sans chiffrement";
    out += bind_dn.empty() ? ", recherche anonyme" : ", compte de service " + bind_dn;
    out += ", délai " + std::to_string(timeout.count()) + " s)";
    return out;
}

Result<LdapConfig> parse_ldap_config(const std::string& yaml, const std::optional<std::string>& password_from_environment) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return config_error("YAML illisible, ligne " + std::to_string(e.mark.line + 1) + " : " + e.msg + ".",
                            "unreadable YAML, line " + std::to_string(e.mark.line + 1) + ": " + e.msg + ".");
    }
    if (!root.IsMap()) return config_error("le fichier doit être une table de clés (url, user_base…).",
                                           "the file must be a map of keys (url, user_base…).");
    LdapConfig config;
    std::string password_file;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        const YAML::Node& value = it->second;
        if (std::find(kLdapConfigKeys.begin(), kLdapConfigKeys.end(), key) == kLdapConfigKeys.end())
            return config_error("clé inconnue « " + key + " »" + at_line(it->first) + " ; clés possibles : " + all_keys() + ".",
                                "unknown key \"" + key + "\"" + at_line_en(it->first) + "; known keys: " + all_keys() + ".");
        if (key == "url") { TRY_ASSIGN(config.url, text_value(value, key)); }
        else if (key == "starttls") {
            const std::string text = value.IsScalar() ? value.Scalar() : "";
            if (text != "true" && text != "false")
                return config_error("« starttls » vaut true ou false" + at_line(value) + ".",
                                    "\"starttls\" is true or false" + at_line_en(value) + ".");
            config.starttls = text == "true";
        }
        else if (key == "bind_dn") { TRY_ASSIGN(config.bind_dn, text_value(value, key)); }
        else if (key == "bind_password_file") { TRY_ASSIGN(password_file, text_value(value, key)); }
        else if (key == "user_base") { TRY_ASSIGN(config.user_base, text_value(value, key)); }
        else if (key == "user_filter") { TRY_ASSIGN(config.user_filter, text_value(value, key)); }
        else if (key == "group_base") { TRY_ASSIGN(config.group_base, text_value(value, key)); }
        else if (key == "group_filter") { TRY_ASSIGN(config.group_filter, text_value(value, key)); }
        else if (key == "email_attribute") { TRY_ASSIGN(config.email_attribute, text_value(value, key)); }
        else if (key == "display_name_attribute") { TRY_ASSIGN(config.display_name_attribute, text_value(value, key)); }
        else if (key == "roles") { TRY(read_roles(value, config)); }
        else if (key == "allowed_groups") {
            TRY_ASSIGN(config.allowed_groups, text_list(value, key));
            TRY(check_group_dns(config.allowed_groups, value, key));
        }
        else if (key == "default_role") {
            TRY_ASSIGN(std::string name, text_value(value, key));
            TRY_ASSIGN(config.default_role, role_value(name, value, key));
        }
        else if (key == "timeout_seconds") {
            int seconds = 0;
            if (!value.IsScalar() || !YAML::convert<int>::decode(value, seconds) || seconds < 1 || seconds > 60)
                return config_error("« timeout_seconds » est un nombre de secondes de 1 à 60" + at_line(value) + ".",
                                    "\"timeout_seconds\" is a number of seconds from 1 to 60" + at_line_en(value) + ".");
            config.timeout = std::chrono::seconds(seconds);
        }
    }
    if (config.url.empty()) return config_error("« url » manque (ex. ldaps://ad.chu-exemple.fr).",
                                                "\"url\" is missing (e.g. ldaps://ad.chu-exemple.fr).");
    TRY(check_url(config.url, config.starttls));
    if (config.user_base.empty()) return config_error("« user_base » manque (ex. ou=people,dc=chu-exemple,dc=fr).",
                                                      "\"user_base\" is missing (e.g. ou=people,dc=chu-exemple,dc=fr).");
    if (config.user_filter.empty())
        return config_error("« user_filter » manque (ex. (|(mail={login})(sAMAccountName={login}))).",
                            "\"user_filter\" is missing (e.g. (|(mail={login})(sAMAccountName={login}))).");
    TRY(check_filter(config.user_filter, "user_filter", "{login}"));
    TRY(check_filter(config.group_filter, "group_filter", "{dn}"));
    TRY(check_attribute(config.email_attribute, "email_attribute"));
    TRY(check_attribute(config.display_name_attribute, "display_name_attribute"));
    bool any_role_group = false;
    for (const auto& role : config.roles) any_role_group = any_role_group || !role.group_dns.empty();
    if (!any_role_group && !config.default_role)
        return config_error("« roles » manque : associez au moins un rôle à des groupes (ex. it: [cn=rssi,ou=groups,…]).",
                            "\"roles\" is missing: map at least one role to groups (e.g. it: [cn=rssi,ou=groups,…]).");
    if (config.default_role && config.allowed_groups.empty())
        return config_error("« default_role » demande « allowed_groups » (qui, sinon, y aurait droit ?).",
                            "\"default_role\" needs \"allowed_groups\" (who else would get it?).");
    if (config.bind_dn.empty()) {
        if (!password_file.empty())
            return config_error("« bind_password_file » sans « bind_dn ».", "\"bind_password_file\" without \"bind_dn\".");
        return config;
    }
    if (!password_file.empty()) {
        TRY_ASSIGN(config.bind_password, read_password_file(password_file));
        if (config.bind_password.empty())
            return config_error("le fichier du mot de passe du compte de service est vide : " + password_file + ".",
                                "the service account password file is empty: " + password_file + ".");
    } else if (password_from_environment && !password_from_environment->empty()) {
        config.bind_password = *password_from_environment;
    } else {
        return config_error(std::string("« bind_dn » sans mot de passe : donnez « bind_password_file » ou la variable "
                                        "d'environnement ") + kLdapPasswordVariable + ".",
                            std::string("\"bind_dn\" without a password: give \"bind_password_file\" or the "
                                        "environment variable ") + kLdapPasswordVariable + ".");
    }
    return config;
}

Result<LdapConfig> load_ldap_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::make(ErrorCode::not_found, "Fichier de configuration de l'annuaire illisible : " + path,
                           "Unreadable directory configuration file: " + path);
    std::string text;
    text.resize(kMaxLdapConfigBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxLdapConfigBytes)
        return config_error("fichier trop grand (1 Mo au plus) : " + path + ".", "file too large (1 MB at most): " + path + ".");
    const char* variable = std::getenv(kLdapPasswordVariable);
    return parse_ldap_config(text, variable ? std::optional<std::string>(variable) : std::nullopt);
}

}  // namespace cyberachat::directory
