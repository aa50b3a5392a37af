#pragma once
// How the server reaches its SMTP relay (`serve --smtp-url …`): checked once at start.
#include <optional>
#include <string>

#include "core/result.hpp"

namespace cyberachat::mail {

struct SmtpSettings {
    std::string url;           // smtp://host:port (STARTTLS when offered) or smtps://host:port (TLS from the start)
    std::string from_address;  // the envelope sender and the From: address
    std::string user;          // empty: no authentication
    std::string password;      // never logged, never on the command line
    std::string ca_file;       // PEM file of the CA(s) that signed the relay's certificate (an internal CA); empty: the system's
    long connect_timeout_seconds = 10;
    long timeout_seconds = 60;  // the whole exchange: a dead server never holds the sender longer
};

// Checks the URL (smtp:// or smtps://, a host) and the sender's address; the password comes from
// `password_file` (its first line) when given, else from `environment_password` (the variable
// CYBERACHAT_SMTP_PASSWORD; nullptr: unset). "invalid_value" with a French and English message.
Result<SmtpSettings> make_smtp_settings(const std::string& url, const std::string& from_address,
                                        const std::string& user, const std::string& password_file,
                                        const char* environment_password);

// `--smtp-ca-file`: the CA certificates (PEM) to check the relay's certificate with, instead of
// the system's store; "invalid_value" when the file cannot be read or holds no certificate.
Result<void> use_smtp_ca_file(SmtpSettings& settings, const std::string& ca_file);

// "smtp://relay.chu.fr:25 (STARTTLS si proposé)": what the server prints at start (no password).
std::string describe_smtp(const SmtpSettings& settings);

}  // namespace cyberachat::mail
