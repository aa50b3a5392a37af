#pragma once
// Hospital JSON API v1 for a vendor's history across purchases (issue 17, part 2; Authorization:
// Bearer <API token>): its responses in the purchases the caller may view, with their scores, and
// the answers that changed between two of them. Registered by register_vendor_history_api
// (web/routes/routes.hpp); documented in docs/api.md.
#include "web/routes/action.hpp"

namespace cyberachat::web::vendor_history_api {

// GET /api/v1/responses/{id}/history[?from=A&to=B]
void get_history(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::vendor_history_api
