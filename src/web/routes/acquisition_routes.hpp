#pragma once
// Hospital pages: the list of purchases, creating and editing one, inviting vendors.
// One function per action (request in, response out), registered by register_acquisition_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::acquisition_routes {

// GET /acquisitions
void list_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /acquisitions/new
void new_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions
void create(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /acquisitions/{id}
void show_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /acquisitions/{id}/edit
void edit_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions/{id}
void update(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions/{id}/vendors
void invite_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::acquisition_routes
