// Loading the directory's YAML file: a valid file gives every setting; each mistake is refused
// with a message (French and English) that says which key and where, never the password.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "directory/ldap_config.hpp"

namespace cyberachat::directory {
namespace {

const std::string kValidLdapYaml = R"yaml(url: ldap://annuaire.chu-test.fr:389
starttls: true
bind_dn: cn=cyberachat,ou=services,dc=chu-test,dc=fr
user_base: ou=people,dc=chu-test,dc=fr
user_filter: "(&(objectClass=inetOrgPerson)(|(mail={login})(uid={login})))"
group_base: ou=groups,dc=chu-test,dc=fr
roles:
  it: ["cn=cyberachat-it,ou=groups,dc=chu-test,dc=fr", "cn=rssi,ou=groups,dc=chu-test,dc=fr"]
  admin:
    - cn=cyberachat-admin,ou=groups,dc=chu-test,dc=fr
  buyer: cn=cyberachat-buyer,ou=groups,dc=chu-test,dc=fr
allowed_groups:
  - cn=cyberachat,ou=groups,dc=chu-test,dc=fr
timeout_seconds: 3
)yaml";

const std::optional<std::string> kEnvironmentPassword = std::string("secret-du-compte-de-service");

// The French and English messages of a refused file, together.
std::string refusal(const std::string& yaml, const std::optional<std::string>& password = kEnvironmentPassword) {
    auto config = parse_ldap_config(yaml, password);
    if (config) return "(accepted)";
    EXPECT_EQ(config.error().code, ErrorCode::invalid_value);
    return config.error().message.fr + " | " + config.error().message.in(Language::en);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

class LdapConfigFiles : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("cyb-ldap-config-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) {
        const auto path = dir_ / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
    std::filesystem::path dir_;
};

TEST(LdapConfig, AValidFileGivesEverySetting) {
    auto config = parse_ldap_config(kValidLdapYaml, kEnvironmentPassword);
    ASSERT_TRUE(config.ok()) << config.error().message.fr;
    EXPECT_EQ(config->url, "ldap://annuaire.chu-test.fr:389");
    EXPECT_TRUE(config->starttls);
    EXPECT_EQ(config->bind_dn, "cn=cyberachat,ou=services,dc=chu-test,dc=fr");
    EXPECT_EQ(config->bind_password, "secret-du-compte-de-service");
    EXPECT_EQ(config->user_base, "ou=people,dc=chu-test,dc=fr");
    EXPECT_EQ(config->group_base, "ou=groups,dc=chu-test,dc=fr");
    EXPECT_EQ(config->group_filter, "(|(member={dn})(uniqueMember={dn}))");
    EXPECT_EQ(config->email_attribute, "mail");
    EXPECT_EQ(config->timeout, std::chrono::seconds(3));
    // In the fixed order admin, biomedical, it, buyer, whatever the file's.
    ASSERT_EQ(config->roles.size(), 3u);
    EXPECT_EQ(config->roles[0].role, Role::admin);
    EXPECT_EQ(config->roles[1].role, Role::it);
    EXPECT_EQ(config->roles[1].group_dns.size(), 2u);
    EXPECT_EQ(config->roles[2].role, Role::buyer);
    EXPECT_EQ(config->roles[2].group_dns, std::vector<std::string>{"cn=cyberachat-buyer,ou=groups,dc=chu-test,dc=fr"});
    EXPECT_EQ(config->allowed_groups.size(), 1u);
    EXPECT_FALSE(config->default_role.has_value());
}

TEST(LdapConfig, TheDescriptionServePrintsHasNoSecret) {
    auto config = parse_ldap_config(kValidLdapYaml, kEnvironmentPassword);
    ASSERT_TRUE(config.ok());
    const std::string shown = config->describe();
    EXPECT_NE(shown.find("ldap://annuaire.chu-test.fr:389"), std::string::npos) << shown;
    EXPECT_NE(shown.find("StartTLS"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("secret"), std::string::npos) << shown;
}

TEST(LdapConfig, AnUnknownKeyIsNamedWithItsLine) {
    const std::string text = refusal(kValidLdapYaml + "user_filtre: (uid={login})\n");
    EXPECT_NE(text.find("clé inconnue « user_filtre » (ligne 15)"), std::string::npos) << text;
    EXPECT_NE(text.find("unknown key \"user_filtre\" (line 15)"), std::string::npos) << text;
    EXPECT_NE(text.find("user_filter"), std::string::npos) << text;  // the known keys are listed
}

TEST(LdapConfig, TheAddressIsRequiredAndLdapOrLdaps) {
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "url: ldap://annuaire.chu-test.fr:389\n", "")).find("« url » manque"),
              std::string::npos);
    const std::string http = refusal(replaced(kValidLdapYaml, "ldap://annuaire", "http://annuaire"));
    EXPECT_NE(http.find("ldap:// ou ldaps://"), std::string::npos) << http;
    EXPECT_NE(http.find("must start with ldap:// or ldaps://"), std::string::npos) << http;
    const std::string both = refusal(replaced(kValidLdapYaml, "ldap://annuaire", "ldaps://annuaire"));
    EXPECT_NE(both.find("starttls"), std::string::npos) << both;
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "starttls: true", "starttls: yes-please")).find("true ou false"),
              std::string::npos);
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "ldap://annuaire.chu-test.fr:389", "ldap://")).find("sans nom de serveur"),
              std::string::npos);
}

