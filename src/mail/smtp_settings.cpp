#include "mail/smtp_settings.hpp"

#include <fstream>

#include "mail/mime_message.hpp"

namespace cyberachat::mail {

namespace {

Error smtp_setting_error(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, fr, en);
}

}  // namespace

Result<SmtpSettings> make_smtp_settings(const std::string& url, const std::string& from_address,
                                        const std::string& user, const std::string& password_file,
                                        const char* environment_password) {
    SmtpSettings settings;
    settings.url = url;
    const bool plain = url.rfind("smtp://", 0) == 0, tls = url.rfind("smtps://", 0) == 0;
    const std::string host = url.substr(plain ? 7 : tls ? 8 : 0);
    if ((!plain && !tls) || host.empty() || host.front() == ':' || host.front() == '/')
        return smtp_setting_error("--smtp-url : smtp://hôte:port ou smtps://hôte:port attendu (« " + url + " »).",
                                  "--smtp-url: smtp://host:port or smtps://host:port expected (\"" + url + "\").");
    if (from_address.empty())
        return smtp_setting_error("--smtp-from est obligatoire avec --smtp-url (l'adresse d'expédition).",
                                  "--smtp-from is required with --smtp-url (the sender's address).");
    if (!valid_mail_address(from_address))
        return smtp_setting_error("--smtp-from : adresse invalide (« " + from_address + " »).",
                                  "--smtp-from: invalid address (\"" + from_address + "\").");
    settings.from_address = from_address;
    settings.user = user;
    if (!password_file.empty()) {
        std::ifstream in(password_file);
        if (!in)
            return smtp_setting_error("Impossible de lire le fichier du mot de passe SMTP « " + password_file + " ».",
                                      "Cannot read the SMTP password file \"" + password_file + "\".");
        std::getline(in, settings.password);
        if (!settings.password.empty() && settings.password.back() == '\r') settings.password.pop_back();
    } else if (environment_password) {
        settings.password = environment_password;
    }
    if (!settings.password.empty() && user.empty())
        return smtp_setting_error("Un mot de passe SMTP est donné sans --smtp-user.",
                                  "An SMTP password is given without --smtp-user.");
    return settings;
}

Result<void> use_smtp_ca_file(SmtpSettings& settings, const std::string& ca_file) {
    std::ifstream in(ca_file);
    const std::string text = in.is_open() ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
    if (!in.is_open())
        return smtp_setting_error("Impossible de lire le fichier de certificats « " + ca_file + " » (--smtp-ca-file).",
                                  "Cannot read the certificate file \"" + ca_file + "\" (--smtp-ca-file).");
    if (text.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
        return smtp_setting_error("--smtp-ca-file : « " + ca_file + " » ne contient aucun certificat PEM.",
                                  "--smtp-ca-file: \"" + ca_file + "\" holds no PEM certificate.");
    settings.ca_file = ca_file;
    return {};
}

std::string describe_smtp(const SmtpSettings& settings) {
    std::string out = settings.url;
    out += settings.url.rfind("smtps://", 0) == 0 ? " (TLS)" : " (STARTTLS si le serveur le propose)";
    out += ", expéditeur " + settings.from_address;
    if (!settings.user.empty()) out += ", compte " + settings.user;
    return out;
}

}  // namespace cyberachat::mail
