#pragma once
// Hospital pages about one vendor: reading its response, its documents, its link, reopening.
// One function per action (request in, response out), registered by register_response_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::response_routes {

// GET /responses/{id}
void response_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/regenerate
// Regenerate: a new secret link, shown once; the old one stops working at once.
void regenerate_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/revoke
void revoke_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/reopen
void reopen(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::response_routes
