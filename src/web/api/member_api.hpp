#pragma once
// The API of a purchase's team. One function per endpoint, registered by register_member_api.
#include "web/routes/action.hpp"

namespace cyberachat::web::member_api {

// GET /api/v1/acquisitions/{id}/members → [{user_id, email, display_name, role, origin, added_at, added_by}]
void list_members(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/acquisitions/{id}/members {email, role} → 200 with the member (role optional: the
// account role's default)
void put_member(WebApp& app, const httplib::Request& req, httplib::Response& res);

// DELETE /api/v1/acquisitions/{id}/members/{user} → 204
void remove_member(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::member_api
