#include "web/views/messages_panel.hpp"

#include "core/text_format.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

std::string message_kind_label(const std::string& kind) {
    static const std::vector<std::pair<std::string, std::string>> labels = {
        {"invitation", "Invitation"},
        {"reminder", "Rappel avant la date limite"},
        {"clarification_requested", "Précision demandée"},
        {"response_reopened", "Réponse rouverte"},
        {"deadline_extended", "Date limite prolongée"},
        {"submission_receipt", "Accusé de réception"},
        {"vendor_submitted", "Équipe : réponse soumise"},
        {"clarification_answered", "Équipe : précision apportée"},
        {"deadline_missed", "Équipe : date limite passée"},
    };
    for (const auto& [name, label] : labels)
        if (name == kind) return label;
    return kind;
}

std::string message_state_label(const MessageRow& message) {
    if (message.status == "sent") return "Envoyé le " + format_datetime(message.sent_at, Language::fr);
    if (message.status == "failed")
        return "Échec après " + std::to_string(message.attempts) + (message.attempts > 1 ? " tentatives" : " tentative") +
               (message.last_error.empty() ? std::string() : " : " + message.last_error);
    if (message.attempts > 0)
        return "En attente (" + std::to_string(message.attempts) + " tentative" + (message.attempts > 1 ? "s" : "") +
               " échouée" + (message.attempts > 1 ? "s" : "") + " : " + message.last_error + ")";
    return "En attente";
}

void write_messages_panel(html::HtmlWriter& w, const PageContext& context, const MessagesPanel& panel) {
    const std::string base = "/responses/" + std::to_string(panel.response_id);
    w.open("section", {{"aria-labelledby", "messages-title"}, {"id", "messages"}});
    w.element("h2", {{"id", "messages-title"}}, "Messages");
    if (!panel.delivery_configured) w.element("p", {{"class", "notice"}, {"role", "note"}}, kNoSmtpNotice);
    if (panel.can_send_invitation) {
        w.open("form", {{"method", "post"}, {"action", base + "/send-invitation"}, {"class", "inline-form"}});
        write_csrf_field(w, context);
        w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Envoyer l'invitation");
        w.element("span", {{"class", "hint"}}, " Un nouveau lien est créé et envoyé par e-mail : le lien actuel cesse de fonctionner.");
        w.close("form");
    }
    if (panel.messages.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucun message pour ce fournisseur.");
        w.close("section");
        return;
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table messages"}});
    w.element("caption", {{"class", "visually-hidden"}}, "Messages envoyés ou en attente");
    w.open("thead").open("tr");
    for (const char* header : {"Message", "Destinataire", "Créé le", "État", "Actions"}) w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead").open("tbody");
    for (const MessageRow& message : panel.messages) {
        w.open("tr", {{"data-message-status", message.status}});
        w.element("th", {{"scope", "row"}}, message_kind_label(message.kind));
        w.element("td", message.recipient);
        w.element("td", format_datetime(message.created_at, Language::fr));
        w.element("td", message_state_label(message));
        w.open("td", {{"class", "actions-cell"}});
        if (panel.can_resend) {
            const std::string id = std::to_string(message.id);
            w.open("form", {{"method", "post"}, {"action", base + "/messages/" + id + "/resend"}, {"class", "inline-form"}});
            write_csrf_field(w, context);
            if (message.kind == "invitation" && message.status != "pending") {
                w.open("label", {{"class", "block"}});
                w.void_tag("input", {{"type", "checkbox"}, {"name", "confirm"}, {"value", "1"}, {"required", true}});
                w.text(" Un nouveau lien sera créé : l'ancien cessera de fonctionner.");
                w.close("label");
            }
            w.open("button", {{"type", "submit"}, {"class", "button button-small"}});
            w.text("Renvoyer");
            w.element("span", {{"class", "visually-hidden"}}, " — " + message_kind_label(message.kind) + " n° " + id);
            w.close("button");
            w.close("form");
        }
        w.close("td");
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.close("section");
}

}  // namespace cyberachat::web::views
