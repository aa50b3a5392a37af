#pragma once
// The e-mails as templates the hospital can read (src/mail/templates/messages.yaml, embedded;
// shown in docs/email.md): per kind and language a subject, a plain text and an HTML body with
// {placeholders}. Rendering replaces each placeholder by its value — escaped in the HTML — and
// refuses a placeholder it has no value for.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.hpp"
#include "core/result.hpp"

namespace cyberachat::mail {

struct RenderedMail {
    std::string subject;
    std::string text;  // plain text
    std::string html;  // a whole HTML document
};

using MailValues = std::map<std::string, std::string>;  // placeholder name (without braces) → plain text

// What stands for the secret link in a queued message's bodies until it is sent (the link itself
// is kept apart, and erased once sent).
inline constexpr std::string_view kSecretLinkPlaceholder = "[[cyberachat-secret-link]]";

class MessageTemplates {
public:
    // "invalid_value" (with the line) for a file that is not a map of kind → language → texts,
    // or a kind without French.
    static Result<MessageTemplates> parse(std::string_view yaml);
    // The embedded src/mail/templates/messages.yaml.
    static const MessageTemplates& builtin();

    std::vector<std::string> kinds() const;
    bool has(std::string_view kind) const;
    // The kind in `language`, else in French. "not_found" for an unknown kind; "invalid_value" for
    // a placeholder that `values` lacks.
    Result<RenderedMail> render(std::string_view kind, Language language, const MailValues& values) const;

private:
    struct Texts {
        std::string subject, text, html;
    };
    std::map<std::string, std::map<std::string, Texts>, std::less<>> kinds_;  // kind → "fr"/"en" → texts
};

}  // namespace cyberachat::mail
