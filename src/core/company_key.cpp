#include "core/company_key.hpp"

#include <array>
#include <cctype>

namespace cyberachat {
namespace {

// Mailboxes anyone may open: their domain is nobody's company.
constexpr std::array<std::string_view, 24> kPublicMailDomains = {
    "gmail.com",   "googlemail.com", "outlook.com", "outlook.fr",  "hotmail.com", "hotmail.fr", "live.com",  "live.fr",
    "msn.com",     "yahoo.com",      "yahoo.fr",    "icloud.com",  "me.com",      "aol.com",    "orange.fr", "wanadoo.fr",
    "free.fr",     "sfr.fr",         "laposte.net", "gmx.fr",      "gmx.com",     "proton.me",  "protonmail.com", "yandex.com"};

std::string compact(std::string_view identifier) {
    std::string out;
    for (const char c : identifier) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '.' || c == '-' || c == '/') continue;
        if (!std::isalnum(u)) return "";  // not an identifier
        out.push_back(static_cast<char>(std::toupper(u)));
    }
    return out;
}

bool all_digits(std::string_view text) {
    for (const char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !text.empty();
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

bool valid_company_identifier(std::string_view identifier) {
    bool blank = true;
    for (const char c : identifier) blank = blank && c == ' ';
    if (blank) return true;
    const std::string id = compact(identifier);
    return id.size() >= 4 && id.size() <= 40;
}

std::string company_key(std::string_view company_identifier, std::string_view email) {
    if (const std::string id = compact(company_identifier); id.size() >= 4 && id.size() <= 40) {
        if (all_digits(id) && (id.size() == 9 || id.size() == 14)) return "siren:" + id.substr(0, 9);
        return "id:" + id;
    }
    const auto at = email.rfind('@');
    if (at == std::string_view::npos || at + 1 >= email.size()) return "";
    std::string domain = lower(email.substr(at + 1));
    while (!domain.empty() && (domain.back() == ' ' || domain.back() == '.')) domain.pop_back();
    if (domain.find('.') == std::string::npos || domain.size() > 253) return "";
    for (const auto& public_domain : kPublicMailDomains)
        if (domain == public_domain) return "";
    return "domain:" + domain;
}

std::string company_key_label(std::string_view key) {
    if (key.rfind("siren:", 0) == 0) {
        const std::string_view siren = key.substr(6);
        if (siren.size() == 9)
            return "SIREN " + std::string(siren.substr(0, 3)) + " " + std::string(siren.substr(3, 3)) + " " +
                   std::string(siren.substr(6));
        return "SIREN " + std::string(siren);
    }
    if (key.rfind("id:", 0) == 0) return "identifiant " + std::string(key.substr(3));
    if (key.rfind("domain:", 0) == 0) return "domaine " + std::string(key.substr(7));
    return std::string(key);
}

}  // namespace cyberachat