TEST(LdapConfig, ARoleMustBeOneOfTheApplications) {
    const std::string text = refusal(replaced(kValidLdapYaml, "  buyer:", "  acheteur:"));
    EXPECT_NE(text.find("rôle inconnu « acheteur »"), std::string::npos) << text;
    EXPECT_NE(text.find("admin, biomedical, it ou buyer"), std::string::npos) << text;
    EXPECT_NE(text.find("unknown role \"acheteur\""), std::string::npos) << text;
    EXPECT_NE(refusal(kValidLdapYaml + "default_role: chef\n").find("rôle inconnu « chef »"), std::string::npos);
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "  it: [\"cn=cyberachat-it,ou=groups,dc=chu-test,dc=fr\", \"cn=rssi,ou=groups,dc=chu-test,dc=fr\"]",
                               "  it: {a: b}"))
                  .find("« roles.it » doit être une liste"),
              std::string::npos);
}

TEST(LdapConfig, AGroupDnSplitByYamlIsCaught) {
    // Unquoted between [ ], YAML cuts a DN at each comma: the pieces are not DNs.
    const std::string text = refusal(replaced(kValidLdapYaml, "  it: [\"cn=cyberachat-it,ou=groups,dc=chu-test,dc=fr\",",
                                              "  it: [cn=cyberachat-it,ou=groups,dc=chu-test,dc=fr,"));
    EXPECT_NE(text.find("« roles.it » : « cn=cyberachat-it » n'est pas le DN complet d'un groupe"), std::string::npos) << text;
    EXPECT_NE(text.find("un DN par ligne"), std::string::npos) << text;
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "  - cn=cyberachat,ou=groups,dc=chu-test,dc=fr", "  - cyberachat"))
                  .find("« allowed_groups » : « cyberachat »"),
              std::string::npos);
}

