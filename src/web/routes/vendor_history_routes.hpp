#pragma once
// Hospital pages of a vendor's history across purchases (issue 17, part 2): its responses with
// their scores and the answers that changed, and two responses side by side. One function per
// action, registered by register_vendor_history_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::vendor_history_routes {

// GET /responses/{id}/history[?from=A&to=B]
void history_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /responses/{id}/compare/{other}
void compare_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::vendor_history_routes
