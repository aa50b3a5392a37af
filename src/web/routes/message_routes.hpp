#pragma once
// Hospital pages' actions on a vendor's e-mails (the "Messages" section of the response page).
#include "web/routes/action.hpp"

namespace cyberachat::web::message_routes {

// POST /responses/{id}/send-invitation: a new link in an invitation e-mail (the old link stops working).
void send_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/messages/{message}/resend (an invitation no longer pending: with confirm=1,
// as it makes a new link).
void resend(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::message_routes
