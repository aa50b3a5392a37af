#pragma once
// API tokens over the API (Authorization: Bearer <API token>): one's own; administrators may name
// another account with ?user=ID. One function per action, registered by register_token_api.
#include "web/routes/action.hpp"

namespace cyberachat::web::token_api {

// GET /api/v1/tokens[?user=ID]
void list_tokens(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/tokens[?user=ID] {name, expires_in_days? (1–365, 90 by default)}
void create_token(WebApp& app, const httplib::Request& req, httplib::Response& res);

// DELETE /api/v1/tokens/{id}
void revoke_token(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::token_api
