#pragma once
// "Mon compte" (any logged-in hospital user) and the password reset link (no session: the link's
// secret). One function per action, registered by register_account_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::account_routes {

// GET /account
void show_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /account/password (current_password, new_password, confirm_password)
void change_password(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /account/sessions/end (session: its reference)
void end_session(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /account/tokens (name, days)
void create_token(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /account/tokens/{id}/revoke
void revoke_token(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /reset-password/{token}
void reset_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /reset-password/{token} (new_password, confirm_password, _csrf)
void reset_password(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::account_routes
