#pragma once
// The "Messages" section of the hospital's response page: each e-mail queued for this vendor or
// about it (kind, recipient, state: en attente / envoyé le … / échec après N tentatives), with
// "Renvoyer" (POST /responses/{id}/messages/{message}/resend; for an invitation, a checkbox
// confirms that a new link is made and the old one stops working) and, for a vendor with an
// e-mail never sent an invitation, "Envoyer l'invitation" (POST /responses/{id}/send-invitation).
// Says so when no SMTP server is configured (messages wait in the outbox).
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct MessageRow {
    Id id = 0;
    std::string kind;  // invitation, reminder, …
    std::string recipient;
    std::string status;  // pending | sent | failed
    int attempts = 0;
    std::string last_error;
    std::string created_at, sent_at;
};

struct MessagesPanel {
    Id response_id = 0;
    std::vector<MessageRow> messages;  // newest first
    bool delivery_configured = false;
    bool can_resend = false;           // the caller manages the vendor's link
    bool can_send_invitation = false;  // the caller invites, the vendor has an e-mail and no invitation yet
};

// "Invitation", "Rappel", … ("" kinds as given).
std::string message_kind_label(const std::string& kind);
// "En attente", "Envoyé le 02/12/2026 à 09:05", "Échec après 10 tentatives : …".
std::string message_state_label(const MessageRow& message);
// The sentence the hospital pages show when no SMTP server is configured.
inline constexpr const char* kNoSmtpNotice = "Aucun serveur d'envoi configuré : les messages attendent dans la boîte d'envoi.";

void write_messages_panel(html::HtmlWriter& w, const PageContext& context, const MessagesPanel& panel);

}  // namespace cyberachat::web::views
