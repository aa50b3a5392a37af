#pragma once
// Sending one message to one recipient through SMTP, with libcurl: smtp:// (STARTTLS when the
// server offers it: CURLUSESSL_TRY) or smtps:// (TLS from the start), optional login, timeouts
// (connection and whole exchange) so that a dead server never holds the sending thread.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "mail/smtp_settings.hpp"

namespace cyberachat::mail {

// What sends a rendered message (the SMTP transport; tests may give another).
class MailTransport {
public:
    virtual ~MailTransport() = default;
    // `mime`: the whole message (render_mime). "output_failed" with the server's or libcurl's
    // message (never the password) when it was not accepted.
    virtual Result<void> send(const std::string& recipient, const std::string& mime) = 0;
    virtual const std::string& from_address() const = 0;
};

class SmtpTransport final : public MailTransport {
public:
    explicit SmtpTransport(SmtpSettings settings);
    Result<void> send(const std::string& recipient, const std::string& mime) override;
    const std::string& from_address() const override { return settings_.from_address; }
    const SmtpSettings& settings() const { return settings_; }

private:
    SmtpSettings settings_;
};

}  // namespace cyberachat::mail
