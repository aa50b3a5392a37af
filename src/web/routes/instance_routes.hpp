#pragma once
// The hospital's identity: its administration page (administrators) and its logo (public: vendor
// pages and e-mails show it).
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::instance_routes {

void identity_page(WebApp& app, const httplib::Request& req, httplib::Response& res);    // GET /admin/instance
void update_identity(WebApp& app, const httplib::Request& req, httplib::Response& res);  // POST /admin/instance
void logo(WebApp& app, const httplib::Request& req, httplib::Response& res);             // GET /instance/logo.png

}  // namespace cyberachat::web::instance_routes