TEST(LdapConfig, RolesAndFiltersAreChecked) {
    std::string no_roles = kValidLdapYaml.substr(0, kValidLdapYaml.find("roles:")) + "allowed_groups: [\"cn=x,dc=fr\"]\n";
    EXPECT_NE(refusal(no_roles).find("« roles » manque"), std::string::npos);
    EXPECT_EQ(refusal(no_roles + "default_role: biomedical\n"), "(accepted)");  // everyone allowed is biomedical
    const std::string without_allowed = replaced(kValidLdapYaml, "allowed_groups:\n  - cn=cyberachat,ou=groups,dc=chu-test,dc=fr\n", "");
    EXPECT_NE(refusal(without_allowed + "default_role: buyer\n").find("« default_role » demande « allowed_groups »"),
              std::string::npos);
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "(|(mail={login})(uid={login}))", "(uid=x)")).find("doit contenir {login}"),
              std::string::npos);
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "\"(&(objectClass", "\"&(objectClass")).find("entre parenthèses"),
              std::string::npos);
    EXPECT_NE(refusal(kValidLdapYaml + "group_filter: (member=x)\n").find("doit contenir {dn}"), std::string::npos);
    EXPECT_NE(refusal(replaced(kValidLdapYaml, "timeout_seconds: 3", "timeout_seconds: 600")).find("de 1 à 60"),
              std::string::npos);
    EXPECT_NE(refusal(kValidLdapYaml + "email_attribute: \"mail)(x\"\n").find("nom d'attribut invalide"), std::string::npos);
    EXPECT_NE(refusal("- url\n- user_base\n").find("table de clés"), std::string::npos);
    EXPECT_NE(refusal("url: [unclosed\n").find("YAML illisible, ligne"), std::string::npos);
}

TEST(LdapConfig, AServiceAccountNeedsItsPassword) {
    const std::string text = refusal(kValidLdapYaml, std::nullopt);
    EXPECT_NE(text.find("bind_password_file"), std::string::npos) << text;
    EXPECT_NE(text.find("CYBERACHAT_LDAP_PASSWORD"), std::string::npos) << text;
    EXPECT_NE(refusal(kValidLdapYaml, std::string()).find("sans mot de passe"), std::string::npos);
    // Without bind_dn: an anonymous search, no password wanted.
    auto anonymous = parse_ldap_config(
        replaced(kValidLdapYaml, "bind_dn: cn=cyberachat,ou=services,dc=chu-test,dc=fr\n", ""), std::nullopt);
    ASSERT_TRUE(anonymous.ok()) << anonymous.error().message.fr;
    EXPECT_TRUE(anonymous->bind_password.empty());
    EXPECT_NE(anonymous->describe().find("recherche anonyme"), std::string::npos);
}

TEST_F(LdapConfigFiles, ThePasswordFileIsReadOnceWithoutItsNewline) {
    const std::string password_file = write("ldap-password", "mot-de-passe-du-fichier\n");
    const std::string yaml = kValidLdapYaml + "bind_password_file: " + password_file + "\n";
    auto config = parse_ldap_config(yaml, kEnvironmentPassword);  // the file wins over the variable
    ASSERT_TRUE(config.ok()) << config.error().message.fr;
    EXPECT_EQ(config->bind_password, "mot-de-passe-du-fichier");
    auto loaded = load_ldap_config(write("ldap.yaml", yaml));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.fr;
    EXPECT_EQ(loaded->bind_password, "mot-de-passe-du-fichier");
}

TEST_F(LdapConfigFiles, AnUnreadableOrEmptyPasswordFileIsNamed) {
    const std::string missing = (dir_ / "absent").string();
    const std::string text = refusal(kValidLdapYaml + "bind_password_file: " + missing + "\n");
    EXPECT_NE(text.find("fichier du mot de passe du compte de service illisible : " + missing), std::string::npos) << text;
    const std::string empty = write("vide", "\n");
    EXPECT_NE(refusal(kValidLdapYaml + "bind_password_file: " + empty + "\n").find("est vide"), std::string::npos);
    const std::string no_dn = replaced(kValidLdapYaml, "bind_dn: cn=cyberachat,ou=services,dc=chu-test,dc=fr\n", "");
    EXPECT_NE(refusal(no_dn + "bind_password_file: " + empty + "\n").find("sans « bind_dn »"), std::string::npos);
}

TEST_F(LdapConfigFiles, AMissingConfigurationFileIsNotFound) {
    auto config = load_ldap_config((dir_ / "absent.yaml").string());
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ErrorCode::not_found);
    EXPECT_NE(config.error().message.fr.find("absent.yaml"), std::string::npos);
}

}  // namespace
}  // namespace cyberachat::directory
