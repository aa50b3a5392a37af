#pragma once
// What the hospital pages and the API show of a vendor's e-mails (services::MailService).
#include <nlohmann/json.hpp>

#include "web/views/acquisition_page.hpp"
#include "web/views/messages_panel.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// The response's messages for its page; "storage" when they cannot be read.
Result<views::MessagesPanel> messages_panel(WebApp& app, const VendorResponse& response, const views::PurchaseRights& rights);
// Whether a server sends e-mail, and which of the purchase's vendors were sent an invitation e-mail.
views::AcquisitionMailState acquisition_mail_state(WebApp& app, Id acquisition_id);
// {"id", "kind", "recipient", "language", "subject", "status", "attempts", "last_error", "created_at", "sent_at"}: never a link.
nlohmann::json message_json(const store::OutboxMessage& message);

}  // namespace cyberachat::web
