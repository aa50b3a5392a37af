#pragma once
// Hospital login and logout.
// One function per action (request in, response out), registered by register_auth_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::auth_routes {

// GET /
void home(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /login
void login_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /login
void login(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /logout
void logout(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::auth_routes
