#include "web/mail_support.hpp"

namespace cyberachat::web {

namespace {

views::MessageRow message_row(const store::OutboxMessage& message) {
    return views::MessageRow{message.id,         message.kind,       message.recipient, message.status,
                             message.attempts,   message.last_error, message.created_at, message.sent_at};
}

bool has_invitation(const std::vector<store::OutboxMessage>& messages) {
    for (const auto& message : messages)
        if (message.kind == "invitation") return true;
    return false;
}

}  // namespace

Result<views::MessagesPanel> messages_panel(WebApp& app, const VendorResponse& response, const views::PurchaseRights& rights) {
    TRY_ASSIGN(auto messages, app.mail.messages_for_response(response.id));
    views::MessagesPanel panel;
    panel.response_id = response.id;
    panel.delivery_configured = app.mail.delivery_configured();
    panel.can_resend = rights.manage_links;
    panel.can_send_invitation = rights.invite && !response.email.empty() && !has_invitation(messages);
    for (const auto& message : messages) panel.messages.push_back(message_row(message));
    return panel;
}

views::AcquisitionMailState acquisition_mail_state(WebApp& app, Id acquisition_id) {
    views::AcquisitionMailState state;
    state.delivery_configured = app.mail.delivery_configured();
    if (auto messages = app.store->outbox.for_acquisition(acquisition_id)) {
        for (const auto& message : *messages)
            if (message.kind == "invitation" && message.response_id != 0) state.invited_by_mail.push_back(message.response_id);
    } else {
        // Unreadable: offer no "send" button rather than a duplicate invitation.
        if (auto responses = app.store->responses.list_for(acquisition_id))
            for (const auto& response : *responses) state.invited_by_mail.push_back(response.id);
    }
    return state;
}

nlohmann::json message_json(const store::OutboxMessage& message) {
    return {{"id", message.id},
            {"kind", message.kind},
            {"recipient", message.recipient},
            {"language", message.language},
            {"subject", message.subject},
            {"status", message.status},
            {"attempts", message.attempts},
            {"last_error", message.last_error},
            {"created_at", message.created_at},
            {"sent_at", message.sent_at.empty() ? nlohmann::json() : nlohmann::json(message.sent_at)}};
}

}  // namespace cyberachat::web
