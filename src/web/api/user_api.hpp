#pragma once
// Account administration API (administrators only, Authorization: Bearer <API token>): the same
// actions as the /admin/users pages. One function per action, registered by register_user_api.
#include "web/routes/action.hpp"

namespace cyberachat::web::user_api {

// GET /api/v1/users
void list_users(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/users {email, display_name?, role, password?: "generated" (default) | "link"}
void create_user(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/users/{id}
void get_user(WebApp& app, const httplib::Request& req, httplib::Response& res);

// PATCH /api/v1/users/{id} {role?, active?}
void update_user(WebApp& app, const httplib::Request& req, httplib::Response& res);

// DELETE /api/v1/users/{id}
void delete_user(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/users/{id}/reset-link
void create_reset_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::user_api
