#pragma once
// A vendor starts from its company's earlier response (issue 17), on its pages: the list, the
// preview of one, and applying it. One function per action, registered by register_reuse_routes.
#include "web/routes/action.hpp"

namespace cyberachat::web::reuse_routes {

// GET /vendor/reuse
void earlier_list(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /vendor/reuse/{response}
void preview(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /vendor/reuse/{response}
void apply(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::reuse_routes
