#pragma once
// Static assets embedded in the binary, and the health check.
// One function per action (request in, response out), registered by register_asset_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::asset_routes {

// GET /healthz
void health(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::asset_routes
