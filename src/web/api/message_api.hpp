#pragma once
// Hospital JSON API v1: a vendor's e-mails (never a link).
#include "web/routes/action.hpp"

namespace cyberachat::web::message_api {

// GET /api/v1/acquisitions/{acquisition}/responses/{response}/messages → {"messages": [...], "delivery_configured"}
void list_messages(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/acquisitions/{acquisition}/responses/{response}/messages/{message}/resend → 202 the message
// (an invitation no longer pending gets a new link: the old one stops working)
void resend(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/acquisitions/{acquisition}/responses/{response}/send-invitation → 202 the message
void send_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::message_api
