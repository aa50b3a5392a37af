#pragma once
// Account administration pages (administrators only: 403 for the other roles until the central
// access policy guards every route). One function per action, registered by
// register_user_admin_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::user_admin_routes {

// GET /admin/users
void list_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /admin/users (email, display_name, role, password=generated|link)
void create(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /admin/users/{id}/role (role)
void set_role(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /admin/users/{id}/active (active=0|1)
void set_active(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /admin/users/{id}/reset-link
void reset_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /admin/users/{id}/delete (confirm=1)
void remove(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::user_admin_routes
