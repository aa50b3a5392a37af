#include "security/common_passwords.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace cyberachat::security {
namespace {

// Bases: the digits and signs around them are set aside by the policy.
constexpr std::string_view kCommonPasswords[] = {
    "abc", "abcd", "access", "admin", "administrateur", "administrator", "amour", "azerty", "azertyuiop",
    "baseball", "batman", "bienvenue", "bisous", "bonjour", "bonsoir", "camille", "changeme", "charlie",
    "cheval", "chocolat", "chouchou", "chouette", "cyberachat", "dauphin", "default", "dragon", "doudou",
    "dubois", "dupont", "ecole", "football", "france", "freedom", "garfield", "hello", "hopital", "hospital",
    "iloveyou", "jesus", "jetaime", "jordan", "julien", "letmein", "liberte", "lolita", "loulou", "love",
    "mamour", "marseille", "master", "matrix", "merlin", "michael", "michel", "monkey", "monmotdepasse",
    "motdepass", "motdepasse", "mustang", "nicolas", "nounours", "olivier", "p@ssw0rd", "p@ssword", "paris",
    "pass", "passe", "passw0rd", "password", "passwort", "pokemon", "princesse", "qazwsx", "qwerty",
    "qwertyuiop", "qwertz", "sante", "secret", "sesame", "shadow", "soleil", "sophie", "starwars",
    "summer", "sunshine", "superman", "test", "toto", "trustno1", "welcome", "whatever", "zxcvbnm",
    "0000", "1111", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890",
    "123123", "azerty123", "chu", "clinique", "hiver", "printemps", "ete", "automne", "janvier",
    "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
};

}  // namespace

bool is_common_password(std::string_view lowered) {
    static const std::vector<std::string_view> sorted = [] {
        std::vector<std::string_view> copy(std::begin(kCommonPasswords), std::end(kCommonPasswords));
        std::sort(copy.begin(), copy.end());
        return copy;
    }();
    return std::binary_search(sorted.begin(), sorted.end(), lowered);
}

}  // namespace cyberachat::security
